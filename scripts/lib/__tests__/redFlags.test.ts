/**
 * The red-flag rules as the command-line health check imports them (scripts/lib/redFlags.ts),
 * against the red-flag vectors of the one metrics vector file, the static resource
 * handoffMetricsVectors that the Jest tests of c/handoffMetrics and the Apex health check's test
 * read too; and the arithmetic around them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  DEFAULT_THRESHOLDS,
  addMonths,
  breaches,
  evaluateRedFlags,
  formatValue,
  type HealthThreshold,
  type PeriodCounts
} from '../redFlags.ts';

const VECTORS_PATH = path.resolve(
  __dirname,
  '../../../force-app/main/default/staticresources/handoffMetricsVectors.json'
);

interface Vector {
  kind: string;
  name: string;
  thresholds: string | HealthThreshold[];
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

const file = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as {
  thresholdSets: Record<string, HealthThreshold[]>;
  vectors: Vector[];
};
const vectors = file.vectors.filter((v) => v.kind === 'redFlags');

function thresholdsOf(ref: Vector['thresholds']): readonly HealthThreshold[] {
  if (Array.isArray(ref)) {
    return ref;
  }
  const set = file.thresholdSets[ref];
  if (!set) {
    throw new Error(`unknown threshold set ${ref}`);
  }
  return set;
}

describe('red-flag vectors (static resource handoffMetricsVectors)', () => {
  it('has red-flag vectors for the seed defaults the command line falls back to', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(30);
    expect(file.thresholdSets.seedDefaults).toEqual(DEFAULT_THRESHOLDS);
    expect(vectors.filter((v) => v.thresholds === 'seedDefaults').length).toBeGreaterThanOrEqual(
      13
    );
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const flags = evaluateRedFlags(v.periods, thresholdsOf(v.thresholds), {
      asOf: v.asOf,
      months: v.months
    });
    const flag = (name: string) => {
      const found = flags.find((f) => f.threshold.developerName === name);
      if (!found) {
        throw new Error(`no threshold ${name}`);
      }
      return found;
    };
    expect(flags.filter((f) => f.up).map((f) => f.threshold.developerName)).toEqual(v.expected.up);
    for (const [name, streak] of Object.entries(v.expected.streaks ?? {})) {
      expect(flag(name).streak).toBe(streak);
    }
    for (const name of v.expected.notEvaluated ?? []) {
      expect(flag(name).evaluated).toBe(false);
    }
    for (const [name, values] of Object.entries(v.expected.values ?? {})) {
      expect(
        flag(name).values.map((p) => (p.value === null ? null : Number(p.value.toFixed(4))))
      ).toEqual(values);
    }
  });
});

describe('red-flag arithmetic', () => {
  it('shifts months across year ends', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-03', -14)).toBe('2024-01');
    expect(() => addMonths('2025-1', 1)).toThrow(/YYYY-MM/);
  });

  it('compares strictly and never breaches without data', () => {
    expect(breaches(84.99, { comparator: 'Below', threshold: 85 })).toBe(true);
    expect(breaches(85, { comparator: 'Below', threshold: 85 })).toBe(false);
    expect(breaches(48.01, { comparator: 'Above', threshold: 48 })).toBe(true);
    expect(breaches(48, { comparator: 'Above', threshold: 48 })).toBe(false);
    expect(breaches(null, { comparator: 'Below', threshold: 85 })).toBe(false);
  });

  it('formats values with their unit', () => {
    expect(formatValue(84.444, 'Percent')).toBe('84.4%');
    expect(formatValue(80, 'Percent')).toBe('80%');
    expect(formatValue(52.06, 'Hours')).toBe('52.1 h');
    expect(formatValue(null, 'Hours')).toBe('no data');
  });

  it('evaluates a window of months ending at the as-of month, and explains the flag', () => {
    const flags = evaluateRedFlags(
      [
        {
          period: '2025-05',
          handoffs: 10,
          completeAtClose: 8,
          firstTouchCount: 0,
          firstTouchHoursSum: 0,
          escalated: 0,
          exceptions: 0,
          returned: 0,
          repeatAsked: 0
        },
        {
          period: '2025-06',
          handoffs: 10,
          completeAtClose: 7,
          firstTouchCount: 0,
          firstTouchHoursSum: 0,
          escalated: 0,
          exceptions: 0,
          returned: 0,
          repeatAsked: 0
        }
      ],
      DEFAULT_THRESHOLDS,
      { asOf: '2025-06', months: 3 }
    );
    const completion = flags[0];
    expect(completion.values.map((v) => v.period)).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(completion.up).toBe(true);
    expect(completion.message).toBe(
      'Handoff completion rate below 85% for 2 months in a row (2025-05: 80%, 2025-06: 70%)'
    );
  });
});
