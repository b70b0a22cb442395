/**
 * `npm run baseline:load`: loads the audit's pre-launch baseline (baseline.json, docs/audit.md
 * "The baseline") into the org once, as the Handoff_Metric_Snapshot__c row with Period_Type__c
 * `Baseline` and Unique_Key__c `Baseline`, for the before/after comparison of the seed's
 * 60–90-day review (HandoffBaselineComparison, c/handoffBeforeAfter, the 90-day check-in).
 *
 * The counts go onto the snapshot's fields (Handoffs__c = deals, Complete_At_Close__c = complete,
 * First_Touch_Count__c = withActivity, First_Touch_Median_Hours__c = medianDays × 24,
 * First_Touch_Within_SLA__c = within2Days) and the whole file into Details__c. A second load is
 * refused unless --replace is given; the refusal says when the first was loaded.
 *
 *   npm run baseline:load -- --file audit-out/baseline.json [--target-org my-org] [--replace]
 */
import { readFileSync } from 'node:fs';
import { BASELINE_SCHEMA, BASELINE_VERSION } from '../audit/baseline.ts';

/** Unique_Key__c and Period_Type__c of the baseline row. */
export const BASELINE_KEY = 'Baseline';
/** Details__c's length (LongTextArea(131072)). */
export const DETAILS_MAX = 131_072;

/** What the loader needs of a connection (jsforce's Connection has it). */
export interface BaselineConnection {
  query<T>(soql: string): Promise<{ records: T[] }>;
  sobject(type: string): {
    upsert(
      record: Record<string, unknown>,
      extIdField: string
    ): Promise<{ success: boolean; id?: string; errors?: unknown[] }>;
  };
}

/** The row written. */
export interface BaselineRow {
  Unique_Key__c: string;
  Period_Type__c: string;
  Period_Start__c: string;
  Handoffs__c: number;
  Complete_At_Close__c: number;
  First_Touch_Count__c: number | null;
  First_Touch_Median_Hours__c: number | null;
  First_Touch_Within_SLA__c: number | null;
  Computed_At__c: string;
  Details__c: string;
}

/** A problem with the file, naming the key. */
export class BaselineFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineFileError';
  }
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function count(file: string, obj: Json, key: string, path: string): number {
  const v = obj[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new BaselineFileError(
      `${file}: "${path}" must be a whole number of 0 or more (got ${shown(v)})`
    );
  }
  return v;
}

function numberOrNull(file: string, obj: Json, key: string, path: string): number | null {
  const v = obj[key];
  if (v === null) {
    return null;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new BaselineFileError(
      `${file}: "${path}" must be a number of 0 or more, or null (got ${shown(v)})`
    );
  }
  return v;
}

function day(file: string, v: unknown, path: string): string {
  if (
    typeof v !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
    Number.isNaN(Date.parse(`${v}T00:00:00Z`))
  ) {
    throw new BaselineFileError(
      `${file}: "${path}" must be a date as YYYY-MM-DD (got ${shown(v)})`
    );
  }
  return v;
}

/**
 * Checks a parsed baseline file (schema, version, the keys the row needs) and maps it onto the
 * snapshot row. Throws a {@link BaselineFileError} naming the first key that is wrong.
 */
export function baselineRow(json: unknown, file: string, text: string): BaselineRow {
  if (!isObject(json)) {
    throw new BaselineFileError(`${file}: not a JSON object`);
  }
  if (json.schema !== BASELINE_SCHEMA) {
    throw new BaselineFileError(
      `${file}: "schema" must be "${BASELINE_SCHEMA}" (got ${shown(json.schema)}): is this the audit's baseline.json?`
    );
  }
  if (json.version !== BASELINE_VERSION) {
    throw new BaselineFileError(
      `${file}: "version" ${shown(json.version)} is not supported (this loader reads version ${BASELINE_VERSION})`
    );
  }
  const generatedAt = json.generatedAt;
  if (typeof generatedAt !== 'string' || Number.isNaN(Date.parse(generatedAt))) {
    throw new BaselineFileError(
      `${file}: "generatedAt" must be an ISO 8601 time (got ${shown(generatedAt)})`
    );
  }
  const deals = count(file, json, 'deals', 'deals');
  if (!isObject(json.completion)) {
    throw new BaselineFileError(
      `${file}: "completion" must be an object (got ${shown(json.completion)})`
    );
  }
  const complete = count(file, json.completion, 'complete', 'completion.complete');
  if (complete > deals) {
    throw new BaselineFileError(
      `${file}: "completion.complete" (${complete}) is more than "deals" (${deals})`
    );
  }
  let start: string;
  if (json.closeDates === null || json.closeDates === undefined) {
    start = generatedAt.slice(0, 10);
  } else if (isObject(json.closeDates)) {
    start = day(file, json.closeDates.from, 'closeDates.from');
    day(file, json.closeDates.to, 'closeDates.to');
  } else {
    throw new BaselineFileError(
      `${file}: "closeDates" must be { "from", "to" } or null (got ${shown(json.closeDates)})`
    );
  }
  let touch: { withActivity: number; medianDays: number | null; within2Days: number } | null = null;
  if (json.firstTouch !== null && json.firstTouch !== undefined) {
    if (!isObject(json.firstTouch)) {
      throw new BaselineFileError(
        `${file}: "firstTouch" must be an object or null (got ${shown(json.firstTouch)})`
      );
    }
    touch = {
      withActivity: count(file, json.firstTouch, 'withActivity', 'firstTouch.withActivity'),
      medianDays: numberOrNull(file, json.firstTouch, 'medianDays', 'firstTouch.medianDays'),
      within2Days: count(file, json.firstTouch, 'within2Days', 'firstTouch.within2Days')
    };
  }
  if (json.timeToFirstValue !== null && json.timeToFirstValue !== undefined) {
    const ttv = json.timeToFirstValue;
    if (!isObject(ttv)) {
      throw new BaselineFileError(
        `${file}: "timeToFirstValue" must be an object or null (got ${shown(ttv)})`
      );
    }
    count(file, ttv, 'deals', 'timeToFirstValue.deals');
    numberOrNull(file, ttv, 'medianDays', 'timeToFirstValue.medianDays');
    numberOrNull(file, ttv, 'p90Days', 'timeToFirstValue.p90Days');
  }
  if (text.length > DETAILS_MAX) {
    throw new BaselineFileError(
      `${file}: ${text.length.toLocaleString('en-US')} characters, more than Details__c holds (${DETAILS_MAX.toLocaleString('en-US')}); the audit writes far less — is this the audit's baseline.json?`
    );
  }
  return {
    Unique_Key__c: BASELINE_KEY,
    Period_Type__c: BASELINE_KEY,
    Period_Start__c: start,
    Handoffs__c: deals,
    Complete_At_Close__c: complete,
    First_Touch_Count__c: touch ? touch.withActivity : null,
    First_Touch_Median_Hours__c:
      touch && touch.medianDays !== null ? Math.round(touch.medianDays * 24 * 100) / 100 : null,
    First_Touch_Within_SLA__c: touch ? touch.within2Days : null,
    Computed_At__c: new Date(generatedAt).toISOString(),
    Details__c: text
  };
}

/** Reads and checks a baseline file. */
export function readBaselineFile(file: string): BaselineRow {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BaselineFileError(
      `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`
    );
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BaselineFileError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return baselineRow(json, file, text);
}

/** What a load did. */
export interface LoadOutcome {
  loaded: boolean;
  replaced: boolean;
  id?: string;
  /** when the row there before was created (a refused or replaced load) */
  firstLoadedAt?: string;
  message: string;
}

/**
 * Upserts the baseline row on Unique_Key__c; refuses when a baseline is already loaded and
 * `replace` is false, saying when the first was loaded.
 */
export async function loadBaseline(
  conn: BaselineConnection,
  row: BaselineRow,
  replace: boolean
): Promise<LoadOutcome> {
  const existing = (
    await conn.query<{ Id: string; CreatedDate: string; Period_Start__c?: string }>(
      `SELECT Id, CreatedDate, Period_Start__c FROM Handoff_Metric_Snapshot__c WHERE Unique_Key__c = '${BASELINE_KEY}' LIMIT 1`
    )
  ).records[0];
  if (existing && !replace) {
    return {
      loaded: false,
      replaced: false,
      id: existing.Id,
      firstLoadedAt: existing.CreatedDate,
      message:
        `A baseline is already loaded (on ${existing.CreatedDate}, record ${existing.Id}): ` +
        'the before/after comparison keeps the first one. To load this file instead, run again with --replace.'
    };
  }
  const result = await conn
    .sobject('Handoff_Metric_Snapshot__c')
    .upsert({ ...row }, 'Unique_Key__c');
  if (!result.success) {
    throw new Error(`The baseline row was not saved: ${JSON.stringify(result.errors ?? [])}`);
  }
  return {
    loaded: true,
    replaced: Boolean(existing),
    id: result.id ?? existing?.Id,
    firstLoadedAt: existing?.CreatedDate,
    message: existing
      ? `Baseline replaced (the one loaded on ${existing.CreatedDate}): ${row.Handoffs__c} deals, closed from ${row.Period_Start__c}.`
      : `Baseline loaded: ${row.Handoffs__c} deals, closed from ${row.Period_Start__c}. The metrics dashboard and the health check now show before and after launch.`
  };
}
