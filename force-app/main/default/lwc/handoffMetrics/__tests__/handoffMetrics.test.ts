/**
 * Tests of the handoff metrics arithmetic: every vector of staticresources/handoffMetricsVectors.json
 * (the file the Apex health check's test reads too), the shape of that file (at least 30
 * vectors; the `shipped` threshold set mirrors the shipped Handoff_Health_Threshold__mdt
 * records), and the helpers the vectors do not reach (parsing the dashboard JSON, months,
 * dates, the weighted median).
 */
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import {
  DEFAULT_THRESHOLDS,
  HYPERCARE_EXTENSION,
  KPI_DEFINITIONS,
  METRICS,
  addDays,
  addMonths,
  ROLLOUT_MODES,
  breaches,
  completionRate,
  computeKpis,
  emptyCounts,
  evaluateHypercare,
  evaluateRedFlags,
  fillWindow,
  formatValue,
  kpiStatus,
  metricValue,
  monthWindow,
  parseDashboard,
  poolCounts,
  rolloutMode,
  summarizeGoLive,
  summarizeQuality,
  weightedMedian
} from '../handoffMetrics';
import type {
  GoLiveRecord,
  GoLiveSummary,
  HealthThreshold,
  QualityAnswer,
  QualitySummary,
  HypercareData,
  KpiKey,
  KpiStatus,
  PeriodCounts
} from '../handoffMetrics';

const DEFAULT_ROOT = join(__dirname, '..', '..', '..');
const VECTORS_PATH = join(DEFAULT_ROOT, 'staticresources', 'handoffMetricsVectors.json');
const METADATA_DIR = join(DEFAULT_ROOT, 'customMetadata');
const TOLERANCE = 0.0001;

type ThresholdRef = 'shipped' | 'seedDefaults' | HealthThreshold[];

interface RedFlagVector {
  kind: 'redFlags';
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  thresholds: ThresholdRef;
  asOf: string;
  months: number;
  periods: PeriodCounts[];
  expected: {
    up: string[];
    streaks?: Record<string, number>;
    notEvaluated?: string[];
    values?: Record<string, (number | null)[]>;
  };
}

interface ExpectedKpi {
  value: number | null;
  // eslint-disable-next-line no-restricted-globals -- a member, not window.status (Babel scope misread)
  status: KpiStatus;
  threshold: string | null;
  target: number | null;
  basis?: 'median' | 'average';
}

interface KpiVector {
  kind: 'kpis';
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  thresholds: ThresholdRef;
  periods: PeriodCounts[];
  expected: { kpis: Partial<Record<KpiKey, ExpectedKpi>> };
}

interface HypercareVector {
  kind: 'hypercare';
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  thresholds: ThresholdRef;
  today: string | null;
  hypercare: HypercareData;
  expected: {
    up: string[];
    extend: boolean;
    weeks?: {
      week: number;
      state: string;
      completionRate: number | null;
      start?: string;
      end?: string;
    }[];
    notEvaluated?: string[];
  };
}

interface QualityVector {
  kind: 'quality';
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  answers: QualityAnswer[];
  expected: QualitySummary;
}

interface GoLiveVector {
  kind: 'goLive';
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  records: GoLiveRecord[];
  expected: GoLiveSummary;
}

type Vector = RedFlagVector | KpiVector | HypercareVector | QualityVector | GoLiveVector;

interface VectorFile {
  version: number;
  description: string;
  thresholdSets: { shipped: HealthThreshold[]; seedDefaults: HealthThreshold[] };
  vectors: Vector[];
}

const file = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as VectorFile;

function thresholdsOf(ref: ThresholdRef): HealthThreshold[] {
  if (Array.isArray(ref)) {
    return ref;
  }
  const set = file.thresholdSets[ref];
  if (!set) {
    throw new Error(`unknown threshold set ${String(ref)}`);
  }
  return set;
}

/** Expects a number within the tolerance (or null), reporting the actual value on failure. */
function expectClose(actual: number | null | undefined, expected: number | null): void {
  const value = actual ?? null;
  const close =
    expected === null
      ? value === null
      : typeof value === 'number' && Math.abs(value - expected) < TOLERANCE;
  expect({ value, close }).toEqual({ value, close: true });
}

const byKind = <K extends Vector['kind']>(kind: K): Extract<Vector, { kind: K }>[] =>
  file.vectors.filter((v): v is Extract<Vector, { kind: K }> => v.kind === kind);

describe('the vector file', () => {
  it('holds at least 30 vectors, of every kind', () => {
    expect(file.vectors.length).toBeGreaterThanOrEqual(30);
    expect(byKind('redFlags').length).toBeGreaterThanOrEqual(10);
    expect(byKind('kpis').length).toBeGreaterThanOrEqual(8);
    expect(byKind('hypercare').length).toBeGreaterThanOrEqual(8);
    expect(byKind('quality').length).toBeGreaterThanOrEqual(6);
    expect(byKind('goLive').length).toBeGreaterThanOrEqual(4);
  });

  it('names every vector once', () => {
    const names = file.vectors.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every period every count, so the Apex reader needs no defaults', () => {
    const keys = [
      'period',
      'handoffs',
      'completeAtClose',
      'firstTouchCount',
      'firstTouchHoursSum',
      'firstTouchWithinSla',
      'firstTouchMedianHours',
      'escalated',
      'exceptions',
      'returned',
      'repeatAsked',
      'aeMinutesMeasured',
      'aeMinutesMedian',
      'fieldsFilled',
      'fieldsPrefilled',
      'qualityRated',
      'qualityScoreSum',
      'qualityBelow3',
      'goLiveCount',
      'goLiveMedianDays'
    ];
    const periods = [...byKind('redFlags'), ...byKind('kpis')].flatMap((v) => v.periods);
    expect(periods.length).toBeGreaterThan(0);
    for (const p of periods) {
      expect(Object.keys(p).sort()).toEqual([...keys].sort());
    }
  });

  it('keeps the seed defaults equal to DEFAULT_THRESHOLDS', () => {
    expect(file.thresholdSets.seedDefaults).toEqual(DEFAULT_THRESHOLDS);
  });

  it('mirrors the shipped Handoff_Health_Threshold__mdt records in the shipped set', () => {
    const records = readdirSync(METADATA_DIR)
      .filter((name) => name.startsWith('Handoff_Health_Threshold.'))
      .sort()
      .map((name) => {
        const xml = readFileSync(join(METADATA_DIR, name), 'utf8');
        const value = (field: string): string | null => {
          const match = new RegExp(
            `<field>${field}</field>\\s*(?:<value[^>]*?(?:/>|>([^<]*)</value>))?`
          ).exec(xml);
          return match && match[1] !== undefined ? match[1] : null;
        };
        const num = (field: string): number | null => {
          const text = value(field);
          return text === null ? null : Number(text);
        };
        return {
          developerName: name.replace('Handoff_Health_Threshold.', '').replace('.md-meta.xml', ''),
          metric: value('Metric__c'),
          comparator: value('Comparator__c'),
          threshold: num('Threshold__c'),
          target: num('Target__c'),
          unit: value('Unit__c'),
          consecutivePeriods: num('Consecutive_Periods__c'),
          period: value('Period__c'),
          hypercareWeek: num('Hypercare_Week__c'),
          action: value('Action__c'),
          active: value('Active__c') === 'true'
        };
      });
    expect(records.length).toBeGreaterThan(0);
    expect(file.thresholdSets.shipped).toEqual(records);
  });

  it('names only metrics the module knows in the shipped thresholds', () => {
    for (const t of file.thresholdSets.shipped) {
      expect(Object.keys(METRICS)).toContain(t.metric);
    }
  });
});

describe('red-flag vectors', () => {
  it.each(byKind('redFlags').map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const flags = evaluateRedFlags(v.periods, thresholdsOf(v.thresholds), {
      asOf: v.asOf,
      months: v.months
    });
    expect(flags.filter((f) => f.up).map((f) => f.threshold.developerName)).toEqual(v.expected.up);
    const flag = (name: string) => {
      const found = flags.find((f) => f.threshold.developerName === name);
      if (!found) {
        throw new Error(`no threshold ${name}`);
      }
      return found;
    };
    for (const [name, streak] of Object.entries(v.expected.streaks ?? {})) {
      expect(flag(name).streak).toBe(streak);
    }
    for (const name of v.expected.notEvaluated ?? []) {
      expect(flag(name).evaluated).toBe(false);
    }
    for (const [name, values] of Object.entries(v.expected.values ?? {})) {
      const actual = flag(name).values;
      expect(actual.length).toBe(values.length);
      values.forEach((value, i) => expectClose(actual[i].value, value));
    }
  });
});

describe('KPI vectors', () => {
  it.each(byKind('kpis').map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const kpis = computeKpis(v.periods, thresholdsOf(v.thresholds));
    expect(kpis.map((k) => k.key)).toEqual(KPI_DEFINITIONS.map((d) => d.key));
    for (const [key, expected] of Object.entries(v.expected.kpis) as [KpiKey, ExpectedKpi][]) {
      const kpi = kpis.find((k) => k.key === key);
      expect(kpi).toBeDefined();
      expectClose(kpi?.value, expected.value);
      expect(kpi?.status).toBe(expected.status);
      expect(kpi?.threshold?.developerName ?? null).toBe(expected.threshold);
      expect(kpi?.target ?? null).toBe(expected.target);
      expect(kpi?.basis).toBe(expected.basis ?? kpi?.basis);
    }
  });
});

describe('hypercare vectors', () => {
  it.each(byKind('hypercare').map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const result = evaluateHypercare(v.hypercare, thresholdsOf(v.thresholds), { today: v.today });
    expect(result.up.map((f) => f.threshold.developerName)).toEqual(v.expected.up);
    expect(result.extend).toBe(v.expected.extend);
    for (const expected of v.expected.weeks ?? []) {
      const week = result.weeks.find((w) => w.week === expected.week);
      expect(week).toBeDefined();
      expect(week?.state).toBe(expected.state);
      expectClose(week?.completionRate, expected.completionRate);
      const checked = expected.start ? [week?.start, week?.end] : null;
      expect(checked).toEqual(expected.start ? [expected.start, expected.end] : null);
    }
    for (const name of v.expected.notEvaluated ?? []) {
      expect(result.flags.find((f) => f.threshold.developerName === name)?.evaluated).toBe(false);
    }
  });
});

describe('quality vectors', () => {
  it.each(byKind('quality').map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const actual = summarizeQuality(v.answers);
    const { average, below3Share, ...counts } = actual;
    const { average: expectedAverage, below3Share: expectedShare, ...expectedCounts } = v.expected;
    expect(counts).toEqual(expectedCounts);
    expectClose(average, expectedAverage);
    expectClose(below3Share, expectedShare);
  });

  it('gives the same summary whatever the order of the handoffs', () => {
    for (const v of byKind('quality')) {
      expect(summarizeQuality([...v.answers].reverse())).toEqual(summarizeQuality(v.answers));
    }
  });
});

describe('go-live vectors', () => {
  it.each(byKind('goLive').map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const actual = summarizeGoLive(v.records);
    const { onTimeShare, ...counts } = actual;
    const { onTimeShare: expectedShare, ...expectedCounts } = v.expected;
    expect(counts).toEqual(expectedCounts);
    expectClose(onTimeShare, expectedShare);
  });
});

describe('arithmetic the vectors do not reach', () => {
  it('shifts months across year ends and lists a window oldest first', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
    expect(() => addMonths('2026-1', 1)).toThrow(/YYYY-MM/);
    expect(monthWindow('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthWindow('2026-02', 0)).toEqual(['2026-02']);
  });

  it('shifts days across month, leap-day and year ends', () => {
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(() => addDays('2026-2-1', 1)).toThrow(/YYYY-MM-DD/);
  });

  it('compares strictly, never breaches without a value, formats with the unit', () => {
    expect(breaches(84.999, { comparator: 'Below', threshold: 85 })).toBe(true);
    expect(breaches(85, { comparator: 'Below', threshold: 85 })).toBe(false);
    expect(breaches(Number.NaN, { comparator: 'Above', threshold: 1 })).toBe(false);
    expect(formatValue(77.55, 'Percent')).toBe('77.6%');
    expect(formatValue(3, 'Count')).toBe('3');
    expect(formatValue(null, 'Hours')).toBe('no data');
  });

  it('has no metric value without handoffs or for an unknown metric', () => {
    const month = { ...emptyCounts('2026-03'), firstTouchCount: 3, firstTouchHoursSum: 30 };
    expect(metricValue('First_Touch_Hours', month)).toBeNull();
    expect(metricValue('Completion_Rate', null)).toBeNull();
    expect(metricValue('Happiness', { ...month, handoffs: 3 })).toBeNull();
    expect(metricValue('First_Touch_Hours', { ...month, handoffs: 3 })).toBe(10);
  });

  it('takes the weighted median of values', () => {
    expect(weightedMedian([])).toBeNull();
    expect(weightedMedian([{ value: 5, weight: 0 }])).toBeNull();
    expect(
      weightedMedian([
        { value: 30, weight: 1 },
        { value: 10, weight: 1 },
        { value: 20, weight: 1 }
      ])
    ).toBe(20);
  });

  it('pools counts, keeping optional counts only when some part has them', () => {
    const pooled = poolCounts([
      { ...emptyCounts('2026-02'), handoffs: 2, completeAtClose: 1 },
      { ...emptyCounts('2026-03'), handoffs: 3, completeAtClose: 3, openExceptions: 2 }
    ]);
    expect(pooled).toMatchObject({ period: 'total', handoffs: 5, completeAtClose: 4 });
    expect(pooled.openExceptions).toBe(2);
    expect('firstTouchWithinSla' in pooled).toBe(false);
    expect('firstTouchMedianHours' in pooled).toBe(false);
  });

  it('fills the months missing from the data with empty counts', () => {
    const filled = fillWindow([{ ...emptyCounts('2026-03'), handoffs: 4 }], '2026-03', 3);
    expect(filled.map((p) => [p.period, p.handoffs])).toEqual([
      ['2026-01', 0],
      ['2026-02', 0],
      ['2026-03', 4]
    ]);
  });

  it('judges a value against a target without a threshold', () => {
    expect(kpiStatus(5, 'lower', null, 10)).toBe('onTarget');
    expect(kpiStatus(15, 'lower', null, 10)).toBe('watch');
    expect(kpiStatus(15, 'lower', null, null)).toBe('unset');
  });

  it('marks the extension rule by its DeveloperName', () => {
    const result = evaluateHypercare(
      {
        startDate: '2026-03-02',
        weeks: [{ week: 4, handoffs: 10, completeAtClose: 1, repeatAsked: 0, openExceptions: 0 }]
      },
      [
        {
          ...DEFAULT_THRESHOLDS[0],
          developerName: HYPERCARE_EXTENSION,
          period: 'Hypercare Week',
          hypercareWeek: 4,
          threshold: 70
        },
        {
          ...DEFAULT_THRESHOLDS[0],
          developerName: 'Orphan',
          period: 'Hypercare Week',
          hypercareWeek: 9,
          threshold: 70
        }
      ],
      { today: '2026-04-30' }
    );
    expect(result.extend).toBe(true);
    expect(result.flags.find((f) => f.threshold.developerName === 'Orphan')?.evaluated).toBe(false);
    expect(result.weeks[3].flags.map((f) => f.message)).toEqual([
      'Week 4: Handoff completion rate 10% (below 70%)'
    ]);
  });
});

describe('parseDashboard', () => {
  it('reads the controller JSON, sorting months and dropping what it cannot use', () => {
    const dashboard = parseDashboard(
      JSON.stringify({
        asOf: '2026-03',
        periods: [
          { period: '2026-03', handoffs: 4, completeAtClose: 3, firstTouchMedianHours: 12.5 },
          { period: 'March', handoffs: 9 },
          { period: '2026-02', handoffs: -1, completeAtClose: 'x', firstTouchMedianHours: null }
        ],
        breakdown: {
          segment: [{ key: 'SMB', handoffs: 4 }],
          csm: [{ key: 'Ann Lee', userId: '005000000000001AAA', handoffs: 2 }]
        },
        thresholds: [
          { developerName: 'A', metric: 'Completion_Rate', comparator: 'Below', threshold: 85 },
          { developerName: 'B', metric: 'Completion_Rate', comparator: 'Sideways', threshold: 1 },
          {
            developerName: 'C',
            metric: 'Completion_Rate',
            comparator: 'Below',
            threshold: 50,
            period: 'Hypercare Week',
            hypercareWeek: 1,
            unit: 'Percent',
            active: false
          }
        ],
        hypercare: {
          startDate: '2026-03-02',
          weeks: [
            { week: 2, handoffs: 1 },
            { week: 1, handoffs: 2, completeAtClose: 1 }
          ]
        },
        reportIds: { Handoff_Completion_By_Month: '00O000000000001AAA', Broken: null }
      })
    );
    expect(dashboard.asOf).toBe('2026-03');
    expect(dashboard.periods.map((p) => [p.period, p.handoffs, p.completeAtClose])).toEqual([
      ['2026-02', 0, 0],
      ['2026-03', 4, 3]
    ]);
    expect(dashboard.periods[0].firstTouchMedianHours).toBeNull();
    expect(dashboard.periods[1].firstTouchMedianHours).toBe(12.5);
    expect(dashboard.breakdown.team).toEqual([]);
    expect(dashboard.breakdown.csm[0].userId).toBe('005000000000001AAA');
    expect(dashboard.thresholds.map((t) => [t.developerName, t.period, t.active])).toEqual([
      ['A', 'Month', true],
      ['C', 'Hypercare Week', false]
    ]);
    expect(dashboard.hypercare.weeks.map((w) => w.week)).toEqual([1, 2]);
    expect(dashboard.reportIds).toEqual({ Handoff_Completion_By_Month: '00O000000000001AAA' });
  });

  it('reads an empty answer as an empty dashboard and rejects text that is not JSON', () => {
    const empty = parseDashboard('');
    expect(empty).toEqual({
      asOf: '',
      periods: [],
      breakdown: { segment: [], team: [], csm: [] },
      thresholds: [],
      hypercare: { startDate: null, weeks: [] },
      reportIds: {},
      rollout: {
        mode: 'Installed',
        wouldHaveBlocked: 0,
        pilot: { handoffs: 0, completeAtClose: 0 },
        rest: { handoffs: 0, completeAtClose: 0 }
      }
    });
    expect(parseDashboard('{"periods":[{"period":"2026-01","handoffs":1}]}').asOf).toBe('2026-01');
    expect(() => parseDashboard('<html>')).toThrow(SyntaxError);
  });
});

describe('the rollout part of the dashboard', () => {
  it('reads the mode and the counts the controller sends', () => {
    const { rollout } = parseDashboard(
      JSON.stringify({
        rollout: {
          mode: 'Pilot',
          wouldHaveBlocked: 7,
          pilot: { handoffs: 8, completeAtClose: 7 },
          rest: { handoffs: 40, completeAtClose: 30 }
        }
      })
    );
    expect(rollout).toEqual({
      mode: 'Pilot',
      wouldHaveBlocked: 7,
      pilot: { handoffs: 8, completeAtClose: 7 },
      rest: { handoffs: 40, completeAtClose: 30 }
    });
  });

  it('reads an answer without a rollout part (an older controller) as Installed with zeros', () => {
    const { rollout } = parseDashboard(JSON.stringify({ asOf: '2026-03', periods: [] }));
    expect(rollout).toEqual({
      mode: 'Installed',
      wouldHaveBlocked: 0,
      pilot: { handoffs: 0, completeAtClose: 0 },
      rest: { handoffs: 0, completeAtClose: 0 }
    });
  });

  it('drops what it cannot use: unknown modes, negative or non-numeric counts, missing groups', () => {
    const { rollout } = parseDashboard(
      JSON.stringify({
        rollout: { mode: 'Paused', wouldHaveBlocked: -3, pilot: 'none', rest: { handoffs: '12' } }
      })
    );
    expect(rollout).toEqual({
      mode: 'Installed',
      wouldHaveBlocked: 0,
      pilot: { handoffs: 0, completeAtClose: 0 },
      rest: { handoffs: 0, completeAtClose: 0 }
    });
    expect(parseDashboard('{"rollout":[1,2]}').rollout.mode).toBe('Installed');
    expect(parseDashboard('{"rollout":{"mode":null}}').rollout.mode).toBe('Installed');
  });

  it('reads modes as Apex does: any case, spaces around, blank or unknown as Installed', () => {
    expect(ROLLOUT_MODES).toEqual(['Installed', 'Monitor', 'Pilot', 'Enforce']);
    for (const mode of ROLLOUT_MODES) {
      expect(rolloutMode(mode)).toBe(mode);
    }
    expect(rolloutMode(' monitor ')).toBe('Monitor');
    expect(rolloutMode('ENFORCE')).toBe('Enforce');
    expect(rolloutMode('')).toBe('Installed');
    expect(rolloutMode('Enforced')).toBe('Installed');
    expect(rolloutMode(undefined)).toBe('Installed');
    expect(rolloutMode(3)).toBe('Installed');
  });

  it('gives a group completion rate in percent, and none without handoffs', () => {
    expect(completionRate({ handoffs: 8, completeAtClose: 7 })).toBe(87.5);
    expect(completionRate({ handoffs: 40, completeAtClose: 30 })).toBe(75);
    expect(completionRate({ handoffs: 0, completeAtClose: 0 })).toBeNull();
  });
});
