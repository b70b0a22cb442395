/**
 * Stand-in for `lightning-input-field` (not published by Salesforce). Like the platform's, it
 * takes its label, type, required flag and value from the enclosing `lightning-record-edit-form`
 * and draws a base component for the field's type (lightning-input, lightning-textarea,
 * lightning-combobox); it fires `change` with `detail.value`, and `reset()` restores the record's
 * value. Lookups are drawn as a text input (the platform's lookup is not published either).
 */
import { LightningElement, api } from 'lwc';
import type { FieldContext } from '../recordEditForm/recordEditForm';

const NUMBER_TYPES = new Set(['Currency', 'Double', 'Int', 'Integer', 'Long', 'Percent']);
const TEXTAREA_TYPES = new Set(['TextArea', 'LongTextArea', 'RichTextArea']);

export default class InputField extends LightningElement {
  @api fieldName = '';
  @api disabled = false;
  /** `label-hidden` keeps the label for assistive technology only, as the platform's does. */
  @api variant = 'standard';

  context?: FieldContext;
  current: unknown = null;
  private readonly handle = {
    fieldName: '',
    provide: (context: FieldContext): void => {
      this.context = context;
      this.current = context.value;
    },
    current: (): unknown => this.current,
    changed: (): boolean => this.current !== (this.context?.value ?? null),
    accept: (): void => {
      if (this.context) {
        this.context = { ...this.context, value: this.current };
      }
    }
  };

  connectedCallback(): void {
    this.handle.fieldName = this.fieldName;
    this.dispatchEvent(
      new CustomEvent('harness_registerfield', {
        bubbles: true,
        composed: true,
        detail: this.handle
      })
    );
  }

  disconnectedCallback(): void {
    this.dispatchEvent(
      new CustomEvent('harness_unregisterfield', {
        bubbles: true,
        composed: true,
        detail: this.handle
      })
    );
  }

  @api
  get value(): unknown {
    return this.current;
  }
  set value(value: unknown) {
    this.current = value;
  }

  @api
  reset(): void {
    this.current = this.context?.value ?? null;
  }

  get loaded(): boolean {
    return !!this.context;
  }

  get label(): string {
    return this.context?.label ?? this.fieldName;
  }

  get required(): boolean {
    return !!this.context?.required;
  }

  get readOnly(): boolean {
    return this.disabled || !this.context?.updateable;
  }

  get isTextarea(): boolean {
    return TEXTAREA_TYPES.has(this.context?.dataType ?? '');
  }

  get isPicklist(): boolean {
    return this.context?.dataType === 'Picklist' && this.context.picklistValues.length > 0;
  }

  get isCheckbox(): boolean {
    return this.context?.dataType === 'Boolean';
  }

  get inputType(): string {
    const type = this.context?.dataType ?? '';
    if (NUMBER_TYPES.has(type)) {
      return 'number';
    }
    return type === 'Date' ? 'date' : type === 'DateTime' ? 'datetime' : 'text';
  }

  get textValue(): string {
    return this.current === null || this.current === undefined ? '' : String(this.current);
  }

  get checked(): boolean {
    return this.current === true;
  }

  get options(): { label: string; value: string }[] {
    return this.context?.picklistValues ?? [];
  }

  handleChange(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
    event.stopPropagation();
    const detail = event.detail ?? {};
    let value: unknown = this.isCheckbox ? !!detail.checked : (detail.value ?? null);
    if (value === '') {
      value = null;
    } else if (this.inputType === 'number' && value !== null) {
      value = Number(value);
    }
    this.current = value;
    this.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }
}
