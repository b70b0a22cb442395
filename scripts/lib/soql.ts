/**
 * Reading query results from an org without silent truncation.
 *
 * - Small sets: the REST query API page by page (`conn.query`, then `conn.queryMore` with the
 *   `nextRecordsUrl`). jsforce's transport retries server errors and dropped connections on
 *   these GETs; this layer adds retries for QUERY_TIMEOUT and concurrent-request limits. jsforce's own `autoFetch` is off
 *   (its `maxFetch` default of 10,000 silently truncates); the pages are walked here and the
 *   total is checked against `totalSize`.
 * - Large sets: a Bulk API 2.0 query job (create, poll until JobComplete, then read the CSV
 *   results page by page through `Sforce-Locator`, streaming each page through the project's
 *   CSV parser). `conn.bulk2.query` is not used: in jsforce 3.10 it pipes every results page
 *   into one stream and fails with ERR_STREAM_WRITE_AFTER_END as soon as there is a second
 *   page (jsforce issue #1546), and it buffers each page whole. The record count is checked
 *   against the job's `numberRecordsProcessed` and each page's `Sforce-NumberOfRecords`.
 */
import type { Connection } from 'jsforce';
import { CsvParser } from './csv.ts';
import { SalesforceError, explainError, withRetry, type RetryOptions } from './salesforce.ts';

/** A record as the REST API returns it (relationships nested) or the Bulk API (flat strings). */
export type SfRecord = Record<string, unknown>;

/** Common options. */
export interface QueryOptions {
  alias?: string;
  retry?: Partial<RetryOptions>;
  /** called with the records fetched so far (and the expected total when known) */
  onProgress?: (fetched: number, total?: number) => void;
}

interface RestPage {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: SfRecord[];
}

function retryOptions(what: string, options: QueryOptions): RetryOptions {
  return { what, alias: options.alias, ...options.retry };
}

/** `SELECT COUNT() FROM …`: the number of matching records. */
export async function countRecords(
  conn: Connection,
  soql: string,
  options: QueryOptions = {}
): Promise<number> {
  const result = await withRetry(
    async () => (await conn.query(soql, { autoFetch: false })) as unknown as RestPage,
    retryOptions('counting records', options)
  );
  return result.totalSize;
}

/**
 * Runs a REST query and hands over each page of records. `onPage` may return `false` to stop
 * early (the rest is not fetched). Throws when fewer records arrive than `totalSize` announced.
 * @return records fetched and the total the API announced
 */
export async function restQuery(
  conn: Connection,
  soql: string,
  onPage: (records: SfRecord[]) => boolean | void | Promise<boolean | void>,
  options: QueryOptions = {}
): Promise<{ fetched: number; total: number; stoppedEarly: boolean }> {
  let page = await withRetry(
    async () => (await conn.query(soql, { autoFetch: false })) as unknown as RestPage,
    retryOptions('running the query', options)
  );
  const total = page.totalSize;
  let fetched = 0;
  for (;;) {
    const records = page.records ?? [];
    fetched += records.length;
    options.onProgress?.(fetched, total);
    const go = await onPage(records);
    if (go === false) {
      return { fetched, total, stoppedEarly: true };
    }
    if (page.done || !page.nextRecordsUrl) {
      break;
    }
    const next = page.nextRecordsUrl;
    page = await withRetry(
      async () => (await conn.queryMore(next)) as unknown as RestPage,
      retryOptions('fetching the next page of results', options)
    );
  }
  if (fetched !== total) {
    throw new SalesforceError(
      'TRUNCATED',
      `The query announced ${total} records but ${fetched} arrived; not auditing a partial set.`
    );
  }
  return { fetched, total, stoppedEarly: false };
}

/** Bulk query options. */
export interface BulkOptions extends QueryOptions {
  /** poll every this many ms (default 2000) */
  pollIntervalMs?: number;
  /** give up waiting for the job after this many ms (default 20 minutes) */
  timeoutMs?: number;
  /** records per results page (`maxRecords`, default 50,000) */
  pageSize?: number;
  /** called while the job runs */
  onPoll?: (state: string, processed: number) => void;
}

interface JobInfo {
  id: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  numberRecordsProcessed?: number;
  errorMessage?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs a Bulk API 2.0 query job and streams its records, one object per CSV row with the
 * column names as keys ("Account.Name" for relationship fields) and text values ('' = null).
 * Records are handed over in small batches as the results arrive; reading waits while a
 * returned promise is pending (backpressure).
 * @return the job id and the number of records
 */
export async function bulkQuery(
  conn: Connection,
  soql: string,
  onRecords: (records: SfRecord[]) => void | Promise<void>,
  options: BulkOptions = {}
): Promise<{ jobId: string; fetched: number }> {
  const created = await withRetry(
    async () =>
      (await conn.request({
        method: 'POST',
        url: '/jobs/query',
        body: JSON.stringify({ operation: 'query', query: soql }),
        headers: { 'Content-Type': 'application/json' }
      })) as JobInfo,
    // Creating a job is not idempotent: a retried POST could start two jobs. Only retry
    // failures where the request never reached the org.
    { ...retryOptions('creating the Bulk API query job', options), retries: 0 }
  );
  const jobId = created.id;
  const interval = options.pollIntervalMs ?? 2000;
  const timeout = options.timeoutMs ?? 20 * 60_000;
  const started = Date.now();
  let info = created;
  while (info.state !== 'JobComplete') {
    if (info.state === 'Failed' || info.state === 'Aborted') {
      throw new SalesforceError(
        'BULK_JOB_FAILED',
        `The Bulk API query job ${jobId} ${info.state === 'Failed' ? 'failed' : 'was aborted'}` +
          `${info.errorMessage ? `: ${info.errorMessage}` : ''}. See Setup > Bulk Data Load Jobs.`
      );
    }
    if (Date.now() - started > timeout) {
      throw new SalesforceError(
        'BULK_TIMEOUT',
        `The Bulk API query job ${jobId} was still ${info.state} after ${Math.round(timeout / 60_000)} minutes. ` +
          'Raise --bulk-timeout or narrow the audit with --since; the job keeps running in the org.'
      );
    }
    await sleep(interval);
    info = await withRetry(
      async () => (await conn.request({ method: 'GET', url: `/jobs/query/${jobId}` })) as JobInfo,
      retryOptions('checking the Bulk API query job', options)
    );
    options.onPoll?.(info.state, info.numberRecordsProcessed ?? 0);
  }
  const expected = info.numberRecordsProcessed;
  let fetched = 0;
  let locator: string | null = '';
  while (locator !== null) {
    const result = await readResultsPage(conn, jobId, locator, onRecords, options, fetched);
    fetched += result.records;
    locator = result.next;
    options.onProgress?.(fetched, expected);
  }
  if (typeof expected === 'number' && fetched !== expected) {
    throw new SalesforceError(
      'TRUNCATED',
      `The Bulk API job ${jobId} processed ${expected} records but ${fetched} were read; not auditing a partial set.`
    );
  }
  return { jobId, fetched };
}

/**
 * Reads one results page, streaming; retries it on a transient failure, skipping the records
 * already handed over (a page is the same for the same locator).
 */
async function readResultsPage(
  conn: Connection,
  jobId: string,
  locator: string,
  onRecords: (records: SfRecord[]) => void | Promise<void>,
  options: BulkOptions,
  before: number
): Promise<{ records: number; next: string | null }> {
  let delivered = 0;
  return withRetry(
    async () => {
      const params = new URLSearchParams();
      params.set('maxRecords', String(options.pageSize ?? 50_000));
      if (locator !== '') {
        params.set('locator', locator);
      }
      const url = `${conn.instanceUrl}/services/data/v${conn.version}/jobs/query/${jobId}/results?${params.toString()}`;
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { Authorization: `Bearer ${conn.accessToken}`, Accept: 'text/csv' }
        });
      } catch (e) {
        throw explainError(e, 'reading Bulk API results', options.alias);
      }
      if (!response.ok || !response.body) {
        const text = await response.text();
        let code = `ERROR_HTTP_${response.status}`;
        let message = text;
        try {
          const body = JSON.parse(text) as Array<{ errorCode?: string; message?: string }>;
          const first = Array.isArray(body)
            ? body[0]
            : (body as { errorCode?: string; message?: string });
          code = first?.errorCode ?? code;
          message = first?.message ?? text;
        } catch {
          // not JSON: keep the text
        }
        throw explainError(
          Object.assign(new Error(message), { errorCode: code }),
          'reading Bulk API results',
          options.alias
        );
      }
      const announced = response.headers.get('sforce-numberofrecords');
      const nextHeader = response.headers.get('sforce-locator');
      let columns: string[] | null = null;
      let index = 0;
      let batch: SfRecord[] = [];
      const problems: string[] = [];
      const parser = new CsvParser({
        header: true,
        // Bulk API results never end in a report footer: every record is handed over as read.
        footer: false,
        onRecord: (fields) => {
          if (columns === null) {
            columns = fields;
            return;
          }
          index++;
          if (index <= delivered) {
            return; // already handed over before a retry
          }
          const record: SfRecord = {};
          for (let i = 0; i < columns.length; i++) {
            record[columns[i]] = fields[i];
          }
          delivered++;
          batch.push(record);
          if (delivered % 10_000 === 0) {
            options.onProgress?.(before + delivered);
          }
        },
        onIssue: (issue) => {
          problems.push(`line ${issue.line}: ${issue.message}`);
        }
      });
      const decoder = new TextDecoder('utf-8');
      const handOver = async (): Promise<void> => {
        if (batch.length > 0) {
          const records = batch;
          batch = [];
          await onRecords(records);
        }
      };
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          parser.push(decoder.decode(chunk, { stream: true }));
          await handOver();
        }
      } catch (e) {
        throw explainError(e, 'reading Bulk API results', options.alias);
      }
      parser.push(decoder.decode());
      parser.end();
      await handOver();
      if (problems.length > 0) {
        throw new SalesforceError(
          'BAD_RESULTS',
          `The Bulk API results of job ${jobId} are not valid CSV (${problems.slice(0, 3).join('; ')}).`
        );
      }
      if (announced !== null && Number(announced) !== index) {
        throw new SalesforceError(
          'TRUNCATED',
          `A Bulk API results page of job ${jobId} announced ${announced} records but held ${index}.`,
          'server'
        );
      }
      return {
        records: delivered,
        next: nextHeader === null || nextHeader === '' || nextHeader === 'null' ? null : nextHeader
      };
    },
    // These requests bypass jsforce's transport, so this layer retries server errors too.
    { ...retryOptions('reading Bulk API results', options), retryServerErrors: true }
  );
}
