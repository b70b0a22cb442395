/**
 * @description The panel's completeness meter: one number, the weighted completeness of the
 * deal's handoff fields (c/handoffRules `completeness`), as a bar and as text, and a polite live
 * region that reads the number out when it changes. Which required fields are still blank is the
 * blockers list's job (c/handoffPanelBlockers), so the meter does not mix in a second count.
 */
import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/handoffPanelLabels';

export default class HandoffPanelMeter extends LightningElement {
  /** @description The weighted completeness, an integer percent (0–100). */
  @api completeness = 0;
  /** @description True while the meter counts unsaved edits. */
  @api unsaved = false;

  labels = LABELS;

  get meterText(): string {
    return formatLabel(LABELS.meterText, this.completeness);
  }

  get assistiveText(): string {
    return formatLabel(LABELS.meterAssistive, this.completeness);
  }
}
