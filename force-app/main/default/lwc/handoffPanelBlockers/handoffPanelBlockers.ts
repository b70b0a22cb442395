/**
 * @description What blocks Closed Won: a heading (what blocks, or in Installed/Monitor/Pilot
 * outside the pilot what would block), a sentence, and each blank required field as a button
 * that reads as a link; choosing one fires `fieldfocus` with the field's API name so that the
 * panel scrolls to the field and puts the focus in it. The panel leaves this out after close.
 */
import { LightningElement, api } from 'lwc';

/** @description One blank required field. */
export interface MissingField {
  key: string;
  fieldApiName: string;
  label: string;
}

/** @description The `fieldfocus` event's detail. */
export interface FieldFocusDetail {
  fieldApiName: string;
}

export default class HandoffPanelBlockers extends LightningElement {
  /** @description "What blocks Closed Won" or "What would block Closed Won". */
  @api heading = '';
  /** @description The sentence under the heading (nothing blocks, fill these in, exception). */
  @api intro = '';
  /** @description The blank required fields, in the order the rules list them. */
  @api missing: MissingField[] = [];
  /** @description Why blank fields do not block in this rollout mode, or ''. */
  @api note = '';
  /** @description Rules naming fields that do not exist, or ''. */
  @api skippedText = '';

  get hasMissing(): boolean {
    return (this.missing ?? []).length > 0;
  }

  handleGoToField(event: Event): void {
    const fieldApiName = (event.currentTarget as HTMLElement).dataset.field ?? '';
    this.dispatchEvent(
      new CustomEvent<FieldFocusDetail>('fieldfocus', { detail: { fieldApiName } })
    );
  }
}
