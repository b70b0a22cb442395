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
 *
 * Pre-fill (docs/behaviour.md, "Pre-fill"): a row may carry a suggestion, shown under its input
 * with where it came from and Accept / Dismiss buttons; Accept all takes every shown suggestion.
 * Accepting writes the value into the input and reports `suggestionaccept` (detail
 * `{ fieldApiName }`) or `suggestionacceptall`; Dismiss reports `suggestiondismiss`. The panel
 * decides which suggestions are shown (only for empty fields) and what `prefilledFields` to save:
 * when set, the save adds it as Handoff_Prefilled_Fields__c.
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
  /** The pre-fill suggestion for this empty field, if any. */
  suggestion?: RowSuggestion | null;
}

/** @description A suggestion as a row shows it (texts already formatted by the panel). */
export interface RowSuggestion {
  value: string;
  displayValue: string;
  sourceText: string;
  /** '' unless the source offered more than one candidate. */
  ambiguousText: string;
  acceptLabel: string;
  dismissLabel: string;
}

/** @description The detail of `suggestionaccept` and `suggestiondismiss`. */
export interface SuggestionDetail {
  fieldApiName: string;
}

/** The Opportunity field the save records accepted suggestions in. */
const PREFILLED_FIELD = 'Handoff_Prefilled_Fields__c';

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
  /** @description Handoff_Prefilled_Fields__c to save with the fields, or null to leave it. */
  @api prefilledFields: string | null = null;
  /** @description A quiet notice when suggestions could not be read ('' when none). */
  @api prefillNotice = '';

  labels = LABELS;
  /** A text node between two spans (the template compiler drops whitespace-only text). */
  space = ' ';

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

  /** @description The rows that carry a suggestion, in the order shown. */
  get suggestedRows(): FieldRow[] {
    return this.sections.flatMap((section) => section.fields).filter((row) => row.suggestion);
  }

  get hasSuggestions(): boolean {
    return this.suggestedRows.length > 0;
  }

  /** Writes a suggestion into its input (the form saves what the inputs hold). */
  private fillInput(row: FieldRow): void {
    const input = this.template.querySelector<HTMLElement & { value?: unknown }>(
      `[data-field="${row.fieldApiName}"] lightning-input-field`
    );
    if (input && row.suggestion) {
      input.value = row.suggestion.value;
    }
  }

  private rowOf(event: Event): FieldRow | undefined {
    const fieldApiName = (event.currentTarget as HTMLElement | null)?.dataset.field;
    return this.suggestedRows.find((row) => row.fieldApiName === fieldApiName);
  }

  handleAccept(event: Event): void {
    const row = this.rowOf(event);
    if (!row) {
      return;
    }
    this.fillInput(row);
    this.dispatchEvent(
      new CustomEvent<SuggestionDetail>('suggestionaccept', {
        detail: { fieldApiName: row.fieldApiName }
      })
    );
    this.focusField(row.fieldApiName);
  }

  handleAcceptAll(): void {
    const rows = this.suggestedRows;
    rows.forEach((row) => this.fillInput(row));
    this.dispatchEvent(new CustomEvent('suggestionacceptall'));
    if (rows.length > 0) {
      this.focusField(rows[0].fieldApiName);
    }
  }

  handleDismiss(event: Event): void {
    const row = this.rowOf(event);
    if (!row) {
      return;
    }
    this.dispatchEvent(
      new CustomEvent<SuggestionDetail>('suggestiondismiss', {
        detail: { fieldApiName: row.fieldApiName }
      })
    );
    this.focusField(row.fieldApiName);
  }

  /**
   * The save: when accepted suggestions are to be recorded, the submit is held, the pre-filled
   * fields added, and the form submitted with them.
   */
  handleSubmit(event: CustomEvent<{ fields?: Record<string, unknown> }>): void {
    const fields = event.detail?.fields;
    // Only the form's own submit carries the fields: a bare one (a native form submit reaching
    // the host) must never save the pre-filled list alone.
    if (fields && this.prefilledFields !== null && this.prefilledFields !== undefined) {
      event.preventDefault();
      const form = this.template.querySelector<
        HTMLElement & { submit?: (fields: Record<string, unknown>) => void }
      >('lightning-record-edit-form');
      form?.submit?.({ ...fields, [PREFILLED_FIELD]: this.prefilledFields });
    }
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
