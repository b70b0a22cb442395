/**
 * Tests of c/handoffMetricsDashboard with a wire mock of HandoffMetricsController.getDashboard
 * (which answers a JSON string): loading, error and empty states; the KPI tiles against their
 * targets and thresholds; the monthly trend charts, including a month with no handoffs and a
 * month missing from the data; the red flags with their actions; the period and segment
 * filters; the breakdown; the hypercare weeks; drill-through to reports and users; the compact
 * view; the rollout line under the title in each mode, with its report links; and accessibility.
 *
 * @sa11y/jest is not installed in this project, so the accessibility tests assert roles, ARIA
 * attributes, names and keyboard reachability explicitly. "Today" is 4 March 2026 (fake Date).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getDashboard from '@salesforce/apex/HandoffMetricsController.getDashboard';
import HandoffMetricsDashboard from 'c/handoffMetricsDashboard';

jest.mock(
  '@salesforce/apex/HandoffMetricsController.getDashboard',
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

// Labels with placeholders whose output the tests read; every other label is its own name
// (e.g. `c.Handoff_Metrics_Title`).
jest.mock('@salesforce/label/c.Handoff_Metrics_Value_Percent', () => ({ default: '{0}%' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Metrics_Value_Hours', () => ({ default: '{0} h' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Kpi_Latest',
  () => ({ default: 'Latest month, {0}: {1}' }),
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
jest.mock('@salesforce/label/c.Handoff_Metrics_Kpi_Count', () => ({ default: '{0} of {1}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Metrics_Kpi_Target', () => ({ default: 'Target {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Kpi_Threshold_Below',
  () => ({ default: 'Red flag below {0}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Kpi_Threshold_Above',
  () => ({ default: 'Red flag above {0}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Filter_Period_Option',
  () => ({ default: 'Last {0} months' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Subtitle',
  () => ({ default: 'Handoffs closed in the {0} months to {1}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Flag_Month_Above',
  () => ({ default: '{0} above {1} in {2}.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Flag_Streak_Below',
  () => ({ default: '{0} below {1} for {2} months in a row ({3}).' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Flag_Action',
  () => ({ default: 'What to do: {0}' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_Metrics_Hypercare_Week', () => ({ default: 'Week {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Hypercare_Flag_Below',
  () => ({ default: 'Week {0}: {1} {2}, below {3}.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Chart_Desc',
  () => ({ default: '{0} by month from {1} to {2}.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Chart_Desc_Threshold',
  () => ({ default: 'The dashed line is the red-flag threshold, {0}.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Chart_Desc_Breaches',
  () => ({ default: 'Months past the threshold: {0}.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Chart_Desc_No_Value',
  () => ({ default: 'Months without a value: {0}.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Kpi_Completion',
  () => ({ default: 'Handoff completion rate' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_Metrics_No_Handoffs', () => ({ default: 'No handoffs' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Rollout_Blocked',
  () => ({ default: '{0} closes would have been blocked.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot_Compare',
  () => ({ default: 'Pilot: {0} handoffs, {1} complete at close vs {2} for the rest.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot_Compare_One',
  () => ({ default: 'Pilot: 1 handoff, {1} complete at close vs {2} for the rest.' }),
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
}

const wire = getDashboard as unknown as TestWireAdapter;
const refreshMock = refreshApex as unknown as jest.Mock;

type Json = Record<string, unknown>;

function data(): Json {
  return JSON.parse(readFileSync(join(__dirname, 'data', 'getDashboard.json'), 'utf8')) as Json;
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

async function renderWith(answer: Json, props: Record<string, unknown> = {}): Promise<HTMLElement> {
  const element = render(props);
  wire.emit(JSON.stringify(answer));
  await flush();
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return (element.shadowRoot as ShadowRoot).querySelector<HTMLElement>(selector);
}

function $$(element: HTMLElement, selector: string): HTMLElement[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>(selector));
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function tile(element: HTMLElement, key: string): HTMLElement {
  return $(element, `li[data-tile="${key}"]`) as HTMLElement;
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

describe('c-handoff-metrics-dashboard states', () => {
  it('shows a labelled spinner while loading', () => {
    const element = render();
    const spinner = $(element, '[data-id="loading"] lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner.alternativeText).toBe('c.Handoff_Metrics_Loading');
  });

  it('says what went wrong and what to do, and retries', async () => {
    const element = render();
    wire.error({ message: 'You do not have access to the Apex class' });
    await flush();
    const error = $(element, '[data-id="load-error"]') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toContain('You do not have access to the Apex class');
    expect(text(error)).toContain('c.Handoff_Metrics_Error_Help');
    ($(element, 'button[data-action="retry"]') as HTMLButtonElement).click();
    await flush();
    // the dashboard, AE time, field relevance, quality, go-live and new people reads
    expect(refreshMock).toHaveBeenCalledTimes(6);
  });

  it('treats an answer that is not JSON as an error', async () => {
    const element = render();
    wire.emit('<html>Session expired</html>');
    await flush();
    expect($(element, '[data-id="load-error"]')).not.toBeNull();
  });

  it('says when no handoff closed in the period (empty data), without tiles or charts', async () => {
    const element = await renderWith({ ...data(), periods: [] });
    expect(text($(element, '[data-id="empty"]'))).toBe('c.Handoff_Metrics_Empty');
    expect($$(element, 'li[data-tile]')).toEqual([]);
    expect($$(element, 'figure[data-chart]')).toEqual([]);
    expect($(element, '[data-id="reports"]')).not.toBeNull();
  });

  it('reads a window of months that all have no handoffs as empty', async () => {
    const element = await renderWith({
      asOf: '2026-03',
      periods: [{ period: '2026-03', handoffs: 0 }],
      thresholds: []
    });
    expect($(element, '[data-id="empty"]')).not.toBeNull();
    expect($(element, '[data-id="hypercare-none"]')).not.toBeNull();
  });

  it('refreshes on demand and announces it', async () => {
    const element = await renderWith(data());
    ($(element, 'button[data-action="refresh"]') as HTMLButtonElement).click();
    await flush();
    // the dashboard, AE time, field relevance, quality, go-live and new people reads
    expect(refreshMock).toHaveBeenCalledTimes(6);
    expect(text($(element, '[data-id="announcement"]'))).toBe('c.Handoff_Metrics_Refreshed');
  });

  it('shows an error when a refresh fails', async () => {
    refreshMock.mockRejectedValueOnce({ body: { message: 'Session expired' } });
    const element = await renderWith(data());
    ($(element, 'button[data-action="refresh"]') as HTMLButtonElement).click();
    await flush();
    expect(text($(element, '[data-id="load-error"]'))).toContain('Session expired');
  });
});

describe('c-handoff-metrics-dashboard KPI tiles', () => {
  it('shows the twelve KPIs in order, pooled over the window', async () => {
    const element = await renderWith(data());
    expect($$(element, 'li[data-tile]').map((li) => li.dataset.tile)).toEqual([
      'completion',
      'firstTouchMedian',
      'firstTouchWithinSla',
      'escalation',
      'exception',
      'return',
      'repeatAsk',
      'aeMinutes',
      'prefilledShare',
      'qualityScore',
      'qualityBelow3',
      'daysToGoLive'
    ]);
    expect(text($(element, '[data-id="subtitle"]'))).toBe(
      'Handoffs closed in the 12 months to March 2026'
    );
  });

  it('judges completion against its target and threshold, in words as well as colour', async () => {
    const answer = data();
    // the last two months as complete as the others: no red flag is up
    answer.periods = (answer.periods as Json[]).map((p) => ({
      ...p,
      completeAtClose: p.handoffs ? 19 : 0
    }));
    const element = await renderWith(answer);
    const completion = tile(element, 'completion');
    expect(text(completion.querySelector('[data-id="value"]'))).toBe('95%');
    expect(text(completion.querySelector('[data-id="counts"]'))).toBe('190 of 200');
    const status = completion.querySelector('[data-id="status"]') as HTMLElement;
    expect(text(status)).toBe('c.Handoff_Metrics_Status_On_Target');
    expect(status.className).toContain('slds-theme_success');
    expect(text(completion.querySelector('[data-id="target"]'))).toBe('Target 90%');
    expect(text(completion.querySelector('[data-id="threshold"]'))).toBe('Red flag below 85%');
    expect(completion.querySelector('[data-id="latest"]')).toBeNull();
  });

  it('never says "On target" beside a raised red flag: the flag is the status, with its month', async () => {
    // the 12-month pool (92%) is on target, but February and March are below 85%
    const element = await renderWith(data());
    const completion = tile(element, 'completion');
    expect(text(completion.querySelector('[data-id="value"]'))).toBe('92%');
    const statuses = Array.from(completion.querySelectorAll('.slds-badge')).map((b) => text(b));
    expect(statuses).toEqual(['c.Handoff_Metrics_Kpi_Flag_Up']);
    const status = completion.querySelector('[data-id="status"]') as HTMLElement;
    expect(status.className).toContain('slds-theme_error');
    expect(completion.querySelector('article')?.className).toContain('tile_breach');
    expect(text(completion.querySelector('[data-id="latest"]'))).toBe(
      'Latest month, March 2026: 80%'
    );
    // every tile whose measure has a flag up in the red-flag list says so, and only those
    const flagged = $$(element, '[data-id="flags"] li[data-flag]').map((li) => li.dataset.flag);
    expect(flagged).toEqual(['Completion_Rate', 'Escalation_Rate']);
    const raised = $$(element, 'li[data-tile]')
      .filter(
        (li) => text(li.querySelector('[data-id="status"]')) === 'c.Handoff_Metrics_Kpi_Flag_Up'
      )
      .map((li) => li.dataset.tile);
    expect(raised).toEqual(['completion', 'escalation']);
  });

  it('shows time to first touch as a median, and the share within the SLA', async () => {
    const element = await renderWith(data());
    const touch = tile(element, 'firstTouchMedian');
    expect(text(touch.querySelector('[data-id="value"]'))).toBe('18 h');
    expect(text(touch.querySelector('[data-id="basis"]'))).toBe('c.Handoff_Metrics_Kpi_Median');
    expect(text(touch.querySelector('[data-id="threshold"]'))).toBe('Red flag above 48 h');
    const sla = tile(element, 'firstTouchWithinSla');
    expect(text(sla.querySelector('[data-id="value"]'))).toBe('89.8%');
    expect(text(sla.querySelector('[data-id="counts"]'))).toBe('176 of 196');
    expect(text(sla.querySelector('[data-id="status"]'))).toBe('c.Handoff_Metrics_Status_Unset');
    expect(text(sla.querySelector('[data-id="target"]'))).toBe('c.Handoff_Metrics_Kpi_No_Target');
  });

  it('marks a crossed threshold', async () => {
    const answer = data();
    const periods = answer.periods as Json[];
    answer.periods = periods.map((p) => ({ ...p, escalated: 6 }));
    const element = await renderWith(answer);
    const escalation = tile(element, 'escalation');
    const status = escalation.querySelector('[data-id="status"]') as HTMLElement;
    // past the threshold every month: the red flag is up, and the tile says so
    expect(text(status)).toBe('c.Handoff_Metrics_Kpi_Flag_Up');
    expect(status.className).toContain('slds-theme_error');
    expect(escalation.querySelector('article')?.className).toContain('tile_breach');
  });
});

describe('c-handoff-metrics-dashboard trends', () => {
  it('draws a chart per KPI plus handoff volume, twelve months each', async () => {
    const element = await renderWith(data());
    const charts = $$(element, 'figure[data-chart]');
    expect(charts.map((c) => c.dataset.chart)).toEqual([
      'volume',
      'completion',
      'firstTouchMedian',
      'firstTouchWithinSla',
      'escalation',
      'exception',
      'return',
      'repeatAsk',
      'aeMinutes',
      'prefilledShare',
      'qualityScore',
      'qualityBelow3',
      'daysToGoLive'
    ]);
    for (const chart of charts) {
      expect(chart.querySelectorAll('g[data-bar]').length).toBe(12);
    }
  });

  it('leaves a gap for a month with no handoffs and for a month missing from the data', async () => {
    const element = await renderWith(data());
    const chart = $(element, 'figure[data-chart="completion"]') as HTMLElement;
    for (const month of ['2025-06', '2025-10']) {
      const bar = chart.querySelector(`g[data-bar="${month}"]`) as Element;
      expect(bar.querySelector('rect')).toBeNull();
      expect(bar.querySelector('circle.no-value')).not.toBeNull();
    }
    const rows = Array.from(chart.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.children).map((cell) => text(cell))
    );
    expect(rows[2]).toEqual(['June 2025', 'No handoffs', '']);
    expect(rows[6]).toEqual(['October 2025', 'No handoffs', '']);
    expect(rows[11]).toEqual(['March 2026', '80%', 'c.Handoff_Metrics_Table_Past_Threshold']);
    // the volume chart shows the empty month as a zero
    const volume = $(element, 'figure[data-chart="volume"]') as HTMLElement;
    expect(volume.querySelector('g[data-bar="2025-10"] rect')).not.toBeNull();
  });

  it('marks months past the threshold with colour and a "!"', async () => {
    const element = await renderWith(data());
    const chart = $(element, 'figure[data-chart="completion"]') as HTMLElement;
    const march = chart.querySelector('g[data-bar="2026-03"]') as Element;
    expect(march.querySelector('rect')?.getAttribute('class')).toContain('bar_breach');
    expect(text(march.querySelector('.bar__label'))).toBe('80%');
    expect(text(march.querySelector('.bar__flag'))).toBe('!');
    expect(text(march.querySelector('title'))).toBe('March 2026: 80%');
    const january = chart.querySelector('g[data-bar="2026-01"]') as Element;
    expect(january.querySelector('rect')?.getAttribute('class')).toBe('bar');
    expect(january.querySelector('.bar__flag')).toBeNull();
    expect(chart.querySelector('[data-id="threshold-line"]')).not.toBeNull();
    expect(chart.querySelector('[data-id="target-line"]')).not.toBeNull();
    const volume = $(element, 'figure[data-chart="volume"]') as HTMLElement;
    expect(volume.querySelector('[data-id="threshold-line"]')).toBeNull();
  });

  it('describes each chart in words', async () => {
    const element = await renderWith(data());
    const desc = $(element, 'figure[data-chart="completion"] desc') as Element;
    expect(text(desc)).toBe(
      'Handoff completion rate by month from April 2025 to March 2026. ' +
        'The dashed line is the red-flag threshold, 85%. ' +
        'Months past the threshold: February 2026, March 2026. ' +
        'c.Handoff_Metrics_Chart_Desc_Target ' +
        'Months without a value: June 2025, October 2025.'
    );
  });
});

describe('c-handoff-metrics-dashboard red flags', () => {
  it('lists the flags that are up, with their actions', async () => {
    const element = await renderWith(data());
    const flags = $$(element, '[data-id="flags"] li[data-flag]');
    expect(flags.map((f) => f.dataset.flag)).toEqual(['Completion_Rate', 'Escalation_Rate']);
    const headline = (flag: HTMLElement): string =>
      text(flag.querySelector('.flag__text')).replace(' (c.Handoff_Metrics_Report_Link)', '');
    expect(headline(flags[0])).toBe(
      'Handoff completion rate below 85% for 2 months in a row (February 2026: 80%, March 2026: 80%).'
    );
    expect(text(flags[0].querySelector('[data-id="action"]'))).toMatch(
      /^What to do: Review the required fields with RevOps/
    );
    expect(headline(flags[1])).toBe('c.Handoff_Metrics_Kpi_Escalation above 20% in March 2026.');
  });

  it("opens the report of a flag's measure, as its tile does", async () => {
    const element = await renderWith(data());
    for (const [flag, tileKey] of [
      ['Completion_Rate', 'completion'],
      ['Escalation_Rate', 'escalation']
    ]) {
      const link = $(element, `li[data-flag="${flag}"] a[data-id="flag-link"]`) as HTMLElement;
      const tileLink = tile(element, tileKey).querySelector('a[data-id="tile-link"]') as Element;
      expect(link.getAttribute('href')).toMatch(/^\/lightning\/r\/Report\/00O/);
      expect(link.getAttribute('href')).toBe(tileLink.getAttribute('href'));
    }
  });

  it('says when no flag is up', async () => {
    const answer = data();
    answer.thresholds = [];
    const element = await renderWith(answer);
    expect($$(element, 'li[data-flag]')).toEqual([]);
    expect(text($(element, '[data-id="no-flags"]'))).toBe('c.Handoff_Metrics_Flags_None');
  });
});

describe('c-handoff-metrics-dashboard filters', () => {
  it('asks for twelve months of every segment first', async () => {
    render();
    await flush();
    expect(wire.getLastConfig()).toEqual({ segment: null, months: 12 });
  });

  it('offers 3, 6 and 12 months and reloads for the chosen period', async () => {
    const element = await renderWith(data());
    const period = $(element, 'lightning-combobox[data-id="period"]') as HTMLElement & {
      options: { value: string; label: string }[];
      value: string;
    };
    expect(period.options.map((o) => [o.value, o.label])).toEqual([
      ['3', 'Last 3 months'],
      ['6', 'Last 6 months'],
      ['12', 'Last 12 months']
    ]);
    expect(period.value).toBe('12');
    period.dispatchEvent(new CustomEvent('change', { detail: { value: '6' } }));
    await flush();
    expect(wire.getLastConfig()).toEqual({ segment: null, months: 6 });
    wire.emit(JSON.stringify(data()));
    await flush();
    expect($$(element, 'figure[data-chart="completion"] g[data-bar]').length).toBe(6);
  });

  it('offers the segments it has seen and reloads for one segment, then all again', async () => {
    const element = await renderWith(data());
    const segment = $(element, 'lightning-combobox[data-id="segment"]') as HTMLElement & {
      options: { value: string; label: string }[];
    };
    expect(segment.options.map((o) => o.value)).toEqual(['', 'Enterprise', 'Mid-Market', 'SMB']);
    segment.dispatchEvent(new CustomEvent('change', { detail: { value: 'Enterprise' } }));
    await flush();
    expect(wire.getLastConfig()).toEqual({ segment: 'Enterprise', months: 12 });
    const answer = data();
    (answer.breakdown as Json).segment = [];
    wire.emit(JSON.stringify(answer));
    await flush();
    // the other segments stay selectable while one is chosen
    expect(segment.options.map((o) => o.value)).toEqual(['', 'Enterprise', 'Mid-Market', 'SMB']);
    segment.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
    await flush();
    expect(wire.getLastConfig()).toEqual({ segment: null, months: 12 });
  });

  it('ignores a period it does not offer', async () => {
    const element = await renderWith(data());
    const period = $(element, 'lightning-combobox[data-id="period"]') as HTMLElement;
    period.dispatchEvent(new CustomEvent('change', { detail: { value: '7' } }));
    await flush();
    expect(wire.getLastConfig()).toEqual({ segment: null, months: 12 });
  });
});

describe('c-handoff-metrics-dashboard breakdown', () => {
  it('breaks the window down by segment, Sales team and CSM, largest first', async () => {
    const element = await renderWith(data());
    const groups = $$(element, '[data-breakdown]');
    expect(groups.map((g) => g.dataset.breakdown)).toEqual(['segment', 'team', 'csm']);
    const segmentRows = Array.from(groups[0].querySelectorAll('tbody tr')).map(
      (tr) => (tr as HTMLElement).dataset.row
    );
    expect(segmentRows).toEqual(['SMB', 'Enterprise', 'Mid-Market']);
    const enterprise = groups[0].querySelector('tr[data-row="Enterprise"]') as Element;
    expect(text(enterprise.querySelector('[data-cell="completion"]'))).toBe(
      '80% !(c.Handoff_Metrics_Table_Past_Threshold)'
    );
    expect(enterprise.querySelector('[data-cell="completion"]')?.className).toBe('cell_breach');
    expect(text(enterprise.querySelector('[data-cell="firstTouchMedian"]'))).toBe('24 h');
  });

  it('links each CSM to the user record, and a CSM without a user to nothing', async () => {
    const element = await renderWith(data());
    const csm = $(element, '[data-breakdown="csm"]') as HTMLElement;
    const links = Array.from(csm.querySelectorAll('a[data-id="row-link"]')).map((a) => [
      text(a),
      a.getAttribute('href')
    ]);
    expect(links).toEqual([
      ['Bo Chen', '/lightning/r/User/005000000000002AAA/view'],
      ['Ann Lee', '/lightning/r/User/005000000000001AAA/view']
    ]);
    expect(csm.querySelector('tr[data-row="Former CSM"] a')).toBeNull();
  });

  it('sorts a table by any column, and reverses on a second click, saying so', async () => {
    const element = await renderWith(data());
    const segment = () => $(element, '[data-breakdown="segment"]') as HTMLElement;
    const order = (): string[] =>
      Array.from(segment().querySelectorAll('tbody tr')).map(
        (tr) => (tr as HTMLElement).dataset.row ?? ''
      );
    const header = (column: string): HTMLElement =>
      segment().querySelector(`th[data-column="${column}"]`) as HTMLElement;
    const click = async (column: string): Promise<void> => {
      (header(column).querySelector('button') as HTMLButtonElement).click();
      await flush();
    };
    expect(header('handoffs').getAttribute('aria-sort')).toBe('descending');
    expect(header('escalation').hasAttribute('aria-sort')).toBe(false);

    await click('escalation');
    expect(order()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
    expect(header('escalation').getAttribute('aria-sort')).toBe('descending');
    expect(header('handoffs').hasAttribute('aria-sort')).toBe(false);
    expect(text($(element, '[data-id="announcement"]'))).toBe(
      'Sorted by c.Handoff_Metrics_Kpi_Escalation, descending.'
    );

    await click('escalation');
    expect(order()).toEqual(['SMB', 'Mid-Market', 'Enterprise']);
    expect(header('escalation').getAttribute('aria-sort')).toBe('ascending');

    await click('name');
    expect(order()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
    expect(header('name').getAttribute('aria-sort')).toBe('ascending');
    // the other tables keep their own order
    const team = Array.from(
      ($(element, '[data-breakdown="team"]') as HTMLElement).querySelectorAll('tbody tr')
    ).map((tr) => (tr as HTMLElement).dataset.row);
    expect(team).toEqual(['East', 'West']);
  });

  it('says when a breakdown is empty', async () => {
    const answer = data();
    (answer.breakdown as Json).team = [];
    const element = await renderWith(answer);
    expect(text($(element, '[data-breakdown="team"] p'))).toBe('c.Handoff_Metrics_Breakdown_Empty');
  });
});

describe('c-handoff-metrics-dashboard hypercare', () => {
  it('shows the four weeks after go-live with the week-1 red flag and its action', async () => {
    const element = await renderWith(data());
    const weeks = $$(element, '[data-id="hypercare"] li[data-week]');
    expect(weeks.map((w) => text(w.querySelector('h3')))).toEqual([
      'Week 1',
      'Week 2',
      'Week 3',
      'Week 4'
    ]);
    expect(weeks.map((w) => text(w.querySelector('[data-id="state"]')))).toEqual([
      'c.Handoff_Metrics_Hypercare_Current',
      'c.Handoff_Metrics_Hypercare_Upcoming',
      'c.Handoff_Metrics_Hypercare_Upcoming',
      'c.Handoff_Metrics_Hypercare_Upcoming'
    ]);
    expect(text(weeks[0].querySelector('[data-id="completion"]'))).toBe('40%');
    const flag = weeks[0].querySelector('li[data-flag="Hypercare_Week_1_Completion"]') as Element;
    expect(text(flag.querySelector('.flag__text'))).toBe(
      'Week 1: Handoff completion rate 40%, below 50%.'
    );
    expect(text(flag.querySelector('[data-id="action"]'))).toMatch(/^What to do: Check that/);
    expect(text(weeks[1].querySelector('[data-id="handoffs"]'))).toBe('c.Handoff_Metrics_No_Data');
    expect($(element, '[data-id="extend"]')).toBeNull();
  });

  it('says to extend hypercare when week 4 completion is below 70%', async () => {
    jest.setSystemTime(new Date('2026-03-31T12:00:00Z'));
    const answer = data();
    (answer.hypercare as Json).weeks = [
      { week: 1, handoffs: 10, completeAtClose: 8, repeatAsked: 0, openExceptions: 0 },
      { week: 2, handoffs: 10, completeAtClose: 9, repeatAsked: 0, openExceptions: 0 },
      { week: 3, handoffs: 10, completeAtClose: 9, repeatAsked: 0, openExceptions: 1 },
      { week: 4, handoffs: 10, completeAtClose: 6, repeatAsked: 0, openExceptions: 0 }
    ];
    const element = await renderWith(answer);
    expect(text($(element, '[data-id="extend"]'))).toBe('c.Handoff_Metrics_Hypercare_Extend');
    const week4 = $(element, 'li[data-week="week-4"]') as HTMLElement;
    expect(
      Array.from(week4.querySelectorAll('li[data-flag]')).map(
        (f) => (f as HTMLElement).dataset.flag
      )
    ).toEqual(['Hypercare_Extension', 'Hypercare_Week_4_Completion']);
  });

  it('says when no go-live date is set', async () => {
    const element = await renderWith({ ...data(), hypercare: { startDate: null, weeks: [] } });
    expect($(element, '[data-id="hypercare"]')).toBeNull();
    expect(text($(element, '[data-id="hypercare-none"]'))).toBe(
      'c.Handoff_Metrics_Hypercare_No_Start'
    );
  });
});

describe('c-handoff-metrics-dashboard drill-through', () => {
  it('links tiles and charts to the matching Handoff report, else to all reports', async () => {
    const element = await renderWith(data());
    const href = (key: string): string | null | undefined =>
      tile(element, key).querySelector('a')?.getAttribute('href');
    expect(href('completion')).toBe('/lightning/r/Report/00O000000000001AAA/view');
    expect(href('firstTouchMedian')).toBe('/lightning/r/Report/00O000000000002AAA/view');
    expect(href('escalation')).toBe('/lightning/r/Report/00O000000000003AAA/view');
    expect(href('exception')).toBe('/lightning/r/Report/00O000000000004AAA/view');
    expect(href('return')).toBe('/lightning/r/Report/00O000000000005AAA/view');
    expect(href('repeatAsk')).toBe('/lightning/o/Report/home');
    expect(
      $(element, 'figure[data-chart="volume"] a[data-id="chart-link"]')?.getAttribute('href')
    ).toBe('/lightning/r/Report/00O000000000001AAA/view');
  });

  it('lists every report of the folder and the reports home', async () => {
    const element = await renderWith(data());
    const links = $$(element, '[data-id="reports"] a').map((a) => [
      text(a),
      a.getAttribute('href')
    ]);
    expect(links[0]).toEqual([
      'Handoff Completion By Month',
      '/lightning/r/Report/00O000000000001AAA/view'
    ]);
    expect(links[links.length - 1]).toEqual([
      'c.Handoff_Metrics_Reports_All',
      '/lightning/o/Report/home'
    ]);
    expect(links.map((l) => l[0])).toContain('Handoff Would Have Blocked');
    expect(links.map((l) => l[0])).toContain('Handoff Pilot Comparison');
    expect(links.length).toBe(8);
  });
});

describe('c-handoff-metrics-dashboard compact view', () => {
  it('shows three tiles, the red flags and a link to the full dashboard only', async () => {
    const element = await renderWith(data(), { compact: true });
    expect($$(element, 'li[data-tile]').map((li) => li.dataset.tile)).toEqual([
      'completion',
      'firstTouchMedian',
      'escalation'
    ]);
    expect($$(element, 'li[data-flag]').length).toBeGreaterThan(0);
    expect($(element, '[data-id="filters"]')).toBeNull();
    expect($(element, '[data-id="trends"]')).toBeNull();
    expect($(element, '[data-id="breakdown"]')).toBeNull();
    expect($(element, '[data-id="reports"]')).toBeNull();
    expect($(element, 'a[data-id="open-dashboard"]')?.getAttribute('href')).toBe(
      '/lightning/n/Handoff_Metrics'
    );
    // hypercare is running (week 1) and flagged, so the compact view shows it
    expect($(element, '[data-id="hypercare"]')).not.toBeNull();
  });

  it('hides hypercare in the compact view once it is over and quiet', async () => {
    jest.setSystemTime(new Date('2026-06-01T12:00:00Z'));
    const answer = data();
    (answer.hypercare as Json).weeks = [];
    const element = await renderWith(answer, { compact: true });
    expect($(element, '[data-id="hypercare"]')).toBeNull();
    expect($(element, '[data-id="hypercare-none"]')).toBeNull();
  });
});

describe('c-handoff-metrics-dashboard rollout line', () => {
  type Rollout = {
    mode?: unknown;
    wouldHaveBlocked?: number;
    pilot?: { handoffs: number; completeAtClose: number };
    rest?: { handoffs: number; completeAtClose: number };
  };

  function withRollout(rollout: Rollout | undefined, answer: Json = data()): Json {
    if (rollout === undefined) {
      delete answer.rollout;
    } else {
      answer.rollout = rollout;
    }
    return answer;
  }

  function line(element: HTMLElement): HTMLElement {
    return $(element, '[data-id="rollout"]') as HTMLElement;
  }

  it('says that Handoff is not switched on in Installed, and nothing else', async () => {
    const element = await renderWith(
      withRollout({ mode: 'Installed', wouldHaveBlocked: 0 }, { ...data(), periods: [] })
    );
    expect(line(element).dataset.mode).toBe('Installed');
    expect(text($(element, '[data-id="rollout-mode"]'))).toBe(
      'c.Handoff_Metrics_Rollout_Installed'
    );
    expect(line(element).querySelector('a')).toBeNull();
    expect($(element, '[data-id="rollout-blocked"]')).toBeNull();
    expect($(element, '[data-id="rollout-pilot"]')).toBeNull();
    // the empty state still explains itself below the line
    expect($(element, '[data-id="empty"]')).not.toBeNull();
  });

  it('reads an answer without a rollout part as Installed', async () => {
    const element = await renderWith(withRollout(undefined));
    expect(line(element).dataset.mode).toBe('Installed');
    expect(text($(element, '[data-id="rollout-mode"]'))).toBe(
      'c.Handoff_Metrics_Rollout_Installed'
    );
  });

  it('says in Monitor that the gate does not block yet and how many closes it would have blocked', async () => {
    const element = await renderWith(
      withRollout({
        mode: 'Monitor',
        wouldHaveBlocked: 1234,
        pilot: { handoffs: 0, completeAtClose: 0 },
        rest: { handoffs: 200, completeAtClose: 184 }
      })
    );
    expect(line(element).dataset.mode).toBe('Monitor');
    expect(text($(element, '[data-id="rollout-mode"]'))).toBe(
      'c.Handoff_Metrics_Rollout_Monitor 1,234 closes would have been blocked. ' +
        '(c.Handoff_Metrics_Report_Link)'
    );
    const link = $(element, 'a[data-id="rollout-blocked"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/lightning/r/Report/00O000000000007AAA/view');
    expect($(element, '[data-id="rollout-pilot"]')).toBeNull();
  });

  it('says "1 close", and shows the count without a link when the viewer cannot see the report', async () => {
    const answer = withRollout({ mode: 'Monitor', wouldHaveBlocked: 1 });
    delete (answer.reportIds as Json).Handoff_Would_Have_Blocked;
    const element = await renderWith(answer);
    expect(text($(element, '[data-id="rollout-mode"]'))).toBe(
      'c.Handoff_Metrics_Rollout_Monitor c.Handoff_Metrics_Rollout_Blocked_One'
    );
    expect(($(element, '[data-id="rollout-blocked"]') as HTMLElement).tagName).toBe('SPAN');
    expect(line(element).querySelector('a')).toBeNull();
  });

  it('compares the pilot with the rest in Pilot, each line linking to its report', async () => {
    const element = await renderWith(data());
    expect(line(element).dataset.mode).toBe('Pilot');
    expect(text($(element, '[data-id="rollout-mode"]'))).toBe(
      'c.Handoff_Metrics_Rollout_Pilot 12 closes would have been blocked. ' +
        '(c.Handoff_Metrics_Report_Link)'
    );
    const pilot = $(element, '[data-id="rollout-pilot"]') as HTMLElement;
    // 8 of 9 pilot handoffs complete (88.9%) vs 176 of 191 for the rest (92.1%)
    expect(text(pilot)).toBe(
      'Pilot: 9 handoffs, 88.9% complete at close vs 92.1% for the rest. ' +
        '(c.Handoff_Metrics_Report_Link)'
    );
    expect(pilot.querySelector('a')?.getAttribute('href')).toBe(
      '/lightning/r/Report/00O000000000006AAA/view'
    );
    expect($(element, 'a[data-id="rollout-blocked"]')?.getAttribute('href')).toBe(
      '/lightning/r/Report/00O000000000007AAA/view'
    );
  });

  it('words a pilot of one handoff, a pilot without handoffs and a window without others', async () => {
    const one = await renderWith(
      withRollout({
        mode: 'Pilot',
        wouldHaveBlocked: 0,
        pilot: { handoffs: 1, completeAtClose: 1 },
        rest: { handoffs: 0, completeAtClose: 0 }
      })
    );
    expect(text($(one, '[data-id="rollout-pilot"]'))).toBe(
      'Pilot: 1 handoff, 100% complete at close vs c.Handoff_Metrics_No_Data for the rest. ' +
        '(c.Handoff_Metrics_Report_Link)'
    );
    document.body.removeChild(one);
    const none = withRollout({
      mode: 'pilot',
      wouldHaveBlocked: 2,
      pilot: { handoffs: 0, completeAtClose: 0 },
      rest: { handoffs: 40, completeAtClose: 30 }
    });
    delete (none.reportIds as Json).Handoff_Pilot_Comparison;
    const element = await renderWith(none);
    const pilot = $(element, '[data-id="rollout-pilot"]') as HTMLElement;
    expect(text(pilot)).toBe('c.Handoff_Metrics_Rollout_Pilot_None');
    expect(pilot.querySelector('a')).toBeNull();
  });

  it('says only the mode in Enforce', async () => {
    const element = await renderWith(
      withRollout({
        mode: 'Enforce',
        wouldHaveBlocked: 5,
        pilot: { handoffs: 3, completeAtClose: 3 },
        rest: { handoffs: 197, completeAtClose: 181 }
      })
    );
    expect(line(element).dataset.mode).toBe('Enforce');
    expect(text(line(element))).toBe('c.Handoff_Metrics_Rollout_Enforce');
    expect(line(element).querySelector('a')).toBeNull();
  });

  it('sits under the title, after the period line and before the flags, in the compact view too', async () => {
    const element = await renderWith(data(), { compact: true });
    const order = $$(element, '[data-id="subtitle"], [data-id="rollout"], [data-id="flags"]').map(
      (node) => node.dataset.id
    );
    expect(order).toEqual(['subtitle', 'rollout', 'flags']);
    expect($(element, '[data-id="rollout-pilot"]')).not.toBeNull();
  });

  it('shows no line while loading or after an error', async () => {
    const element = render();
    expect($(element, '[data-id="rollout"]')).toBeNull();
    wire.error({ message: 'No access' });
    await flush();
    expect($(element, '[data-id="rollout"]')).toBeNull();
  });

  it('ships labels with the placeholders the line fills', () => {
    const xml = readFileSync(
      join(__dirname, '..', '..', '..', 'labels', 'HandoffMetrics.labels-meta.xml'),
      'utf8'
    );
    const value = (name: string): string =>
      new RegExp(`<fullName>${name}</fullName>[\\s\\S]*?<value>([^<]*)</value>`).exec(xml)?.[1] ??
      '';
    expect(value('Handoff_Metrics_Rollout_Installed')).toBe(
      'Handoff is installed but not switched on: no handoffs are created until an admin sets ' +
        'the rollout mode to Monitor.'
    );
    expect(value('Handoff_Metrics_Rollout_Monitor')).toBe(
      "Rollout mode: Monitor — the gate doesn't block yet."
    );
    expect(value('Handoff_Metrics_Rollout_Enforce')).toBe('Rollout mode: Enforce');
    expect(value('Handoff_Metrics_Rollout_Blocked')).toContain('{0}');
    for (const name of [
      'Handoff_Metrics_Rollout_Pilot_Compare',
      'Handoff_Metrics_Rollout_Pilot_Compare_One'
    ]) {
      expect(value(name)).toContain('{1}');
      expect(value(name)).toContain('{2}');
    }
    expect(value('Handoff_Metrics_Rollout_Pilot_Compare')).toContain('{0}');
  });
});

describe('c-handoff-metrics-dashboard accessibility', () => {
  it('labels every section by its heading and announces refreshes politely', async () => {
    const element = await renderWith(data());
    for (const section of $$(element, 'section')) {
      const id = section.getAttribute('aria-labelledby') as string;
      const heading = $(element, `[id="${id}"]`) as HTMLElement;
      expect(heading.tagName).toBe('H2');
      expect(text(heading).length).toBeGreaterThan(0);
    }
    const status = $(element, '[data-id="announcement"]') as HTMLElement;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
  });

  it('names the filters and groups them', async () => {
    const element = await renderWith(data());
    const group = $(element, '[data-id="filters"]') as HTMLElement;
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe('c.Handoff_Metrics_Filters');
    const boxes = $$(element, 'lightning-combobox') as (HTMLElement & { label: string })[];
    expect(boxes.map((b) => b.label)).toEqual([
      'c.Handoff_Metrics_Filter_Period',
      'c.Handoff_Metrics_Filter_Segment'
    ]);
  });

  it('makes every tile a labelled article reachable by keyboard through its report link', async () => {
    const element = await renderWith(data());
    for (const item of $$(element, 'li[data-tile]')) {
      const article = item.querySelector('article') as HTMLElement;
      const heading = item.querySelector('h3') as HTMLElement;
      expect(article.getAttribute('aria-labelledby')).toBe(heading.id);
      const link = heading.querySelector('a') as HTMLAnchorElement;
      expect(link.getAttribute('href')).toMatch(/^\/lightning\//);
      expect(link.tabIndex).toBe(0);
      expect(text(link)).toContain('(c.Handoff_Metrics_Report_Link)');
      expect(text(item.querySelector('[data-id="status"]')).length).toBeGreaterThan(0);
    }
  });

  it('gives each chart an image role, a title and a description, and a data table', async () => {
    const element = await renderWith(data());
    for (const figure of $$(element, 'figure[data-chart]')) {
      const svg = figure.querySelector('svg') as SVGElement;
      expect(svg.getAttribute('role')).toBe('img');
      const title = figure.querySelector('title') as Element;
      const desc = figure.querySelector('desc') as Element;
      expect(svg.getAttribute('aria-labelledby')).toBe(title.id);
      expect(svg.getAttribute('aria-describedby')).toBe(desc.id);
      expect(text(title).length).toBeGreaterThan(0);
      expect(text(desc).length).toBeGreaterThan(0);
      const table = figure.querySelector('table[data-id="chart-table"]') as HTMLTableElement;
      // Hidden by its wrapper: a table ignores the 1 px width of .slds-assistive-text and would
      // widen a phone's page (scripts/browser/journeys/dashboard.journey.ts, fitsWidth).
      expect(table.className).not.toContain('slds-assistive-text');
      expect((table.parentElement as HTMLElement).className).toBe('slds-assistive-text');
      expect(text(table.querySelector('caption'))).toBe(text(title));
      expect(
        Array.from(table.querySelectorAll('thead th')).map((th) => th.getAttribute('scope'))
      ).toEqual(['col', 'col', 'col']);
      expect(table.querySelectorAll('tbody th[scope="row"]').length).toBe(12);
    }
  });

  it('labels the breakdown tables and gives every link and button a name', async () => {
    const element = await renderWith(data());
    for (const table of $$(element, '[data-breakdown] table')) {
      const id = table.getAttribute('aria-labelledby') as string;
      expect(text($(element, `[id="${id}"]`)).length).toBeGreaterThan(0);
    }
    for (const link of $$(element, 'a')) {
      expect(text(link).length).toBeGreaterThan(0);
      expect(link.getAttribute('href')).toBeTruthy();
    }
    for (const button of $$(element, 'button')) {
      expect(text(button).length).toBeGreaterThan(0);
    }
  });
});
