/**
 * Tests of c/handoffMetricsDashboard's AE time and field relevance (issue 16), with wire mocks of
 * HandoffMetricsController.getDashboard, getAeTime and getFieldRelevance (each a JSON string):
 * each section's loading, error, empty, truncated and data states; the per-AE and field relevance
 * tables sorted by a column and announced; the AE tiles and the AE_Minutes_To_Complete red flag
 * read from the AE-time months; the compact view without the sections. "Today" is 4 March 2026.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import getDashboard from '@salesforce/apex/HandoffMetricsController.getDashboard';
import getAeTime from '@salesforce/apex/HandoffMetricsController.getAeTime';
import getFieldRelevance from '@salesforce/apex/HandoffMetricsController.getFieldRelevance';
import HandoffMetricsDashboard from 'c/handoffMetricsDashboard';

jest.mock(
  '@salesforce/apex/HandoffMetricsController.getDashboard',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffMetricsController.getAeTime',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffMetricsController.getFieldRelevance',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'UTC' }), { virtual: true });
jest.mock('@salesforce/label/c.Handoff_Metrics_Value_Percent', () => ({ default: '{0}%' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Metrics_Value_Minutes', () => ({ default: '{0} min' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Metrics_Kpi_Count', () => ({ default: '{0} of {1}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Ae_Help',
  () => ({ default: 'Target {0} to {1} minutes.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Ae_Overall',
  () => ({ default: 'Median {0} over {1} of {2}; {3} pre-filled.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Section_Error',
  () => ({ default: 'Could not load: {0}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Section_Truncated',
  () => ({ default: 'Only the newest {0}.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Sorted_Ascending',
  () => ({ default: 'Sorted by {0}, ascending.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Sorted_Descending',
  () => ({ default: 'Sorted by {0}, descending.' }),
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const dashboardWire = getDashboard as unknown as TestWireAdapter;
const aeWire = getAeTime as unknown as TestWireAdapter;
const relevanceWire = getFieldRelevance as unknown as TestWireAdapter;

type Json = Record<string, unknown>;

const AE_THRESHOLD = {
  developerName: 'AE_Minutes_To_Complete',
  metric: 'AE_Minutes_To_Complete',
  comparator: 'Above',
  threshold: 10,
  target: 10,
  unit: 'Minutes',
  consecutivePeriods: 2,
  period: 'Month',
  hypercareWeek: null,
  action: 'Look at the slow AEs.',
  active: true
};

function dashboard(): Json {
  const raw = JSON.parse(
    readFileSync(join(__dirname, 'data', 'getDashboard.json'), 'utf8')
  ) as Json;
  raw.thresholds = [...(raw.thresholds as Json[]), AE_THRESHOLD];
  return raw;
}

function group(key: string, label: string, values: Partial<Json> = {}): Json {
  return {
    key,
    label,
    handoffs: 4,
    measured: 3,
    medianMinutes: 8,
    fieldsFilled: 20,
    fieldsPrefilled: 5,
    ...values
  };
}

function aeTime(values: Partial<Json> = {}): Json {
  return {
    targetMinMinutes: 5,
    targetMaxMinutes: 10,
    total: group('total', 'total', { handoffs: 12, measured: 9, medianMinutes: 9.5 }),
    months: [
      group('2026-01', '2026-01'),
      group('2026-02', '2026-02', { medianMinutes: 12 }),
      group('2026-03', '2026-03', { medianMinutes: 14.5, fieldsFilled: 10, fieldsPrefilled: 4 })
    ],
    aes: [
      group('005A', 'Ada Lovelace', { handoffs: 2, medianMinutes: 30, fieldsPrefilled: 0 }),
      group('005B', 'Ben Okri', { handoffs: 7, medianMinutes: 6 }),
      group('005C', 'Cleo Park', { handoffs: 3, measured: 0, medianMinutes: null })
    ],
    segments: [],
    truncated: false,
    ...values
  };
}

function relevanceRow(field: string, label: string, values: Partial<Json> = {}): Json {
  return {
    field,
    label,
    segment: 'SMB',
    handoffs: 10,
    missingAtClose: 0,
    wouldHaveBlocked: 0,
    excepted: 0,
    prefilled: 0,
    itemsMissing: 0,
    askedAgain: 0,
    ...values
  };
}

function relevance(values: Partial<Json> = {}): Json {
  return {
    rows: [
      relevanceRow('Customer_Goals__c', 'Customer Goals', { missingAtClose: 2, excepted: 1 }),
      relevanceRow('Risks__c', 'Risks', { missingAtClose: 5, wouldHaveBlocked: 4, askedAgain: 1 }),
      relevanceRow('Scope__c', 'Scope', { prefilled: 9, itemsMissing: 3 })
    ],
    truncated: false,
    ...values
  };
}

async function flush(turns = 8): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function render(props: Record<string, unknown> = {}): HTMLElement {
  const element = createElement('c-handoff-metrics-dashboard', { is: HandoffMetricsDashboard });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

async function renderWith(
  answers: { ae?: Json; relevance?: Json },
  props: Record<string, unknown> = {}
): Promise<HTMLElement> {
  const element = render(props);
  dashboardWire.emit(JSON.stringify(dashboard()));
  if (answers.ae) {
    aeWire.emit(JSON.stringify(answers.ae));
  }
  if (answers.relevance) {
    relevanceWire.emit(JSON.stringify(answers.relevance));
  }
  await flush();
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return (element.shadowRoot as ShadowRoot).querySelector<HTMLElement>(selector);
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function section(element: HTMLElement, key: 'ae' | 'relevance'): HTMLElement {
  const found = $(element, `section[data-id="${key}"]`);
  if (!found) {
    throw new Error(`no section ${key}`);
  }
  return found;
}

function rowLabels(node: HTMLElement): string[] {
  return Array.from(node.querySelectorAll('tbody tr')).map((tr) => text(tr.querySelector('th')));
}

function cell(node: HTMLElement, row: string, column: string): string {
  const tr = node.querySelector(`tr[data-row="${row}"]`);
  return text(tr?.querySelector(`td[data-cell="${column}"]`) ?? null);
}

function sortBy(node: HTMLElement, column: string): void {
  (node.querySelector(`button[data-column="${column}"]`) as HTMLButtonElement).click();
}

beforeEach(() => {
  jest.useFakeTimers({
    now: new Date('2026-03-04T12:00:00Z'),
    doNotFake: [
      'nextTick',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval'
    ]
  });
});

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
  jest.useRealTimers();
});

describe('c-handoff-metrics-dashboard AE time and field relevance: states', () => {
  it('shows a spinner in each section until its read answers', async () => {
    const element = await renderWith({});
    for (const key of ['ae', 'relevance'] as const) {
      const node = section(element, key);
      expect(node.querySelector('[data-id="detail-loading"] lightning-spinner')).not.toBeNull();
      expect(node.querySelector('table')).toBeNull();
    }
  });

  it('says what failed in the section alone; the rest of the dashboard stays', async () => {
    const element = await renderWith({ relevance: relevance() });
    aeWire.error({ message: 'No access to AE_Minutes_To_Complete__c' });
    await flush();
    const error = section(element, 'ae').querySelector('[data-id="detail-error"]') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toBe('Could not load: No access to AE_Minutes_To_Complete__c');
    expect($(element, '[data-id="tiles"]')).not.toBeNull();
    expect(rowLabels(section(element, 'relevance'))).toHaveLength(3);
  });

  it('treats an answer that is not JSON as the section failing', async () => {
    const element = await renderWith({ ae: aeTime() });
    relevanceWire.emit('not json');
    await flush();
    expect(text(section(element, 'relevance').querySelector('[data-id="detail-error"]'))).toContain(
      'Could not load:'
    );
  });

  it('says so when the window has no handoff and no field rows', async () => {
    const element = await renderWith({
      ae: aeTime({ total: group('total', 'total', { handoffs: 0, measured: 0 }), aes: [] }),
      relevance: relevance({ rows: [] })
    });
    expect(text(section(element, 'ae').querySelector('[data-id="detail-empty"]'))).toBe(
      'c.Handoff_Metrics_Ae_Empty'
    );
    expect(text(section(element, 'ae').querySelector('[data-id="detail-help"]'))).toBe(
      'Target 5 to 10 minutes.'
    );
    expect(text(section(element, 'relevance').querySelector('[data-id="detail-empty"]'))).toBe(
      'c.Handoff_Metrics_Relevance_Empty'
    );
    expect(section(element, 'ae').querySelector('table')).toBeNull();
  });

  it('says when a read was cut at 10,000 handoffs, and only then', async () => {
    const element = await renderWith({
      ae: aeTime({ truncated: true }),
      relevance: relevance()
    });
    expect(text(section(element, 'ae').querySelector('[data-id="detail-truncated"]'))).toBe(
      'Only the newest 10,000.'
    );
    expect(section(element, 'relevance').querySelector('[data-id="detail-truncated"]')).toBeNull();
  });

  it('leaves both sections out of the compact view', async () => {
    const element = await renderWith({ ae: aeTime(), relevance: relevance() }, { compact: true });
    expect($(element, 'section[data-id="ae"]')).toBeNull();
    expect($(element, 'section[data-id="relevance"]')).toBeNull();
  });
});

describe('c-handoff-metrics-dashboard AE time and field relevance: data', () => {
  it("states the window's median against the target and lists each AE", async () => {
    const element = await renderWith({ ae: aeTime(), relevance: relevance() });
    const node = section(element, 'ae');
    expect(text(node.querySelector('[data-id="detail-help"]'))).toBe(
      'Target 5 to 10 minutes. Median 9.5 min over 9 of 12; 25% pre-filled.'
    );
    expect(rowLabels(node)).toEqual(['Ben Okri', 'Cleo Park', 'Ada Lovelace']);
    expect(cell(node, 'Ada Lovelace', 'median')).toBe('30 min');
    expect(cell(node, 'Ada Lovelace', 'prefilled')).toBe('0%');
    expect(cell(node, 'Cleo Park', 'median')).toBe('c.Handoff_Metrics_No_Data');
    expect(cell(node, 'Cleo Park', 'measured')).toBe('0');
  });

  it('sorts the AE table by a column, reverses on a second click and announces it', async () => {
    const element = await renderWith({ ae: aeTime(), relevance: relevance() });
    sortBy(section(element, 'ae'), 'median');
    await flush();
    let node = section(element, 'ae');
    // largest first; an AE without a median last
    expect(rowLabels(node)).toEqual(['Ada Lovelace', 'Ben Okri', 'Cleo Park']);
    expect(node.querySelector('th[data-column="median"]')?.getAttribute('aria-sort')).toBe(
      'descending'
    );
    expect(text($(element, '[data-id="announcement"]'))).toBe(
      'Sorted by c.Handoff_Metrics_Ae_Median, descending.'
    );
    sortBy(node, 'median');
    await flush();
    node = section(element, 'ae');
    expect(rowLabels(node)).toEqual(['Ben Okri', 'Ada Lovelace', 'Cleo Park']);
    sortBy(node, 'name');
    await flush();
    expect(rowLabels(section(element, 'ae'))).toEqual(['Ada Lovelace', 'Ben Okri', 'Cleo Park']);
  });

  it('shows each relevance count per field and segment, most missing first, with the caveat', async () => {
    const element = await renderWith({ ae: aeTime(), relevance: relevance() });
    const node = section(element, 'relevance');
    expect(text(node.querySelector('[data-id="detail-help"]'))).toBe(
      'c.Handoff_Metrics_Relevance_Caveat'
    );
    expect(rowLabels(node)).toEqual(['Risks', 'Customer Goals', 'Scope']);
    expect(cell(node, 'Risks', 'segment')).toBe('SMB');
    expect(cell(node, 'Risks', 'wouldHaveBlocked')).toBe('4');
    expect(cell(node, 'Risks', 'askedAgain')).toBe('1');
    expect(cell(node, 'Customer Goals', 'excepted')).toBe('1');
    expect(cell(node, 'Scope', 'prefilled')).toBe('9');
    expect(cell(node, 'Scope', 'itemsMissing')).toBe('3');
    expect(
      Array.from(node.querySelectorAll('thead button')).map(
        (b) => (b as HTMLElement).dataset.column
      )
    ).toEqual([
      'name',
      'segment',
      'handoffs',
      'missingAtClose',
      'wouldHaveBlocked',
      'excepted',
      'prefilled',
      'itemsMissing',
      'askedAgain'
    ]);
    sortBy(node, 'prefilled');
    await flush();
    expect(rowLabels(section(element, 'relevance'))).toEqual(['Scope', 'Customer Goals', 'Risks']);
  });

  it('draws the AE tiles from the AE-time months and raises the AE red flag', async () => {
    const element = await renderWith({ ae: aeTime(), relevance: relevance() });
    const ae = $(element, 'li[data-tile="aeMinutes"]') as HTMLElement;
    // measured-weighted median of 8, 12 and 14.5 (3 each) is 12
    expect(text(ae)).toContain('12 min');
    expect(text(ae)).toContain('c.Handoff_Metrics_Kpi_Flag_Up');
    const share = $(element, 'li[data-tile="prefilledShare"]') as HTMLElement;
    // (5 + 5 + 4) of (20 + 20 + 10)
    expect(text(share)).toContain('28%');
    expect(text(share)).toContain('14 of 50');
    const flag = $(element, 'li[data-flag="AE_Minutes_To_Complete"]') as HTMLElement;
    expect(flag).not.toBeNull();
    expect(flag.querySelector('[data-id="action"]')).not.toBeNull();
  });

  it('shows no AE tile value before the AE-time read answers', async () => {
    const element = await renderWith({});
    expect(text($(element, 'li[data-tile="aeMinutes"]'))).toContain('c.Handoff_Metrics_No_Data');
  });
});
