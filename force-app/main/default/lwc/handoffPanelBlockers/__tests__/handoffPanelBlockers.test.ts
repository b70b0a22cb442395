/**
 * Tests of c/handoffPanelBlockers: the heading and sentence, each blank required field as a
 * button that fires `fieldfocus`, the rollout note and the skipped-rules warning.
 */
import { createElement } from 'lwc';
import HandoffPanelBlockers from 'c/handoffPanelBlockers';
import type { MissingField } from 'c/handoffPanelBlockers';

type Blockers = HTMLElement & {
  heading: string;
  intro: string;
  missing: MissingField[];
  note: string;
  skippedText: string;
};

const MISSING: MissingField[] = [
  { key: 'Handoff_Business_Pain__c', fieldApiName: 'Handoff_Business_Pain__c', label: 'Pain' },
  { key: 'handoff_risks__c', fieldApiName: 'Handoff_Risks__c', label: 'Risks' }
];

function render(props: Partial<Blockers>): Blockers {
  const element = createElement('c-handoff-panel-blockers', {
    is: HandoffPanelBlockers
  }) as unknown as Blockers;
  Object.assign(element, { heading: 'What blocks Closed Won', intro: 'Fill these in:', ...props });
  document.body.appendChild(element);
  return element;
}

const $ = (element: Blockers, selector: string) => element.shadowRoot?.querySelector(selector);
const $$ = (element: Blockers, selector: string) =>
  Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
});

describe('c-handoff-panel-blockers', () => {
  it('lists the blank required fields as buttons named by the field label', () => {
    const element = render({ missing: MISSING });
    expect($(element, '[data-id="blocks-heading"]')?.textContent?.trim()).toBe(
      'What blocks Closed Won'
    );
    expect($(element, '[data-id="blocks-intro"]')?.textContent).toBe('Fill these in:');
    const buttons = $$(element, '[data-id="missing-list"] li button');
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Pain', 'Risks']);
    const list = $(element, '[data-id="missing-list"]');
    const heading = $(element, `[id="${list?.getAttribute('aria-labelledby')}"]`);
    expect(heading?.textContent?.trim()).toBe('What blocks Closed Won');
  });

  it('fires fieldfocus with the field API name when one is chosen', () => {
    const element = render({ missing: MISSING });
    const chosen: string[] = [];
    element.addEventListener('fieldfocus', (event) => {
      chosen.push((event as CustomEvent<{ fieldApiName: string }>).detail.fieldApiName);
    });
    $$(element, '[data-id="missing-list"] button')[1].click();
    expect(chosen).toEqual(['Handoff_Risks__c']);
  });

  it('shows no list when nothing blocks, and the notes only when there are any', async () => {
    const element = render({ missing: [], intro: 'Nothing blocks.' });
    expect($(element, '[data-id="missing-list"]')).toBeNull();
    expect($(element, '[data-id="rollout-note"]')).toBeNull();
    expect($(element, '[data-id="skipped"]')).toBeNull();
    element.note = 'Monitor mode: closing works today.';
    element.skippedText = 'Ignored: Foo__c.';
    await Promise.resolve();
    expect($(element, '[data-id="rollout-note"]')?.textContent?.trim()).toBe(
      'Monitor mode: closing works today.'
    );
    expect($(element, '[data-id="skipped"]')?.textContent?.trim()).toBe('Ignored: Foo__c.');
  });
});
