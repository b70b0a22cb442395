/**
 * @description The handoff KPI and red-flag arithmetic (the seed's maintenance schedule and
 * hypercare table): a pure service module with no imports, shared by the metrics dashboard
 * (`c/handoffMetricsDashboard`), the command-line health check (`scripts/lib/redFlags.ts`
 * re-exports it through a relative import) and, through the vectors in
 * `staticresources/handoffMetricsVectors.json`, the Apex health check.
 *
 * Monthly rules. A threshold (`Handoff_Health_Threshold__mdt`) says: metric M, compared `Below`
 * or `Above` the threshold, for `consecutivePeriods` months in a row, raises the flag. Each
 * month's value is computed from that month's counts; a month with no handoffs has no value and
 * never breaches (it ends a streak). The flag is *up* when the months breaching in a row,
 * counting back from the as-of month, reach `consecutivePeriods`. Comparisons are strict
 * ("below 85%", "above 48 hours", "more than 20%") and use the unrounded value.
 *
 * Hypercare rules (`period` = `Hypercare Week`, `hypercareWeek` 1–4) compare one week's value
 * once, with the same strict comparison; a week that has not started is not evaluated.
 *
 * KPI tiles pool the months of the window: rates are Σ part ÷ Σ whole (never an average of
 * monthly rates); time to first touch is the median (the touch-weighted median of the monthly
 * medians when the window has several months), or the average when no median is known.
 *
 * The AE's time (issue 16; docs/behaviour.md, "The AE's time in the metrics"): a month's median
 * minutes from the first handoff field filled to the required set complete, over the handoffs
 * complete before the close (`aeMinutesMeasured` of them), and the fields filled and pre-filled
 * at close, whose ratio is the share pre-filled. Over several months the median is the
 * measured-weighted median of the monthly medians, as for the first touch.
 *
 * Handoff quality and time to first value (issue 17; docs/metrics.md, "Handoff quality" and
 * "Time to first value"): a month's average quality score (1–5, Σ score ÷ rated handoffs), its
 * share of ratings below 3, and the median days from close to go-live of the handoffs closed in
 * the month whose go-live is recorded. They come from live reads (summarizeQuality and
 * summarizeGoLive, twinned in Apex by HandoffQualityMetrics) joined to the months by withQuality
 * and withGoLive, as the AE's time is.
 */

export type Comparator = 'Below' | 'Above';
export type Unit = 'Percent' | 'Hours' | 'Minutes' | 'Count' | 'Score' | 'Days';
export type PeriodKind = 'Month' | 'Hypercare Week';

/** One `Handoff_Health_Threshold__mdt` record. */
export interface HealthThreshold {
  developerName: string;
  metric: string;
  comparator: Comparator;
  threshold: number;
  target: number | null;
  unit: Unit;
  consecutivePeriods: number;
  period: PeriodKind;
  hypercareWeek: number | null;
  action: string | null;
  active: boolean;
}

/** Handoff counts of one month, segment, team or CSM (handoffs by the month they closed in). */
export interface CountFields {
  handoffs: number;
  completeAtClose: number;
  /** handoffs whose first touch was measured, and the sum of their hours to first touch */
  firstTouchCount: number;
  firstTouchHoursSum: number;
  /** handoffs with at least one escalation */
  escalated: number;
  exceptions: number;
  returned: number;
  repeatAsked: number;
  /** measured first touches within the segment's first-touch SLA (dashboard data) */
  firstTouchWithinSla?: number;
  /** median hours to first touch of the measured first touches (dashboard data) */
  firstTouchMedianHours?: number | null;
  /**
   * exception requests still unresolved: hypercare weeks only, which the dashboard turns into
   * counts itself (the server's period and breakdown rows carry none)
   * @clientOnly
   */
  openExceptions?: number;
  /**
   * handoffs whose minutes to complete were measured (complete before the close); the AE-time
   * figures come from the AE-time read (withAeTime), never from getDashboard's rows
   * @clientOnly
   */
  aeMinutesMeasured?: number;
  /**
   * median minutes from the first handoff field filled to the required set complete
   * @clientOnly
   */
  aeMinutesMedian?: number | null;
  /**
   * handoff fields filled at close, summed over the handoffs
   * @clientOnly
   */
  fieldsFilled?: number;
  /**
   * of those, pre-filled from a suggestion and still filled at close
   * @clientOnly
   */
  fieldsPrefilled?: number;
  /**
   * handoffs rated 1–5 by the CSM on accept or return (Quality_Score__c)
   * @clientOnly
   */
  qualityRated?: number;
  /**
   * the sum of those scores
   * @clientOnly
   */
  qualityScoreSum?: number;
  /**
   * of the rated handoffs, those scored below 3 (1 or 2)
   * @clientOnly
   */
  qualityBelow3?: number;
  /**
   * handoffs with a go-live (first value) date recorded
   * @clientOnly
   */
  goLiveCount?: number;
  /**
   * median days from close to go-live of those
   * @clientOnly
   */
  goLiveMedianDays?: number | null;
}

/** One month of handoff counts. */
export interface PeriodCounts extends CountFields {
  /** `YYYY-MM` */
  period: string;
}

/** A metric the rules can name. */
export interface MetricDefinition {
  label: string;
  unit: Unit;
  value(p: CountFields): number | null;
}

/** A finite number (Number.isFinite never converts: a numeric string, null or NaN is not one). */
const isNumber = (value: unknown): value is number => Number.isFinite(value);

/** A count as the data should carry it: a positive finite number, else 0. */
// Stryker disable next-line EqualityOperator: `>= 0` reads a 0 as the same 0
const asCount = (value: unknown): number => (isNumber(value) && value > 0 ? value : 0);

/**
 * Orders thresholds by DeveloperName, as Apex `String.compareTo` does (UTF-16 code units).
 * DeveloperNames are unique per custom metadata type, so no two are equal.
 */
function byDeveloperName(a: { developerName: string }, b: { developerName: string }): number {
  // Stryker disable next-line EqualityOperator: names are never equal, so `<=` orders alike (the tests kill `>=`, which the directive cannot single out)
  return a.developerName < b.developerName ? -1 : 1;
}

function share(part: number | undefined, whole: number): number | null {
  return whole > 0 && isNumber(part) ? (100 * part) / whole : null;
}

function averageHours(p: CountFields): number | null {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: metricValue, the only caller, reads the NaN or Infinity of a zero count as no value too
  return p.firstTouchCount > 0 ? p.firstTouchHoursSum / p.firstTouchCount : null;
}

function averageScoreOf(p: CountFields): number | null {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: metricValue reads the NaN of a zero count as no value too
  return isNumber(p.qualityRated) && p.qualityRated > 0
    ? asCount(p.qualityScoreSum) / p.qualityRated
    : null;
}

function medianDaysOf(p: CountFields): number | null {
  return asCount(p.goLiveCount) > 0 && isNumber(p.goLiveMedianDays) ? p.goLiveMedianDays : null;
}

/** The metrics, by the name `Metric__c` holds. */
export const METRICS: Readonly<Record<string, MetricDefinition>> = {
  Completion_Rate: {
    label: 'Handoff completion rate',
    unit: 'Percent',
    value: (p) => share(p.completeAtClose, p.handoffs)
  },
  Avg_Hours_To_First_Touch: {
    label: 'Average hours to first touch',
    unit: 'Hours',
    value: averageHours
  },
  First_Touch_Hours: {
    label: 'Hours to first touch',
    unit: 'Hours',
    // the median when the data carries one, else the average of the measured first touches
    value: (p) => (isNumber(p.firstTouchMedianHours) ? p.firstTouchMedianHours : averageHours(p))
  },
  First_Touch_Within_SLA_Rate: {
    label: 'Share of first touches within the SLA',
    unit: 'Percent',
    value: (p) => share(p.firstTouchWithinSla, p.firstTouchCount)
  },
  Escalation_Rate: {
    label: 'Share of handoffs escalated',
    unit: 'Percent',
    value: (p) => share(p.escalated, p.handoffs)
  },
  Exception_Rate: {
    label: 'Share of handoffs closed on an exception',
    unit: 'Percent',
    value: (p) => share(p.exceptions, p.handoffs)
  },
  Return_Rate: {
    label: 'Share of handoffs returned to Sales',
    unit: 'Percent',
    value: (p) => share(p.returned, p.handoffs)
  },
  Repeat_Ask_Rate: {
    label: 'Share of handoffs where the customer was asked again',
    unit: 'Percent',
    value: (p) => share(p.repeatAsked, p.handoffs)
  },
  Repeat_Ask_Count: {
    label: 'Handoffs where the customer was asked again',
    unit: 'Count',
    value: (p) => p.repeatAsked
  },
  Open_Exception_Count: {
    label: 'Unresolved exception requests',
    unit: 'Count',
    value: (p) => (isNumber(p.openExceptions) ? p.openExceptions : null)
  },
  AE_Minutes_To_Complete: {
    label: 'Median minutes for the AE to complete the handoff',
    unit: 'Minutes',
    value: (p) => (isNumber(p.aeMinutesMedian) ? p.aeMinutesMedian : null)
  },
  Prefilled_Share: {
    label: 'Share of handoff fields pre-filled',
    unit: 'Percent',
    value: (p) => share(p.fieldsPrefilled, p.fieldsFilled ?? 0)
  },
  Quality_Score_Average: {
    label: 'Average handoff quality score',
    unit: 'Score',
    value: averageScoreOf
  },
  Quality_Below_3_Share: {
    label: 'Share of quality scores below 3',
    unit: 'Percent',
    value: (p) => share(p.qualityBelow3, p.qualityRated ?? 0)
  },
  Days_To_Go_Live: {
    label: 'Median days from close to go-live',
    unit: 'Days',
    value: medianDaysOf
  }
};

/**
 * The seed's red flags, used when the org (or `--thresholds`) gives none: completion below 85%
 * for 2+ consecutive months, first touch above 48 h for 2+ consecutive months ("consistently"),
 * escalations above 20% of handoffs (in any month).
 */
export const DEFAULT_THRESHOLDS: readonly HealthThreshold[] = [
  {
    developerName: 'Completion_Rate_Monthly',
    metric: 'Completion_Rate',
    comparator: 'Below',
    threshold: 85,
    target: 90,
    unit: 'Percent',
    consecutivePeriods: 2,
    period: 'Month',
    hypercareWeek: null,
    action: 'Review the missing fields with Sales leadership; refresh the AE handoff training.',
    active: true
  },
  {
    developerName: 'First_Touch_Monthly',
    metric: 'Avg_Hours_To_First_Touch',
    comparator: 'Above',
    threshold: 48,
    target: 24,
    unit: 'Hours',
    consecutivePeriods: 2,
    period: 'Month',
    hypercareWeek: null,
    action: 'Check CSM capacity and the assignment pools; review the first-touch SLA.',
    active: true
  },
  {
    developerName: 'Escalation_Rate_Monthly',
    metric: 'Escalation_Rate',
    comparator: 'Above',
    threshold: 20,
    target: 10,
    unit: 'Percent',
    consecutivePeriods: 1,
    period: 'Month',
    hypercareWeek: null,
    action: 'Find which fields cause escalations; tighten the rules or the training.',
    active: true
  }
];

/** One month as a rule saw it. */
export interface PeriodValue {
  period: string;
  value: number | null;
  breached: boolean;
}

/** The outcome of one threshold. */
export interface FlagResult {
  threshold: HealthThreshold;
  /** false when the rule could not be evaluated here (inactive, unknown metric, weekly) */
  evaluated: boolean;
  up: boolean;
  /** months breaching in a row, counting back from the as-of month */
  streak: number;
  values: PeriodValue[];
  message: string;
}

/** Options for {@link evaluateRedFlags}. */
export interface RedFlagOptions {
  /** the last month evaluated, `YYYY-MM` */
  asOf: string;
  /** how many months, back from `asOf`, are evaluated (default 12) */
  months?: number;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM` shifted by `delta` months. */
export function addMonths(period: string, delta: number): string {
  const m = MONTH.exec(period);
  if (!m) {
    throw new Error(`Not a month (YYYY-MM): ${period}`);
  }
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + delta;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The `months` months ending at `asOf`, oldest first. */
export function monthWindow(asOf: string, months: number): string[] {
  const count = Math.max(1, Math.trunc(months) || 1);
  const window: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    window.push(addMonths(asOf, -i));
  }
  return window;
}

/** Whether a value breaches a threshold (strictly). */
export function breaches(
  value: number | null,
  t: Pick<HealthThreshold, 'comparator' | 'threshold'>
): boolean {
  if (value === null || !Number.isFinite(value)) {
    return false;
  }
  return t.comparator === 'Below' ? value < t.threshold : value > t.threshold;
}

/** A value for messages: percent, hours and minutes with one decimal, counts whole. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) {
    return 'no data';
  }
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  if (unit === 'Percent') {
    return `${text}%`;
  }
  if (unit === 'Days') {
    return `${text} d`;
  }
  return unit === 'Hours' ? `${text} h` : unit === 'Minutes' ? `${text} min` : text;
}

/**
 * A metric's value for one month, segment or CSM: null for an unknown metric, for missing
 * counts and whenever there were no handoffs (such a period never breaches).
 */
export function metricValue(metric: string, counts: CountFields | null | undefined): number | null {
  const definition = METRICS[metric];
  if (!definition || !counts || !(counts.handoffs > 0)) {
    return null;
  }
  const value = definition.value(counts);
  return isNumber(value) ? value : null;
}

/**
 * Evaluates the thresholds over the months ending at `asOf`.
 * @param periods month counts (any order; months outside the window are ignored)
 * @param thresholds the rules (inactive ones are reported, not evaluated)
 */
export function evaluateRedFlags(
  periods: readonly PeriodCounts[],
  thresholds: readonly HealthThreshold[],
  options: RedFlagOptions
): FlagResult[] {
  const window = monthWindow(options.asOf, Math.max(1, options.months ?? 12));
  const byPeriod = new Map(periods.map((p) => [p.period, p]));
  return thresholds.map((t) => {
    const definition = METRICS[t.metric];
    const skip = (message: string): FlagResult => ({
      threshold: t,
      evaluated: false,
      up: false,
      streak: 0,
      values: [],
      message
    });
    if (!t.active) {
      return skip(`${t.developerName}: inactive`);
    }
    if (!definition) {
      return skip(
        `${t.developerName}: unknown metric "${t.metric}" (known: ${Object.keys(METRICS).join(', ')})`
      );
    }
    if (t.period !== 'Month') {
      return skip(
        `${t.developerName}: ${t.period} thresholds are evaluated by the dashboard, not monthly`
      );
    }
    const values: PeriodValue[] = window.map((period) => {
      const value = metricValue(t.metric, byPeriod.get(period));
      return { period, value, breached: breaches(value, t) };
    });
    let streak = 0;
    for (let i = values.length - 1; i >= 0 && values[i].breached; i--) {
      streak++;
    }
    const needed = requiredPeriods(t);
    const up = streak >= needed;
    const last = values[values.length - 1];
    const direction = t.comparator === 'Below' ? 'below' : 'above';
    const limit = formatValue(t.threshold, t.unit);
    const message = up
      ? `${definition.label} ${direction} ${limit} for ${streak} month${streak === 1 ? '' : 's'} in a row (${values
          .slice(values.length - streak)
          .map((v) => `${v.period}: ${formatValue(v.value, t.unit)}`)
          .join(', ')})`
      : `${definition.label} ${formatValue(last.value, t.unit)} in ${last.period}` +
        (streak > 0
          ? ` (${direction} ${limit}, ${streak} of ${needed} months)`
          : ` (flag when ${direction} ${limit} for ${needed} month${needed === 1 ? '' : 's'})`);
    return { threshold: t, evaluated: true, up, streak, values, message };
  });
}

/** How many periods in a row a threshold needs (at least 1; a fraction counts its whole part). */
export function requiredPeriods(t: Pick<HealthThreshold, 'consecutivePeriods'>): number {
  return Math.max(1, Math.trunc(t.consecutivePeriods || 1));
}

/** Empty counts for a month. */
export function emptyCounts(period: string): PeriodCounts {
  return {
    period,
    handoffs: 0,
    completeAtClose: 0,
    firstTouchCount: 0,
    firstTouchHoursSum: 0,
    escalated: 0,
    exceptions: 0,
    returned: 0,
    repeatAsked: 0
  };
}

/**
 * The months ending at `asOf`, oldest first, each with its counts or empty counts when the data
 * has none (so a month with no handoffs still shows, as a gap).
 */
export function fillWindow(
  periods: readonly PeriodCounts[],
  asOf: string,
  months: number
): PeriodCounts[] {
  const byPeriod = new Map(periods.map((p) => [p.period, p]));
  return monthWindow(asOf, months).map((period) => byPeriod.get(period) ?? emptyCounts(period));
}

// ---------------------------------------------------------------------------------------------
// KPI tiles
// ---------------------------------------------------------------------------------------------

/**
 * Median of values given with weights (the touch-weighted median of monthly medians): the
 * smallest value at which the cumulative weight reaches half the total; when it reaches exactly
 * half, the mean of that value and the next (as the median of an even count). Null when no value
 * has a positive weight.
 */
export function weightedMedian(items: readonly { value: number; weight: number }[]): number | null {
  const usable = items
    .filter((i) => isNumber(i.value) && isNumber(i.weight) && i.weight > 0)
    .sort((a, b) => a.value - b.value);
  const total = usable.reduce((sum, i) => sum + i.weight, 0);
  let cumulative = 0;
  for (let index = 0; index < usable.length; index++) {
    cumulative += usable[index].weight;
    if (2 * cumulative > total) {
      return usable[index].value;
    }
    // Exactly half: never at the last value, since every weight is positive.
    if (2 * cumulative === total) {
      return (usable[index].value + usable[index + 1].value) / 2;
    }
  }
  return null;
}

/**
 * The counts of several months (or rows) added up. The median hours are the touch-weighted
 * median of the parts' medians (parts without a median or without handoffs are left out of it);
 * when no part has one, the pooled counts carry none and the metrics use the average.
 */
export function poolCounts(parts: readonly CountFields[], period = 'total'): PeriodCounts {
  const pooled: PeriodCounts = emptyCounts(period);
  let withinSla = 0;
  let hasWithinSla = false;
  let openExceptions = 0;
  let hasOpenExceptions = false;
  const medians: { value: number; weight: number }[] = [];
  const aeMedians: { value: number; weight: number }[] = [];
  const ae = { measured: 0, filled: 0, prefilled: 0, has: false };
  const quality = { rated: 0, sum: 0, below3: 0, has: false };
  const goLive = { count: 0, has: false };
  const goLiveMedians: { value: number; weight: number }[] = [];
  for (const p of parts) {
    pooled.handoffs += p.handoffs;
    pooled.completeAtClose += p.completeAtClose;
    pooled.firstTouchCount += p.firstTouchCount;
    pooled.firstTouchHoursSum += p.firstTouchHoursSum;
    pooled.escalated += p.escalated;
    pooled.exceptions += p.exceptions;
    pooled.returned += p.returned;
    pooled.repeatAsked += p.repeatAsked;
    if (isNumber(p.firstTouchWithinSla)) {
      withinSla += p.firstTouchWithinSla;
      hasWithinSla = true;
    }
    if (isNumber(p.openExceptions)) {
      openExceptions += p.openExceptions;
      hasOpenExceptions = true;
    }
    if (isNumber(p.firstTouchMedianHours)) {
      medians.push({ value: p.firstTouchMedianHours, weight: p.firstTouchCount });
    }
    if (isNumber(p.aeMinutesMeasured) || isNumber(p.fieldsFilled)) {
      ae.has = true;
      ae.measured += asCount(p.aeMinutesMeasured);
      ae.filled += asCount(p.fieldsFilled);
      ae.prefilled += asCount(p.fieldsPrefilled);
    }
    if (isNumber(p.aeMinutesMedian)) {
      aeMedians.push({ value: p.aeMinutesMedian, weight: asCount(p.aeMinutesMeasured) });
    }
    if (isNumber(p.qualityRated)) {
      quality.has = true;
      quality.rated += asCount(p.qualityRated);
      quality.sum += asCount(p.qualityScoreSum);
      quality.below3 += asCount(p.qualityBelow3);
    }
    if (isNumber(p.goLiveCount)) {
      goLive.has = true;
      goLive.count += asCount(p.goLiveCount);
    }
    if (isNumber(p.goLiveMedianDays)) {
      goLiveMedians.push({ value: p.goLiveMedianDays, weight: asCount(p.goLiveCount) });
    }
  }
  if (quality.has) {
    pooled.qualityRated = quality.rated;
    pooled.qualityScoreSum = quality.sum;
    pooled.qualityBelow3 = quality.below3;
  }
  if (goLive.has) {
    pooled.goLiveCount = goLive.count;
    pooled.goLiveMedianDays = weightedMedian(goLiveMedians);
  }
  if (ae.has) {
    pooled.aeMinutesMeasured = ae.measured;
    pooled.fieldsFilled = ae.filled;
    pooled.fieldsPrefilled = ae.prefilled;
  }
  const aeMedian = weightedMedian(aeMedians);
  if (aeMedian !== null) {
    pooled.aeMinutesMedian = aeMedian;
  }
  if (hasWithinSla) {
    pooled.firstTouchWithinSla = withinSla;
  }
  if (hasOpenExceptions) {
    pooled.openExceptions = openExceptions;
  }
  const touchMedian = weightedMedian(medians);
  if (touchMedian !== null) {
    pooled.firstTouchMedianHours = touchMedian;
  }
  return pooled;
}

export type KpiKey =
  | 'completion'
  | 'firstTouchMedian'
  | 'firstTouchWithinSla'
  | 'escalation'
  | 'exception'
  | 'return'
  | 'repeatAsk'
  | 'aeMinutes'
  | 'prefilledShare'
  | 'qualityScore'
  | 'qualityBelow3'
  | 'daysToGoLive';

/**
 * `onTarget` meets the target; `ok` is within the threshold where no target is set; `watch`
 * is within the threshold but misses the target; `breach` crosses the threshold; `noData`
 * has no value; `unset` has a value but neither threshold nor target.
 */
export type KpiStatus = 'onTarget' | 'ok' | 'watch' | 'breach' | 'noData' | 'unset';

/** A KPI tile: which metric, and which direction is better. */
export interface KpiDefinition {
  key: KpiKey;
  /** the metric the value is computed with, then the other metric keys whose thresholds apply */
  metrics: readonly string[];
  unit: Unit;
  better: 'higher' | 'lower';
}

/** The KPI tiles, in display order. */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  { key: 'completion', metrics: ['Completion_Rate'], unit: 'Percent', better: 'higher' },
  {
    key: 'firstTouchMedian',
    metrics: ['First_Touch_Hours', 'Avg_Hours_To_First_Touch'],
    unit: 'Hours',
    better: 'lower'
  },
  {
    key: 'firstTouchWithinSla',
    metrics: ['First_Touch_Within_SLA_Rate'],
    unit: 'Percent',
    better: 'higher'
  },
  { key: 'escalation', metrics: ['Escalation_Rate'], unit: 'Percent', better: 'lower' },
  { key: 'exception', metrics: ['Exception_Rate'], unit: 'Percent', better: 'lower' },
  { key: 'return', metrics: ['Return_Rate'], unit: 'Percent', better: 'lower' },
  { key: 'repeatAsk', metrics: ['Repeat_Ask_Rate'], unit: 'Percent', better: 'lower' },
  { key: 'aeMinutes', metrics: ['AE_Minutes_To_Complete'], unit: 'Minutes', better: 'lower' },
  { key: 'prefilledShare', metrics: ['Prefilled_Share'], unit: 'Percent', better: 'higher' },
  { key: 'qualityScore', metrics: ['Quality_Score_Average'], unit: 'Score', better: 'higher' },
  { key: 'qualityBelow3', metrics: ['Quality_Below_3_Share'], unit: 'Percent', better: 'lower' },
  { key: 'daysToGoLive', metrics: ['Days_To_Go_Live'], unit: 'Days', better: 'lower' }
];

/** One KPI over a window. */
export interface Kpi {
  key: KpiKey;
  metric: string;
  unit: Unit;
  better: 'higher' | 'lower';
  value: number | null;
  /** for time to first touch: whether the value is a median or (no median known) an average */
  basis: 'median' | 'average' | null;
  /** the monthly threshold the tile is judged by (the strictest active one), if any */
  threshold: HealthThreshold | null;
  target: number | null;
  // eslint-disable-next-line no-restricted-globals -- a member, not window.status (Babel scope misread)
  status: KpiStatus;
}

/**
 * The monthly threshold a KPI is judged by: active, period Month, naming one of the KPI's
 * metrics, comparing in the KPI's direction (`Below` when higher is better); the strictest
 * (the highest `Below`, the lowest `Above`), ties by DeveloperName.
 */
export function kpiThreshold(
  definition: KpiDefinition,
  thresholds: readonly HealthThreshold[]
): HealthThreshold | null {
  const comparator: Comparator = definition.better === 'higher' ? 'Below' : 'Above';
  const candidates = thresholds
    .filter(
      (t) =>
        t.active &&
        t.period === 'Month' &&
        t.comparator === comparator &&
        definition.metrics.includes(t.metric) &&
        isNumber(t.threshold)
    )
    .sort((a, b) => {
      const stricter =
        comparator === 'Below' ? b.threshold - a.threshold : a.threshold - b.threshold;
      if (stricter !== 0) {
        return stricter;
      }
      return byDeveloperName(a, b);
    });
  return candidates[0] ?? null;
}

/** A KPI's status for a value (see {@link KpiStatus}). */
export function kpiStatus(
  value: number | null,
  better: 'higher' | 'lower',
  threshold: Pick<HealthThreshold, 'comparator' | 'threshold'> | null,
  target: number | null
): KpiStatus {
  if (value === null || !Number.isFinite(value)) {
    return 'noData';
  }
  if (threshold && breaches(value, threshold)) {
    return 'breach';
  }
  if (isNumber(target)) {
    const meets = better === 'higher' ? value >= target : value <= target;
    return meets ? 'onTarget' : 'watch';
  }
  return threshold ? 'ok' : 'unset';
}

/**
 * The KPI tiles for counts pooled over the window (months, or one breakdown row), each against
 * its target and threshold. The target is the judging threshold's, else the first target among
 * the KPI's other active monthly thresholds (by DeveloperName).
 */
export function computeKpis(
  parts: readonly CountFields[],
  thresholds: readonly HealthThreshold[]
): Kpi[] {
  const pooled = poolCounts(parts);
  return KPI_DEFINITIONS.map((definition) => {
    const metric = definition.metrics[0];
    const value = metricValue(metric, pooled);
    const threshold = kpiThreshold(definition, thresholds);
    let target = threshold && isNumber(threshold.target) ? threshold.target : null;
    if (target === null) {
      const other = thresholds
        .filter(
          (t) =>
            t.active &&
            t.period === 'Month' &&
            definition.metrics.includes(t.metric) &&
            isNumber(t.target)
        )
        .sort(byDeveloperName)[0];
      target = other && isNumber(other.target) ? other.target : null;
    }
    let basis: Kpi['basis'] = null;
    if (definition.key === 'firstTouchMedian' && value !== null) {
      basis = isNumber(pooled.firstTouchMedianHours) ? 'median' : 'average';
    }
    return {
      key: definition.key,
      metric,
      unit: definition.unit,
      better: definition.better,
      value,
      basis,
      threshold,
      target,
      status: kpiStatus(value, definition.better, threshold, target)
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Hypercare (the first 4 weeks after go-live)
// ---------------------------------------------------------------------------------------------

/** The DeveloperName of the week-4 threshold whose breach means "extend hypercare by 2 weeks". */
export const HYPERCARE_EXTENSION = 'Hypercare_Extension';

/** Hypercare lasts 4 weeks (the seed). */
export const HYPERCARE_WEEKS = 4;

/** One hypercare week's counts. */
export interface HypercareWeek {
  week: number;
  handoffs: number;
  completeAtClose: number;
  repeatAsked: number;
  openExceptions: number;
}

/** The dashboard's hypercare data: go-live date and the weeks after it. */
export interface HypercareData {
  /** `YYYY-MM-DD`, or null when no go-live date is set */
  startDate: string | null;
  weeks: HypercareWeek[];
}

export type HypercareWeekState = 'upcoming' | 'current' | 'done' | 'unknown';

/** One hypercare threshold as a week saw it. */
export interface HypercareFlag {
  threshold: HealthThreshold;
  week: number;
  evaluated: boolean;
  value: number | null;
  up: boolean;
  /** the extension rule ({@link HYPERCARE_EXTENSION}) */
  extension: boolean;
  message: string;
}

/** One hypercare week. */
export interface HypercareWeekResult {
  week: number;
  /** first and last day, `YYYY-MM-DD` (null without a start date) */
  start: string | null;
  end: string | null;
  state: HypercareWeekState;
  counts: HypercareWeek | null;
  completionRate: number | null;
  flags: HypercareFlag[];
}

/** The hypercare view. */
export interface HypercareResult {
  startDate: string | null;
  weeks: HypercareWeekResult[];
  /** every hypercare threshold, evaluated or not, by week then DeveloperName */
  flags: HypercareFlag[];
  /** the flags that are up */
  up: HypercareFlag[];
  /** the extension rule is up: extend hypercare by 2 weeks */
  extend: boolean;
}

/** Options for {@link evaluateHypercare}. */
export interface HypercareOptions {
  /** today, `YYYY-MM-DD`: weeks that start later are upcoming and not evaluated */
  today?: string | null;
}

/** A hypercare week's value of a metric: rates need handoffs that week; counts are as given. */
export function hypercareValue(metric: string, week: HypercareWeek | null): number | null {
  if (!week) {
    return null;
  }
  switch (metric) {
    case 'Completion_Rate':
      return share(week.completeAtClose, week.handoffs);
    case 'Repeat_Ask_Rate':
      return share(week.repeatAsked, week.handoffs);
    case 'Repeat_Ask_Count':
      return isNumber(week.repeatAsked) ? week.repeatAsked : null;
    case 'Open_Exception_Count':
      return isNumber(week.openExceptions) ? week.openExceptions : null;
    default:
      return null;
  }
}

/** `YYYY-MM-DD` shifted by `days` days (UTC calendar arithmetic, no time zone). */
export function addDays(day: string, days: number): string {
  const m = DAY.exec(day);
  if (!m) {
    throw new Error(`Not a date (YYYY-MM-DD): ${day}`);
  }
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return date.toISOString().slice(0, 10);
}

function byWeekThenName(a: HypercareFlag, b: HypercareFlag): number {
  if (a.week !== b.week) {
    return a.week - b.week;
  }
  return byDeveloperName(a.threshold, b.threshold);
}

/** The metrics a hypercare week has. */
export const HYPERCARE_METRICS: readonly string[] = [
  'Completion_Rate',
  'Repeat_Ask_Rate',
  'Repeat_Ask_Count',
  'Open_Exception_Count'
];

/**
 * The hypercare view: weeks 1–4 (and any later week the data has) with their dates, state and
 * completion rate, and every `Hypercare Week` threshold evaluated once against its week's value.
 */
export function evaluateHypercare(
  data: HypercareData | null | undefined,
  thresholds: readonly HealthThreshold[],
  options: HypercareOptions = {}
): HypercareResult {
  const startDate = data?.startDate && DAY.test(data.startDate) ? data.startDate : null;
  const byWeek = new Map((data?.weeks ?? []).map((w) => [w.week, w]));
  const lastWeek = Math.max(HYPERCARE_WEEKS, ...(data?.weeks ?? []).map((w) => w.week));
  const today = options.today && DAY.test(options.today) ? options.today : null;
  const weeks: HypercareWeekResult[] = [];
  for (let week = 1; week <= lastWeek; week++) {
    const start = startDate ? addDays(startDate, 7 * (week - 1)) : null;
    const end = start ? addDays(start, 6) : null;
    let state: HypercareWeekState = 'unknown';
    if (start && end && today) {
      state = today < start ? 'upcoming' : today <= end ? 'current' : 'done';
    }
    const counts = byWeek.get(week) ?? null;
    weeks.push({
      week,
      start,
      end,
      state,
      counts,
      completionRate: state === 'upcoming' ? null : hypercareValue('Completion_Rate', counts),
      flags: []
    });
  }
  const flags: HypercareFlag[] = thresholds
    .filter((t) => t.period === 'Hypercare Week')
    .map((t) => {
      const weekNumber = isNumber(t.hypercareWeek) ? Math.trunc(t.hypercareWeek) : 0;
      const weekResult = weeks.find((w) => w.week === weekNumber) ?? null;
      const flag: HypercareFlag = {
        threshold: t,
        week: weekNumber,
        evaluated: false,
        value: null,
        up: false,
        extension: t.developerName === HYPERCARE_EXTENSION,
        // Stryker disable next-line StringLiteral: every branch below sets the message
        message: ''
      };
      const label = METRICS[t.metric]?.label ?? t.metric;
      if (!t.active) {
        flag.message = `${t.developerName}: inactive`;
      } else if (!weekResult) {
        flag.message = `${t.developerName}: no hypercare week ${t.hypercareWeek ?? ''}`.trim();
      } else if (!HYPERCARE_METRICS.includes(t.metric)) {
        flag.message = `${t.developerName}: unknown hypercare metric "${t.metric}"`;
      } else if (weekResult.state === 'upcoming') {
        flag.message = `Week ${weekNumber}: not started`;
      } else if (!weekResult.counts) {
        flag.message = `Week ${weekNumber}: no data`;
      } else {
        const value = hypercareValue(t.metric, weekResult.counts);
        const direction = t.comparator === 'Below' ? 'below' : 'above';
        flag.evaluated = true;
        flag.value = value;
        flag.up = breaches(value, t);
        flag.message =
          `Week ${weekNumber}: ${label} ${formatValue(value, t.unit)}` +
          (flag.up
            ? ` (${direction} ${formatValue(t.threshold, t.unit)})`
            : ` (flag when ${direction} ${formatValue(t.threshold, t.unit)})`);
      }
      weekResult?.flags.push(flag);
      return flag;
    })
    .sort(byWeekThenName);
  for (const week of weeks) {
    week.flags.sort((a, b) => byDeveloperName(a.threshold, b.threshold));
  }
  const up = flags.filter((f) => f.up);
  return { startDate, weeks, flags, up, extend: up.some((f) => f.extension) };
}

// ---------------------------------------------------------------------------------------------
// The dashboard's data (HandoffMetricsController.getDashboard returns it as a JSON string)
// ---------------------------------------------------------------------------------------------

/** One breakdown row (a segment, a Sales team or a CSM) over the window. */
export interface BreakdownRow extends CountFields {
  key: string;
  /** the CSM's User Id (CSM rows) */
  userId?: string | null;
}

/** The product's rollout mode (`Handoff_Setting__mdt.Default.Rollout_Mode__c`), in rollout order. */
export type RolloutMode = 'Installed' | 'Monitor' | 'Pilot' | 'Enforce';

/** The rollout modes in rollout order; Installed (the shipped default) first. */
export const ROLLOUT_MODES: readonly RolloutMode[] = ['Installed', 'Monitor', 'Pilot', 'Enforce'];

/** One side of the pilot comparison over the window. */
export interface RolloutGroup {
  handoffs: number;
  completeAtClose: number;
}

/** The rollout mode now, and what the rollout marked on the handoffs of the window. */
export interface RolloutData {
  mode: RolloutMode;
  /** closes Enforce would have blocked (`Handoff__c.Would_Have_Blocked__c`) */
  wouldHaveBlocked: number;
  /** the pilot's handoffs (`Handoff__c.Pilot__c`) */
  pilot: RolloutGroup;
  /** every other handoff of the window */
  rest: RolloutGroup;
}

/** What `HandoffMetricsController.getDashboard(segment, months)` returns. */
export interface Dashboard {
  /** `YYYY-MM`: the last month of the window */
  asOf: string;
  /** the months of the window, oldest first */
  periods: PeriodCounts[];
  breakdown: { segment: BreakdownRow[]; team: BreakdownRow[]; csm: BreakdownRow[] };
  thresholds: HealthThreshold[];
  hypercare: HypercareData;
  /** report DeveloperName → report Id */
  reportIds: Record<string, string>;
  rollout: RolloutData;
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asNumberOrNull = (value: unknown): number | null => (isNumber(value) ? value : null);
function asText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  return isNumber(value) ? String(value) : '';
}

function readCounts(raw: Json): CountFields {
  const counts: CountFields = {
    handoffs: asCount(raw.handoffs),
    completeAtClose: asCount(raw.completeAtClose),
    firstTouchCount: asCount(raw.firstTouchCount),
    firstTouchHoursSum: asCount(raw.firstTouchHoursSum),
    escalated: asCount(raw.escalated),
    exceptions: asCount(raw.exceptions),
    returned: asCount(raw.returned),
    repeatAsked: asCount(raw.repeatAsked)
  };
  if (isNumber(raw.firstTouchWithinSla)) {
    counts.firstTouchWithinSla = asCount(raw.firstTouchWithinSla);
  }
  if (raw.firstTouchMedianHours === null || isNumber(raw.firstTouchMedianHours)) {
    counts.firstTouchMedianHours = raw.firstTouchMedianHours;
  }
  if (isNumber(raw.openExceptions)) {
    counts.openExceptions = asCount(raw.openExceptions);
  }
  if (isNumber(raw.aeMinutesMeasured)) {
    counts.aeMinutesMeasured = asCount(raw.aeMinutesMeasured);
  }
  if (raw.aeMinutesMedian === null || isNumber(raw.aeMinutesMedian)) {
    counts.aeMinutesMedian = raw.aeMinutesMedian;
  }
  if (isNumber(raw.fieldsFilled)) {
    counts.fieldsFilled = asCount(raw.fieldsFilled);
    counts.fieldsPrefilled = Math.min(asCount(raw.fieldsPrefilled), counts.fieldsFilled);
  }
  return counts;
}

/** A mode as the product reads it (as Apex `HandoffRollout.normalise`): blank or unknown → Installed. */
export function rolloutMode(value: unknown): RolloutMode {
  if (typeof value !== 'string') {
    return 'Installed';
  }
  const text = value.trim().toLowerCase();
  return ROLLOUT_MODES.find((mode) => mode.toLowerCase() === text) ?? 'Installed';
}

/** The share of a group's handoffs complete at close, in percent; null without handoffs. */
export function completionRate(group: RolloutGroup): number | null {
  return share(group.completeAtClose, group.handoffs);
}

function readGroup(raw: Json): RolloutGroup {
  return { handoffs: asCount(raw.handoffs), completeAtClose: asCount(raw.completeAtClose) };
}

function readRollout(raw: Json): RolloutData {
  return {
    mode: rolloutMode(raw.mode),
    wouldHaveBlocked: asCount(raw.wouldHaveBlocked),
    pilot: readGroup(asObject(raw.pilot)),
    rest: readGroup(asObject(raw.rest))
  };
}

function readThreshold(raw: Json): HealthThreshold | null {
  const comparator = asText(raw.comparator);
  const threshold = asNumberOrNull(raw.threshold);
  if ((comparator !== 'Below' && comparator !== 'Above') || threshold === null) {
    return null;
  }
  const unit = asText(raw.unit);
  const period = asText(raw.period);
  return {
    developerName: asText(raw.developerName) || asText(raw.metric),
    metric: asText(raw.metric),
    comparator,
    threshold,
    target: asNumberOrNull(raw.target),
    unit: (['Hours', 'Minutes', 'Count', 'Score', 'Days'] as string[]).includes(unit)
      ? (unit as Unit)
      : 'Percent',
    consecutivePeriods: asNumberOrNull(raw.consecutivePeriods) ?? 1,
    period: period === 'Hypercare Week' ? 'Hypercare Week' : 'Month',
    hypercareWeek: asNumberOrNull(raw.hypercareWeek),
    action: typeof raw.action === 'string' ? raw.action : null,
    active: raw.active !== false
  };
}

function readRows(value: unknown): BreakdownRow[] {
  return asArray(value)
    .map(asObject)
    .map((raw) => {
      const row: BreakdownRow = { key: asText(raw.key), ...readCounts(raw) };
      if (typeof raw.userId === 'string' && raw.userId) {
        row.userId = raw.userId;
      }
      return row;
    });
}

/**
 * Reads the dashboard JSON defensively: missing lists are empty, counts that are not
 * non-negative numbers are 0, thresholds without a comparator or threshold are dropped, months
 * are sorted oldest first (a later duplicate of a month replaces the earlier one), and a missing
 * or unknown rollout mode reads as Installed (the shipped default) with zero counts.
 * @throws SyntaxError when the text is not JSON
 */
export function parseDashboard(json: string | null | undefined): Dashboard {
  const raw = asObject(json ? (JSON.parse(json) as unknown) : {});
  const byPeriod = new Map<string, PeriodCounts>();
  for (const item of asArray(raw.periods).map(asObject)) {
    const period = asText(item.period);
    if (MONTH.test(period)) {
      byPeriod.set(period, { period, ...readCounts(item) });
    }
  }
  // Stryker disable next-line EqualityOperator: the months are Map keys, never equal, so `<=` sorts alike
  const periods = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  const asOfText = asText(raw.asOf);
  const asOf = MONTH.test(asOfText) ? asOfText : (periods[periods.length - 1]?.period ?? '');
  const breakdown = asObject(raw.breakdown);
  const hypercare = asObject(raw.hypercare);
  const startDate = asText(hypercare.startDate);
  const reportIds: Record<string, string> = {};
  for (const [name, id] of Object.entries(asObject(raw.reportIds))) {
    if (typeof id === 'string' && id) {
      reportIds[name] = id;
    }
  }
  return {
    asOf,
    periods,
    breakdown: {
      segment: readRows(breakdown.segment),
      team: readRows(breakdown.team),
      csm: readRows(breakdown.csm)
    },
    thresholds: asArray(raw.thresholds)
      .map((t) => readThreshold(asObject(t)))
      .filter((t): t is HealthThreshold => t !== null),
    hypercare: {
      startDate: DAY.test(startDate) ? startDate : null,
      weeks: asArray(hypercare.weeks)
        .map(asObject)
        .filter((w) => isNumber(w.week))
        .map((w) => ({
          week: Math.trunc(w.week as number),
          handoffs: asCount(w.handoffs),
          completeAtClose: asCount(w.completeAtClose),
          repeatAsked: asCount(w.repeatAsked),
          openExceptions: asCount(w.openExceptions)
        }))
        .sort((a, b) => a.week - b.week)
    },
    reportIds,
    rollout: readRollout(asObject(raw.rollout))
  };
}

// ---------------------------------------------------------------------------------------------
// The AE's time and field relevance (HandoffMetricsController.getAeTime and getFieldRelevance,
// live reads of the window's handoffs; docs/behaviour.md, "The AE's time in the metrics")
// ---------------------------------------------------------------------------------------------

/** One group of the AE-time read: a month (`YYYY-MM`), an AE (User Id), a segment or the total. */
export interface AeTimeGroup {
  key: string;
  label: string;
  handoffs: number;
  measured: number;
  medianMinutes: number | null;
  fieldsFilled: number;
  fieldsPrefilled: number;
}

/** What `HandoffMetricsController.getAeTime(segment, months)` returns. */
export interface AeTimeData {
  targetMinMinutes: number;
  targetMaxMinutes: number;
  total: AeTimeGroup;
  months: AeTimeGroup[];
  aes: AeTimeGroup[];
  segments: AeTimeGroup[];
  truncated: boolean;
}

/** One handoff field in one segment over the window. */
export interface FieldRelevanceRow {
  field: string;
  label: string;
  segment: string;
  handoffs: number;
  missingAtClose: number;
  wouldHaveBlocked: number;
  excepted: number;
  prefilled: number;
  itemsMissing: number;
  askedAgain: number;
}

/** What `HandoffMetricsController.getFieldRelevance(segment, months)` returns. */
export interface FieldRelevanceData {
  rows: FieldRelevanceRow[];
  truncated: boolean;
}

/** The most handoffs the live reads take into account (HandoffAeTimeMetrics.MAX_HANDOFFS). */
export const LIVE_READ_MAX_HANDOFFS = 10000;

/** The seed's target: 5 to 10 minutes per deal. */
export const AE_TARGET_MINUTES = { min: 5, max: 10 } as const;

function readAeGroup(raw: Json): AeTimeGroup {
  const filled = asCount(raw.fieldsFilled);
  const measured = asCount(raw.measured);
  return {
    key: asText(raw.key),
    label: asText(raw.label) || asText(raw.key),
    handoffs: asCount(raw.handoffs),
    measured,
    // a median needs a measured handoff behind it
    medianMinutes: measured > 0 && isNumber(raw.medianMinutes) ? raw.medianMinutes : null,
    fieldsFilled: filled,
    fieldsPrefilled: Math.min(asCount(raw.fieldsPrefilled), filled)
  };
}

/**
 * Reads the AE-time JSON defensively: missing lists are empty, counts that are not non-negative
 * numbers are 0, a median without a measured handoff is none, pre-filled never exceeds filled,
 * months keep only `YYYY-MM` keys (oldest first) and the target defaults to the seed's.
 * @throws SyntaxError when the text is not JSON
 */
export function parseAeTime(json: string | null | undefined): AeTimeData {
  const raw = asObject(json ? (JSON.parse(json) as unknown) : {});
  const groups = (value: unknown): AeTimeGroup[] => asArray(value).map(asObject).map(readAeGroup);
  const min = asNumberOrNull(raw.targetMinMinutes);
  const max = asNumberOrNull(raw.targetMaxMinutes);
  return {
    targetMinMinutes: min ?? AE_TARGET_MINUTES.min,
    targetMaxMinutes: max ?? AE_TARGET_MINUTES.max,
    total: readAeGroup(asObject(raw.total)),
    months: groups(raw.months)
      .filter((g) => MONTH.test(g.key))
      // Stryker disable next-line EqualityOperator: month keys of one read are distinct
      .sort((a, b) => (a.key < b.key ? -1 : 1)),
    aes: groups(raw.aes),
    segments: groups(raw.segments),
    truncated: raw.truncated === true
  };
}

/**
 * Reads the field relevance JSON defensively: rows without a field are dropped, counts that are
 * not non-negative numbers are 0, a blank label reads as the field's API name.
 * @throws SyntaxError when the text is not JSON
 */
export function parseFieldRelevance(json: string | null | undefined): FieldRelevanceData {
  const raw = asObject(json ? (JSON.parse(json) as unknown) : {});
  return {
    rows: asArray(raw.rows)
      .map(asObject)
      .filter((r) => asText(r.field) !== '')
      .map((r) => ({
        field: asText(r.field),
        label: asText(r.label) || asText(r.field),
        segment: asText(r.segment),
        handoffs: asCount(r.handoffs),
        missingAtClose: asCount(r.missingAtClose),
        wouldHaveBlocked: asCount(r.wouldHaveBlocked),
        excepted: asCount(r.excepted),
        prefilled: asCount(r.prefilled),
        itemsMissing: asCount(r.itemsMissing),
        askedAgain: asCount(r.askedAgain)
      })),
    truncated: raw.truncated === true
  };
}

/**
 * The months with the AE's time of the same months added (a month the AE-time read does not
 * have gets zero measured and no median), so that the tiles, the trend charts and the red flags
 * read the AE figures like any other count. Without AE-time data the months are returned as
 * they are.
 */
export function withAeTime(
  periods: readonly PeriodCounts[],
  aeTime: AeTimeData | null | undefined
): PeriodCounts[] {
  if (!aeTime) {
    return [...periods];
  }
  const byMonth = new Map(aeTime.months.map((g) => [g.key, g]));
  return periods.map((p) => {
    const group = byMonth.get(p.period);
    return {
      ...p,
      aeMinutesMeasured: group ? group.measured : 0,
      aeMinutesMedian: group ? group.medianMinutes : null,
      fieldsFilled: group ? group.fieldsFilled : 0,
      fieldsPrefilled: group ? group.fieldsPrefilled : 0
    };
  });
}

/** The share of fields pre-filled of a group, in percent; null when no field was filled. */
export function prefilledShare(
  group: Pick<AeTimeGroup, 'fieldsFilled' | 'fieldsPrefilled'>
): number | null {
  return share(group.fieldsPrefilled, group.fieldsFilled);
}

// ---------------------------------------------------------------------------------------------
// Handoff quality, time to first value and new people (issue 17; HandoffMetricsController
// .getQuality, getGoLive and getNewPeople, live reads of the window's handoffs; docs/metrics.md,
// "Handoff quality", "Time to first value", "New people")
// ---------------------------------------------------------------------------------------------

/** How many of the most often named fields (and skip reasons) a quality group lists. */
export const QUALITY_TOP = 5;

/** A score below this is a "below 3" rating. */
export const QUALITY_LOW_SCORE = 3;

/** The CSM names missing or wrong fields only for a score below this (the question is asked then). */
export const QUALITY_FIELDS_BELOW = 4;

/** One handoff's quality answer (Quality_Score__c, Quality_Skip_Reason__c, Quality_Gap_Fields__c). */
export interface QualityAnswer {
  score: number | null;
  skipReason: string | null;
  gapFields: string | null;
}

/** A name and how many handoffs named it. */
export interface NamedCount {
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  count: number;
}

/** The quality figures of a group of handoffs. */
export interface QualitySummary {
  handoffs: number;
  /** scored 1–5 */
  rated: number;
  scoreSum: number;
  /** scored 1 or 2 */
  below3: number;
  /** not scored, with a skip reason */
  skipped: number;
  /** Σ score ÷ rated; null without a rating */
  average: number | null;
  /** below3 ÷ rated in percent; null without a rating */
  below3Share: number | null;
  /** skip reasons, most often first (at most QUALITY_TOP) */
  skipReasons: NamedCount[];
  /** fields named missing or wrong on ratings below 4, most often first (at most QUALITY_TOP) */
  topFields: NamedCount[];
}

/** A score the product counts: a whole number from 1 to 5 (anything else is no answer). */
export function validScore(score: unknown): score is number {
  return isNumber(score) && Number.isInteger(score) && score >= 1 && score <= 5;
}

/**
 * Counts names case-insensitively (trimmed, blanks left out). Each name is shown in its smallest
 * spelling (by UTF-16 code units, as Apex String.compareTo) so the order of the handoffs never
 * changes the result; most often first, ties by the lower-cased name.
 */
class NameCounter {
  private readonly counts = new Map<string, NamedCount>();

  add(names: Iterable<string>): void {
    const seen = new Set<string>();
    for (const raw of names) {
      const name = raw.trim();
      const key = name.toLowerCase();
      if (!name || seen.has(key)) {
        continue;
      }
      seen.add(key);
      const found = this.counts.get(key);
      if (found) {
        found.count++;
        found.name = name < found.name ? name : found.name;
      } else {
        this.counts.set(key, { name, count: 1 });
      }
    }
  }

  top(limit: number): NamedCount[] {
    return [...this.counts.entries()]
      .sort(([keyA, a], [keyB, b]) => {
        if (a.count !== b.count) {
          return b.count - a.count;
        }
        return keyA < keyB ? -1 : 1;
      })
      .slice(0, limit)
      .map(([, v]) => ({ name: v.name, count: v.count }));
  }
}

/**
 * The quality figures of some handoffs (the Apex twin is HandoffQualityMetrics.summarize; the
 * vectors of kind `quality` hold both to the same answers). A handoff is rated when its score is
 * a whole number 1–5, skipped when it is not rated and has a skip reason; the fields named count
 * only on ratings below 4, once per handoff whatever their case.
 */
export function summarizeQuality(answers: readonly QualityAnswer[]): QualitySummary {
  const reasons = new NameCounter();
  const fields = new NameCounter();
  const summary: QualitySummary = {
    handoffs: answers.length,
    rated: 0,
    scoreSum: 0,
    below3: 0,
    skipped: 0,
    average: null,
    below3Share: null,
    skipReasons: [],
    topFields: []
  };
  for (const answer of answers) {
    if (validScore(answer.score)) {
      summary.rated++;
      summary.scoreSum += answer.score;
      summary.below3 += answer.score < QUALITY_LOW_SCORE ? 1 : 0;
      if (answer.score < QUALITY_FIELDS_BELOW && answer.gapFields) {
        fields.add(answer.gapFields.split(';'));
      }
    } else if (answer.skipReason && answer.skipReason.trim()) {
      summary.skipped++;
      reasons.add([answer.skipReason]);
    }
  }
  summary.average = summary.rated > 0 ? summary.scoreSum / summary.rated : null;
  summary.below3Share = share(summary.below3, summary.rated);
  summary.skipReasons = reasons.top(QUALITY_TOP);
  summary.topFields = fields.top(QUALITY_TOP);
  return summary;
}

/** One handoff's go-live figures (Days_To_Go_Live__c, Go_Live_Days_Vs_Target__c). */
export interface GoLiveRecord {
  daysToGoLive: number | null;
  daysVsTarget: number | null;
}

/** The time-to-first-value figures of a group of handoffs. */
export interface GoLiveSummary {
  handoffs: number;
  /** with a go-live date recorded */
  goLives: number;
  /** median days from close to go-live; null without a go-live */
  medianDays: number | null;
  /** go-lives with a target go-live */
  withTarget: number;
  /** of those, on or before the target */
  onTime: number;
  /** onTime ÷ withTarget in percent; null without a target */
  onTimeShare: number | null;
  /** go-lives after the target */
  late: number;
  /** median days after the target of the late ones; null when none was late */
  medianDaysLate: number | null;
}

/** The median of numbers: the middle one, or the mean of the two middle ones; null for none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter(isNumber).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return null;
  }
  return (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.floor(sorted.length / 2)]) / 2;
}

/**
 * The time-to-first-value figures of some handoffs (the Apex twin is
 * HandoffQualityMetrics.summarizeGoLive; vectors of kind `goLive`). A go-live counts when its
 * days from close are known; it is on time when it is on or before the target (days vs target
 * ≤ 0), late when after; a go-live without a target counts in neither.
 */
export function summarizeGoLive(records: readonly GoLiveRecord[]): GoLiveSummary {
  const days: number[] = [];
  const lateDays: number[] = [];
  let withTarget = 0;
  let onTime = 0;
  for (const r of records) {
    if (!isNumber(r.daysToGoLive)) {
      continue;
    }
    days.push(r.daysToGoLive);
    if (isNumber(r.daysVsTarget)) {
      withTarget++;
      if (r.daysVsTarget <= 0) {
        onTime++;
      } else {
        lateDays.push(r.daysVsTarget);
      }
    }
  }
  return {
    handoffs: records.length,
    goLives: days.length,
    medianDays: median(days),
    withTarget,
    onTime,
    onTimeShare: share(onTime, withTarget),
    late: lateDays.length,
    medianDaysLate: median(lateDays)
  };
}

/** One group of the quality read: a month (`YYYY-MM`), an AE (User Id), a segment or the total. */
export interface QualityGroup extends QualitySummary {
  key: string;
  label: string;
}

/** What `HandoffMetricsController.getQuality(segment, months)` returns. */
export interface QualityData {
  total: QualityGroup;
  months: QualityGroup[];
  aes: QualityGroup[];
  segments: QualityGroup[];
  truncated: boolean;
}

/** One group of the go-live read: a month (`YYYY-MM`), a segment or the total. */
export interface GoLiveGroup extends GoLiveSummary {
  key: string;
  label: string;
}

/** What `HandoffMetricsController.getGoLive(segment, months)` returns. */
export interface GoLiveData {
  total: GoLiveGroup;
  months: GoLiveGroup[];
  segments: GoLiveGroup[];
  truncated: boolean;
}

/** One person new to the process in the quarter (an AE or a CSM). */
export interface NewPerson {
  userId: string;
  // eslint-disable-next-line no-restricted-globals -- a member, not window.name (Babel scope misread)
  name: string;
  role: 'AE' | 'CSM';
  /** handoffs of the quarter on which the person was new to the process */
  handoffsAsNew: number;
  /** the person's handoffs so far (the highest handoff number seen) */
  handoffsSoFar: number;
  /** of the quarter's handoffs with the person, complete at close */
  completeAtClose: number;
  handoffs: number;
  rated: number;
  scoreSum: number;
}

/** What `HandoffMetricsController.getNewPeople(quarterStart)` returns. */
export interface NewPeopleData {
  /** `YYYY-MM-DD`: the first day of the quarter */
  quarterStart: string;
  people: NewPerson[];
  truncated: boolean;
}

function readNamedCounts(value: unknown): NamedCount[] {
  return asArray(value)
    .map(asObject)
    .filter((n) => asText(n.name) !== '')
    .map((n) => ({ name: asText(n.name), count: asCount(n.count) }));
}

function readQualityGroup(raw: Json): QualityGroup {
  const rated = asCount(raw.rated);
  const scoreSum = asCount(raw.scoreSum);
  const below3 = Math.min(asCount(raw.below3), rated);
  return {
    key: asText(raw.key),
    label: asText(raw.label) || asText(raw.key),
    handoffs: asCount(raw.handoffs),
    rated,
    scoreSum,
    below3,
    skipped: asCount(raw.skipped),
    // recomputed from the counts, never taken from the text
    average: rated > 0 ? scoreSum / rated : null,
    below3Share: share(below3, rated),
    skipReasons: readNamedCounts(raw.skipReasons),
    topFields: readNamedCounts(raw.topFields)
  };
}

function readGoLiveGroup(raw: Json): GoLiveGroup {
  const goLives = asCount(raw.goLives);
  const withTarget = Math.min(asCount(raw.withTarget), goLives);
  const onTime = Math.min(asCount(raw.onTime), withTarget);
  const late = Math.min(asCount(raw.late), withTarget - onTime);
  return {
    key: asText(raw.key),
    label: asText(raw.label) || asText(raw.key),
    handoffs: asCount(raw.handoffs),
    goLives,
    medianDays: goLives > 0 ? asNumberOrNull(raw.medianDays) : null,
    withTarget,
    onTime,
    onTimeShare: share(onTime, withTarget),
    late,
    medianDaysLate: late > 0 ? asNumberOrNull(raw.medianDaysLate) : null
  };
}

const byMonthKey = <T extends { key: string }>(groups: T[]): T[] =>
  groups
    .filter((g) => MONTH.test(g.key))
    // Stryker disable next-line EqualityOperator: month keys of one read are distinct
    .sort((a, b) => (a.key < b.key ? -1 : 1));

/**
 * Reads the quality JSON defensively: counts that are not non-negative numbers are 0, below 3
 * never exceeds rated, the average and share are recomputed from the counts, months keep only
 * `YYYY-MM` keys (oldest first).
 * @throws SyntaxError when the text is not JSON
 */
export function parseQuality(json: string | null | undefined): QualityData {
  const raw = asObject(json ? (JSON.parse(json) as unknown) : {});
  const groups = (value: unknown): QualityGroup[] =>
    asArray(value).map(asObject).map(readQualityGroup);
  return {
    total: readQualityGroup(asObject(raw.total)),
    months: byMonthKey(groups(raw.months)),
    aes: groups(raw.aes),
    segments: groups(raw.segments),
    truncated: raw.truncated === true
  };
}

/**
 * Reads the go-live JSON defensively, as parseQuality: on time and late never exceed the
 * go-lives with a target, a median needs a go-live (a late one) behind it.
 * @throws SyntaxError when the text is not JSON
 */
export function parseGoLive(json: string | null | undefined): GoLiveData {
  const raw = asObject(json ? (JSON.parse(json) as unknown) : {});
  const groups = (value: unknown): GoLiveGroup[] =>
    asArray(value).map(asObject).map(readGoLiveGroup);
  return {
    total: readGoLiveGroup(asObject(raw.total)),
    months: byMonthKey(groups(raw.months)),
    segments: groups(raw.segments),
    truncated: raw.truncated === true
  };
}

/**
 * Reads the new-people JSON defensively: people without a User Id are dropped, a role other than
 * CSM reads as AE, counts are non-negative and complete never exceeds handoffs.
 * @throws SyntaxError when the text is not JSON
 */
export function parseNewPeople(json: string | null | undefined): NewPeopleData {
  const raw = asObject(json ? (JSON.parse(json) as unknown) : {});
  const quarterStart = asText(raw.quarterStart);
  return {
    quarterStart: DAY.test(quarterStart) ? quarterStart : '',
    people: asArray(raw.people)
      .map(asObject)
      .filter((p) => asText(p.userId) !== '')
      .map((p) => {
        const handoffs = asCount(p.handoffs);
        const rated = asCount(p.rated);
        return {
          userId: asText(p.userId),
          name: asText(p.name) || asText(p.userId),
          role: p.role === 'CSM' ? ('CSM' as const) : ('AE' as const),
          handoffsAsNew: asCount(p.handoffsAsNew),
          handoffsSoFar: asCount(p.handoffsSoFar),
          completeAtClose: Math.min(asCount(p.completeAtClose), handoffs),
          handoffs,
          rated,
          scoreSum: rated > 0 ? asCount(p.scoreSum) : 0
        };
      }),
    truncated: raw.truncated === true
  };
}

/** A new person's average score, or null without a rating. */
export function averageScore(p: Pick<NewPerson, 'rated' | 'scoreSum'>): number | null {
  return p.rated > 0 ? p.scoreSum / p.rated : null;
}

/**
 * The months with the quality figures of the same months added (a month the quality read does
 * not have gets zero rated), so the quality tiles, trends and red flags read them like any
 * other count. Without quality data the months are returned as they are.
 */
export function withQuality(
  periods: readonly PeriodCounts[],
  quality: QualityData | null | undefined
): PeriodCounts[] {
  if (!quality) {
    return [...periods];
  }
  const byMonth = new Map(quality.months.map((g) => [g.key, g]));
  return periods.map((p) => {
    const group = byMonth.get(p.period);
    return {
      ...p,
      qualityRated: group ? group.rated : 0,
      qualityScoreSum: group ? group.scoreSum : 0,
      qualityBelow3: group ? group.below3 : 0
    };
  });
}

/**
 * The months with the go-live figures of the same months (by close month) added: a month the
 * go-live read does not have gets no go-live and no median.
 */
export function withGoLive(
  periods: readonly PeriodCounts[],
  goLive: GoLiveData | null | undefined
): PeriodCounts[] {
  if (!goLive) {
    return [...periods];
  }
  const byMonth = new Map(goLive.months.map((g) => [g.key, g]));
  return periods.map((p) => {
    const group = byMonth.get(p.period);
    return {
      ...p,
      goLiveCount: group ? group.goLives : 0,
      goLiveMedianDays: group ? group.medianDays : null
    };
  });
}
