/**
 * The audit's figures saved as a baseline (`baseline.json`): what the handoff looked like
 * before the product, for the governance review 60–90 days after launch to compare against —
 * completion, each field's fill rate and the time to the first CSM touch. The schema is
 * documented in docs/audit.md ("The baseline"); a later step loads it into the org, so its
 * shape only ever grows (new keys), and `version` changes when a key changes meaning.
 */
import type { AuditReport } from './report.ts';

/** Where the baseline is written, in the output folder. */
export const BASELINE_FILE = 'baseline.json';

/** The schema name and version a reader checks. */
export const BASELINE_SCHEMA = 'handoff-audit-baseline';
export const BASELINE_VERSION = 1;

/** One handoff field's figures. */
export interface BaselineField {
  apiName: string;
  label: string;
  /** `captured`, `not-captured` (no source column), or `column-not-in-file` (mapping mismatch) */
  source: 'captured' | 'not-captured' | 'column-not-in-file';
  /** audited deals with a real value */
  filled: number;
  /** filled ÷ deals, 0–1, 4 decimals; null when no deal was audited */
  fillRate: number | null;
  /** audited deals holding a placeholder (counted as blank) */
  placeholders: number;
  /** deals whose rule set and segment ask for the field, and how many of those have it */
  askedOn: number;
  filledWhereAsked: number;
  /** deals on which it is required, and how many of those lack it */
  requiredOn: number;
  requiredMissing: number;
}

/** The baseline file's content. */
export interface Baseline {
  schema: typeof BASELINE_SCHEMA;
  version: typeof BASELINE_VERSION;
  /** ISO 8601 UTC */
  generatedAt: string;
  source: string;
  scope: string;
  rules: string;
  /** the close dates of the audited deals, YYYY-MM-DD; null when none was audited */
  closeDates: { from: string; to: string } | null;
  deals: number;
  completion: {
    /** deals with every required field filled (the seed's handoff completion) */
    complete: number;
    /** complete ÷ deals, 0–1, 4 decimals */
    completeRate: number | null;
    /** weighted completeness, percent (integers) */
    averageCompleteness: number | null;
    medianCompleteness: number | null;
  };
  fields: BaselineField[];
  /**
   * Days (close dates carry no time) from close to the first CSM activity; null without
   * activity data.
   */
  firstTouch: {
    dealsLookedUp: number;
    withActivity: number;
    noneFound: number;
    medianDays: number | null;
    p90Days: number | null;
    within2Days: number;
    /** within2Days ÷ withActivity, 0–1, 4 decimals */
    within2DaysRate: number | null;
    horizonDays: number;
  } | null;
  segments: Array<{
    segment: string;
    deals: number;
    complete: number;
    averageCompleteness: number | null;
  }>;
  /**
   * Days from close to the customer's go-live (first value), from the optional `deal.goLiveDate`
   * column; absent when the mapping has none. `deals` = deals with a go-live not before the
   * close; the medians are null when there is none.
   */
  timeToFirstValue?: { deals: number; medianDays: number | null; p90Days: number | null };
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** The baseline of a report. */
export function buildBaseline(r: AuditReport): Baseline {
  const [from, to] = r.closeRange ? r.closeRange.split(' to ') : [];
  const all = r.touch?.rows[0];
  return {
    schema: BASELINE_SCHEMA,
    version: BASELINE_VERSION,
    generatedAt: r.meta.generatedIso ?? r.meta.generatedAt,
    source: r.meta.source,
    scope: r.meta.segment ? `${r.meta.scope}; segment ${r.meta.segment}` : r.meta.scope,
    rules: r.meta.rules,
    closeDates: from && to ? { from, to } : null,
    deals: r.audited,
    completion: {
      complete: r.complete,
      completeRate: rate(r.complete, r.audited),
      averageCompleteness: r.averageCompleteness,
      medianCompleteness: r.medianCompleteness
    },
    fields: r.fields.map((f) => ({
      apiName: f.apiName,
      label: f.label,
      source:
        f.verdict === 'Not captured'
          ? 'not-captured'
          : f.verdict === 'Column not in file'
            ? 'column-not-in-file'
            : 'captured',
      filled: f.filled,
      fillRate: rate(f.filled, r.audited),
      placeholders: f.placeholders,
      askedOn: f.applicable,
      filledWhereAsked: f.filledWhereApplicable,
      requiredOn: f.required,
      requiredMissing: f.requiredMissing
    })),
    firstTouch:
      r.touch && all
        ? {
            dealsLookedUp: all.looked,
            withActivity: all.withActivity,
            noneFound: all.none,
            medianDays: all.medianDays,
            p90Days: all.p90Days,
            within2Days: all.within2Days,
            within2DaysRate: rate(all.within2Days, all.withActivity),
            horizonDays: r.touch.horizonDays
          }
        : null,
    segments: r.segments.map((g) => ({
      segment: g.name,
      deals: g.deals,
      complete: g.complete,
      averageCompleteness: g.deals === 0 ? null : Math.round(g.completenessSum / g.deals)
    })),
    ...(r.timeToFirstValue ? { timeToFirstValue: { ...r.timeToFirstValue } } : {})
  };
}
