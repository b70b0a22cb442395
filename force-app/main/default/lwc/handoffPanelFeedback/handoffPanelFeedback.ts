/**
 * @description The AE's one question from Customer Success on the Opportunity panel
 * (docs/behaviour.md, "Handoff quality"): once the CSM's first touch is recorded, the deal's AE (or
 * an admin) sees a small card "One question from Customer Success: what was hard, what was
 * missing?" with a textarea (at most 2,000 characters), Send and Not now. Not now hides it for
 * the browser session (sessionStorage, per handoff); after Send it thanks and shows the answer.
 * Anyone else, or a question already answered, renders nothing.
 */
import { LightningElement, api } from 'lwc';
import getAeFeedback from '@salesforce/apex/HandoffPanelController.getAeFeedback';
import saveAeFeedback from '@salesforce/apex/HandoffPanelController.saveAeFeedback';
import TITLE from '@salesforce/label/c.Handoff_Quality_Feedback_Title';
import QUESTION from '@salesforce/label/c.Handoff_Quality_Feedback_Question';
import ANSWER from '@salesforce/label/c.Handoff_Quality_Feedback_Answer';
import SEND from '@salesforce/label/c.Handoff_Quality_Feedback_Send';
import NOT_NOW from '@salesforce/label/c.Handoff_Quality_Feedback_Not_Now';
import THANKS from '@salesforce/label/c.Handoff_Quality_Feedback_Thanks';
import BLANK from '@salesforce/label/c.Handoff_Quality_Feedback_Blank';
import FAILED from '@salesforce/label/c.Handoff_Quality_Feedback_Failed';

/** @description The answer's length (Handoff__c.AE_Feedback__c). */
export const FEEDBACK_MAX = 2000;
/** @description The sessionStorage key prefix of a question put off with Not now. */
export const NOT_NOW_KEY = 'handoffFeedbackNotNow:';

type View = HandoffQuality.FeedbackView;

/** An Apex error as the component receives it. */
type ApexError = { body?: { message?: string } } | undefined;

function messageOf(error: unknown): string {
  const apexMessage = (error as ApexError)?.body?.message;
  if (apexMessage) {
    return apexMessage;
  }
  return error instanceof Error ? error.message : String(error);
}

export default class HandoffPanelFeedback extends LightningElement {
  /** @description The Opportunity the panel is on. */
  @api recordId?: string;

  labels = {
    title: TITLE,
    question: QUESTION,
    answer: ANSWER,
    send: SEND,
    notNow: NOT_NOW,
    thanks: THANKS
  };
  maxLength = FEEDBACK_MAX;
  view?: View;
  draft = '';
  error = '';
  busy = false;
  sent = '';
  putOff = false;

  connectedCallback(): void {
    this.load().catch(() => undefined);
  }

  private async load(): Promise<void> {
    if (!this.recordId) {
      return;
    }
    try {
      this.view = await getAeFeedback({ opportunityId: this.recordId });
      this.putOff = !!this.view?.handoffId && this.isPutOff(this.view.handoffId);
    } catch {
      // The card is a courtesy: a failed read shows nothing rather than an error on the panel.
      this.view = undefined;
    }
  }

  /** The question, for the AE (or an admin) while it is open and not put off. */
  get showQuestion(): boolean {
    return !this.sent && !!this.view?.canAnswer && !this.putOff;
  }

  get showThanks(): boolean {
    return !!this.sent;
  }

  handleDraft(event: CustomEvent<{ value: string }>): void {
    this.draft = event.detail.value ?? '';
    if (this.error && this.draft.trim()) {
      this.error = '';
    }
  }

  async handleSend(): Promise<void> {
    const handoffId = this.view?.handoffId;
    if (!handoffId || this.busy) {
      return;
    }
    const answer = this.draft.trim();
    if (!answer) {
      this.error = BLANK;
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const saved = await saveAeFeedback({ handoffId, feedback: answer });
      this.sent = saved?.feedback ?? answer;
      // The Send button goes away with the card: the focus moves to the thanks, not the page.
      this.focusThanks = true;
    } catch (error) {
      this.error = FAILED.replace('{0}', messageOf(error));
    } finally {
      this.busy = false;
    }
  }

  private focusThanks = false;

  renderedCallback(): void {
    if (this.focusThanks) {
      const thanks = this.template.querySelector<HTMLElement>('[data-id="feedback-thanks"]');
      if (thanks) {
        this.focusThanks = false;
        thanks.focus();
      }
    }
  }

  handleNotNow(): void {
    const handoffId = this.view?.handoffId;
    if (handoffId) {
      try {
        window.sessionStorage.setItem(NOT_NOW_KEY + handoffId, '1');
      } catch {
        // Storage refused (private mode): hidden for this page view only.
      }
    }
    this.putOff = true;
  }

  private isPutOff(handoffId: string): boolean {
    try {
      return window.sessionStorage.getItem(NOT_NOW_KEY + handoffId) === '1';
    } catch {
      return false;
    }
  }
}
