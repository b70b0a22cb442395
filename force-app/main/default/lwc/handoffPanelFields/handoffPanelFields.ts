/**
 * @description The handoff fields of the deal's rules, editable in place in one
 * lightning-record-edit-form: grouped by configured section (a fieldset and legend each), in a
 * section the required fields first. "Required" is shown as SLDS shows it, an asterisk on the
 * field's own label (explained once above the fields), so a section does not read as required
 * as a whole; each label carries a filled/blank icon with a text alternative.
 *
 * The panel owns the drafts and the evaluation: this component reports each change
 * (`fieldchange`, detail `{ fieldApiName, value }`), the save (`savestart`, `saved`, `savefailed`)
 * and a discard (`discard`, after resetting its inputs). `focusField(apiName)` scrolls to a field
 * and puts the focus in it (the blockers list uses it).
 */
import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/handoffPanelLabels';

/** @description A field row of the editable sections. */
export interface FieldRow {
  key: string;
  fieldApiName: string;
  label: string;
  guidance: string;
  required: boolean;
  filled: boolean;
  /** False when the user cannot see the field (it counts as blank). */
  visible: boolean;
  noAccessText: string;
  statusIcon: string;
  statusVariant: string | undefined;
  /** The icon's text alternative: the label, required or not, filled or blank. */
  statusText: string;
}

/** @description A configured section and its rows. */
export interface FieldSection {
  key: string;
  title: string;
  fields: FieldRow[];
}

/** @description The `fieldchange` event's detail. */
export interface FieldChangeDetail {
  fieldApiName: string;
  value: unknown;
}

/** LDS gives lookup values as Ids; a lookup input field's change event gives an array of Ids. */
function normaliseInputValue(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length > 0 ? value[0] : null;
  }
  return value === undefined ? null : value;
}

export default class HandoffPanelFields extends LightningElement {
  /** @description The Opportunity Id. */
  @api recordId?: string;
  /** @description `Opportunity`. */
  @api objectApiName?: string;
  /** @description The sections to show, in order. */
  @api sections: FieldSection[] = [];
  /** @description True when there is nothing to save or a save is running. */
  @api saveDisabled = false;

  labels = LABELS;

  /**
   * @description Scrolls to a field and puts the focus in its input; where the input cannot take
   * the focus (a field the user cannot see), the row takes it.
   * @param fieldApiName the field's API name
   */
  @api
  focusField(fieldApiName: string): void {
    const row = this.template.querySelector<HTMLElement>(`[data-field="${fieldApiName}"]`);
    if (!row) {
      return;
    }
    row.scrollIntoView?.({ block: 'center' });
    const input = row.querySelector<HTMLElement>('lightning-input-field');
    input?.focus();
    const active = (this.template as unknown as { activeElement?: Element | null }).activeElement;
    if (!input || active !== input) {
      row.focus();
    }
  }

  handleFieldChange(event: CustomEvent<{ value?: unknown }>): void {
    const input = event.target as unknown as { fieldName?: string } | null;
    const fieldApiName = input?.fieldName;
    if (!fieldApiName) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent<FieldChangeDetail>('fieldchange', {
        detail: { fieldApiName, value: normaliseInputValue(event.detail?.value) }
      })
    );
  }

  handleSubmit(): void {
    this.dispatchEvent(new CustomEvent('savestart'));
  }

  handleSuccess(): void {
    this.dispatchEvent(new CustomEvent('saved'));
  }

  handleError(): void {
    this.dispatchEvent(new CustomEvent('savefailed'));
  }

  handleDiscard(): void {
    this.template
      .querySelectorAll<HTMLElement & { reset?: () => void }>('lightning-input-field')
      .forEach((field) => field.reset?.());
    this.dispatchEvent(new CustomEvent('discard'));
  }
}
