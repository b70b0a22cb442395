/**
 * The red-flag rules against the shared vectors, and the arithmetic around them.
 */
import vectorsFile from '../redFlagVectors.json';
import {
  DEFAULT_THRESHOLDS,
  addMonths,
  breaches,
  evaluateRedFlags,
  formatValue,
  type HealthThreshold,
  type PeriodCounts
} from '../redFlags.ts';

interface Vector {
  name: string;
  thresholds: 'default' | HealthThreshold[];
  asOf: string;
  months: number;
  periods: PeriodCounts[];
  expected: { up: string[]; streaks?: Record<string, number>; notEvaluated?: string[] };
}

const vectors = (vectorsFile as { vectors: Vector[] }).vectors;

describe('red-flag vectors', () => {
  it('has vectors', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(10);
  });

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const thresholds = v.thresholds === 'default' ? DEFAULT_THRESHOLDS : v.thresholds;
    const flags = evaluateRedFlags(v.periods, thresholds, { asOf: v.asOf, months: v.months });
    expect(flags.filter((f) => f.up).map((f) => f.threshold.developerName)).toEqual(v.expected.up);
    for (const [name, streak] of Object.entries(v.expected.streaks ?? {})) {
      expect(flags.find((f) => f.threshold.developerName === name)?.streak).toBe(streak);
    }
    for (const name of v.expected.notEvaluated ?? []) {
      expect(flags.find((f) => f.threshold.developerName === name)?.evaluated).toBe(false);
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
