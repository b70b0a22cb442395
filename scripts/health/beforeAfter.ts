/**
 * The health check's before/after section (issue 17): the pre-launch baseline (the audit's
 * baseline.json loaded as the Handoff_Metric_Snapshot__c row with Unique_Key__c `Baseline` by
 * `npm run baseline:load`) against the handoffs closed since launch, for the seed's 60–90-day
 * review ("Target: 20%+ improvement"). The same figures, launch and judgement as
 * HandoffBaselineComparison (docs/metrics.md, "Before and after launch"):
 * - launch: Handoff_Setting__mdt Default's Hypercare_Start_Date__c; handoffs count from that day
 *   in the running user's time zone (Apex: midnight of the day for the running user), Cancelled
 *   left out;
 * - completion at close: complete ÷ handoffs (higher is better);
 * - median hours to first touch (lower is better): the baseline's First_Touch_Median_Hours__c;
 * - median days to go-live (lower is better): the baseline's Details__c timeToFirstValue.medianDays;
 * - change in percent of before, signed so that positive is better (1 decimal, half up); met at
 *   +20% or more; no-data when either side is missing or before is 0.
 * Medians read only the lowest half plus one of the values (at most 20,000 values), as the Apex.
 */
import type { Connection } from 'jsforce';
import { SalesforceError } from '../lib/salesforce.ts';
import { restQuery, type SfRecord } from '../lib/soql.ts';

/** The seed's target: 20% or more better than before. */
export const TARGET_PERCENT = 20;
/** The most values a median reads (HandoffBaselineComparison.MEDIAN_MAX_VALUES). */
export const MEDIAN_MAX_VALUES = 20_000;
/** What to run when the org has no baseline. */
export const LOAD_HINT = 'npm run baseline:load -- --file <baseline.json>';

export type FigureKey = 'completion' | 'firstTouch' | 'goLive';
export type FigureStatus = 'met' | 'not-met' | 'no-data';

/** One figure before and after. */
export interface Figure {
  key: FigureKey;
  label: string;
  lowerIsBetter: boolean;
  /** before launch (null: the baseline has no such figure) */
  before: number | null;
  /** since launch (null: nothing measured yet) */
  after: number | null;
  /** how many handoffs the after figure counts */
  afterCount: number;
  /** change in percent of before, positive = better; null without both */
  changePercent: number | null;
  status: FigureStatus;
}

/** The section's content. */
export interface BeforeAfter {
  /** false when the product's objects are not in the org, or a read failed (see `note`) */
  available: boolean;
  hasBaseline: boolean;
  launchDate: string | null;
  baselineDeals: number | null;
  baselinePeriod: string | null;
  afterHandoffs: number;
  targetPercent: number;
  figures: Figure[];
  /** what is missing and what to do */
  notes: string[];
}

const LABELS: Record<FigureKey, string> = {
  completion: 'Completion at close',
  firstTouch: 'Median hours to first touch',
  goLive: 'Median days to go-live'
};

/** Rounds half up (away from zero for the halves) to `places` decimals, as Apex HALF_UP. */
export function roundHalfUp(value: number, places: number): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${places}`);
  return sign * Number(`${Math.round(shifted)}e-${places}`) || 0;
}

/** Sets the change and the status of a figure (HandoffBaselineComparison.judge). */
export function judge(figure: Figure): Figure {
  const { before, after } = figure;
  if (before === null || after === null || before === 0) {
    return { ...figure, changePercent: null, status: 'no-data' };
  }
  const change = figure.lowerIsBetter
    ? ((before - after) / before) * 100
    : ((after - before) / before) * 100;
  const changePercent = roundHalfUp(change, 1);
  return { ...figure, changePercent, status: changePercent >= TARGET_PERCENT ? 'met' : 'not-met' };
}

/** The median of n values from their lowest n / 2 + 1, ascending (2 decimals for a mean). */
export function medianOfLowest(lowest: number[], n: number): number {
  if (n % 2 === 1) {
    return lowest[(n - 1) / 2];
  }
  return roundHalfUp((lowest[n / 2 - 1] + lowest[n / 2]) / 2, 2);
}

function numberOrNull(v: unknown): number | null {
  if (v === null || v === undefined || v === '') {
    return null;
  }
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function ratio(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole === 0 ? null : roundHalfUp(part / whole, 4);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseDetails(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || text.trim() === '') {
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

async function firstRecord(
  conn: Connection,
  soql: string,
  alias: string
): Promise<SfRecord | null> {
  let found: SfRecord | null = null;
  await restQuery(
    conn,
    soql,
    (records) => {
      found = records[0] ?? null;
      return false;
    },
    { alias }
  );
  return found;
}

/** Reads the section from the org. Never throws for a missing object or field: it says so. */
export async function readBeforeAfter(conn: Connection, alias: string): Promise<BeforeAfter> {
  const result: BeforeAfter = {
    available: true,
    hasBaseline: false,
    launchDate: null,
    baselineDeals: null,
    baselinePeriod: null,
    afterHandoffs: 0,
    targetPercent: TARGET_PERCENT,
    figures: [],
    notes: []
  };
  try {
    const baseline = await firstRecord(
      conn,
      'SELECT Handoffs__c, Complete_At_Close__c, First_Touch_Median_Hours__c, Details__c ' +
        "FROM Handoff_Metric_Snapshot__c WHERE Unique_Key__c = 'Baseline' LIMIT 1",
      alias
    );
    const setting = await firstRecord(
      conn,
      "SELECT Hypercare_Start_Date__c FROM Handoff_Setting__mdt WHERE DeveloperName = 'Default' LIMIT 1",
      alias
    );
    const details = parseDetails(baseline?.Details__c);
    const dates = isObject(details.closeDates) ? details.closeDates : {};
    const ttfv = isObject(details.timeToFirstValue) ? details.timeToFirstValue : {};
    result.hasBaseline = baseline !== null;
    result.baselineDeals = numberOrNull(baseline?.Handoffs__c);
    result.baselinePeriod =
      typeof dates.from === 'string' && typeof dates.to === 'string'
        ? `${dates.from} to ${dates.to}`
        : null;
    const launch = setting?.Hypercare_Start_Date__c;
    result.launchDate =
      typeof launch === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(launch) ? launch : null;
    if (!result.hasBaseline) {
      result.notes.push(
        `No baseline loaded: load the audit's baseline.json once with ${LOAD_HINT}`
      );
    }
    if (result.launchDate === null) {
      result.notes.push(
        'No launch date: set Hypercare Start Date in the Handoff Setting Default record.'
      );
    }
    const since =
      result.launchDate === null
        ? null
        : `DAY_ONLY(convertTimezone(Closed_At__c)) >= ${result.launchDate} AND Status__c != 'Cancelled'`;
    const count = async (extra: string): Promise<number> => {
      if (since === null) {
        return 0;
      }
      const r = await firstRecord(
        conn,
        `SELECT COUNT(Id) n FROM Handoff__c WHERE ${since}${extra ? ` AND ${extra}` : ''}`,
        alias
      );
      return Number(r?.n ?? 0);
    };
    const medianOf = async (field: string): Promise<{ n: number; median: number | null }> => {
      const n = await count(`${field} != null`);
      if (n === 0 || n > MEDIAN_MAX_VALUES || since === null) {
        return { n, median: null };
      }
      const lowest: number[] = [];
      await restQuery(
        conn,
        `SELECT ${field} FROM Handoff__c WHERE ${since} AND ${field} != null ORDER BY ${field} ASC LIMIT ${Math.floor(n / 2) + 1}`,
        (records) => {
          for (const r of records) {
            lowest.push(Number(r[field]));
          }
        },
        { alias }
      );
      return { n, median: medianOfLowest(lowest, n) };
    };
    const handoffs = await count('');
    result.afterHandoffs = handoffs;
    const complete = await count('Complete_At_Close__c = true');
    const touch = await medianOf('Hours_To_First_Touch__c');
    const goLive = await medianOf('Days_To_Go_Live__c');
    const figure = (
      key: FigureKey,
      lowerIsBetter: boolean,
      before: number | null,
      after: number | null,
      afterCount: number
    ): Figure =>
      judge({
        key,
        label: LABELS[key],
        lowerIsBetter,
        before,
        after,
        afterCount,
        changePercent: null,
        status: 'no-data'
      });
    result.figures = [
      figure(
        'completion',
        false,
        ratio(numberOrNull(baseline?.Complete_At_Close__c), result.baselineDeals),
        since === null ? null : ratio(complete, handoffs),
        handoffs
      ),
      figure(
        'firstTouch',
        true,
        numberOrNull(baseline?.First_Touch_Median_Hours__c),
        touch.median,
        touch.n
      ),
      figure('goLive', true, numberOrNull(ttfv.medianDays), goLive.median, goLive.n)
    ];
    return result;
  } catch (e) {
    const missing =
      e instanceof SalesforceError && (e.code === 'INVALID_FIELD' || e.code === 'INVALID_TYPE');
    return {
      ...result,
      available: false,
      figures: [],
      notes: [
        missing
          ? `The org does not have the before/after fields yet (${(e as Error).message}): deploy the product, then ${LOAD_HINT}`
          : `Could not read the before/after figures: ${(e as Error).message}`
      ]
    };
  }
}

function shown(value: number | null, key: FigureKey): string {
  if (value === null) {
    return '–';
  }
  return key === 'completion' ? `${roundHalfUp(value * 100, 1).toFixed(1)}%` : value.toFixed(1);
}

/** The section as text lines for `npm run health`. */
export function formatBeforeAfter(section: BeforeAfter): string[] {
  const lines = [`Before and after launch (target: ${section.targetPercent}% better than before)`];
  if (!section.available || !section.hasBaseline) {
    return [...lines, ...section.notes];
  }
  lines.push(
    `Launch (hypercare start): ${section.launchDate ?? 'not set'}; baseline: ${
      section.baselineDeals ?? '?'
    } deals${section.baselinePeriod ? `, closed ${section.baselinePeriod}` : ''}; since launch: ${
      section.afterHandoffs
    } handoffs`
  );
  const header = ['Figure', 'Before', 'After', 'Change', 'Target'];
  const rows = section.figures.map((f) => [
    f.label,
    shown(f.before, f.key),
    shown(f.after, f.key),
    f.changePercent === null
      ? '–'
      : `${f.changePercent > 0 ? '+' : ''}${f.changePercent.toFixed(1)}%`,
    f.status === 'met' ? 'met' : f.status === 'not-met' ? 'not met' : 'no data'
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells
      .map((x, c) => x.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  lines.push(line(header), ...rows.map(line), ...section.notes);
  return lines;
}
