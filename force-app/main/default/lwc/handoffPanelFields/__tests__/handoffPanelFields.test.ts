/**
 * Tests of c/handoffPanelFields: sections with legends, "required" as an asterisk on the field's
 * label, the change/save/discard events, and focusField.
 */
import { createElement } from 'lwc';
import HandoffPanelFields from 'c/handoffPanelFields';
import type { FieldRow, FieldSection } from 'c/handoffPanelFields';

type Row = FieldRow;
type Fields = HTMLElement & {
  recordId?: string;
  objectApiName?: string;
  sections: FieldSection[];
  saveDisabled: boolean;
  focusField(fieldApiName: string): void;
};

function row(fieldApiName: string, required: boolean, visible = true): Row {
  return {
    key: fieldApiName,
    fieldApiName,
    label: fieldApiName.replace('__c', ''),
    guidance: required ? 'Ask the champion.' : '',
    required,
    filled: false,
    visible,
    noAccessText: `You can't see ${fieldApiName}.`,
    statusIcon: 'utility:record',
    statusVariant: required ? 'warning' : undefined,
    statusText: `${fieldApiName}: Blank`
  };
}

const SECTIONS: FieldSection[] = [
  { key: 's0', title: 'Goals', fields: [row('Goals__c', true), row('Notes__c', false)] },
  { key: 's1', title: 'People', fields: [row('Champion__c', true, false)] }
];

function render(saveDisabled = true): Fields {
  const element = createElement('c-handoff-panel-fields', {
    is: HandoffPanelFields
  }) as unknown as Fields;
  Object.assign(element, {
    recordId: '006000000000001AAA',
    objectApiName: 'Opportunity',
    sections: SECTIONS,
    saveDisabled
  });
  document.body.appendChild(element);
  return element;
}

const $ = <E extends Element = HTMLElement>(element: Fields, selector: string) =>
  element.shadowRoot?.querySelector<E>(selector) ?? null;
const $$ = <E extends Element = HTMLElement>(element: Fields, selector: string) =>
  Array.from(element.shadowRoot?.querySelectorAll<E>(selector) ?? []);

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.restoreAllMocks();
});

describe('c-handoff-panel-fields', () => {
  it('groups the fields by section and marks required ones on their own label', () => {
    const element = render();
    expect($$(element, 'legend').map((l) => l.textContent?.trim())).toEqual(['Goals', 'People']);
    const rows = $$(element, '.field-row');
    expect(rows.map((r) => r.dataset.field)).toEqual(['Goals__c', 'Notes__c', 'Champion__c']);
    expect(rows.map((r) => !!r.querySelector('.field-label abbr.slds-required'))).toEqual([
      true,
      false,
      true
    ]);
    expect(rows[0].querySelector('[data-id="field-label"]')?.textContent).toBe('Goals');
    expect($(element, '[data-id="required-legend"] abbr.slds-required')).not.toBeNull();
    expect($(element, 'legend abbr')).toBeNull();
  });

  it('hides the input label only visually and shows the guidance under the field', () => {
    const element = render();
    const inputs = $$<HTMLElement & { fieldName: string; variant: string }>(
      element,
      'lightning-input-field'
    );
    expect(inputs.map((i) => [i.fieldName, i.variant])).toEqual([
      ['Goals__c', 'label-hidden'],
      ['Notes__c', 'label-hidden']
    ]);
    expect($$(element, '.guidance').map((g) => g.textContent?.trim())).toEqual([
      'Ask the champion.',
      'Ask the champion.'
    ]);
    expect($(element, '[data-field="Champion__c"]')?.textContent).toContain(
      "You can't see Champion__c."
    );
  });

  it('reports a change with the field and its value (a lookup gives its first Id)', () => {
    const element = render();
    const changes: unknown[] = [];
    element.addEventListener('fieldchange', (event) => {
      changes.push((event as CustomEvent).detail);
    });
    const [goals, notes] = $$(element, 'lightning-input-field');
    goals.dispatchEvent(new CustomEvent('change', { detail: { value: 'Faster onboarding' } }));
    notes.dispatchEvent(new CustomEvent('change', { detail: { value: ['003A', '003B'] } }));
    notes.dispatchEvent(new CustomEvent('change', { detail: { value: [] } }));
    expect(changes).toEqual([
      { fieldApiName: 'Goals__c', value: 'Faster onboarding' },
      { fieldApiName: 'Notes__c', value: '003A' },
      { fieldApiName: 'Notes__c', value: null }
    ]);
  });

  it('forwards the save and resets the inputs on discard', () => {
    const element = render(false);
    const events: string[] = [];
    for (const name of ['savestart', 'saved', 'savefailed', 'discard']) {
      element.addEventListener(name, () => events.push(name));
    }
    const form = $(element, 'lightning-record-edit-form');
    form?.dispatchEvent(new CustomEvent('submit'));
    form?.dispatchEvent(new CustomEvent('success'));
    form?.dispatchEvent(new CustomEvent('error'));
    const resets = $$<HTMLElement & { reset: () => void }>(element, 'lightning-input-field').map(
      (field) => jest.spyOn(field, 'reset')
    );
    $(element, '[data-id="discard"]')?.click();
    expect(events).toEqual(['savestart', 'saved', 'savefailed', 'discard']);
    for (const reset of resets) {
      expect(reset).toHaveBeenCalledTimes(1);
    }
    const save = $<HTMLElement & { disabled: boolean; type: string }>(element, '[data-id="save"]');
    expect(save?.type).toBe('submit');
    expect(save?.disabled).toBe(false);
  });

  it('puts the focus in a field on request, and on its row where the input cannot take it', () => {
    const element = render();
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    element.focusField('Goals__c');
    const goalsInput = $(element, '[data-field="Goals__c"] lightning-input-field');
    expect(focus.mock.contexts[0]).toBe(goalsInput);
    focus.mockClear();
    element.focusField('Champion__c');
    expect(focus.mock.contexts).toEqual([$(element, '[data-field="Champion__c"]')]);
    focus.mockClear();
    element.focusField('Unknown__c');
    expect(focus).not.toHaveBeenCalled();
  });
});
