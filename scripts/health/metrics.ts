/**
 * Monthly handoff counts for the red-flag rules: from an org (aggregate SOQL on `Handoff__c`,
 * one query per measure, grouped by the calendar month of `Closed_At__c` in the user's time
 * zone; no rows are fetched) or from a CSV export of `Handoff__c`. Thresholds come from the
 * org's `Handoff_Health_Threshold__mdt` records, a JSON file, or the seed's defaults.
 *
 * Issue 17's measures come the same way (docs/metrics.md, "Handoff quality", "Time to first
 * value"): the quality score's count, sum and ratings below 3 (scores 1–5 only), and the median
 * days from close to go-live by month of close. An org without those fields (the product
 * deployed before them) or a CSV without their columns leaves the measures without a value: their
 * rules then say "no data", nothing else changes.
 */
import { readFileSync } from 'node:fs';
import type { Connection } from 'jsforce';
import { parseCsvFile } from '../lib/csv.ts';
import { parseDay, monthOfDay } from '../lib/dates.ts';
import {
  DEFAULT_THRESHOLDS,
  addMonths,
  emptyCounts,
  median,
  validScore,
  weightedMedian,
  type Comparator,
  type HealthThreshold,
  type PeriodCounts,
  type PeriodKind,
  type Unit
} from '../lib/redFlags.ts';
import { SalesforceError, withRetry } from '../lib/salesforce.ts';
import { restQuery, type SfRecord } from '../lib/soql.ts';

/** A problem in the handoffs CSV. */
export interface HealthIssue {
  row: number;
  message: string;
}

const TRUE = new Set(['true', '1', 'yes', 'y', 'x']);

/** The CSV columns read (an export of Handoff__c). */
export const HANDOFF_COLUMNS = {
  closedAt: 'Closed_At__c',
  status: 'Status__c',
  complete: 'Complete_At_Close__c',
  hours: 'Hours_To_First_Touch__c',
  escalations: 'Escalation_Count__c',
  exception: 'Exception_Used__c',
  returns: 'Return_Count__c',
  repeatAsks: 'Repeat_Ask_Count__c',
  qualityScore: 'Quality_Score__c',
  daysToGoLive: 'Days_To_Go_Live__c'
} as const;

/** Quality scores below this count as "below 3" (c/handoffMetrics QUALITY_LOW_SCORE). */
const LOW_SCORE = 3;

/** Oldest month first. */
function byPeriod(a: PeriodCounts, b: PeriodCounts): number {
  // Stryker disable next-line EqualityOperator: the months are Map keys, never equal, so `<=` sorts alike (the tests kill `>=`, which the directive cannot single out)
  return a.period < b.period ? -1 : 1;
}

/** Monthly counts from a CSV export of Handoff__c; cancelled handoffs are left out. */
export async function countsFromCsv(
  file: string,
  onIssue: (issue: HealthIssue) => void
): Promise<{ periods: PeriodCounts[]; rows: number; used: number }> {
  const byMonth = new Map<string, PeriodCounts>();
  const goLiveDays = new Map<string, number[]>();
  let index: Record<keyof typeof HANDOFF_COLUMNS, number> | null = null;
  let rows = 0;
  let used = 0;
  const num = (text: string): number | null => {
    const t = text.trim();
    if (t === '') {
      return null;
    }
    const n = Number(t);
    return Number.isFinite(n) ? n : NaN;
  };
  await parseCsvFile(file, {
    header: true,
    onRecord: (fields, line) => {
      if (index === null) {
        const keys = fields.map((f) => f.trim().toLowerCase());
        const found = {} as Record<keyof typeof HANDOFF_COLUMNS, number>;
        for (const [key, column] of Object.entries(HANDOFF_COLUMNS)) {
          found[key as keyof typeof HANDOFF_COLUMNS] = keys.indexOf(column.toLowerCase());
        }
        if (found.closedAt === -1) {
          throw new SalesforceError('BAD_CSV', `${file} has no ${HANDOFF_COLUMNS.closedAt} column`);
        }
        index = found;
        return;
      }
      rows++;
      const get = (k: keyof typeof HANDOFF_COLUMNS): string => {
        const i = (index as Record<keyof typeof HANDOFF_COLUMNS, number>)[k];
        return i === -1 ? '' : fields[i];
      };
      if (get('status').trim().toLowerCase() === 'cancelled') {
        return;
      }
      const day = parseDay(get('closedAt'));
      if (Number.isNaN(day)) {
        onIssue({
          row: line,
          message: `${HANDOFF_COLUMNS.closedAt} "${get('closedAt')}" is not a date; skipped`
        });
        return;
      }
      const period = monthOfDay(day);
      const columns = index as Record<keyof typeof HANDOFF_COLUMNS, number>;
      let c = byMonth.get(period);
      if (!c) {
        c = emptyCounts(period);
        // a column in the file gives its measure a value in every month (0, or no median)
        if (columns.qualityScore !== -1) {
          c.qualityRated = 0;
          c.qualityScoreSum = 0;
          c.qualityBelow3 = 0;
        }
        if (columns.daysToGoLive !== -1) {
          c.goLiveCount = 0;
          c.goLiveMedianDays = null;
          goLiveDays.set(period, []);
        }
        byMonth.set(period, c);
      }
      used++;
      c.handoffs++;
      if (TRUE.has(get('complete').trim().toLowerCase())) {
        c.completeAtClose++;
      }
      if (TRUE.has(get('exception').trim().toLowerCase())) {
        c.exceptions++;
      }
      const hours = num(get('hours'));
      if (hours !== null) {
        if (Number.isNaN(hours) || hours < 0) {
          onIssue({
            row: line,
            message: `${HANDOFF_COLUMNS.hours} "${get('hours')}" is not a number of hours; left out`
          });
        } else {
          c.firstTouchCount++;
          c.firstTouchHoursSum += hours;
        }
      }
      for (const [key, field] of [
        ['escalations', 'escalated'],
        ['returns', 'returned'],
        ['repeatAsks', 'repeatAsked']
      ] as const) {
        const n = num(get(key));
        if (Number.isNaN(n)) {
          onIssue({
            row: line,
            message: `${HANDOFF_COLUMNS[key]} "${get(key)}" is not a number; read as 0`
          });
        } else if (n !== null && n > 0) {
          c[field]++;
        }
      }
      const score = num(get('qualityScore'));
      if (score !== null) {
        if (validScore(score)) {
          c.qualityRated = (c.qualityRated ?? 0) + 1;
          c.qualityScoreSum = (c.qualityScoreSum ?? 0) + score;
          c.qualityBelow3 = (c.qualityBelow3 ?? 0) + (score < LOW_SCORE ? 1 : 0);
        } else {
          onIssue({
            row: line,
            message: `${HANDOFF_COLUMNS.qualityScore} "${get('qualityScore')}" is not a score from 1 to 5; left out`
          });
        }
      }
      const days = num(get('daysToGoLive'));
      if (Number.isNaN(days)) {
        onIssue({
          row: line,
          message: `${HANDOFF_COLUMNS.daysToGoLive} "${get('daysToGoLive')}" is not a number of days; left out`
        });
      } else if (days !== null) {
        goLiveDays.get(period)?.push(days);
      }
    },
    onIssue: (issue) => onIssue({ row: issue.line, message: issue.message })
  });
  for (const [period, days] of goLiveDays) {
    const c = byMonth.get(period) as PeriodCounts;
    c.goLiveCount = days.length;
    c.goLiveMedianDays = median(days);
  }
  return {
    periods: [...byMonth.values()].sort(byPeriod),
    rows,
    used
  };
}

/** The months' grouping expression (the user's time zone, as reports show it). */
const YEAR = 'CALENDAR_YEAR(convertTimezone(Closed_At__c))';
const MONTH_OF = 'CALENDAR_MONTH(convertTimezone(Closed_At__c))';

/** The aggregate queries, one per measure: [field of PeriodCounts, extra filter]. */
export const AGGREGATES: ReadonlyArray<[keyof PeriodCounts, string]> = [
  ['handoffs', ''],
  ['completeAtClose', 'AND Complete_At_Close__c = true'],
  ['escalated', 'AND Escalation_Count__c > 0'],
  ['exceptions', 'AND Exception_Used__c = true'],
  ['returned', 'AND Return_Count__c > 0'],
  ['repeatAsked', 'AND Repeat_Ask_Count__c > 0']
];

/** A score the product counts (Quality_Score__c is Number(1,0): whole numbers). */
const RATED = 'Quality_Score__c >= 1 AND Quality_Score__c <= 5';

/**
 * The most groups one aggregate answer holds: Salesforce answers an aggregate query in one batch
 * (no queryMore), so the go-live read asks for at most this many and, when it gets them all,
 * leaves the median without a value rather than judge part of the window.
 */
export const MAX_GO_LIVE_GROUPS = 2000;

/** Monthly counts from the org for the months `from`..`to` (inclusive, `YYYY-MM`). */
export async function countsFromOrg(
  conn: Connection,
  from: string,
  to: string,
  alias: string,
  onNote: (text: string) => void = () => undefined
): Promise<PeriodCounts[]> {
  const start = `${from}-01T00:00:00Z`;
  const end = `${addMonths(to, 1)}-01T00:00:00Z`;
  // A day of margin each side: the months are cut in the user's time zone below.
  const where = `WHERE Closed_At__c >= ${shiftIso(start, -1)} AND Closed_At__c < ${shiftIso(end, 1)} AND Status__c != 'Cancelled'`;
  const group = `GROUP BY ${YEAR}, ${MONTH_OF}`;
  const byMonth = new Map<string, PeriodCounts>();
  const counts = (y: unknown, m: unknown): PeriodCounts | null => {
    const period = `${String(y)}-${String(m).padStart(2, '0')}`;
    if (period < from || period > to) {
      return null;
    }
    let c = byMonth.get(period);
    if (!c) {
      c = emptyCounts(period);
      byMonth.set(period, c);
    }
    return c;
  };
  for (const [field, filter] of AGGREGATES) {
    const soql =
      `SELECT ${YEAR} y, ${MONTH_OF} m, COUNT(Id) n FROM Handoff__c ${where} ${filter} ${group}`.replace(
        /\s+/g,
        ' '
      );
    await restQuery(
      conn,
      soql,
      (records: SfRecord[]) => {
        for (const r of records) {
          const c = counts(r.y, r.m);
          if (c) {
            (c[field] as number) = Number(r.n);
          }
        }
      },
      { alias }
    );
  }
  const touchSoql =
    `SELECT ${YEAR} y, ${MONTH_OF} m, COUNT(Hours_To_First_Touch__c) c, SUM(Hours_To_First_Touch__c) s ` +
    `FROM Handoff__c ${where} AND Hours_To_First_Touch__c != null ${group}`;
  await restQuery(
    conn,
    touchSoql,
    (records) => {
      for (const r of records) {
        const c = counts(r.y, r.m);
        if (c) {
          c.firstTouchCount = Number(r.c);
          c.firstTouchHoursSum = Number(r.s);
        }
      }
    },
    { alias }
  );
  await outcomesFromOrg(conn, { where, group, counts, byMonth }, alias, onNote);
  return [...byMonth.values()].sort(byPeriod);
}

interface OrgWindow {
  where: string;
  group: string;
  counts: (y: unknown, m: unknown) => PeriodCounts | null;
  byMonth: Map<string, PeriodCounts>;
}

/**
 * Issue 17's measures from the org: the quality score's count and sum (scores 1–5), the ratings
 * below 3, and the days from close to go-live. Days_To_Go_Live__c is a formula (go-live date
 * minus the close day: Close_Date__c, or the GMT date of Closed_At__c when that is blank), which
 * an aggregate cannot group by: the read groups by Close_Date__c, the close's GMT day and the
 * go-live date, and the days of each group are the go-live date minus {@link closeDayOf}, counted
 * as many times as the group holds handoffs. An org without the fields keeps the measures
 * without a value and says so.
 */
async function outcomesFromOrg(
  conn: Connection,
  window: OrgWindow,
  alias: string,
  onNote: (text: string) => void
): Promise<void> {
  const { where, group, counts, byMonth } = window;
  const select = `SELECT ${YEAR} y, ${MONTH_OF} m,`;
  // the months with handoffs (quality and go-lives are always on some): each gets the measures
  const months = (): PeriodCounts[] => [...byMonth.values()];
  const missingField = (e: unknown): boolean =>
    e instanceof SalesforceError && (e.code === 'INVALID_FIELD' || e.code === 'INVALID_TYPE');
  try {
    const rated = new Map<string, { n: number; s: number }>();
    const below = new Map<string, number>();
    await restQuery(
      conn,
      `${select} COUNT(Quality_Score__c) c, SUM(Quality_Score__c) s FROM Handoff__c ${where} AND ${RATED} ${group}`,
      (records) => {
        for (const r of records) {
          const c = counts(r.y, r.m);
          if (c) {
            rated.set(c.period, { n: Number(r.c), s: Number(r.s) });
          }
        }
      },
      { alias }
    );
    await restQuery(
      conn,
      `${select} COUNT(Id) n FROM Handoff__c ${where} AND Quality_Score__c >= 1 AND Quality_Score__c < ${LOW_SCORE} ${group}`,
      (records) => {
        for (const r of records) {
          const c = counts(r.y, r.m);
          if (c) {
            below.set(c.period, Number(r.n));
          }
        }
      },
      { alias }
    );
    for (const c of months()) {
      c.qualityRated = rated.get(c.period)?.n ?? 0;
      c.qualityScoreSum = rated.get(c.period)?.s ?? 0;
      c.qualityBelow3 = below.get(c.period) ?? 0;
    }
  } catch (e) {
    if (!missingField(e)) {
      throw e;
    }
    onNote(
      `The org has no Quality_Score__c on Handoff__c (${(e as Error).message}): the quality rules have no data.\n`
    );
  }
  try {
    const days = new Map<string, Map<number, number>>();
    let groups = 0;
    await restQuery(
      conn,
      `${select} Close_Date__c k, DAY_ONLY(Closed_At__c) d, Go_Live_Date__c g, COUNT(Id) n FROM Handoff__c ${where} ` +
        `AND Go_Live_Date__c != null ${group}, Close_Date__c, DAY_ONLY(Closed_At__c), Go_Live_Date__c LIMIT ${MAX_GO_LIVE_GROUPS}`,
      (records) => {
        for (const r of records) {
          groups++;
          const c = counts(r.y, r.m);
          const closeDay = closeDayOf(r.k, r.d);
          const goLiveDay = parseDay(String(r.g));
          if (c && !Number.isNaN(closeDay) && !Number.isNaN(goLiveDay)) {
            const month = days.get(c.period) ?? new Map<number, number>();
            const value = goLiveDay - closeDay;
            month.set(value, (month.get(value) ?? 0) + Number(r.n));
            days.set(c.period, month);
          }
        }
      },
      { alias }
    );
    if (groups >= MAX_GO_LIVE_GROUPS) {
      onNote(
        `More than ${MAX_GO_LIVE_GROUPS} close and go-live day pairs in the window: the days to go-live rule has no data (use a shorter --months).\n`
      );
      return;
    }
    for (const c of months()) {
      const weighted = [...(days.get(c.period) ?? new Map<number, number>())].map(
        ([value, weight]) => ({ value, weight })
      );
      c.goLiveCount = weighted.reduce((sum, w) => sum + w.weight, 0);
      c.goLiveMedianDays = weightedMedian(weighted);
    }
  } catch (e) {
    if (!missingField(e)) {
      throw e;
    }
    onNote(
      `The org has no Go_Live_Date__c or Close_Date__c on Handoff__c (${(e as Error).message}): the days to go-live rule has no data.\n`
    );
  }
}

/**
 * The close day the go-live formula counts from, as a day number (NaN when neither reads):
 * BLANKVALUE(Close_Date__c, DATEVALUE(Closed_At__c)) — the day stamped at close, else the GMT
 * day of the close (handoffs closed before Close_Date__c existed).
 */
export function closeDayOf(closeDate: unknown, gmtDay: unknown): number {
  const stamped =
    closeDate === null || closeDate === undefined || closeDate === ''
      ? NaN
      : parseDay(String(closeDate));
  return Number.isNaN(stamped) ? parseDay(String(gmtDay)) : stamped;
}

function shiftIso(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().replace('.000Z', 'Z');
}

function asThreshold(r: Record<string, unknown>, where: string): HealthThreshold {
  const num = (v: unknown): number | null =>
    v === null || v === undefined || v === '' ? null : Number(v);
  const threshold = num(r.Threshold__c ?? r.threshold);
  if (threshold === null || Number.isNaN(threshold)) {
    throw new Error(`${where}: a threshold needs a numeric Threshold__c`);
  }
  const comparator = String(r.Comparator__c ?? r.comparator);
  if (comparator !== 'Below' && comparator !== 'Above') {
    throw new Error(`${where}: Comparator__c must be Below or Above`);
  }
  const metric = String(r.Metric__c ?? r.metric ?? '');
  if (metric === '') {
    throw new Error(`${where}: a threshold needs a Metric__c`);
  }
  return {
    developerName: String(r.DeveloperName ?? r.developerName ?? metric),
    metric,
    comparator: comparator as Comparator,
    threshold,
    target: num(r.Target__c ?? r.target),
    unit: String(r.Unit__c ?? r.unit ?? 'Percent') as Unit,
    consecutivePeriods: num(r.Consecutive_Periods__c ?? r.consecutivePeriods) ?? 1,
    period: String(r.Period__c ?? r.period ?? 'Month') as PeriodKind,
    hypercareWeek: num(r.Hypercare_Week__c ?? r.hypercareWeek),
    action: (r.Action__c ?? r.action ?? null) as string | null,
    active: (r.Active__c ?? r.active) !== false
  };
}

/** Thresholds from a JSON file: a list in the evaluator's shape or with the metadata field names. */
export function thresholdsFromFile(file: string): HealthThreshold[] {
  const text = readFileSync(file, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not a JSON file: ${(e as Error).message}`);
  }
  const list = Array.isArray(json) ? json : (json as { thresholds?: unknown } | null)?.thresholds;
  if (!Array.isArray(list)) {
    throw new Error(`${file}: expected a list of thresholds (or {"thresholds": [...]})`);
  }
  return list.map((r, i) => asThreshold(r as Record<string, unknown>, `${file}[${i}]`));
}

/**
 * The org's `Handoff_Health_Threshold__mdt` records, or the defaults when the type does not
 * exist there (the product not deployed yet) or holds no record.
 */
export async function thresholdsFromOrg(
  conn: Connection,
  alias: string
): Promise<{ thresholds: HealthThreshold[]; source: string }> {
  try {
    const result = (await withRetry(
      async () =>
        conn.query(
          'SELECT DeveloperName, Metric__c, Comparator__c, Threshold__c, Target__c, Unit__c, ' +
            'Consecutive_Periods__c, Period__c, Hypercare_Week__c, Action__c, Active__c ' +
            'FROM Handoff_Health_Threshold__mdt ORDER BY DeveloperName'
        ),
      { what: 'reading Handoff_Health_Threshold__mdt', alias }
    )) as unknown as { records: Array<Record<string, unknown>> };
    if (result.records.length === 0) {
      return {
        thresholds: [...DEFAULT_THRESHOLDS],
        source: 'defaults (the org has no threshold records)'
      };
    }
    return {
      thresholds: result.records.map((r, i) =>
        asThreshold(r, `Handoff_Health_Threshold__mdt[${i}]`)
      ),
      source: 'Handoff_Health_Threshold__mdt in the org'
    };
  } catch (e) {
    if (e instanceof SalesforceError && e.code === 'INVALID_TYPE') {
      return {
        thresholds: [...DEFAULT_THRESHOLDS],
        source: 'defaults (Handoff_Health_Threshold__mdt not deployed)'
      };
    }
    throw e;
  }
}
