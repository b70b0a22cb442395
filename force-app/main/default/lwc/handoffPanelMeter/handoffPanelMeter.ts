/**
 * @description The panel's completeness meter: one number, the weighted completeness of the
 * deal's handoff fields (c/handoffRules `completeness`), as a bar and as text, and a polite live
 * region that reads the number out when it changes. Which required fields are still blank is the
 * blockers list's job (c/handoffPanelBlockers), so the meter does not mix in a second count.
 * With pre-fill suggestions shown, it also says what accepting them all would make it
 * ("NN% → MM% if you accept the suggestions"), in the text and the live region.
 */
import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/handoffPanelLabels';

export default class HandoffPanelMeter extends LightningElement {
  /** @description The weighted completeness, an integer percent (0–100). */
  @api completeness = 0;
  /** @description True while the meter counts unsaved edits. */
  @api unsaved = false;
  /** @description The completeness if every shown suggestion were accepted; null when none would change it. */
  @api projected: number | null = null;

  labels = LABELS;

  get meterText(): string {
    return formatLabel(LABELS.meterText, this.completeness);
  }

  get projectedText(): string {
    return this.projected === null ||
      this.projected === undefined ||
      this.projected <= this.completeness
      ? ''
      : formatLabel(LABELS.prefillProjected, this.completeness, this.projected);
  }

  get assistiveText(): string {
    const now = formatLabel(LABELS.meterAssistive, this.completeness);
    return this.projectedText === '' ? now : `${now} ${this.projectedText}`;
  }
}
