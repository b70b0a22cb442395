/**
 * @description The intake's five forms in the product's modal dialog (c/handoffModal): accept
 * and return to Sales, both with the quality question (c/handoffQualityQuestion;
 * docs/behaviour.md, "Handoff quality"; return also: reasons, notes required with Other, the AE
 * task's due date), escalate (what is
 * missing; the description says where it goes), log the first touch (when, channel) and record
 * a repeat ask (the note). It keeps the draft, checks it on confirm (the browser's field messages
 * plus one line in the dialog) and fires `send` with the checked values; the checklist makes
 * the Apex call, keeps the form open with the server's message on a refusal (`error`) and closes
 * it on success. Cancel, Esc and the close button fire `cancel`.
 */
import { LightningElement, api } from 'lwc';
import { LABELS, isoDate } from 'c/handoffIntakeLabels';
import { emptyAnswer, isAnswerComplete } from 'c/handoffQualityQuestion';
import ACCEPT_DESCRIPTION from '@salesforce/label/c.Handoff_Quality_Accept_Description';
import QUALITY_INVALID from '@salesforce/label/c.Handoff_Quality_Invalid';

type Option = HandoffIntake.Option;

/** @description Which form. */
export type FormKind = 'accept' | 'return' | 'escalate' | 'firstTouch' | 'repeatAsk';

/** @description The form's values; `send` carries them. */
export interface FormDraft {
  reasons: string[];
  notes: string;
  dueDate: string;
  touchedAt: string;
  channel: string;
  /** The CSM's answer to "Did you get what you needed?" (accept and return). */
  answer: HandoffQuality.Answer;
}

/** @description The `send` event's detail. */
export interface FormSubmitDetail extends FormDraft {
  kind: FormKind;
}

const REASON_OTHER = 'Other';

const HEADINGS: Record<FormKind, string> = {
  accept: LABELS.accept,
  return: LABELS.returnAction,
  escalate: LABELS.escalate,
  firstTouch: LABELS.firstTouch,
  repeatAsk: LABELS.repeatAsk
};

const FORM_IDS: Record<FormKind, string> = {
  accept: 'accept-form',
  return: 'return-form',
  escalate: 'escalate-form',
  firstTouch: 'first-touch-form',
  repeatAsk: 'repeat-ask-form'
};

export default class HandoffIntakeForm extends LightningElement {
  /** @description Which form to show. */
  @api kind: FormKind = 'return';
  /** @description Where an escalation goes (escalate only). */
  @api escalateTarget = '';
  /** @description The suggested due date of the AE's task (return only), YYYY-MM-DD. */
  @api suggestedDueDate?: string | null;
  /** @description The return reasons to choose from. */
  @api returnReasonOptions: Option[] = [];
  /** @description The first-touch channels to choose from. */
  @api channelOptions: Option[] = [];
  /** @description True while the checklist sends the form. */
  @api busy = false;
  /** @description The server's refusal, shown in the dialog. */
  @api error = '';
  /** @description The deal's rule set fields the CSM may name missing or wrong (accept, return). */
  @api qualityFieldOptions: Option[] = [];

  labels = LABELS;
  draft: FormDraft = {
    reasons: [],
    notes: '',
    dueDate: '',
    touchedAt: '',
    channel: '',
    answer: emptyAnswer()
  };
  invalidText = '';

  connectedCallback(): void {
    this.draft = {
      ...this.draft,
      dueDate: this.suggestedDueDate ?? isoDate(2),
      touchedAt: new Date().toISOString()
    };
  }

  get heading(): string {
    return HEADINGS[this.kind];
  }

  get formId(): string {
    return FORM_IDS[this.kind];
  }

  get description(): string {
    if (this.kind === 'escalate') {
      return this.escalateTarget;
    }
    if (this.kind === 'accept') {
      return ACCEPT_DESCRIPTION;
    }
    return this.kind === 'firstTouch' ? LABELS.firstTouchAuto : '';
  }

  get isReturn(): boolean {
    return this.kind === 'return';
  }

  get isAccept(): boolean {
    return this.kind === 'accept';
  }

  /** The quality question comes with the accept and the return. */
  get asksQuality(): boolean {
    return this.kind === 'accept' || this.kind === 'return';
  }

  get isFirstTouch(): boolean {
    return this.kind === 'firstTouch';
  }

  get notesLabel(): string {
    return this.kind === 'escalate' ? LABELS.escalateReason : LABELS.repeatAskNote;
  }

  get returnNotesRequired(): boolean {
    return this.draft.reasons.includes(REASON_OTHER);
  }

  get todayIso(): string {
    return isoDate();
  }

  get nowIso(): string {
    return new Date().toISOString();
  }

  /** The check's message first (the user's to fix), else the server's. */
  get shownError(): string {
    return this.invalidText || this.error;
  }

  handleDraftChange(event: CustomEvent<{ value: string | string[] }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof FormDraft | undefined;
    if (!field) {
      return;
    }
    this.draft = { ...this.draft, [field]: event.detail.value } as FormDraft;
    if (this.invalidText) {
      // After a refused Send, each field's message and the banner go once it is fixed.
      (event.target as HTMLElement & { reportValidity?: () => boolean }).reportValidity?.();
      if (this.isValid()) {
        this.invalidText = '';
      }
    }
  }

  handleAnswerChange(event: CustomEvent<HandoffQuality.Answer>): void {
    this.draft = { ...this.draft, answer: event.detail };
    if (this.invalidText && this.isValid()) {
      this.invalidText = '';
    }
  }

  handleCancel(): void {
    this.dispatchEvent(new CustomEvent('cancel'));
  }

  handleSubmit(): void {
    this.template
      .querySelectorAll<HTMLElement & { reportValidity?: () => boolean }>('[data-field]')
      .forEach((input) => input.reportValidity?.());
    this.template
      .querySelector<HTMLElement & { reportValidity?: () => boolean }>('c-handoff-quality-question')
      ?.reportValidity?.();
    if (!this.isValid()) {
      this.invalidText =
        this.asksQuality && this.formFieldsValid() ? QUALITY_INVALID : LABELS.formInvalid;
      return;
    }
    this.invalidText = '';
    this.dispatchEvent(
      new CustomEvent<FormSubmitDetail>('send', { detail: { ...this.draft, kind: this.kind } })
    );
  }

  private isValid(): boolean {
    return this.formFieldsValid() && (!this.asksQuality || isAnswerComplete(this.draft.answer));
  }

  /** The form's own fields, without the quality question. */
  private formFieldsValid(): boolean {
    const draft = this.draft;
    const hasNotes = draft.notes.trim().length > 0;
    switch (this.kind) {
      case 'accept':
        return true;
      case 'return':
        return (
          draft.reasons.length > 0 &&
          (!draft.reasons.includes(REASON_OTHER) || hasNotes) &&
          (!draft.dueDate || draft.dueDate >= isoDate())
        );
      case 'firstTouch':
        return !!draft.channel && !!draft.touchedAt;
      default:
        return hasNotes;
    }
  }
}
