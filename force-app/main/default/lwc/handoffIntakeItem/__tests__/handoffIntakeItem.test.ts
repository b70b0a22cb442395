/**
 * Tests of c/handoffIntakeItem: the required mark, the editable and read-only views, the Save
 * note button that appears only for a changed note, and the events.
 */
import { createElement } from 'lwc';
import HandoffIntakeItem from 'c/handoffIntakeItem';

jest.mock('@salesforce/label/c.Handoff_Intake_Set_By', () => ({ default: 'Set by {0}' }), {
  virtual: true
});

type Item = HTMLElement & Record<string, unknown>;

const ITEM: HandoffIntake.ItemView = {
  id: 'a0C000000000003AAA',
  item: 'Kickoff scheduled',
  required: true,
  status: 'Missing',
  statusLabel: 'Missing',
  notes: 'Waiting.',
  guidance: 'Book it within a week.',
  verifiedByName: 'Casey Success',
  verifiedAt: '2026-05-04T15:30:00.000Z'
};

function render(props: Record<string, unknown>): Item {
  const element = createElement('c-handoff-intake-item', {
    is: HandoffIntakeItem
  }) as unknown as Item;
  Object.assign(element, {
    item: ITEM,
    statusOptions: [{ value: 'Verified', label: 'Verified' }],
    ...props
  });
  document.body.appendChild(element);
  return element;
}

const $ = (element: Item, selector: string): HTMLElement | null =>
  element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

function listen(element: Item): { name: string; detail: unknown }[] {
  const events: { name: string; detail: unknown }[] = [];
  for (const name of ['statuschange', 'notechange', 'savenote']) {
    element.addEventListener(name, (event) =>
      events.push({ name, detail: (event as CustomEvent).detail })
    );
  }
  return events;
}

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
});

describe('c-handoff-intake-item', () => {
  it('marks a required item with an asterisk and a text alternative', () => {
    const element = render({ editable: true });
    expect($(element, 'abbr.slds-required')?.getAttribute('aria-hidden')).toBe('true');
    expect($(element, '.slds-assistive-text')?.textContent).toBe('c.Handoff_Intake_Required');
    expect($(element, '[data-id="item-name"]')?.textContent).toBe('Kickoff scheduled');
    expect(element.shadowRoot?.textContent).toContain('Book it within a week.');
    expect($(element, '[data-id="set-by"]')?.textContent?.trim()).toBe('Set by Casey Success');
  });

  it('lets the CSM choose a status and edit the note, with Save note only for a changed note', async () => {
    const element = render({ editable: true });
    const events = listen(element);
    const group = $(element, 'lightning-radio-group') as HTMLElement & {
      value: string;
      label: string;
    };
    expect(group.value).toBe('Missing');
    expect(group.label).toBe('c.Handoff_Intake_Item_Status');
    expect($(element, 'button[data-action="save-note"]')).toBeNull();
    group.dispatchEvent(new CustomEvent('change', { detail: { value: 'Verified' } }));
    $(element, 'lightning-textarea')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Monday.' } })
    );
    element.noteDraft = 'Monday.';
    await Promise.resolve();
    expect(($(element, 'lightning-textarea') as HTMLElement & { value: string }).value).toBe(
      'Monday.'
    );
    $(element, 'button[data-action="save-note"]')?.click();
    expect(events).toEqual([
      { name: 'statuschange', detail: { itemId: ITEM.id, itemStatus: 'Verified' } },
      { name: 'notechange', detail: { itemId: ITEM.id, notes: 'Monday.' } },
      { name: 'savenote', detail: { itemId: ITEM.id } }
    ]);
    element.noteDraft = 'Waiting.';
    await Promise.resolve();
    expect($(element, 'button[data-action="save-note"]')).toBeNull();
  });

  it('disables the controls while a change is saved', () => {
    const element = render({ editable: true, busy: true, noteDraft: 'x' });
    expect(
      ($(element, 'lightning-radio-group') as HTMLElement & { disabled: boolean }).disabled
    ).toBe(true);
    expect(($(element, 'button[data-action="save-note"]') as HTMLButtonElement).disabled).toBe(
      true
    );
  });

  it('shows Sales the status and note read-only', () => {
    const element = render({ editable: false, item: { ...ITEM, required: false } });
    expect($(element, 'lightning-radio-group')).toBeNull();
    expect($(element, 'lightning-textarea')).toBeNull();
    const badge = $(element, '[data-id="item-status"]');
    expect(badge?.textContent).toBe('Missing');
    expect(badge?.className).toContain('slds-theme_error');
    expect($(element, '.notes')?.textContent).toBe('Waiting.');
    expect($(element, 'abbr.slds-required')).toBeNull();
  });
});
