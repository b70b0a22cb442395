/**
 * @description The CSM's answer on accept and on return to Sales (docs/behaviour.md, "Handoff
 * quality"): "Did you get what you needed?" from 1 to 5; below 4, which of the deal's rule set
 * fields were missing or wrong (labels shown, API names sent); or "Skip the question" with a
 * reason (required, at most 255 characters). A score and a skip are exclusive: skipping clears
 * the score and the fields.
 *
 * It fires `answerchange` with the answer (`HandoffQuality.Answer`) on every change;
 * `reportValidity()` shows each field's message and says whether the answer can be sent;
 * `focus()` moves the focus to its first control. The
 * intake form sends it with the accept or the return; the server checks it again.
 */
import { LightningElement, api } from 'lwc';
import QUESTION from '@salesforce/label/c.Handoff_Quality_Question';
import SCALE_HELP from '@salesforce/label/c.Handoff_Quality_Scale_Help';
import GAP_FIELDS from '@salesforce/label/c.Handoff_Quality_Gap_Fields';
import GAP_FIELDS_HELP from '@salesforce/label/c.Handoff_Quality_Gap_Fields_Help';
import GAP_FIELDS_NONE from '@salesforce/label/c.Handoff_Quality_Gap_Fields_None';
import SKIP from '@salesforce/label/c.Handoff_Quality_Skip';
import SKIP_REASON from '@salesforce/label/c.Handoff_Quality_Skip_Reason';

type Answer = HandoffQuality.Answer;
type Option = HandoffIntake.Option;

/** @description Scores below this one name the missing or wrong fields (HandoffQuality.GAPS_BELOW). */
export const GAPS_BELOW = 4;
/** @description The skip reason's length (Handoff__c.Quality_Skip_Reason__c). */
export const SKIP_REASON_MAX = 255;

const SCORES: Option[] = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));

/**
 * @description Whether an answer can be sent: a score from 1 to 5, or a skip with a reason that
 * fits.
 * @param answer the answer
 * @returns true when complete
 */
export function isAnswerComplete(answer: Answer): boolean {
  if (answer.skipped) {
    const reason = answer.skipReason.trim();
    return reason.length > 0 && reason.length <= SKIP_REASON_MAX;
  }
  return answer.score !== null && answer.score >= 1 && answer.score <= 5;
}

/** @description An answer with nothing chosen. */
export function emptyAnswer(): Answer {
  return { score: null, gapFields: [], skipped: false, skipReason: '' };
}

export default class HandoffQualityQuestion extends LightningElement {
  /** @description The deal's rule set fields to choose from (value = API name). */
  @api fieldOptions: Option[] = [];

  labels = {
    question: QUESTION,
    scaleHelp: SCALE_HELP,
    gapFields: GAP_FIELDS,
    gapFieldsHelp: GAP_FIELDS_HELP,
    gapFieldsNone: GAP_FIELDS_NONE,
    skip: SKIP,
    skipReason: SKIP_REASON
  };
  scores = SCORES;
  answer: Answer = emptyAnswer();

  get scoreValue(): string {
    return this.answer.score === null ? '' : String(this.answer.score);
  }

  get scoreRequired(): boolean {
    return !this.answer.skipped;
  }

  /** The field list, below 4 only. */
  get showGapFields(): boolean {
    return !this.answer.skipped && this.answer.score !== null && this.answer.score < GAPS_BELOW;
  }

  get hasFieldOptions(): boolean {
    return (this.fieldOptions ?? []).length > 0;
  }

  get skipReasonMax(): number {
    return SKIP_REASON_MAX;
  }

  /**
   * @description Moves the focus to the question's first control: the score, or the skip box
   * once skipped (the score is disabled then). A dialog that opens with the question calls it
   * through `data-autofocus` (c/handoffModal), as the focus step cannot reach inside.
   */
  @api
  focus(): void {
    const first = this.answer.skipped ? '[data-field="skip"]' : '[data-field="score"]';
    this.template.querySelector<HTMLElement>(first)?.focus();
  }

  /**
   * @description Shows each field's message and says whether the answer can be sent.
   * @returns true when complete
   */
  @api
  reportValidity(): boolean {
    this.template
      .querySelectorAll<HTMLElement & { reportValidity?: () => boolean }>('[data-field]')
      .forEach((input) => input.reportValidity?.());
    return isAnswerComplete(this.answer);
  }

  handleScore(event: CustomEvent<{ value: string }>): void {
    const score = Number(event.detail.value);
    this.update({
      score: Number.isInteger(score) ? score : null,
      // A score of 4 or 5 names no gap fields.
      gapFields: score < GAPS_BELOW ? this.answer.gapFields : []
    });
  }

  handleGapFields(event: CustomEvent<{ value: string[] }>): void {
    this.update({ gapFields: [...event.detail.value] });
  }

  handleSkip(event: CustomEvent<{ checked: boolean }>): void {
    const skipped = event.detail.checked;
    this.update(skipped ? { skipped, score: null, gapFields: [] } : { skipped, skipReason: '' });
  }

  handleSkipReason(event: CustomEvent<{ value: string }>): void {
    this.update({ skipReason: event.detail.value ?? '' });
  }

  private update(change: Partial<Answer>): void {
    this.answer = { ...this.answer, ...change };
    this.dispatchEvent(
      new CustomEvent<Answer>('answerchange', {
        detail: { ...this.answer, gapFields: [...this.answer.gapFields] }
      })
    );
  }
}
