/**
 * Tests of c/handoffPanelMeter: one number, as a bar, as text and in a polite live region.
 */
import { createElement } from 'lwc';
import HandoffPanelMeter from 'c/handoffPanelMeter';

jest.mock('@salesforce/label/c.Handoff_Panel_Meter_Text', () => ({ default: '{0}% complete' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Meter_Assistive',
  () => ({ default: 'Completeness {0} percent.' }),
  { virtual: true }
);

type Meter = HTMLElement & { completeness: number; unsaved: boolean };

function render(completeness: number, unsaved = false): Meter {
  const element = createElement('c-handoff-panel-meter', {
    is: HandoffPanelMeter
  }) as unknown as Meter;
  element.completeness = completeness;
  element.unsaved = unsaved;
  document.body.appendChild(element);
  return element;
}

const $ = (element: Meter, selector: string) => element.shadowRoot?.querySelector(selector);

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
});

describe('c-handoff-panel-meter', () => {
  it('shows one number, as the bar, the text and the text alternative', () => {
    const element = render(25);
    expect(($(element, '[data-id="meter"]') as unknown as { value: number }).value).toBe(25);
    expect($(element, '[data-id="meter-text"]')?.textContent?.trim()).toBe('25% complete');
    expect($(element, '[data-id="meter-text"]')?.getAttribute('aria-hidden')).toBe('true');
    const assistive = $(element, '[data-id="meter-assistive"]');
    expect(assistive?.textContent?.trim()).toBe('Completeness 25 percent.');
    expect(assistive?.getAttribute('aria-live')).toBe('polite');
    expect(assistive?.classList.contains('slds-assistive-text')).toBe(true);
  });

  it('is a region named by its heading', () => {
    const element = render(0);
    const section = $(element, 'section');
    const heading = $(element, `[id="${section?.getAttribute('aria-labelledby')}"]`);
    expect(heading?.textContent?.trim()).toBe('c.Handoff_Panel_Meter_Heading');
  });

  it('says when it counts unsaved changes', async () => {
    const element = render(50);
    expect($(element, '[data-id="unsaved"]')).toBeNull();
    element.unsaved = true;
    await Promise.resolve();
    expect($(element, '[data-id="unsaved"]')?.textContent?.trim()).toBe('c.Handoff_Panel_Unsaved');
  });
});
