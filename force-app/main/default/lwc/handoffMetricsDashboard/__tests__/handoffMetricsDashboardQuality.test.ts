/**
 * Tests of c/handoffMetricsDashboard's issue-17 tables, with wire mocks of
 * HandoffMetricsController.getDashboard, getQuality, getGoLive and getNewPeople (each a JSON
 * string): the per-AE quality table, the fields named most, time to first value per segment and
 * the quarter's people new to the process — each section's loading, error, empty, truncated and
 * data states, sorting, the compact view without them, a failed refresh. "Today" is 4 March 2026.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getDashboard from '@salesforce/apex/HandoffMetricsController.getDashboard';
import getQuality from '@salesforce/apex/HandoffMetricsController.getQuality';
import getGoLive from '@salesforce/apex/HandoffMetricsController.getGoLive';
import getNewPeople from '@salesforce/apex/HandoffMetricsController.getNewPeople';
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
  '@salesforce/apex/HandoffMetricsController.getQuality',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffMetricsController.getGoLive',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffMetricsController.getNewPeople',
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
jest.mock('@salesforce/label/c.Handoff_Metrics_Value_Days', () => ({ default: '{0} d' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Metrics_Value_Score', () => ({ default: '{0} of 5' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Quality_Field_Count',
  () => ({ default: '{0} ({1})' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_Metrics_Quality_Help', () => ({ default: 'Coach.' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Quality_Overall',
  () => ({ default: 'Average {0} from {1} of {2}; {3} below 3; {4} skipped.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Metrics_Go_Live_Help', () => ({ default: 'Go-live.' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Go_Live_Overall',
  () => ({ default: 'Median {0} over {1} of {2}; {3} on target.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_New_People_Help',
  () => ({ default: 'New since {0}.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Metrics_Role_Ae', () => ({ default: 'AE' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Metrics_Role_Csm', () => ({ default: 'CSM' }), {
  virtual: true
});
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
const qualityWire = getQuality as unknown as TestWireAdapter;
const goLiveWire = getGoLive as unknown as TestWireAdapter;
const newPeopleWire = getNewPeople as unknown as TestWireAdapter;
const refreshMock = refreshApex as unknown as jest.Mock;

type Json = Record<string, unknown>;
type SectionKey = 'quality' | 'qualityFields' | 'goLive' | 'newPeople';
const SECTIONS: readonly SectionKey[] = ['quality', 'qualityFields', 'goLive', 'newPeople'];

function dashboard(): Json {
  return JSON.parse(readFileSync(join(__dirname, 'data', 'getDashboard.json'), 'utf8')) as Json;
}

function named(...pairs: [string, number][]): Json[] {
  return pairs.map(([name, count]) => ({ name, count }));
}

function qualityGroup(key: string, label: string, values: Partial<Json> = {}): Json {
  return {
    key,
    label,
    handoffs: 4,
    rated: 4,
    scoreSum: 14,
    below3: 0,
    skipped: 0,
    skipReasons: [],
    topFields: [],
    ...values
  };
}

function quality(values: Partial<Json> = {}): Json {
  return {
    total: qualityGroup('total', 'total', {
      handoffs: 14,
      rated: 10,
      scoreSum: 32,
      below3: 3,
      skipped: 2,
      topFields: named(['Risks__c', 4], ['Amount', 2], ['Customer_Goals__c', 2])
    }),
    months: [qualityGroup('2026-03', '2026-03', { rated: 10, scoreSum: 32, below3: 3 })],
    aes: [
      // average 2, two of three below 3
      qualityGroup('005A', 'Ada Lovelace', {
        handoffs: 5,
        rated: 3,
        scoreSum: 6,
        below3: 2,
        topFields: named(['Risks__c', 3], ['Amount', 1])
      }),
      // average 4.5
      qualityGroup('005B', 'Ben Okri', { handoffs: 6, rated: 6, scoreSum: 27 }),
      // nothing rated yet
      qualityGroup('005C', 'Cleo Park', { handoffs: 3, rated: 0, scoreSum: 0, skipped: 2 })
    ],
    segments: [],
    truncated: false,
    ...values
  };
}

function goLiveGroup(key: string, label: string, values: Partial<Json> = {}): Json {
  return {
    key,
    label,
    handoffs: 10,
    goLives: 6,
    medianDays: 30,
    withTarget: 6,
    onTime: 3,
    late: 3,
    medianDaysLate: 5,
    ...values
  };
}

function goLive(values: Partial<Json> = {}): Json {
  return {
    total: goLiveGroup('total', 'total', { handoffs: 20, goLives: 9, medianDays: 34 }),
    months: [goLiveGroup('2026-02', '2026-02')],
    segments: [
      goLiveGroup('Enterprise', 'Enterprise', { goLives: 3, medianDays: 62, onTime: 1, late: 2 }),
      goLiveGroup('SMB', 'SMB', { medianDays: 21, withTarget: 4, onTime: 4, late: 0 })
    ],
    truncated: false,
    ...values
  };
}

function person(userId: string, name: string, values: Partial<Json> = {}): Json {
  return {
    userId,
    name,
    role: 'AE',
    handoffsAsNew: 2,
    handoffsSoFar: 2,
    completeAtClose: 1,
    handoffs: 2,
    rated: 2,
    scoreSum: 7,
    ...values
  };
}

function newPeople(values: Partial<Json> = {}): Json {
  return {
    quarterStart: '2026-01-01',
    people: [
      person('005D', 'Dana Cruz', { handoffsSoFar: 4, completeAtClose: 4, handoffs: 4 }),
      person('005E', 'Eli Moss', { role: 'CSM', rated: 0, scoreSum: 0, handoffsSoFar: 1 })
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

async function renderWith(
  answers: { quality?: Json; goLive?: Json; newPeople?: Json },
  props: Record<string, unknown> = {}
): Promise<HTMLElement> {
  const element = createElement('c-handoff-metrics-dashboard', { is: HandoffMetricsDashboard });
  Object.assign(element, props);
  document.body.appendChild(element);
  dashboardWire.emit(JSON.stringify(dashboard()));
  if (answers.quality) {
    qualityWire.emit(JSON.stringify(answers.quality));
  }
  if (answers.goLive) {
    goLiveWire.emit(JSON.stringify(answers.goLive));
  }
  if (answers.newPeople) {
    newPeopleWire.emit(JSON.stringify(answers.newPeople));
  }
  await flush();
  return element;
}

const all = (): { quality: Json; goLive: Json; newPeople: Json } => ({
  quality: quality(),
  goLive: goLive(),
  newPeople: newPeople()
});

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return (element.shadowRoot as ShadowRoot).querySelector<HTMLElement>(selector);
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function section(element: HTMLElement, key: SectionKey): HTMLElement {
  const found = $(element, `section[data-id="${key}"]`);
  if (!found) {
    throw new Error(`no section ${key}`);
  }
  return found;
}

function part(element: HTMLElement, key: SectionKey, id: string): string {
  const node = section(element, key).querySelector(`[data-id="${id}"]`);
  if (!node) {
    throw new Error(`no ${id} in ${key}`);
  }
  return text(node);
}

function rowLabels(node: HTMLElement): string[] {
  return Array.from(node.querySelectorAll('tbody tr')).map((tr) => text(tr.querySelector('th')));
}

function cell(node: HTMLElement, row: string, column: string): string {
  const tr = node.querySelector(`tr[data-row="${row}"]`);
  if (!tr) {
    throw new Error(`no row ${row}`);
  }
  return text(tr.querySelector(`td[data-cell="${column}"]`));
}

function columns(node: HTMLElement): (string | undefined)[] {
  return Array.from(node.querySelectorAll('thead button')).map(
    (b) => (b as HTMLElement).dataset.column
  );
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

describe('c-handoff-metrics-dashboard quality, go-live and new people: states', () => {
  it('shows a spinner in each of the four sections until its read answers', async () => {
    const element = await renderWith({});
    for (const key of SECTIONS) {
      const node = section(element, key);
      expect(node.querySelector('[data-id="detail-loading"] lightning-spinner')).not.toBeNull();
      expect(node.querySelector('table')).toBeNull();
      expect(node.querySelector('[data-id="detail-error"]')).toBeNull();
    }
  });

  it('says in both quality sections that the quality read failed; the others stay', async () => {
    const element = await renderWith({ goLive: goLive(), newPeople: newPeople() });
    qualityWire.error({ message: 'No access to Quality_Score__c' });
    await flush();
    for (const key of ['quality', 'qualityFields'] as const) {
      const error = section(element, key).querySelector('[data-id="detail-error"]') as HTMLElement;
      expect(error.getAttribute('role')).toBe('alert');
      expect(text(error)).toBe('Could not load: No access to Quality_Score__c');
      expect(section(element, key).querySelector('table')).toBeNull();
    }
    expect(rowLabels(section(element, 'goLive'))).toEqual(['SMB', 'Enterprise']);
    expect(rowLabels(section(element, 'newPeople'))).toHaveLength(2);
    // the quality tiles show no data rather than a stale figure
    expect(text($(element, 'li[data-tile="qualityScore"]'))).toContain('c.Handoff_Metrics_No_Data');
  });

  it('says what failed in the go-live and new people sections alone', async () => {
    const element = await renderWith({ quality: quality() });
    goLiveWire.error({ message: 'Go-live read failed' });
    newPeopleWire.error([{ message: 'New people read failed' }]);
    await flush();
    expect(part(element, 'goLive', 'detail-error')).toBe('Could not load: Go-live read failed');
    expect(part(element, 'newPeople', 'detail-error')).toBe(
      'Could not load: New people read failed'
    );
    expect(rowLabels(section(element, 'quality'))).toHaveLength(3);
  });

  it('treats an answer that is not JSON as the section failing', async () => {
    const element = await renderWith({ quality: quality() });
    goLiveWire.emit('not json');
    newPeopleWire.emit('{');
    await flush();
    expect(part(element, 'goLive', 'detail-error')).toContain('Could not load:');
    expect(part(element, 'newPeople', 'detail-error')).toContain('Could not load:');
  });

  it('says so when nothing was answered, named, recorded or new, without a table', async () => {
    const element = await renderWith({
      quality: quality({
        total: qualityGroup('total', 'total', { rated: 0, scoreSum: 0, skipped: 0 }),
        aes: [qualityGroup('005A', 'Ada Lovelace', { rated: 0, scoreSum: 0 })]
      }),
      goLive: goLive({
        total: goLiveGroup('total', 'total', { goLives: 0, withTarget: 0, onTime: 0, late: 0 }),
        segments: [goLiveGroup('SMB', 'SMB', { goLives: 0, withTarget: 0, onTime: 0, late: 0 })]
      }),
      newPeople: newPeople({ people: [] })
    });
    const empty: Record<SectionKey, string> = {
      quality: 'c.Handoff_Metrics_Quality_Empty',
      qualityFields: 'c.Handoff_Metrics_Fields_Empty',
      goLive: 'c.Handoff_Metrics_Go_Live_Empty',
      newPeople: 'c.Handoff_Metrics_New_People_Empty'
    };
    for (const key of SECTIONS) {
      expect(part(element, key, 'detail-empty')).toBe(empty[key]);
      expect(section(element, key).querySelector('table')).toBeNull();
    }
    // no overall sentence without a rating or a go-live
    expect(part(element, 'quality', 'detail-help')).toBe('Coach.');
    expect(part(element, 'goLive', 'detail-help')).toBe('Go-live.');
  });

  it('says when a read was cut at 10,000 handoffs, and only then', async () => {
    const element = await renderWith({
      quality: quality({ truncated: true }),
      goLive: goLive(),
      newPeople: newPeople({ truncated: true })
    });
    expect(part(element, 'quality', 'detail-truncated')).toBe('Only the newest 10,000.');
    expect(part(element, 'newPeople', 'detail-truncated')).toBe('Only the newest 10,000.');
    expect(section(element, 'goLive').querySelector('[data-id="detail-truncated"]')).toBeNull();
  });

  it('leaves the four sections out of the compact view', async () => {
    const element = await renderWith(all(), { compact: true });
    for (const key of SECTIONS) {
      expect($(element, `section[data-id="${key}"]`)).toBeNull();
    }
  });

  it('shows a section error when the refresh of its read fails, and the dashboard stays', async () => {
    const element = await renderWith(all());
    refreshMock.mockImplementation((result: { data?: string } | undefined) => {
      return result?.data === JSON.stringify(newPeople())
        ? Promise.reject({ body: { message: 'Session expired' } })
        : Promise.resolve();
    });
    ($(element, 'button[data-action="refresh"]') as HTMLButtonElement).click();
    await flush();
    expect(part(element, 'newPeople', 'detail-error')).toBe('Could not load: Session expired');
    expect($(element, '[data-id="load-error"]')).toBeNull();
    expect(rowLabels(section(element, 'quality'))).toHaveLength(3);
    refreshMock.mockImplementation(() => Promise.resolve());
  });
});

describe('c-handoff-metrics-dashboard quality, go-live and new people: data', () => {
  it("lists each AE's ratings, average score, share below 3 and the fields named most", async () => {
    const element = await renderWith(all());
    const node = section(element, 'quality');
    expect(part(element, 'quality', 'detail-help')).toBe(
      'Coach. Average 3.2 of 5 from 10 of 14; 30% below 3; 2 skipped.'
    );
    expect(columns(node)).toEqual(['name', 'handoffs', 'rated', 'average', 'below3', 'topFields']);
    // most rated first
    expect(rowLabels(node)).toEqual(['Ben Okri', 'Ada Lovelace', 'Cleo Park']);
    expect(cell(node, 'Ada Lovelace', 'rated')).toBe('3');
    expect(cell(node, 'Ada Lovelace', 'average')).toBe('2 of 5');
    expect(cell(node, 'Ada Lovelace', 'below3')).toBe('66.7%');
    expect(cell(node, 'Ada Lovelace', 'topFields')).toBe('Risks__c (3), Amount (1)');
    expect(cell(node, 'Ben Okri', 'average')).toBe('4.5 of 5');
    expect(cell(node, 'Ben Okri', 'topFields')).toBe('c.Handoff_Metrics_Quality_No_Fields');
    expect(cell(node, 'Cleo Park', 'average')).toBe('c.Handoff_Metrics_No_Data');
    expect(cell(node, 'Cleo Park', 'below3')).toBe('c.Handoff_Metrics_No_Data');
  });

  it('sorts the quality table by average, lowest first on a second click, announced', async () => {
    const element = await renderWith(all());
    sortBy(section(element, 'quality'), 'average');
    await flush();
    let node = section(element, 'quality');
    // largest first; an AE without a rating last
    expect(rowLabels(node)).toEqual(['Ben Okri', 'Ada Lovelace', 'Cleo Park']);
    expect(text($(element, '[data-id="announcement"]'))).toBe(
      'Sorted by c.Handoff_Metrics_Quality_Average, descending.'
    );
    sortBy(node, 'average');
    await flush();
    node = section(element, 'quality');
    expect(rowLabels(node)).toEqual(['Ada Lovelace', 'Ben Okri', 'Cleo Park']);
    expect(node.querySelector('th[data-column="average"]')?.getAttribute('aria-sort')).toBe(
      'ascending'
    );
  });

  it("lists the period's fields named most often with their counts, ties by name", async () => {
    const element = await renderWith(all());
    const node = section(element, 'qualityFields');
    expect(part(element, 'qualityFields', 'detail-help')).toBe('c.Handoff_Metrics_Fields_Help');
    expect(columns(node)).toEqual(['name', 'count']);
    expect(rowLabels(node)).toEqual(['Risks__c', 'Amount', 'Customer_Goals__c']);
    expect(cell(node, 'Risks__c', 'count')).toBe('4');
    expect(cell(node, 'Customer_Goals__c', 'count')).toBe('2');
    sortBy(node, 'name');
    await flush();
    expect(rowLabels(section(element, 'qualityFields'))).toEqual([
      'Amount',
      'Customer_Goals__c',
      'Risks__c'
    ]);
  });

  it('shows time to first value per segment: go-lives, median days, on target, days late', async () => {
    const element = await renderWith(all());
    const node = section(element, 'goLive');
    expect(part(element, 'goLive', 'detail-help')).toBe(
      'Go-live. Median 34 d over 9 of 20; 50% on target.'
    );
    expect(columns(node)).toEqual([
      'name',
      'handoffs',
      'goLives',
      'medianDays',
      'onTimeShare',
      'medianDaysLate'
    ]);
    expect(rowLabels(node)).toEqual(['SMB', 'Enterprise']);
    expect(cell(node, 'Enterprise', 'goLives')).toBe('3');
    expect(cell(node, 'Enterprise', 'medianDays')).toBe('62 d');
    expect(cell(node, 'Enterprise', 'onTimeShare')).toBe('33.3%');
    expect(cell(node, 'Enterprise', 'medianDaysLate')).toBe('5 d');
    expect(cell(node, 'SMB', 'onTimeShare')).toBe('100%');
    // none late: no median days late
    expect(cell(node, 'SMB', 'medianDaysLate')).toBe('c.Handoff_Metrics_No_Data');
    sortBy(node, 'medianDays');
    await flush();
    expect(rowLabels(section(element, 'goLive'))).toEqual(['Enterprise', 'SMB']);
  });

  it("lists the quarter's new AEs and CSMs with handoffs so far, completion and score", async () => {
    const element = await renderWith(all());
    const node = section(element, 'newPeople');
    expect(part(element, 'newPeople', 'detail-help')).toBe('New since Jan 1, 2026.');
    expect(columns(node)).toEqual(['name', 'role', 'handoffsSoFar', 'completion', 'score']);
    expect(rowLabels(node)).toEqual(['Dana Cruz', 'Eli Moss']);
    expect(cell(node, 'Dana Cruz', 'role')).toBe('AE');
    expect(cell(node, 'Dana Cruz', 'handoffsSoFar')).toBe('4');
    expect(cell(node, 'Dana Cruz', 'completion')).toBe('100%');
    expect(cell(node, 'Dana Cruz', 'score')).toBe('3.5 of 5');
    expect(cell(node, 'Eli Moss', 'role')).toBe('CSM');
    expect(cell(node, 'Eli Moss', 'completion')).toBe('50%');
    expect(cell(node, 'Eli Moss', 'score')).toBe('c.Handoff_Metrics_No_Data');
    sortBy(node, 'role');
    await flush();
    // role is text: A to Z first, then reversed
    expect(rowLabels(section(element, 'newPeople'))).toEqual(['Dana Cruz', 'Eli Moss']);
    sortBy(section(element, 'newPeople'), 'role');
    await flush();
    expect(rowLabels(section(element, 'newPeople'))).toEqual(['Eli Moss', 'Dana Cruz']);
  });

  it('asks for the new people of the segment chosen, whatever the period', async () => {
    const element = await renderWith(all());
    const adapter = getNewPeople as unknown as { getLastConfig: () => Json };
    const wired = (): Json => adapter.getLastConfig();
    expect(wired()).toEqual({ segment: null });
    const segment = $(element, 'lightning-combobox[data-id="segment"]') as HTMLElement;
    segment.dispatchEvent(new CustomEvent('change', { detail: { value: 'SMB' } }));
    await flush();
    expect(wired()).toEqual({ segment: 'SMB' });
    const period = $(element, 'lightning-combobox[data-id="period"]') as HTMLElement;
    period.dispatchEvent(new CustomEvent('change', { detail: { value: '3' } }));
    await flush();
    expect(wired()).toEqual({ segment: 'SMB' });
    expect((getQuality as unknown as { getLastConfig: () => Json }).getLastConfig()).toEqual({
      segment: 'SMB',
      months: 3
    });
  });
});
