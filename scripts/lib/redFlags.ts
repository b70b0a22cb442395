/**
 * The handoff red-flag rules (the seed's maintenance schedule) for the command-line health
 * check. There is one implementation: the LWC service module `c/handoffMetrics`, shared with
 * the metrics dashboard and, through its vectors, the Apex health check (issue 6). The scripts
 * import it here through a relative path, as they do the rule evaluator; the semantics are
 * documented there and in docs/audit.md ("Health check").
 */
export {
  DEFAULT_THRESHOLDS,
  METRICS,
  addMonths,
  breaches,
  emptyCounts,
  evaluateRedFlags,
  formatValue,
  median,
  metricValue,
  validScore,
  weightedMedian
} from '../../force-app/main/default/lwc/handoffMetrics/handoffMetrics.ts';
export type {
  Comparator,
  CountFields,
  FlagResult,
  HealthThreshold,
  MetricDefinition,
  PeriodCounts,
  PeriodKind,
  PeriodValue,
  RedFlagOptions,
  Unit
} from '../../force-app/main/default/lwc/handoffMetrics/handoffMetrics.ts';
