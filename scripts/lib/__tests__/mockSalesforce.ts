/**
 * A local Salesforce stand-in on 127.0.0.1 (node:http, random port) for tests driven through
 * real jsforce. It speaks:
 * - the REST query protocol: GET /services/data/vXX.X/query?q=… with `totalSize`, `done` and
 *   `nextRecordsUrl` paging (GET …/query/<locator>);
 * - the Bulk API 2.0 query protocol: POST /jobs/query, GET /jobs/query/<id> (InProgress a set
 *   number of times, then JobComplete or Failed), GET /jobs/query/<id>/results with
 *   `maxRecords`/`locator` paging, `Sforce-Locator` and `Sforce-NumberOfRecords` headers;
 * - describe (GET /sobjects/<type>/describe) and the sObject Collections insert
 *   (POST /composite/sobjects, allOrNone false);
 * - Tooling API queries (GET /tooling/query?q=…, paged like REST) answered by `tooling`;
 * - anything else (e.g. /limits, the Metadata API's SOAP endpoint) through `route`;
 * - errors: 401 INVALID_SESSION_ID for a wrong token, and injected failures.
 * What the queries return is up to the test (`query`), which gets the SOQL text.
 */
import './jestRealm';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Connection } from 'jsforce';
import { csvLine } from '../csv.ts';

export type MockRecord = Record<string, unknown>;

/** An error a handler can throw to answer with a Salesforce error body. */
export class MockError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string
  ) {
    super(message);
  }
}

/** A failure injected for requests matching `match` (method and path+query), `times` times. */
export interface Injection {
  match: RegExp;
  status: number;
  errorCode?: string;
  message?: string;
  /** drop the connection instead of answering */
  hangUp?: boolean;
  times?: number;
}

export interface DescribeField {
  name: string;
  type?: string;
  relationshipName?: string | null;
  createable?: boolean;
  /** any other describe property (nillable, defaultedOnCreate, custom, picklistValues…) */
  [property: string]: unknown;
}

/** A request handed to {@link MockOptions.route}. */
export interface RouteRequest {
  method: string;
  /** path without the query string */
  path: string;
  query: URLSearchParams;
  body: string;
}

/** What {@link MockOptions.route} answers: a JSON value, or text with its content type. */
export interface RouteResponse {
  status?: number;
  body: unknown;
  contentType?: string;
}

export interface MockOptions {
  version?: string;
  token?: string;
  /** REST records per page (default 2000) */
  pageSize?: number;
  /** Bulk results records per page, whatever maxRecords asks (default 50,000) */
  bulkPageSize?: number;
  /** how many status polls answer InProgress before the job completes (default 2) */
  bulkPolls?: number;
  /** the final state of bulk jobs (default JobComplete) */
  bulkFinalState?: 'JobComplete' | 'Failed' | 'Aborted';
  /** never complete bulk jobs (to test timeouts) */
  bulkNeverCompletes?: boolean;
  /** announce one more record than the REST result holds (to test truncation checks) */
  misreportTotal?: boolean;
  /** answers a SOQL query */
  query: (soql: string) => MockRecord[];
  /** answers a Tooling API query (GET /tooling/query); unset: 404 */
  tooling?: (soql: string) => MockRecord[];
  /** answers other requests before the built-in routes; undefined falls through to them */
  route?: (request: RouteRequest) => RouteResponse | undefined;
  /** describe fields per sObject type */
  describe?: Record<string, DescribeField[]>;
  /** decides the outcome of inserting one record: an error message fails it */
  insert?: (type: string, record: MockRecord) => string | null;
}

/** A request as the server saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  soql?: string;
}

interface Job {
  id: string;
  soql: string;
  records: MockRecord[];
  polls: number;
}

function flatten(record: MockRecord, columns: string[]): unknown[] {
  return columns.map((c) => {
    let v: unknown = record;
    for (const part of c.split('.')) {
      v = v !== null && typeof v === 'object' ? (v as MockRecord)[part] : null;
    }
    return v ?? '';
  });
}

/** The field list of a SELECT (aliases and functions kept as written). */
export function selectedColumns(soql: string): string[] {
  const m = /^\s*SELECT\s+(.+?)\s+FROM\s/i.exec(soql);
  return m ? m[1].split(',').map((c) => c.trim()) : [];
}

/** The mock server. */
export class MockSalesforce {
  readonly requests: SeenRequest[] = [];
  readonly inserted: Array<{ type: string; record: MockRecord; id: string }> = [];
  private server: Server;
  private readonly cursors = new Map<string, { rest: MockRecord[]; total: number }>();
  private readonly jobs = new Map<string, Job>();
  private readonly injections: Injection[] = [];
  private seq = 0;
  url = '';

  constructor(readonly options: MockOptions) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify([{ errorCode: 'UNKNOWN_EXCEPTION', message: String(e) }]));
      });
    });
  }

  get version(): string {
    return this.options.version ?? '62.0';
  }

  /** Starts listening on 127.0.0.1, a random port. */
  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  /** A real jsforce connection to this server. */
  connection(token = this.options.token ?? 'good-token'): Connection {
    return new Connection({ instanceUrl: this.url, accessToken: token, version: this.version });
  }

  /** Fails the next matching requests. */
  inject(injection: Injection): void {
    this.injections.push({ times: 1, ...injection });
  }

  /** The SOQL texts of the REST queries and bulk jobs seen, in order. */
  get soql(): string[] {
    return this.requests.filter((r) => r.soql !== undefined).map((r) => r.soql as string);
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
  ): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type':
        typeof body === 'string' ? 'text/csv; charset=UTF-8' : 'application/json;charset=UTF-8',
      ...headers
    });
    res.end(text);
  }

  private error(res: ServerResponse, status: number, errorCode: string, message: string): void {
    this.send(res, status, [{ errorCode, message }]);
  }

  private readonly bodies = new WeakMap<IncomingMessage, string>();

  /** The request body (read once: `route` and the built-in routes may both ask). */
  private async body(req: IncomingMessage): Promise<string> {
    const known = this.bodies.get(req);
    if (known !== undefined) {
      return known;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    this.bodies.set(req, text);
    return text;
  }

  private page(records: MockRecord[], totalSize: number): unknown {
    const size = this.options.pageSize ?? 2000;
    const now = records.slice(0, size);
    const rest = records.slice(size);
    let nextRecordsUrl: string | undefined;
    if (rest.length > 0) {
      const cursor = `01gMOCK${++this.seq}-${size}`;
      this.cursors.set(cursor, { rest, total: totalSize });
      nextRecordsUrl = `/services/data/v${this.version}/query/${cursor}`;
    }
    return {
      totalSize,
      done: rest.length === 0,
      ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
      records: now.map((r) => ({ attributes: { type: 'SObject' }, ...r }))
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname + url.search;
    const seen: SeenRequest = { method: req.method ?? 'GET', path };
    this.requests.push(seen);
    const injection = this.injections.find(
      (i) => (i.times ?? 0) > 0 && i.match.test(`${req.method} ${path}`)
    );
    if (injection) {
      injection.times = (injection.times ?? 1) - 1;
      if (injection.hangUp) {
        req.socket.destroy();
        return;
      }
      this.error(
        res,
        injection.status,
        injection.errorCode ?? 'ERROR',
        injection.message ?? 'injected failure'
      );
      return;
    }
    const token = this.options.token ?? 'good-token';
    // SOAP calls (the Metadata API) carry the session in the envelope's SessionHeader.
    const authorized = url.pathname.startsWith('/services/Soap/')
      ? (await this.body(req)).includes(`<sessionId>${token}</sessionId>`)
      : req.headers.authorization === `Bearer ${token}`;
    if (!authorized) {
      this.error(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      return;
    }
    const base = `/services/data/v${this.version}`;
    const p = url.pathname;
    try {
      if (this.options.route) {
        const answer = this.options.route({
          method: req.method ?? 'GET',
          path: p,
          query: url.searchParams,
          body: req.method === 'GET' ? '' : await this.body(req)
        });
        if (answer) {
          const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
          res.writeHead(answer.status ?? 200, {
            'content-type': answer.contentType ?? 'application/json;charset=UTF-8'
          });
          res.end(text);
          return;
        }
      }
      const tooling = this.options.tooling && p === `${base}/tooling/query`;
      if (req.method === 'GET' && (p === `${base}/query` || tooling)) {
        const soql = url.searchParams.get('q') ?? '';
        seen.soql = soql;
        const records =
          tooling && this.options.tooling ? this.options.tooling(soql) : this.options.query(soql);
        if (/^\s*SELECT\s+COUNT\(\)\s/i.test(soql)) {
          this.send(res, 200, { totalSize: records.length, done: true, records: [] });
          return;
        }
        this.send(
          res,
          200,
          this.page(records, records.length + (this.options.misreportTotal ? 1 : 0))
        );
        return;
      }
      if (req.method === 'GET' && p.startsWith(`${base}/query/`)) {
        const cursor = p.slice(`${base}/query/`.length);
        const entry = this.cursors.get(cursor);
        if (!entry) {
          this.error(res, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
          return;
        }
        this.cursors.delete(cursor);
        this.send(res, 200, this.page(entry.rest, entry.total));
        return;
      }
      const describe = new RegExp(`^${base}/sobjects/(\\w+)/describe$`).exec(p);
      if (req.method === 'GET' && describe) {
        const fields = this.options.describe?.[describe[1]];
        if (!fields) {
          this.error(res, 404, 'NOT_FOUND', `The requested resource does not exist`);
          return;
        }
        this.send(res, 200, {
          name: describe[1],
          fields: fields.map((f) => ({
            type: 'string',
            relationshipName: null,
            createable: true,
            ...f
          }))
        });
        return;
      }
      if (req.method === 'POST' && p === `${base}/jobs/query`) {
        const body = JSON.parse(await this.body(req)) as { query: string; operation: string };
        seen.soql = body.query;
        const records = this.options.query(body.query);
        const id = `750MOCK${String(++this.seq).padStart(11, '0')}`;
        this.jobs.set(id, { id, soql: body.query, records, polls: 0 });
        this.send(res, 200, {
          id,
          operation: body.operation,
          object: 'Opportunity',
          state: 'UploadComplete'
        });
        return;
      }
      const job = new RegExp(`^${base}/jobs/query/(\\w+)(/results)?$`).exec(p);
      if (req.method === 'GET' && job) {
        const j = this.jobs.get(job[1]);
        if (!j) {
          this.error(res, 404, 'NOT_FOUND', 'no such job');
          return;
        }
        if (!job[2]) {
          j.polls++;
          const done = !this.options.bulkNeverCompletes && j.polls > (this.options.bulkPolls ?? 2);
          const state = done ? (this.options.bulkFinalState ?? 'JobComplete') : 'InProgress';
          this.send(res, 200, {
            id: j.id,
            state,
            numberRecordsProcessed: done ? j.records.length : 0,
            ...(state === 'Failed' ? { errorMessage: 'INVALID_FIELD: No such column' } : {})
          });
          return;
        }
        const max = Math.min(
          Number(url.searchParams.get('maxRecords') ?? 50_000),
          this.options.bulkPageSize ?? 50_000
        );
        const from = Number(url.searchParams.get('locator') ?? '0');
        const slice = j.records.slice(from, from + max);
        const next = from + max < j.records.length ? String(from + max) : 'null';
        const columns = selectedColumns(j.soql);
        const text = `${[csvLine(columns), ...slice.map((r) => csvLine(flatten(r, columns)))].join('\n')}\n`;
        this.send(res, 200, text, {
          'sforce-locator': next,
          'sforce-numberofrecords': String(slice.length)
        });
        return;
      }
      if (req.method === 'POST' && p === `${base}/composite/sobjects`) {
        const body = JSON.parse(await this.body(req)) as {
          allOrNone: boolean;
          records: MockRecord[];
        };
        const results = body.records.map((r) => {
          const { attributes, ...record } = r as MockRecord & { attributes: { type: string } };
          const type = attributes.type;
          const problem = this.options.insert?.(type, record) ?? null;
          if (problem) {
            return {
              success: false,
              errors: [
                { statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: problem, fields: [] }
              ]
            };
          }
          const id = `${type === 'Account' ? '001' : type === 'Contact' ? '003' : '006'}MOCK${String(++this.seq).padStart(8, '0')}AAA`;
          this.inserted.push({ type, record, id });
          return { id, success: true, errors: [] };
        });
        this.send(res, 200, results);
        return;
      }
      this.error(res, 404, 'NOT_FOUND', `no mock for ${req.method} ${p}`);
    } catch (e) {
      if (e instanceof MockError) {
        this.error(res, e.status, e.errorCode, e.message);
        return;
      }
      throw e;
    }
  }
}

/** Starts a mock server. */
export async function startMock(options: MockOptions): Promise<MockSalesforce> {
  return new MockSalesforce(options).start();
}
