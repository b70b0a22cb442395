/**
 * @description The first-time guide (docs/behaviour.md, "New to the process"): for an AE (on the
 * panel, audience "ae") or a CSM (on the intake checklist, audience "csm") within their first N
 * handoffs, four steps for their role, which of their first handoffs is in hand ("Handoff 2 of
 * your first 5") and their buddy's name. "Hide for now" hides it for the browser session
 * (sessionStorage, per audience); the focus, which was on the button, goes to a short status line
 * saying so (announced), so a keyboard user is not dropped to the top of the page. Nothing shows
 * while loading, on an error, when the server says no, or once hidden in an earlier visit of the
 * session: the guide never blocks the page.
 *
 * Data: one Apex read (HandoffNewPeopleController.getGuide) when the component connects.
 */
import { LightningElement, api } from 'lwc';
import getGuide from '@salesforce/apex/HandoffNewPeopleController.getGuide';

import TITLE from '@salesforce/label/c.Handoff_New_People_Title';
import POSITION from '@salesforce/label/c.Handoff_New_People_Position';
import BUDDY from '@salesforce/label/c.Handoff_New_People_Buddy';
import NO_BUDDY from '@salesforce/label/c.Handoff_New_People_No_Buddy';
import HIDE from '@salesforce/label/c.Handoff_New_People_Hide';
import HIDE_HELP from '@salesforce/label/c.Handoff_New_People_Hide_Help';
import HIDDEN from '@salesforce/label/c.Handoff_New_People_Hidden';
import AE_STEP_1 from '@salesforce/label/c.Handoff_New_People_Ae_Step_1';
import AE_STEP_2 from '@salesforce/label/c.Handoff_New_People_Ae_Step_2';
import AE_STEP_3 from '@salesforce/label/c.Handoff_New_People_Ae_Step_3';
import AE_STEP_4 from '@salesforce/label/c.Handoff_New_People_Ae_Step_4';
import CSM_STEP_1 from '@salesforce/label/c.Handoff_New_People_Csm_Step_1';
import CSM_STEP_2 from '@salesforce/label/c.Handoff_New_People_Csm_Step_2';
import CSM_STEP_3 from '@salesforce/label/c.Handoff_New_People_Csm_Step_3';
import CSM_STEP_4 from '@salesforce/label/c.Handoff_New_People_Csm_Step_4';

/** @description The sessionStorage key of "Hide for now", per audience. */
export const HIDDEN_KEY_PREFIX = 'handoffFirstTimeGuide.hidden.';

const STEPS: Record<string, string[]> = {
  ae: [AE_STEP_1, AE_STEP_2, AE_STEP_3, AE_STEP_4],
  csm: [CSM_STEP_1, CSM_STEP_2, CSM_STEP_3, CSM_STEP_4]
};

/**
 * @description A label with its {0}, {1} … placeholders filled.
 * @param template the label
 * @param values the values, in placeholder order
 * @returns the text
 */
export function format(template: string, ...values: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole: string, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export default class HandoffFirstTimeGuide extends LightningElement {
  /** "ae" (the panel) or "csm" (the intake checklist). */
  @api audience: string = 'ae';

  guide: HandoffNewPeople.Guide | null = null;
  hidden = false;
  /** True once hidden by the button in this visit: the status line shows and takes the focus. */
  justHidden = false;

  labels = { TITLE, HIDE, HIDE_HELP, HIDDEN };

  connectedCallback(): void {
    this.hidden = storage()?.getItem(this.hiddenKey) === 'true';
    if (this.hidden) {
      return;
    }
    // Through a resolved promise, so a call that throws at once is handled as any failure.
    Promise.resolve()
      .then(() => getGuide({ audience: this.audience }))
      .then((guide: HandoffNewPeople.Guide | undefined) => {
        this.guide = guide ?? null;
      })
      .catch(() => {
        // The guide is a help, never a blocker: an error shows nothing.
        this.guide = null;
      });
  }

  get hiddenKey(): string {
    return HIDDEN_KEY_PREFIX + (this.audience === 'csm' ? 'csm' : 'ae');
  }

  get show(): boolean {
    return !this.hidden && this.guide?.show === true;
  }

  get position(): string {
    const guide = this.guide;
    return guide ? format(POSITION, guide.position ?? 1, guide.firstCount ?? 0) : '';
  }

  get buddy(): string {
    const name = this.guide?.buddyName;
    return name ? format(BUDDY, name) : NO_BUDDY;
  }

  get steps(): Array<{ key: string; text: string }> {
    return (STEPS[this.audience === 'csm' ? 'csm' : 'ae'] ?? []).map((text, index) => ({
      key: `step-${index + 1}`,
      text
    }));
  }

  handleHide(): void {
    this.hidden = true;
    this.justHidden = true;
    storage()?.setItem(this.hiddenKey, 'true');
    this.focusNote = true;
  }

  private focusNote = false;

  renderedCallback(): void {
    if (this.focusNote) {
      this.focusNote = false;
      const note = this.template.querySelector<HTMLElement>('[data-id="hidden-note"]');
      note?.focus();
    }
  }
}
