/**
 * Tests of c/handoffBeforeAfter with a wire mock of HandoffBaselineComparison.getComparison: the
 * error state, no baseline (the guidance says how to load it), and the table: each figure before,
 * after, the signed change and whether it meets the target.
 */
import { createElement } from 'lwc';
import getComparison from '@salesforce/apex/HandoffBaselineComparison.getComparison';
import HandoffBeforeAfter, { changeText, shown } from 'c/handoffBeforeAfter';

jest.mock(
  '@salesforce/apex/HandoffBaselineComparison.getComparison',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_BeforeAfter_Met', () => ({ default: 'Target met' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_BeforeAfter_Not_Met', () => ({ default: 'Below target' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_BeforeAfter_No_Data',
  () => ({ default: 'Not enough data' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_BeforeAfter_Completion',
  () => ({ default: 'Completion at close' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_BeforeAfter_First_Touch',
  () => ({ default: 'Median hours to first touch' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_BeforeAfter_Go_Live',
  () => ({ default: 'Median days to go-live' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_BeforeAfter_Target',
  () => ({ default: 'Target: {0}% better.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_BeforeAfter_Summary',
  () => ({ default: 'Baseline: {0} deals closed {1}. Since launch ({2}): {3} handoffs.' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_BeforeAfter_Error', () => ({ default: 'Could not load.' }), {
  virtual: true
});

const wire = getComparison as unknown as { emit(v: unknown): void; error(body?: unknown): void };
async function flush(turns = 8): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function mount(): HTMLElement {
  const el = createElement('c-handoff-before-after', { is: HandoffBeforeAfter });
  document.body.appendChild(el);
  return el;
}
const q = (el: HTMLElement, sel: string) => el.shadowRoot?.querySelector(sel) as HTMLElement | null;
const text = (el: HTMLElement | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
});

const FIGURES = [
  {
    key: 'completion',
    before: 0.5714,
    after: 0.9,
    changePercent: 57.5,
    status: 'met',
    lowerIsBetter: false
  },
  {
    key: 'firstTouch',
    before: 48,
    after: 40,
    changePercent: 16.7,
    status: 'not-met',
    lowerIsBetter: true
  },
  {
    key: 'goLive',
    before: null,
    after: 30,
    changePercent: null,
    status: 'no-data',
    lowerIsBetter: true
  }
];

describe('helpers', () => {
  it('shows completion in percent and the others with one decimal; blanks as a dash', () => {
    expect(shown(FIGURES[0], 0.5714)).toBe('57.1%');
    expect(shown(FIGURES[1], 40)).toBe('40.0');
    expect(shown(FIGURES[2], null)).toBe('–');
  });
  it('signs the change', () => {
    expect(changeText(16.7)).toBe('+16.7%');
    expect(changeText(-5)).toBe('-5.0%');
    expect(changeText(0)).toBe('0.0%');
    expect(changeText(null)).toBe('–');
  });
});

describe('c-handoff-before-after', () => {
  it('an error is an alert', async () => {
    const el = mount();
    wire.error();
    await flush();
    expect(text(q(el, '[role="alert"]'))).toBe('Could not load.');
  });

  it('no baseline: the guidance says how to load it, no summary', async () => {
    const el = mount();
    wire.emit({
      hasBaseline: false,
      launchDate: '2026-01-05',
      afterHandoffs: 12,
      targetPercent: 20,
      guidance: 'No baseline loaded: … npm run baseline:load -- --file baseline.json',
      figures: FIGURES.map((f) => ({ ...f, before: null, changePercent: null, status: 'no-data' }))
    });
    await flush();
    expect(text(q(el, '[data-id="guidance"]'))).toContain('npm run baseline:load');
    expect(q(el, '[data-id="summary"]')).toBeNull();
    expect(text(q(el, 'tr[data-key="completion"] [data-id="change"]'))).toBe('– · Not enough data');
  });

  it('with a baseline: before, after, change and status per figure, the summary and the target', async () => {
    const el = mount();
    wire.emit({
      hasBaseline: true,
      launchDate: '2026-01-05',
      baselinePeriod: '2025-01-06 to 2025-05-26',
      baselineDeals: 21,
      afterHandoffs: 40,
      targetPercent: 20,
      guidance: null,
      figures: FIGURES
    });
    await flush();
    expect(q(el, '[data-id="guidance"]')).toBeNull();
    expect(text(q(el, '[data-id="summary"]'))).toBe(
      'Baseline: 21 deals closed 2025-01-06 to 2025-05-26. Since launch (2026-01-05): 40 handoffs.'
    );
    const row = (key: string) =>
      ['th', '[data-id="before"]', '[data-id="after"]', '[data-id="change"]'].map((s) =>
        text(q(el, `tr[data-key="${key}"] ${s}`))
      );
    expect(row('completion')).toEqual([
      'Completion at close',
      '57.1%',
      '90.0%',
      '+57.5% · Target met'
    ]);
    expect(row('firstTouch')).toEqual([
      'Median hours to first touch',
      '48.0',
      '40.0',
      '+16.7% · Below target'
    ]);
    expect(row('goLive')).toEqual(['Median days to go-live', '–', '30.0', '– · Not enough data']);
    expect(text(q(el, '[data-id="target"]'))).toBe('Target: 20% better.');
  });
});
