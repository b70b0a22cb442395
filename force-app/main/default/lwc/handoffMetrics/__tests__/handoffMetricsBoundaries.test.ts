/**
 * The edges of the handoff metrics module that the shared vectors do not reach (issue 18,
 * found by mutation testing): every message a red flag or a hypercare flag can show, the
 * metrics' names as people read them, values exactly at a target, the strictest threshold and
 * its ties, the order of hypercare flags, a week's first and last day, and the dashboard JSON's
 * unusual input (Above thresholds, units, optional counts, ids that are not a map).
 */
import {
  METRICS,
  addDays,
  averageScore,
  median,
  parseGoLive,
  parseNewPeople,
  parseQuality,
  validScore,
  withGoLive,
  withQuality,
  addMonths,
  computeKpis,
  emptyCounts,
  evaluateHypercare,
  evaluateRedFlags,
  formatValue,
  hypercareValue,
  kpiStatus,
  kpiThreshold,
  KPI_DEFINITIONS,
  metricValue,
  parseDashboard,
  poolCounts,
  rolloutMode,
  weightedMedian
} from '../handoffMetrics';
/* eslint-disable no-unused-vars -- used in annotations only (Babel scope misread) */
import type {
  HealthThreshold,
  HypercareWeek,
  KpiDefinition,
  PeriodCounts
} from '../handoffMetrics';
/* eslint-enable no-unused-vars */

/** A monthly threshold; only what a test names differs. */
function monthly(overrides: Partial<HealthThreshold>): HealthThreshold {
  return {
    developerName: 'T',
    metric: 'Completion_Rate',
    comparator: 'Below',
    threshold: 85,
    target: null,
    unit: 'Percent',
    consecutivePeriods: 2,
    period: 'Month',
    hypercareWeek: null,
    action: null,
    active: true,
    ...overrides
  };
}

/** A hypercare threshold for one week. */
function weekly(week: number | null, overrides: Partial<HealthThreshold>): HealthThreshold {
  return monthly({
    period: 'Hypercare Week',
    hypercareWeek: week,
    consecutivePeriods: 1,
    ...overrides
  });
}

function month(period: string, handoffs: number, completeAtClose: number): PeriodCounts {
  return { ...emptyCounts(period), handoffs, completeAtClose };
}

function weekCounts(n: number, counts: Partial<HypercareWeek> = {}): HypercareWeek {
  return {
    week: n,
    handoffs: 10,
    completeAtClose: 10,
    repeatAsked: 0,
    openExceptions: 0,
    ...counts
  };
}

const definition = (key: string): KpiDefinition => {
  const found = KPI_DEFINITIONS.find((d) => d.key === key);
  if (!found) {
    throw new Error(`no KPI ${key}`);
  }
  return found;
};

describe('the metrics as people read them', () => {
  it('names and units each metric a threshold can name', () => {
    expect(
      Object.fromEntries(Object.entries(METRICS).map(([name, m]) => [name, [m.label, m.unit]]))
    ).toEqual({
      Completion_Rate: ['Handoff completion rate', 'Percent'],
      Avg_Hours_To_First_Touch: ['Average hours to first touch', 'Hours'],
      First_Touch_Hours: ['Hours to first touch', 'Hours'],
      First_Touch_Within_SLA_Rate: ['Share of first touches within the SLA', 'Percent'],
      Escalation_Rate: ['Share of handoffs escalated', 'Percent'],
      Exception_Rate: ['Share of handoffs closed on an exception', 'Percent'],
      Return_Rate: ['Share of handoffs returned to Sales', 'Percent'],
      Repeat_Ask_Rate: ['Share of handoffs where the customer was asked again', 'Percent'],
      Repeat_Ask_Count: ['Handoffs where the customer was asked again', 'Count'],
      Open_Exception_Count: ['Unresolved exception requests', 'Count'],
      AE_Minutes_To_Complete: ['Median minutes for the AE to complete the handoff', 'Minutes'],
      Prefilled_Share: ['Share of handoff fields pre-filled', 'Percent'],
      Quality_Score_Average: ['Average handoff quality score', 'Score'],
      Quality_Below_3_Share: ['Share of quality scores below 3', 'Percent'],
      Days_To_Go_Live: ['Median days from close to go-live', 'Days']
    });
  });

  it('formats days with a d and scores bare', () => {
    expect(formatValue(30.25, 'Days')).toBe('30.3 d');
    expect(formatValue(3.45, 'Score')).toBe('3.5');
  });

  it('formats hours with an h, counts bare, percentages with %, one decimal at most', () => {
    expect(formatValue(52.06, 'Hours')).toBe('52.1 h');
    expect(formatValue(48, 'Hours')).toBe('48 h');
    expect(formatValue(2.25, 'Count')).toBe('2.3');
    expect(formatValue(12.46, 'Minutes')).toBe('12.5 min');
    expect(formatValue(10, 'Minutes')).toBe('10 min');
    expect(formatValue(0, 'Percent')).toBe('0%');
  });

  it('falls back to the average when the median is not a finite number', () => {
    const counts = {
      ...emptyCounts('2026-03'),
      handoffs: 2,
      firstTouchCount: 2,
      firstTouchHoursSum: 10
    };
    expect(metricValue('First_Touch_Hours', { ...counts, firstTouchMedianHours: Number.NaN })).toBe(
      5
    );
    expect(
      metricValue('First_Touch_Hours', {
        ...counts,
        firstTouchMedianHours: Number.POSITIVE_INFINITY
      })
    ).toBe(5);
    expect(metricValue('First_Touch_Hours', { ...counts, firstTouchMedianHours: 7 })).toBe(7);
  });
});

describe('months and days', () => {
  it('accepts nothing around a month or a day', () => {
    for (const bad of ['x2026-01', '2026-01x', '2026-01-01']) {
      expect(() => addMonths(bad, 1)).toThrow(`Not a month (YYYY-MM): ${bad}`);
    }
    for (const bad of ['x2026-01-01', '2026-01-01x', '2026-01']) {
      expect(() => addDays(bad, 1)).toThrow(`Not a date (YYYY-MM-DD): ${bad}`);
    }
  });
});

describe('red-flag messages', () => {
  const periods = [month('2026-01', 10, 10), month('2026-02', 10, 8), month('2026-03', 10, 7)];
  const evaluate = (t: HealthThreshold) =>
    evaluateRedFlags(periods, [t], { asOf: '2026-03', months: 3 })[0];

  it('explains a raised flag with the months of the streak, oldest first', () => {
    const flag = evaluate(monthly({}));
    expect(flag).toMatchObject({ evaluated: true, up: true, streak: 2 });
    expect(flag.message).toBe(
      'Handoff completion rate below 85% for 2 months in a row (2026-02: 80%, 2026-03: 70%)'
    );
  });

  it('says "1 month" for a streak of one, and "above" for an Above threshold', () => {
    const flag = evaluate(
      monthly({
        metric: 'Repeat_Ask_Count',
        comparator: 'Above',
        threshold: 0,
        unit: 'Count',
        consecutivePeriods: 1
      })
    );
    expect(flag.up).toBe(false);
    const raised = evaluateRedFlags(
      [{ ...month('2026-03', 10, 10), repeatAsked: 3 }],
      [
        monthly({
          metric: 'Repeat_Ask_Count',
          comparator: 'Above',
          threshold: 2,
          unit: 'Count',
          consecutivePeriods: 1
        })
      ],
      { asOf: '2026-03', months: 3 }
    )[0];
    expect(raised.message).toBe(
      'Handoffs where the customer was asked again above 2 for 1 month in a row (2026-03: 3)'
    );
  });

  it('shows a streak short of the flag as "n of m months"', () => {
    const flag = evaluate(monthly({ consecutivePeriods: 3 }));
    expect(flag).toMatchObject({ evaluated: true, up: false, streak: 2 });
    expect(flag.message).toBe('Handoff completion rate 70% in 2026-03 (below 85%, 2 of 3 months)');
  });

  it('says when the flag would rise while nothing breaches, in months or one month', () => {
    expect(evaluate(monthly({ threshold: 50 })).message).toBe(
      'Handoff completion rate 70% in 2026-03 (flag when below 50% for 2 months)'
    );
    expect(
      evaluate(
        monthly({
          metric: 'Escalation_Rate',
          comparator: 'Above',
          threshold: 20,
          consecutivePeriods: 1
        })
      ).message
    ).toBe('Share of handoffs escalated 0% in 2026-03 (flag when above 20% for 1 month)');
  });

  it('says why a threshold is not evaluated', () => {
    const [inactive, unknown, weeklyRule] = evaluateRedFlags(
      periods,
      [
        monthly({ developerName: 'Off', active: false }),
        monthly({ developerName: 'Odd', metric: 'Happiness' }),
        weekly(1, { developerName: 'Week_1' })
      ],
      { asOf: '2026-03' }
    );
    expect([inactive.evaluated, unknown.evaluated, weeklyRule.evaluated]).toEqual([
      false,
      false,
      false
    ]);
    expect(inactive.message).toBe('Off: inactive');
    expect(unknown.message).toBe(
      `Odd: unknown metric "Happiness" (known: ${Object.keys(METRICS).join(', ')})`
    );
    expect(unknown.message).toContain('(known: Completion_Rate, Avg_Hours_To_First_Touch, ');
    expect(weeklyRule.message).toBe(
      'Week_1: Hypercare Week thresholds are evaluated by the dashboard, not monthly'
    );
  });
});

describe('the weighted median', () => {
  it('takes the middle value, and the mean of the two middle values at exactly half', () => {
    expect(
      weightedMedian([
        { value: 3, weight: 1 },
        { value: 1, weight: 1 },
        { value: 2, weight: 1 }
      ])
    ).toBe(2);
    expect(
      weightedMedian([
        { value: 4, weight: 1 },
        { value: 2, weight: 1 }
      ])
    ).toBe(3);
    expect(
      weightedMedian([
        { value: 10, weight: 2 },
        { value: 20, weight: 1 },
        { value: 30, weight: 1 }
      ])
    ).toBe(15);
    expect(
      weightedMedian([
        { value: 10, weight: 3 },
        { value: 20, weight: 1 }
      ])
    ).toBe(10);
    expect(
      weightedMedian([
        { value: 10, weight: 1 },
        { value: 20, weight: 3 }
      ])
    ).toBe(20);
  });

  it('leaves out values that are not numbers and weights that are not positive', () => {
    expect(
      weightedMedian([
        { value: Number.NaN, weight: 5 },
        { value: 10, weight: 1 }
      ])
    ).toBe(10);
    expect(
      weightedMedian([
        { value: 1, weight: -5 },
        { value: 9, weight: 1 }
      ])
    ).toBe(9);
    expect(
      weightedMedian([
        { value: 1, weight: Number.NaN },
        { value: 9, weight: 1 }
      ])
    ).toBe(9);
  });
});

describe('pooled counts', () => {
  it('carries no unresolved exception count when no part has one', () => {
    const pooled = poolCounts([month('2026-02', 2, 1), month('2026-03', 3, 3)]);
    expect('openExceptions' in pooled).toBe(false);
    expect(poolCounts([{ ...month('2026-03', 1, 1), openExceptions: 0 }]).openExceptions).toBe(0);
  });

  it('weights each part median by its measured first touches', () => {
    const pooled = poolCounts([
      {
        ...month('2026-02', 5, 5),
        firstTouchCount: 1,
        firstTouchHoursSum: 40,
        firstTouchMedianHours: 40
      },
      {
        ...month('2026-03', 5, 5),
        firstTouchCount: 3,
        firstTouchHoursSum: 30,
        firstTouchMedianHours: 10
      },
      { ...month('2026-04', 0, 0), firstTouchMedianHours: 99 }
    ]);
    expect(pooled.firstTouchMedianHours).toBe(10);
  });
});

describe('the threshold a KPI tile is judged by', () => {
  it('is the strictest: the highest Below when higher is better, the lowest Above otherwise', () => {
    const below = [80, 90, 85].map((threshold, i) =>
      monthly({ developerName: `B${i}`, threshold })
    );
    expect(kpiThreshold(definition('completion'), below)?.threshold).toBe(90);
    const above = [30, 20, 25].map((threshold, i) =>
      monthly({ developerName: `A${i}`, metric: 'Escalation_Rate', comparator: 'Above', threshold })
    );
    expect(kpiThreshold(definition('escalation'), above)?.threshold).toBe(20);
  });

  it('breaks a tie by DeveloperName, whatever the order listed', () => {
    const b = monthly({ developerName: 'B_Rule', threshold: 85 });
    const a = monthly({ developerName: 'A_Rule', threshold: 85 });
    expect(kpiThreshold(definition('completion'), [b, a])?.developerName).toBe('A_Rule');
    expect(kpiThreshold(definition('completion'), [a, b])?.developerName).toBe('A_Rule');
  });

  it('takes only active monthly thresholds comparing in the tile direction', () => {
    expect(
      kpiThreshold(definition('completion'), [
        monthly({ developerName: 'Off', threshold: 99, active: false }),
        monthly({
          developerName: 'Week',
          threshold: 98,
          period: 'Hypercare Week',
          hypercareWeek: 1
        }),
        monthly({ developerName: 'Wrong_Way', threshold: 97, comparator: 'Above' }),
        monthly({ developerName: 'Other', threshold: 96, metric: 'Return_Rate' })
      ])
    ).toBeNull();
  });
});

describe('a KPI status', () => {
  it('is on target exactly at the target, either way round', () => {
    expect(kpiStatus(90, 'higher', null, 90)).toBe('onTarget');
    expect(kpiStatus(89.99, 'higher', null, 90)).toBe('watch');
    expect(kpiStatus(24, 'lower', null, 24)).toBe('onTarget');
    expect(kpiStatus(24.01, 'lower', null, 24)).toBe('watch');
  });

  it('is ok within a threshold without a target, and noData without a finite value', () => {
    expect(kpiStatus(90, 'higher', { comparator: 'Below', threshold: 85 }, null)).toBe('ok');
    expect(kpiStatus(80, 'higher', { comparator: 'Below', threshold: 85 }, 90)).toBe('breach');
    expect(kpiStatus(Number.NaN, 'higher', null, 90)).toBe('noData');
    expect(kpiStatus(null, 'higher', null, 90)).toBe('noData');
  });
});

describe('KPI tiles', () => {
  const months = [
    { ...month('2026-03', 10, 9), firstTouchCount: 4, firstTouchHoursSum: 40, escalated: 1 }
  ];

  it('borrows the target of the first other active monthly threshold on the metric, by name', () => {
    const kpis = computeKpis(months, [
      monthly({ developerName: 'Judge', threshold: 85, target: null }),
      monthly({ developerName: 'A_Off', threshold: 50, target: 60, active: false }),
      monthly({
        developerName: 'B_Week',
        threshold: 50,
        target: 70,
        period: 'Hypercare Week',
        hypercareWeek: 1
      }),
      monthly({
        developerName: 'C_Other',
        metric: 'Return_Rate',
        comparator: 'Above',
        threshold: 5,
        target: 75
      }),
      monthly({ developerName: 'E_Later', comparator: 'Above', threshold: 99, target: 97 }),
      monthly({ developerName: 'D_First', comparator: 'Above', threshold: 99, target: 95 })
    ]);
    const completion = kpis.find((k) => k.key === 'completion');
    expect(completion?.threshold?.developerName).toBe('Judge');
    expect(completion?.target).toBe(95);
    expect(completion?.status).toBe('watch');
  });

  it('says median or average for time to first touch only, and nothing without a value', () => {
    const kpis = computeKpis(months, []);
    expect(kpis.map((k) => [k.key, k.basis])).toEqual([
      ['completion', null],
      ['firstTouchMedian', 'average'],
      ['firstTouchWithinSla', null],
      ['escalation', null],
      ['exception', null],
      ['return', null],
      ['repeatAsk', null],
      ['aeMinutes', null],
      ['prefilledShare', null],
      ['qualityScore', null],
      ['qualityBelow3', null],
      ['daysToGoLive', null]
    ]);
    expect(
      computeKpis([month('2026-03', 10, 9)], []).find((k) => k.key === 'firstTouchMedian')?.basis
    ).toBeNull();
  });
});

describe('hypercare', () => {
  const start = '2026-03-02';

  it('reads the share of repeat asks in a week, and no value for an unknown metric or week', () => {
    expect(hypercareValue('Repeat_Ask_Rate', weekCounts(1, { handoffs: 8, repeatAsked: 2 }))).toBe(
      25
    );
    expect(
      hypercareValue('Repeat_Ask_Rate', weekCounts(1, { handoffs: 0, repeatAsked: 2 }))
    ).toBeNull();
    expect(hypercareValue('Escalation_Rate', weekCounts(1))).toBeNull();
    expect(hypercareValue('Completion_Rate', null)).toBeNull();
  });

  it('evaluates a repeat-ask share threshold', () => {
    const result = evaluateHypercare(
      { startDate: start, weeks: [weekCounts(2, { handoffs: 8, repeatAsked: 2 })] },
      [
        weekly(2, {
          developerName: 'Share',
          metric: 'Repeat_Ask_Rate',
          comparator: 'Above',
          threshold: 20
        })
      ],
      { today: '2026-04-30' }
    );
    expect(result.flags[0]).toMatchObject({ evaluated: true, up: true, value: 25 });
    expect(result.flags[0].message).toBe(
      'Week 2: Share of handoffs where the customer was asked again 25% (above 20%)'
    );
  });

  it('counts a week current from its first day to its last, upcoming before, done after', () => {
    const states = (today: string) =>
      evaluateHypercare({ startDate: start, weeks: [] }, [], { today }).weeks.map((w) => w.state);
    expect(states('2026-03-01')).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(states('2026-03-02')).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
    expect(states('2026-03-08')).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
    expect(states('2026-03-09')).toEqual(['done', 'current', 'upcoming', 'upcoming']);
  });

  it('knows no week state without a valid today or start date', () => {
    const states = (startDate: string | null, today: string | null) =>
      evaluateHypercare({ startDate, weeks: [] }, [], { today }).weeks.map((w) => w.state);
    expect(states(start, 'tomorrow')).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(states(start, null)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(states('2 March', '2026-03-10')).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('takes only the Hypercare Week thresholds, ordered by week then DeveloperName', () => {
    const result = evaluateHypercare(
      {
        startDate: start,
        weeks: [weekCounts(1, { completeAtClose: 1 }), weekCounts(2, { repeatAsked: 1 })]
      },
      [
        weekly(2, {
          developerName: 'A_Week_2',
          metric: 'Repeat_Ask_Count',
          comparator: 'Above',
          threshold: 0,
          unit: 'Count'
        }),
        weekly(1, { developerName: 'Z_Week_1', threshold: 50 }),
        weekly(1, { developerName: 'B_Week_1', threshold: 60 }),
        monthly({ developerName: 'Monthly', threshold: 85 })
      ],
      { today: '2026-04-30' }
    );
    expect(result.flags.map((f) => f.threshold.developerName)).toEqual([
      'B_Week_1',
      'Z_Week_1',
      'A_Week_2'
    ]);
    expect(result.weeks[0].flags.map((f) => f.threshold.developerName)).toEqual([
      'B_Week_1',
      'Z_Week_1'
    ]);
    expect(result.up.map((f) => f.threshold.developerName)).toEqual([
      'B_Week_1',
      'Z_Week_1',
      'A_Week_2'
    ]);
    expect(result.flags.map((f) => f.message)).toEqual([
      'Week 1: Handoff completion rate 10% (below 60%)',
      'Week 1: Handoff completion rate 10% (below 50%)',
      'Week 2: Handoffs where the customer was asked again 1 (above 0)'
    ]);
  });

  it('says when a week flag would rise, and why a rule is not evaluated', () => {
    const result = evaluateHypercare(
      { startDate: start, weeks: [weekCounts(1), weekCounts(2, { openExceptions: 2 })] },
      [
        weekly(1, { developerName: 'A_Healthy', threshold: 50 }),
        weekly(2, {
          developerName: 'B_Open',
          metric: 'Open_Exception_Count',
          comparator: 'Above',
          threshold: 3,
          unit: 'Count'
        }),
        weekly(1, { developerName: 'C_Off', active: false }),
        weekly(9, { developerName: 'D_Nine' }),
        weekly(null, { developerName: 'E_None' }),
        weekly(1, { developerName: 'F_Odd', metric: 'Happiness' }),
        weekly(3, { developerName: 'G_No_Data' }),
        weekly(4, { developerName: 'H_Later' })
      ],
      { today: '2026-03-20' }
    );
    const byName = Object.fromEntries(result.flags.map((f) => [f.threshold.developerName, f]));
    expect(byName.A_Healthy).toMatchObject({ evaluated: true, up: false, value: 100 });
    expect(byName.A_Healthy.message).toBe(
      'Week 1: Handoff completion rate 100% (flag when below 50%)'
    );
    expect(byName.B_Open.message).toBe(
      'Week 2: Unresolved exception requests 2 (flag when above 3)'
    );
    const skipped = ['C_Off', 'D_Nine', 'E_None', 'F_Odd', 'G_No_Data', 'H_Later'].map((name) => [
      byName[name].evaluated,
      byName[name].message
    ]);
    expect(skipped).toEqual([
      [false, 'C_Off: inactive'],
      [false, 'D_Nine: no hypercare week 9'],
      [false, 'E_None: no hypercare week'],
      [false, 'F_Odd: unknown hypercare metric "Happiness"'],
      [false, 'Week 3: no data'],
      [false, 'Week 4: not started']
    ]);
  });
});

describe('parseDashboard on unusual input', () => {
  it('keeps Above thresholds and reads units, periods and names it knows, with defaults for the rest', () => {
    const { thresholds } = parseDashboard(
      JSON.stringify({
        thresholds: [
          {
            developerName: 'Touch',
            metric: 'First_Touch_Hours',
            comparator: 'Above',
            threshold: 48,
            unit: 'Hours',
            consecutivePeriods: 3,
            action: 'Call'
          },
          {
            metric: 'Repeat_Ask_Count',
            comparator: 'Above',
            threshold: 0,
            unit: 'Count',
            action: 7
          },
          {
            developerName: true,
            metric: 'Completion_Rate',
            comparator: 'Below',
            threshold: 85,
            unit: 'Seconds'
          },
          { developerName: 'No_Number', metric: 'Completion_Rate', comparator: 'Below' },
          {
            developerName: 'Text_Number',
            metric: 'Completion_Rate',
            comparator: 'Below',
            threshold: '85'
          }
        ]
      })
    );
    expect(
      thresholds.map((t) => [t.developerName, t.comparator, t.unit, t.consecutivePeriods, t.action])
    ).toEqual([
      ['Touch', 'Above', 'Hours', 3, 'Call'],
      ['Repeat_Ask_Count', 'Above', 'Count', 1, null],
      ['Completion_Rate', 'Below', 'Percent', 1, null]
    ]);
  });

  it('sorts months oldest first and keeps the optional counts only when sent', () => {
    const { periods, asOf } = parseDashboard(
      JSON.stringify({
        periods: [
          { period: '2026-03', handoffs: 3 },
          { period: '2026-01', handoffs: 1, firstTouchWithinSla: 4, openExceptions: 2 },
          { period: '2026-04', handoffs: 4, firstTouchWithinSla: 'x' },
          { period: '2026-02', handoffs: 2 },
          { period: '2026-05-01', handoffs: 9 }
        ]
      })
    );
    expect(periods.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(asOf).toBe('2026-04');
    expect([periods[0].firstTouchWithinSla, periods[0].openExceptions]).toEqual([4, 2]);
    expect('firstTouchWithinSla' in periods[1]).toBe(false);
    expect('openExceptions' in periods[1]).toBe(false);
    expect('firstTouchWithinSla' in periods[3]).toBe(false);
  });

  it("reads the AE's time figures only when sent, pre-filled never above filled", () => {
    const { periods } = parseDashboard(
      JSON.stringify({
        periods: [
          {
            period: '2026-01',
            handoffs: 4,
            aeMinutesMeasured: 3,
            aeMinutesMedian: 7.5,
            fieldsFilled: 10,
            fieldsPrefilled: 12
          },
          { period: '2026-02', handoffs: 2, aeMinutesMedian: null, fieldsPrefilled: 3 },
          { period: '2026-03', handoffs: 2, aeMinutesMedian: '8', aeMinutesMeasured: -1 }
        ]
      })
    );
    expect(periods[0]).toMatchObject({
      aeMinutesMeasured: 3,
      aeMinutesMedian: 7.5,
      fieldsFilled: 10,
      fieldsPrefilled: 10
    });
    expect(periods[1].aeMinutesMedian).toBeNull();
    expect('fieldsFilled' in periods[1]).toBe(false);
    expect('fieldsPrefilled' in periods[1]).toBe(false);
    expect('aeMinutesMedian' in periods[2]).toBe(false);
    expect(periods[2].aeMinutesMeasured).toBe(0);
  });

  it("pools the AE's time: sums when any part carries it, nothing when none does", () => {
    const none = poolCounts([emptyCounts('2026-01'), emptyCounts('2026-02')]);
    expect('aeMinutesMeasured' in none).toBe(false);
    expect('aeMinutesMedian' in none).toBe(false);
    expect('fieldsFilled' in none).toBe(false);
    const some = poolCounts([
      { ...emptyCounts('2026-01'), handoffs: 2 },
      {
        ...emptyCounts('2026-02'),
        handoffs: 3,
        aeMinutesMeasured: 2,
        aeMinutesMedian: 9,
        fieldsFilled: 8,
        fieldsPrefilled: 2
      }
    ]);
    expect([
      some.aeMinutesMeasured,
      some.aeMinutesMedian,
      some.fieldsFilled,
      some.fieldsPrefilled
    ]).toEqual([2, 9, 8, 2]);
    expect(metricValue('Prefilled_Share', some)).toBe(25);
    expect(metricValue('AE_Minutes_To_Complete', some)).toBe(9);
  });

  it('drops hypercare weeks without a week number and report ids that are not a map of text', () => {
    const dashboard = parseDashboard(
      JSON.stringify({
        hypercare: {
          startDate: '2026-03-02',
          weeks: [{ handoffs: 3 }, { week: 1.7, handoffs: 2 }]
        },
        breakdown: { segment: [{ key: null, handoffs: 1, userId: '' }] }
      })
    );
    expect(dashboard.hypercare.weeks.map((w) => [w.week, w.handoffs])).toEqual([[1, 2]]);
    expect(dashboard.breakdown.segment[0].key).toBe('');
    expect('userId' in dashboard.breakdown.segment[0]).toBe(false);
    expect(parseDashboard('{"reportIds":["00O000000000001AAA"]}').reportIds).toEqual({});
    expect(parseDashboard('{"reportIds":"00O000000000001AAA"}').reportIds).toEqual({});
    expect(parseDashboard('null').periods).toEqual([]);
  });

  it('reads a mode that is not text as Installed', () => {
    expect(rolloutMode(['Pilot'])).toBe('Installed');
    expect(rolloutMode(null)).toBe('Installed');
    expect(rolloutMode({ mode: 'Pilot' })).toBe('Installed');
  });
});

describe('quality, go-live and new people reads (issue 17)', () => {
  const group = (key: string, extra: Record<string, unknown>) => ({
    key,
    label: key,
    handoffs: 10,
    ...extra
  });

  it('reads the quality JSON: counts kept sane, average and share recomputed, months sorted', () => {
    const data = parseQuality(
      JSON.stringify({
        total: group('total', { rated: 4, scoreSum: 14, below3: 9, average: 99, skipped: -1 }),
        months: [group('2026-03', { rated: 2, scoreSum: 8 }), group('2026-01', {}), group('x', {})],
        aes: [
          group('005A', {
            topFields: [
              { name: 'Amount', count: 2 },
              { name: '', count: 1 }
            ]
          })
        ],
        truncated: true
      })
    );
    expect(data.total).toMatchObject({ rated: 4, scoreSum: 14, below3: 4, skipped: 0 });
    expect(data.total.average).toBe(3.5);
    expect(data.total.below3Share).toBe(100);
    expect(data.months.map((m) => m.key)).toEqual(['2026-01', '2026-03']);
    expect(data.months[0].average).toBeNull();
    expect(data.aes[0].topFields).toEqual([{ name: 'Amount', count: 2 }]);
    expect(data.truncated).toBe(true);
    expect(parseQuality(null).total.rated).toBe(0);
  });

  it('reads the go-live JSON: on time and late bounded by the go-lives with a target', () => {
    const data = parseGoLive(
      JSON.stringify({
        total: group('total', {
          goLives: 3,
          medianDays: 12,
          withTarget: 5,
          onTime: 4,
          late: 2,
          medianDaysLate: 4
        }),
        months: [group('2026-02', { goLives: 0, medianDays: 9 })]
      })
    );
    expect(data.total).toMatchObject({ goLives: 3, withTarget: 3, onTime: 3, late: 0 });
    expect(data.total.medianDaysLate).toBeNull();
    expect(data.total.onTimeShare).toBe(100);
    expect(data.months[0].medianDays).toBeNull();
    expect(data.truncated).toBe(false);
  });

  it('reads the new people: no User Id dropped, role AE unless CSM, complete within handoffs', () => {
    const data = parseNewPeople(
      JSON.stringify({
        quarterStart: '2026-01-01',
        people: [
          {
            userId: '005A',
            name: 'Ana',
            role: 'CSM',
            handoffs: 2,
            completeAtClose: 5,
            rated: 2,
            scoreSum: 7
          },
          { userId: '005B', role: 'Sales', handoffs: 1, rated: 0, scoreSum: 4 },
          { name: 'nobody' }
        ]
      })
    );
    expect(data.quarterStart).toBe('2026-01-01');
    expect(data.people.map((p) => [p.name, p.role, p.completeAtClose, p.scoreSum])).toEqual([
      ['Ana', 'CSM', 2, 7],
      ['005B', 'AE', 0, 0]
    ]);
    expect(averageScore(data.people[0])).toBe(3.5);
    expect(averageScore(data.people[1])).toBeNull();
    expect(parseNewPeople('{"quarterStart":"2026-1-1"}').quarterStart).toBe('');
  });

  it('joins quality and go-live figures to the months; a month without them has none', () => {
    const months = [emptyCounts('2026-01'), emptyCounts('2026-02')];
    const quality = parseQuality(
      JSON.stringify({ months: [group('2026-02', { rated: 3, scoreSum: 12, below3: 1 })] })
    );
    const goLive = parseGoLive(
      JSON.stringify({ months: [group('2026-01', { goLives: 2, medianDays: 21 })] })
    );
    const joined = withGoLive(withQuality(months, quality), goLive);
    expect(joined.map((m) => [m.qualityRated, m.qualityScoreSum, m.qualityBelow3])).toEqual([
      [0, 0, 0],
      [3, 12, 1]
    ]);
    expect(joined.map((m) => [m.goLiveCount, m.goLiveMedianDays])).toEqual([
      [2, 21],
      [0, null]
    ]);
    expect(withQuality(months, null)).toEqual(months);
    expect(withGoLive(months, undefined)).toEqual(months);
  });

  it('takes the median of an even count as the mean of the middle two, and none of nothing', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('counts only whole scores from 1 to 5', () => {
    expect([0, 1, 5, 6, 2.5, Number.NaN].map(validScore)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false
    ]);
  });
});
