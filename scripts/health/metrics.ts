/**
 * Monthly handoff counts for the red-flag rules: from an org (aggregate SOQL on `Handoff__c`,
 * one query per measure, grouped by the calendar month of `Closed_At__c` in the user's time
 * zone; no rows are fetched) or from a CSV export of `Handoff__c`. Thresholds come from the
 * org's `Handoff_Health_Threshold__mdt` records, a JSON file, or the seed's defaults.
 */
import { readFileSync } from 'node:fs';
import type { Connection } from 'jsforce';
import { parseCsvFile } from '../lib/csv.ts';
import { parseDay, monthOfDay } from '../lib/dates.ts';
import {
  DEFAULT_THRESHOLDS,
  addMonths,
  emptyCounts,
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
  repeatAsks: 'Repeat_Ask_Count__c'
} as const;

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
      let c = byMonth.get(period);
      if (!c) {
        c = emptyCounts(period);
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
    },
    onIssue: (issue) => onIssue({ row: issue.line, message: issue.message })
  });
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

/** Monthly counts from the org for the months `from`..`to` (inclusive, `YYYY-MM`). */
export async function countsFromOrg(
  conn: Connection,
  from: string,
  to: string,
  alias: string
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
  return [...byMonth.values()].sort(byPeriod);
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
