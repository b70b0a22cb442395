/**
 * Read-only access to an org for the preflight, through jsforce: REST queries (paged to the
 * end, never silently truncated), Tooling API queries, describe, the limits resource and the
 * Metadata API's readMetadata and listMetadata. Nothing here writes to the org. Reads that
 * several checks need are made once (memoised, failures included), and every failure becomes
 * a {@link ReadError} whose message says what could not be read and why, in one line.
 */
import type { Connection } from 'jsforce';
/** A record as the REST API returns it (relationships nested). */
export type SfRecord = Record<string, unknown>;

/** A read that failed: `code` is Salesforce's error code (without the SOAP `sf:` prefix). */
export class ReadError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

const PERMISSIONS =
  'the user lacks a permission for this read: View Setup and Configuration, and Modify Metadata or Author Apex for the Tooling and Metadata APIs';

const HINTS: Record<string, string> = {
  INVALID_SESSION_ID: 'the session expired: log in again with sf org login web --alias <alias>',
  INSUFFICIENT_ACCESS: PERMISSIONS,
  INSUFFICIENT_ACCESS_OR_READONLY: PERMISSIONS,
  INVALID_TYPE: 'the object is not available to this user or in this edition',
  API_DISABLED_FOR_ORG: 'the API is not enabled for this org or edition',
  API_CURRENTLY_DISABLED: 'the API is not enabled for this user or org',
  REQUEST_LIMIT_EXCEEDED: 'the org has used its API requests for now',
  NETWORK: 'the org could not be reached'
};

const NETWORK =
  /ECONNRESET|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|fetch failed/i;

/** Salesforce's error code and message from whatever jsforce threw. */
export function describeError(e: unknown): { code: string; message: string } {
  if (e instanceof ReadError) {
    return { code: e.code, message: e.message };
  }
  const err = e as { errorCode?: unknown; name?: unknown; message?: unknown; code?: unknown };
  let code = [err?.errorCode, err?.code, err?.name].find(
    (c): c is string => typeof c === 'string' && c !== '' && c !== 'Error'
  );
  let message = typeof err?.message === 'string' ? err.message : String(e);
  // A JSON error body that jsforce did not unpack: [{"errorCode": ..., "message": ...}].
  const body = /^ERROR_HTTP_\d{3}: (\[.*\])$/s.exec(message);
  if (body) {
    try {
      const [first] = JSON.parse(body[1]) as Array<{ errorCode?: string; message?: string }>;
      code = first?.errorCode ?? code;
      message = first?.message ?? message;
    } catch {
      // keep jsforce's text
    }
  }
  code = (code ?? 'UNKNOWN').replace(/^sf:/, '');
  if (NETWORK.test(`${code} ${message}`)) {
    code = 'NETWORK';
  }
  message = message.replace(/^sf:/, '').replace(new RegExp(`^${code}:\\s*`), '');
  return { code, message: message.length > 300 ? `${message.slice(0, 300)}…` : message };
}

/** Turns a failure into a ReadError naming what was being read. */
export function readError(e: unknown, what: string, alias = '<alias>'): ReadError {
  if (e instanceof ReadError) {
    return e;
  }
  const { code, message } = describeError(e);
  const hint = HINTS[code]?.replace('<alias>', alias);
  return new ReadError(code, `${what}: ${code}: ${message}${hint ? ` — ${hint}` : ''}`);
}

/** A describe result, as much of it as the checks use. */
export interface DescribeResult {
  name: string;
  label?: string;
  fields: DescribeFieldResult[];
}

export interface DescribeFieldResult {
  name: string;
  label?: string;
  type: string;
  nillable?: boolean;
  createable?: boolean;
  updateable?: boolean;
  defaultedOnCreate?: boolean;
  custom?: boolean;
  calculated?: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  picklistValues?: Array<{
    value: string;
    label?: string;
    active?: boolean;
    defaultValue?: boolean;
  }>;
  relationshipName?: string | null;
}

/** A Metadata API record as jsforce returns it (fullName plus the type's fields). */
export type MetadataRecord = Record<string, unknown> & { fullName?: string };

interface QueryPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SfRecord[];
}

/** The org, read-only, with shared reads made once. */
export class OrgReader {
  private readonly memo = new Map<string, Promise<unknown>>();
  /** how many API calls were made */
  calls = 0;

  constructor(
    readonly conn: Connection,
    readonly alias: string
  ) {}

  /** Runs `read` once per key; later callers share its result or its failure. */
  shared<T>(key: string, read: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = read();
      // The failure is handled by each caller; this keeps Node from calling it unhandled.
      p.catch(() => undefined);
      this.memo.set(key, p);
    }
    return p;
  }

  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    this.calls++;
    try {
      return await fn();
    } catch (e) {
      throw readError(e, what, this.alias);
    }
  }

  /** Walks the pages of a query to the end and checks the count against `totalSize`. */
  private async pages(
    what: string,
    first: () => Promise<unknown>,
    more: (url: string) => Promise<unknown>
  ): Promise<SfRecord[]> {
    return this.call(what, async () => {
      const records: SfRecord[] = [];
      let page = (await first()) as QueryPage;
      const total = page.totalSize;
      for (;;) {
        records.push(...(page.records ?? []));
        if (page.done || !page.nextRecordsUrl) {
          break;
        }
        this.calls++;
        page = (await more(page.nextRecordsUrl)) as QueryPage;
      }
      if (records.length < total) {
        throw new ReadError(
          'TRUNCATED',
          `${what}: the query announced ${total} records but ${records.length} arrived`
        );
      }
      return records.map(stripAttributes);
    });
  }

  /** Every record of a REST query (all pages). */
  async query<T extends SfRecord = SfRecord>(soql: string, what: string): Promise<T[]> {
    return (await this.pages(
      what,
      async () => (await this.conn.query(soql, { autoFetch: false })) as unknown,
      async (url) => (await this.conn.queryMore(url)) as unknown
    )) as T[];
  }

  /** Every record of a REST query, deleted ones (in the recycle bin) included. */
  async queryAll<T extends SfRecord = SfRecord>(soql: string, what: string): Promise<T[]> {
    return (await this.pages(
      what,
      async () => (await this.conn.query(soql, { autoFetch: false, scanAll: true })) as unknown,
      async (url) => (await this.conn.queryMore(url)) as unknown
    )) as T[];
  }

  /** Every record of a Tooling API query (all pages). */
  async tooling<T extends SfRecord = SfRecord>(soql: string, what: string): Promise<T[]> {
    return (await this.pages(
      what,
      async () => (await this.conn.tooling.query(soql, { autoFetch: false })) as unknown,
      async (url) => (await this.conn.tooling.queryMore(url)) as unknown
    )) as T[];
  }

  /** The describe of an object, or null when the org has no such object (NOT_FOUND). */
  describe(type: string): Promise<DescribeResult | null> {
    return this.shared(`describe:${type}`, async () => {
      try {
        return (await this.call(`describing ${type}`, () =>
          this.conn.describe(type)
        )) as unknown as DescribeResult;
      } catch (e) {
        if (e instanceof ReadError && (e.code === 'NOT_FOUND' || e.code === 'INVALID_TYPE')) {
          return null;
        }
        throw e;
      }
    });
  }

  /** The org's limits (REST /limits). */
  limits(): Promise<Record<string, { Max: number; Remaining: number }>> {
    return this.shared('limits', () =>
      this.call('reading the org limits (REST /limits)', () =>
        this.conn.request<Record<string, { Max: number; Remaining: number }>>('/limits')
      )
    );
  }

  /** Metadata API readMetadata, ten names per call; a name the org lacks comes back null. */
  async readMetadata(type: string, fullNames: string[]): Promise<Array<MetadataRecord | null>> {
    const out: Array<MetadataRecord | null> = [];
    for (let i = 0; i < fullNames.length; i += 10) {
      const chunk = fullNames.slice(i, i + 10);
      const records = (await this.call(`reading ${type} through the Metadata API`, () =>
        this.conn.metadata.read(type as 'FlowSettings', chunk)
      )) as unknown as MetadataRecord[];
      const byName = new Map(
        (Array.isArray(records) ? records : [records])
          .filter(
            (r): r is MetadataRecord => !!r && typeof r.fullName === 'string' && r.fullName !== ''
          )
          .map((r) => [r.fullName as string, r])
      );
      out.push(...chunk.map((name) => byName.get(name) ?? null));
    }
    return out;
  }

  /** Metadata API listMetadata: the full names of a type's components. */
  async listMetadata(type: string): Promise<string[]> {
    const result = await this.call(`listing ${type} through the Metadata API`, () =>
      this.conn.metadata.list([{ type }])
    );
    const items = Array.isArray(result) ? result : result ? [result] : [];
    return items
      .map((r) => (r as { fullName?: string }).fullName)
      .filter((n): n is string => typeof n === 'string' && n !== '')
      .sort();
  }
}

function stripAttributes(record: SfRecord): SfRecord {
  const rest: SfRecord = { ...record };
  delete rest.attributes;
  for (const [k, v] of Object.entries(rest)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && 'attributes' in (v as object)) {
      rest[k] = stripAttributes(v as SfRecord);
    }
  }
  return rest;
}

/** A SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `('a', 'b')` for an IN clause. */
export function soqlList(values: readonly string[]): string {
  return `(${values.map(soqlString).join(', ')})`;
}
