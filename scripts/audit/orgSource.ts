/**
 * Reads closed-won Opportunities from an org into the audit engine.
 *
 * - The last N deals: one REST query ordered by CloseDate (or, with a segment filter, REST
 *   pages in that order until the window is settled).
 * - `--since` / `--all`: a COUNT() first; up to the threshold REST pages, above it a Bulk API
 *   2.0 query job, streamed.
 * - The mapping's field paths are checked against the Opportunity describe first: a mapped
 *   field the org lacks (the product's own fields before it is installed, say) is reported and
 *   counted as not captured, instead of failing the query.
 */
import type { Connection } from 'jsforce';
import { formatDay } from '../lib/dates.ts';
import { withRetry } from '../lib/salesforce.ts';
import { bulkQuery, countRecords, restQuery, type SfRecord } from '../lib/soql.ts';
import type { Progress } from '../lib/progress.ts';
import { firstTouch, DEFAULT_HORIZON_DAYS } from './activities.ts';
import {
  newRawDeal,
  type ActivitySource,
  type AuditedDeal,
  type AuditEngine,
  type RawDeal,
  type Scope
} from './engine.ts';
import type { DealKey, Mapping } from './mapping.ts';

/** Options for reading from an org. */
export interface OrgReadOptions {
  alias: string;
  scope: Scope;
  /** a segment filter is set (the window then needs paging) */
  segmentFilter: boolean;
  /** above this many records a Bulk API job is used (default 10,000) */
  bulkThreshold?: number;
  bulkTimeoutMs?: number;
  bulkPollMs?: number;
  bulkPageSize?: number;
  progress?: Progress;
  log?: (message: string) => void;
}

/** What the org read did, for the report and tests. */
export interface OrgReadInfo {
  soql: string;
  api: 'rest' | 'bulk';
  total: number;
  fetched: number;
  droppedFields: string[];
  /** per scored field (API name), the mapped field paths the org has */
  fieldColumns: Map<string, string[]>;
}

interface DescribeField {
  name: string;
  relationshipName?: string | null;
  type: string;
}

/** Reads a path like "Account.Name" from a REST record (nested) or a Bulk record (flat). */
export function readPath(record: SfRecord, path: string): unknown {
  if (path in record) {
    return record[path];
  }
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') {
      return null;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined ? null : value;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Which mapped paths the org has. Relationship paths are checked on their first hop. */
export function checkPaths(
  paths: string[],
  fields: DescribeField[]
): { ok: string[]; missing: string[] } {
  const names = new Set(fields.map((f) => f.name.toLowerCase()));
  const relations = new Set(
    fields.filter((f) => f.relationshipName).map((f) => String(f.relationshipName).toLowerCase())
  );
  const ok: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const first = p.split('.')[0].toLowerCase();
    const exists = p.includes('.') ? relations.has(first) : names.has(first);
    (exists ? ok : missing).push(p);
  }
  return { ok, missing };
}

/** Builds the SOQL for the scope. */
export function buildSoql(select: string[], scope: Scope, ordered: boolean): string {
  const where = ['IsWon = true'];
  if (scope.kind === 'since') {
    where.push(`CloseDate >= ${formatDay(scope.day)}`);
  }
  let soql = `SELECT ${select.join(', ')} FROM Opportunity WHERE ${where.join(' AND ')}`;
  if (ordered) {
    soql += ' ORDER BY CloseDate DESC, Id DESC';
  }
  return soql;
}

/** Reads the deals of the scope from the org into the engine. */
export async function readOrgDeals(
  conn: Connection,
  mapping: Mapping,
  engine: AuditEngine,
  options: OrgReadOptions
): Promise<OrgReadInfo> {
  const describe = (await withRetry(() => conn.sobject('Opportunity').describe(), {
    what: 'describing Opportunity',
    alias: options.alias
  })) as unknown as { fields: DescribeField[] };
  const fields = engine.scorer.fields;
  const sources = new Map(mapping.fields.map((f) => [f.apiName.toLowerCase(), f]));
  const wanted = new Set<string>(['Id', 'OwnerId', 'AccountId', 'CloseDate']);
  const dealPaths = Object.entries(mapping.deal) as Array<[DealKey, string]>;
  for (const [, path] of dealPaths) {
    wanted.add(path);
  }
  for (const f of fields) {
    for (const c of sources.get(f.toLowerCase())?.columns ?? []) {
      wanted.add(c);
    }
  }
  const { ok, missing } = checkPaths([...wanted], describe.fields);
  for (const path of missing) {
    engine.issue(
      'column-not-in-file',
      0,
      `Opportunity has no field "${path}" in this org; it counts as blank`,
      false
    );
  }
  const present = new Set(ok.map((p) => p.toLowerCase()));
  const has = (p: string | undefined): p is string =>
    p !== undefined && present.has(p.toLowerCase());
  const fieldPaths = fields.map((f) => (sources.get(f.toLowerCase())?.columns ?? []).filter(has));
  const fieldColumns = new Map(fields.map((f, i) => [f, fieldPaths[i]]));
  const d = mapping.deal;
  const paths = {
    id: has(d.id) ? d.id : 'Id',
    name: has(d.name) ? d.name : undefined,
    accountId: has(d.accountId) ? d.accountId : 'AccountId',
    accountName: has(d.accountName) ? d.accountName : undefined,
    owner: has(d.owner) ? d.owner : undefined,
    closeDate: has(d.closeDate) ? d.closeDate : 'CloseDate',
    amount: has(d.amount) ? d.amount : undefined,
    employees: has(d.employees) ? d.employees : undefined,
    type: has(d.type) ? d.type : undefined,
    override: has(d.segmentOverride) ? d.segmentOverride : undefined,
    stage: has(d.stage) ? d.stage : undefined,
    goLiveDate: has(d.goLiveDate) ? d.goLiveDate : undefined
  };

  const raw: RawDeal = newRawDeal(fields.length);
  const placeholders = engine.placeholders;
  let ordinal = 0;
  let lastDay = Infinity;
  const add = (record: SfRecord): void => {
    ordinal++;
    raw.row = ordinal;
    raw.id = text(readPath(record, paths.id));
    raw.name = paths.name ? text(readPath(record, paths.name)) : '';
    raw.accountId = text(readPath(record, paths.accountId));
    raw.accountName = paths.accountName ? text(readPath(record, paths.accountName)) : '';
    raw.owner = paths.owner ? text(readPath(record, paths.owner)) : '';
    raw.ownerKey = text(readPath(record, 'OwnerId'));
    const close = readPath(record, paths.closeDate);
    raw.closeDate = close === null ? '' : close;
    raw.amount = paths.amount ? readPath(record, paths.amount) : null;
    raw.employees = paths.employees ? readPath(record, paths.employees) : null;
    raw.type = paths.type ? text(readPath(record, paths.type)) : '';
    raw.override = paths.override ? text(readPath(record, paths.override)) : '';
    raw.stage = paths.stage ? text(readPath(record, paths.stage)) : '';
    raw.goLiveDate = paths.goLiveDate ? readPath(record, paths.goLiveDate) : null;
    for (let f = 0; f < fieldPaths.length; f++) {
      // The first path holding information; else the first placeholder; else blank.
      let value: unknown = null;
      let placeholder: unknown = null;
      for (const p of fieldPaths[f]) {
        const v = readPath(record, p);
        if (v === null || v === '') {
          continue;
        }
        if (typeof v === 'string' && placeholders !== null && placeholders.test(v)) {
          placeholder ??= v;
          continue;
        }
        value = v;
        break;
      }
      raw.values[f] = value ?? placeholder;
    }
    if (typeof close === 'string') {
      const day = Date.parse(`${close.slice(0, 10)}T00:00:00Z`) / 86_400_000;
      if (Number.isFinite(day)) {
        lastDay = day;
      }
    }
    engine.add(raw);
  };

  const select = [...new Set(ok)];
  const progress = options.progress;
  const onProgress = (fetched: number, total?: number): void => progress?.update(fetched, total);
  if (options.scope.kind === 'last' && !options.segmentFilter) {
    const soql = `${buildSoql(select, options.scope, true)} LIMIT ${options.scope.count}`;
    const r = await restQuery(conn, soql, (records) => records.forEach(add), {
      alias: options.alias,
      onProgress
    });
    await engine.drain();
    return {
      soql,
      api: 'rest',
      total: r.total,
      fetched: r.fetched,
      droppedFields: missing,
      fieldColumns
    };
  }
  if (options.scope.kind === 'last') {
    // Newest first until the window holds N deals older than everything still to come.
    const soql = buildSoql(select, options.scope, true);
    const r = await restQuery(
      conn,
      soql,
      (records) => {
        records.forEach(add);
        return !engine.windowSettled(lastDay);
      },
      { alias: options.alias, onProgress }
    );
    return {
      soql,
      api: 'rest',
      total: r.total,
      fetched: r.fetched,
      droppedFields: missing,
      fieldColumns
    };
  }
  const countSoql = `SELECT COUNT() FROM Opportunity WHERE ${buildSoql(['Id'], options.scope, false).split(' WHERE ')[1]}`;
  const total = await countRecords(conn, countSoql, { alias: options.alias });
  const threshold = options.bulkThreshold ?? 10_000;
  if (total > threshold) {
    const soql = buildSoql(select, options.scope, false);
    options.log?.(
      `${total.toLocaleString('en-US')} deals: above the ${threshold.toLocaleString('en-US')} threshold, using a Bulk API 2.0 query job`
    );
    const r = await bulkQuery(
      conn,
      soql,
      async (records) => {
        records.forEach(add);
        if (engine.pendingCount >= 200) {
          await engine.drain();
        }
      },
      {
        alias: options.alias,
        onProgress,
        pollIntervalMs: options.bulkPollMs,
        timeoutMs: options.bulkTimeoutMs,
        pageSize: options.bulkPageSize,
        onPoll: (state, processed) =>
          options.log?.(
            `Bulk API job ${state}: ${processed.toLocaleString('en-US')} records processed`
          )
      }
    );
    await engine.drain();
    return { soql, api: 'bulk', total, fetched: r.fetched, droppedFields: missing, fieldColumns };
  }
  const soql = buildSoql(select, options.scope, false);
  const r = await restQuery(
    conn,
    soql,
    async (records) => {
      records.forEach(add);
      await engine.drain();
    },
    { alias: options.alias, onProgress }
  );
  return {
    soql,
    api: 'rest',
    total: r.total,
    fetched: r.fetched,
    droppedFields: missing,
    fieldColumns
  };
}

/**
 * Tasks and Events from the org, queried for a batch of deals' accounts: completed Tasks
 * (their due date, else their creation date) and Events (their date), by someone other than
 * the deal's owner, within the horizon after close.
 */
export class OrgActivities implements ActivitySource {
  readonly description = 'Tasks and Events in the org';
  readonly horizonDays: number;
  constructor(
    private readonly conn: Connection,
    private readonly alias: string,
    horizonDays = DEFAULT_HORIZON_DAYS
  ) {
    this.horizonDays = horizonDays;
  }

  async resolve(deals: AuditedDeal[]): Promise<void> {
    const withAccount = deals.filter((d) => d.accountId.trim() !== '');
    for (const d of deals) {
      if (d.accountId.trim() === '') {
        d.firstTouchDays = undefined;
      }
    }
    for (let i = 0; i < withAccount.length; i += 200) {
      await this.resolveBatch(withAccount.slice(i, i + 200));
    }
  }

  private async resolveBatch(deals: AuditedDeal[]): Promise<void> {
    const accounts = [...new Set(deals.map((d) => d.accountId.trim()))];
    const minDay = Math.min(...deals.map((d) => d.closeDay));
    const maxDay = Math.max(...deals.map((d) => d.closeDay)) + this.horizonDays;
    const ids = accounts.map((a) => `'${a.replace(/[^A-Za-z0-9]/g, '')}'`).join(', ');
    const from = formatDay(minDay);
    const to = formatDay(maxDay);
    const byAccount = new Map<string, Array<{ day: number; owner: string }>>();
    const collect = (records: SfRecord[], created: boolean): void => {
      for (const r of records) {
        const date = text(r.ActivityDate) || (created ? text(r.CreatedDate) : '');
        const day = Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000;
        if (!Number.isFinite(day)) {
          continue;
        }
        const account = text(r.AccountId);
        let list = byAccount.get(account);
        if (!list) {
          list = [];
          byAccount.set(account, list);
        }
        list.push({ day, owner: text(r.OwnerId) });
      }
    };
    await restQuery(
      this.conn,
      `SELECT AccountId, OwnerId, ActivityDate, CreatedDate FROM Task WHERE AccountId IN (${ids}) AND IsClosed = true ` +
        `AND ((ActivityDate >= ${from} AND ActivityDate <= ${to}) OR (ActivityDate = null AND CreatedDate >= ${from}T00:00:00Z AND CreatedDate <= ${to}T23:59:59Z))`,
      (records) => collect(records, true),
      { alias: this.alias }
    );
    await restQuery(
      this.conn,
      `SELECT AccountId, OwnerId, ActivityDate FROM Event WHERE AccountId IN (${ids}) AND ActivityDate >= ${from} AND ActivityDate <= ${to}`,
      (records) => collect(records, false),
      { alias: this.alias }
    );
    for (const d of deals) {
      const list = (byAccount.get(d.accountId.trim()) ?? []).sort((a, b) => a.day - b.day);
      const owners = new Map<string, number>();
      const ownerIndex = (o: string): number => {
        const key = o.slice(0, 15);
        let i = owners.get(key);
        if (i === undefined) {
          i = owners.size + 1;
          owners.set(key, i);
        }
        return i;
      };
      d.firstTouchDays = firstTouch(
        list.map((a) => a.day),
        list.map((a) => ownerIndex(a.owner)),
        d.closeDay,
        ownerIndex(d.ownerKey),
        this.horizonDays
      );
    }
  }
}
