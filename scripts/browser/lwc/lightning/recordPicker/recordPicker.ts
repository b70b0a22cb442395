/**
 * Stand-in for `lightning-record-picker` (not published by Salesforce), kept to what the
 * platform's picker does for the project: a labelled search box (role=combobox) that, once two
 * or more characters are typed, lists the records of `object-api-name` whose name contains the
 * text and that meet `filter`, for choosing by mouse or keyboard (Down/Up, Enter, Escape). The
 * chosen record is shown with a Clear Selection button; `change` fires with `detail.recordId`
 * (null when cleared). `required` with nothing chosen fails `checkValidity()`, and
 * `reportValidity()` shows "Complete this field." under the box, as the platform does.
 *
 * The platform searches over GraphQL; here the search goes to the journey's fake server as
 * `graphql recordPickerSearch` ({ objectApiName, searchTerm, filter }), answered with the org's
 * records of that object (`{ id, name, fields }`). The stand-in applies the filter to the
 * answer as the platform's query would: `criteria` joined by AND (no `filterLogic`), operators
 * eq, ne, in, nin and like (`%` as any text) on `fields[fieldPath]`. Anything else it throws on,
 * so a journey never passes on a filter the stand-in cannot read.
 */
import { LightningElement, api } from 'lwc';
import { call } from '../../../app/bridge';

/** One record of the org as the journey's server answers the search. */
export interface PickerRecord {
  id: string;
  name: string;
  fields?: Record<string, unknown>;
}

interface Criterion {
  fieldPath: string;
  operator: string;
  value: unknown;
}

export interface PickerFilter {
  criteria?: Criterion[];
  filterLogic?: string;
}

/** The platform's minimum search term. */
const MIN_SEARCH = 2;
const VALUE_MISSING = 'Complete this field.';

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

/** Whether a record meets one criterion (throws on an operator the stand-in does not know). */
function meets(record: PickerRecord, criterion: Criterion): boolean {
  const actual = record.fields?.[criterion.fieldPath] ?? null;
  const expected = criterion.value;
  switch (criterion.operator) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'nin':
      return Array.isArray(expected) && !expected.includes(actual);
    case 'like':
      return typeof actual === 'string' && likeToRegExp(String(expected)).test(actual);
    default:
      throw new Error(`lightning-record-picker stand-in: operator ${criterion.operator} not known`);
  }
}

/** The records a filter lets through, as the platform's GraphQL query would return them. */
export function applyFilter(records: PickerRecord[], filter?: PickerFilter | null): PickerRecord[] {
  if (!filter) {
    return records;
  }
  if (filter.filterLogic) {
    throw new Error('lightning-record-picker stand-in: filterLogic is not supported');
  }
  const criteria = filter.criteria ?? [];
  return records.filter((record) => criteria.every((criterion) => meets(record, criterion)));
}

export default class RecordPicker extends LightningElement {
  @api label = '';
  @api fieldLevelHelp = '';
  @api objectApiName = '';
  @api filter?: PickerFilter;
  @api required = false;
  @api disabled = false;
  @api placeholder = 'Search...';
  /** `label-hidden` keeps the label for assistive technology only. */
  @api variant = 'standard';

  searchTerm = '';
  results: PickerRecord[] = [];
  open = false;
  activeIndex = -1;
  selected: PickerRecord | null = null;
  showError = false;
  customError = '';
  private searchSequence = 0;

  /** The chosen record's Id (null when none), as on the platform. */
  @api
  get value(): string | null {
    return this.selected?.id ?? null;
  }
  set value(recordId: string | null) {
    this.selected = recordId ? { id: recordId, name: recordId } : null;
  }

  @api
  focus(): void {
    this.template
      .querySelector<HTMLElement>('[data-picker="input"], [data-picker="clear"]')
      ?.focus();
  }

  @api
  blur(): void {
    this.template.querySelector<HTMLElement>('[data-picker="input"]')?.blur();
  }

  @api
  clearSelection(): void {
    this.selected = null;
    this.searchTerm = '';
  }

  @api
  setCustomValidity(message: string): void {
    this.customError = message ?? '';
  }

  @api
  checkValidity(): boolean {
    return !this.customError && !(this.required && !this.selected);
  }

  @api
  reportValidity(): boolean {
    const valid = this.checkValidity();
    this.showError = !valid;
    return valid;
  }

  get labelClass(): string {
    return this.variant === 'label-hidden' ? 'slds-assistive-text' : 'slds-form-element__label';
  }

  get formClass(): string {
    return `slds-form-element${this.showError ? ' slds-has-error' : ''}`;
  }

  get errorText(): string {
    return this.customError || VALUE_MISSING;
  }

  get invalid(): string {
    return String(this.showError);
  }

  get expanded(): string {
    return String(this.open);
  }

  get hasSelection(): boolean {
    return !!this.selected;
  }

  get selectedName(): string {
    return this.selected?.name ?? '';
  }

  get clearLabel(): string {
    return `Clear Selection: ${this.selectedName}`;
  }

  get options(): {
    id: string;
    name: string;
    optionId: string;
    className: string;
    selected: string;
  }[] {
    return this.results.map((record, index) => ({
      id: record.id,
      name: record.name,
      optionId: `option-${index}`,
      className: `slds-media slds-listbox__option slds-listbox__option_entity${index === this.activeIndex ? ' slds-has-focus' : ''}`,
      selected: String(index === this.activeIndex)
    }));
  }

  get activeDescendant(): string | null {
    return this.activeIndex >= 0 ? `option-${this.activeIndex}` : null;
  }

  get noResults(): boolean {
    return this.open && this.results.length === 0;
  }

  renderedCallback(): void {
    // Ids are scoped by the engine: point the box at the rendered option's and message's ids.
    const input = this.template.querySelector<HTMLElement>('[data-picker="input"]');
    if (!input) {
      return;
    }
    const active = this.template.querySelector<HTMLElement>(`[data-index="${this.activeIndex}"]`);
    if (active) {
      input.setAttribute('aria-activedescendant', active.id);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
    const error = this.template.querySelector<HTMLElement>('[data-picker="error"]');
    if (error) {
      input.setAttribute('aria-describedby', error.id);
    } else {
      input.removeAttribute('aria-describedby');
    }
  }

  async handleInput(event: Event): Promise<void> {
    this.searchTerm = (event.target as HTMLInputElement).value;
    const term = this.searchTerm.trim();
    const sequence = ++this.searchSequence;
    if (term.length < MIN_SEARCH) {
      this.open = false;
      this.results = [];
      return;
    }
    const reply = await call('graphql', 'recordPickerSearch', {
      objectApiName: this.objectApiName,
      searchTerm: term,
      filter: this.filter ?? null
    });
    if (sequence !== this.searchSequence) {
      return;
    }
    if ('error' in reply) {
      this.dispatchEvent(new CustomEvent('error', { detail: reply.error }));
      this.results = [];
      this.open = false;
      return;
    }
    const lower = term.toLowerCase();
    this.results = applyFilter((reply.data ?? []) as PickerRecord[], this.filter).filter((record) =>
      record.name.toLowerCase().includes(lower)
    );
    this.activeIndex = -1;
    this.open = true;
  }

  handleKeyDown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!this.open || !this.results.length) {
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const count = this.results.length;
      this.activeIndex = (this.activeIndex + step + count) % count;
    } else if (event.key === 'Enter') {
      if (this.open && this.activeIndex >= 0) {
        event.preventDefault();
        this.choose(this.results[this.activeIndex]);
      }
    } else if (event.key === 'Escape' && this.open) {
      // The listbox closes; the dialog around the picker stays open.
      event.preventDefault();
      event.stopPropagation();
      this.open = false;
      this.activeIndex = -1;
    }
  }

  handleOptionClick(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const record = this.results.find((r) => r.id === id);
    if (record) {
      this.choose(record);
    }
  }

  handleOptionMouseDown(event: Event): void {
    // Keeps the focus in the box while an option is clicked (the list would close on blur).
    event.preventDefault();
  }

  handleBlur(): void {
    this.open = false;
    this.activeIndex = -1;
  }

  handleClear(): void {
    this.selected = null;
    this.searchTerm = '';
    this.results = [];
    this.showError = false;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: null } }));
    // The platform puts the focus back in the search box.
    Promise.resolve().then(() => this.focus());
  }

  private choose(record: PickerRecord): void {
    this.selected = record;
    this.open = false;
    this.activeIndex = -1;
    this.results = [];
    this.showError = false;
    this.dispatchEvent(new CustomEvent('change', { detail: { recordId: record.id } }));
    Promise.resolve().then(() => this.focus());
  }
}
