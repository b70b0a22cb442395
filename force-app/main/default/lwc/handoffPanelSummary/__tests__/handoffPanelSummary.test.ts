/**
 * Tests of c/handoffPanelSummary on its own: collapsed by default, the structured summary and
 * the email text, the frozen text after close, and the copy fallbacks. The panel's tests cover
 * it with a summary built from the wired record.
 */
import { createElement } from 'lwc';
import HandoffPanelSummary from 'c/handoffPanelSummary';
import type { SummaryDocument } from 'c/handoffSummary';

// Its public properties: summary (SummaryDocument), closed, frozenSummary, unsaved. (Declared
// loosely: the Babel-parsed lint rule no-restricted-globals misreads a member named `closed`.)
type Summary = HTMLElement & Record<string, unknown>;

const DOCUMENT: SummaryDocument = {
  title: 'Handoff summary: Acme',
  header: [{ key: 'account', label: 'Account', lines: ['Acme'], provided: true }],
  sections: [
    {
      key: 'wants',
      number: 1,
      heading: 'What the customer wants',
      items: [{ key: 'Goals__c', label: 'Goals', lines: ['Not provided'], provided: false }]
    }
  ]
} as unknown as SummaryDocument;

async function flush(): Promise<void> {
  for (let turn = 0; turn < 6; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function render(props: Record<string, unknown> = {}): Summary {
  const element = createElement('c-handoff-panel-summary', {
    is: HandoffPanelSummary
  }) as unknown as Summary;
  Object.assign(element, { summary: DOCUMENT, ...props });
  document.body.appendChild(element);
  return element;
}

const $ = (element: Summary, selector: string): HTMLElement | null =>
  element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

async function open(element: Summary): Promise<void> {
  $(element, '[data-id="summary-toggle"]')?.click();
  await flush();
}

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.restoreAllMocks();
});

describe('c-handoff-panel-summary', () => {
  it('is a collapsed section whose heading button opens it', async () => {
    const element = render();
    const toggle = $(element, '[data-id="summary-toggle"]');
    expect(toggle?.textContent?.trim()).toBe('c.Handoff_Panel_Summary_Heading');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect($(element, '.slds-section')?.classList.contains('slds-is-open')).toBe(false);
    expect($(element, '[data-id="summary-content"]')).toBeNull();
    await open(element);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect($(element, '.slds-section')?.classList.contains('slds-is-open')).toBe(true);
    const content = $(element, `[id="${toggle?.getAttribute('aria-controls')}"]`);
    expect(content?.dataset.id).toBe('summary-content');
  });

  it('shows the structured summary, blanks in italics, and the email text behind a toggle', async () => {
    const element = render({ unsaved: true });
    await open(element);
    expect($(element, '[data-id="summary-title"]')?.textContent).toBe('Handoff summary: Acme');
    expect($(element, '[data-section="wants"] h4')?.textContent).toBe('1. What the customer wants');
    expect($(element, '[data-item="Goals__c"]')?.classList.contains('summary-value_blank')).toBe(
      true
    );
    expect($(element, '[data-id="summary-unsaved"]')).not.toBeNull();
    $(element, '[data-id="plain-text-toggle"]')?.click();
    await flush();
    const text = $(element, '[data-id="plain-text"]')?.textContent ?? '';
    expect(text.startsWith('Handoff summary: Acme')).toBe(true);
    expect(text).toContain('Goals: Not provided');
  });

  it('shows the frozen text after close, or says none was frozen', async () => {
    const element = render({ closed: true, frozenSummary: 'As signed.' });
    await open(element);
    expect($(element, '[data-id="frozen-summary"]')?.textContent).toBe('As signed.');
    expect($(element, '[data-id="summary-document"]')).toBeNull();
    element.frozenSummary = '';
    await flush();
    expect($(element, '[data-id="frozen-summary"]')?.textContent).toBe(
      'c.Handoff_Panel_Closed_Frozen_Empty'
    );
  });

  it('copies the frozen text, and shows the text with a warning when copying fails', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const element = render({ closed: true, frozenSummary: 'As signed.' });
    const toasts: unknown[] = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    await open(element);
    $(element, '[data-id="copy"]')?.click();
    await flush();
    expect(writeText).toHaveBeenCalledWith('As signed.');

    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    Object.defineProperty(document, 'execCommand', {
      value: jest.fn(() => {
        throw new Error('blocked');
      }),
      configurable: true
    });
    element.closed = false;
    await flush();
    $(element, '[data-id="copy"]')?.click();
    await flush();
    expect(toasts).toEqual([
      { title: 'c.Handoff_Panel_Summary_Copied', variant: 'success' },
      { title: 'c.Handoff_Panel_Summary_Copy_Failed', variant: 'warning' }
    ]);
    expect($(element, '[data-id="plain-text"]')).not.toBeNull();
  });
});
