/**
 * Connecting to an org with the sf CLI's stored login, and turning Salesforce failures into
 * messages a user can act on. No password or token is ever written anywhere: the access token
 * is read from the CLI's auth store (through @salesforce/core when it can be loaded, else
 * `sf org display --json`) and kept in memory only.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Connection } from 'jsforce';
import { PROJECT_ROOT } from './ruleConfig.ts';

/** What a connection needs. */
export interface OrgAuth {
  instanceUrl: string;
  accessToken: string;
  username?: string;
  /** the alias or username asked for */
  alias: string;
}

/** The API version the project deploys with (sfdx-project.json), default 66.0. */
export function projectApiVersion(): string {
  try {
    const project = JSON.parse(
      readFileSync(resolve(PROJECT_ROOT, 'sfdx-project.json'), 'utf8')
    ) as {
      sourceApiVersion?: string;
    };
    return project.sourceApiVersion ?? '66.0';
  } catch {
    return '66.0';
  }
}

/** A jsforce connection from an access token. */
export function connect(
  auth: Pick<OrgAuth, 'instanceUrl' | 'accessToken'>,
  version = projectApiVersion()
): Connection {
  return new Connection({ instanceUrl: auth.instanceUrl, accessToken: auth.accessToken, version });
}

/** The few members of @salesforce/core this file uses (loaded at run time, when present). */
interface CoreModule {
  Org: {
    create(options: { aliasOrUsername: string }): Promise<{
      refreshAuth(): Promise<void>;
      getUsername(): string | undefined;
      getConnection(): { instanceUrl: string; accessToken?: string };
    }>;
  };
}

async function viaCore(alias: string): Promise<OrgAuth | null> {
  let core: CoreModule;
  try {
    const name = '@salesforce/core';
    core = (await import(name)) as CoreModule;
  } catch {
    return null;
  }
  const org = await core.Org.create({ aliasOrUsername: alias });
  // Exchanges the stored refresh token for a fresh access token.
  await org.refreshAuth();
  const conn = org.getConnection();
  if (!conn.accessToken) {
    throw new Error(`The sf CLI holds no access token for ${alias}`);
  }
  return {
    instanceUrl: conn.instanceUrl,
    accessToken: conn.accessToken,
    username: org.getUsername(),
    alias
  };
}

function sfBinary(): string {
  const local = resolve(PROJECT_ROOT, 'node_modules', '.bin', 'sf');
  return existsSync(local) ? local : 'sf';
}

async function viaCli(alias: string): Promise<OrgAuth> {
  const stdout = await new Promise<string>((done, failed) => {
    execFile(
      sfBinary(),
      ['org', 'display', '--json', '--target-org', alias],
      { env: { ...process.env, SF_AUTOUPDATE_DISABLE: 'true' }, maxBuffer: 4 << 20 },
      (error, out) => {
        // sf exits non-zero with a JSON error body; read it either way.
        if (out && out.trim().startsWith('{')) {
          done(out);
        } else {
          failed(error ?? new Error('no output from sf org display'));
        }
      }
    );
  });
  const json = JSON.parse(stdout) as {
    status?: number;
    message?: string;
    result?: { instanceUrl?: string; accessToken?: string; username?: string };
  };
  if (json.status !== 0 || !json.result?.instanceUrl || !json.result.accessToken) {
    throw new Error(json.message ?? `sf org display gave no access token for ${alias}`);
  }
  return {
    instanceUrl: json.result.instanceUrl,
    accessToken: json.result.accessToken,
    username: json.result.username,
    alias
  };
}

/** Reads the stored login of an org alias or username. */
export async function resolveOrgAuth(alias: string): Promise<OrgAuth> {
  try {
    const fromCore = await viaCore(alias);
    if (fromCore) {
      return fromCore;
    }
  } catch (e) {
    throw new SalesforceError(
      'NO_AUTH',
      `Cannot use the sf CLI login for "${alias}": ${(e as Error).message}. ` +
        `Log in with: sf org login web --alias ${alias}`
    );
  }
  try {
    return await viaCli(alias);
  } catch (e) {
    throw new SalesforceError(
      'NO_AUTH',
      `Cannot use the sf CLI login for "${alias}": ${(e as Error).message}. ` +
        `Log in with: sf org login web --alias ${alias}`
    );
  }
}

/**
 * A failure explained for the user; `code` is Salesforce's error code (or ours). `retryable`
 * says whether the same idempotent call may succeed later: `network` for a connection that
 * failed or dropped, `server` for 5xx answers (which jsforce's own transport already retries
 * for GET requests, with exponential backoff), `api` for answers such as QUERY_TIMEOUT that
 * only a new call can fix.
 */
export class SalesforceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: false | 'network' | 'server' | 'api' = false
  ) {
    super(message);
    this.name = 'SalesforceError';
  }
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT'
]);

function codeOf(e: unknown): string {
  const err = e as {
    errorCode?: unknown;
    code?: unknown;
    name?: unknown;
    cause?: { code?: unknown };
  };
  for (const c of [err?.errorCode, err?.code, err?.cause?.code, err?.name]) {
    if (typeof c === 'string' && c !== '' && c !== 'Error') {
      return c;
    }
  }
  return 'UNKNOWN';
}

/**
 * Turns any failure of a Salesforce call into a {@link SalesforceError} with an actionable
 * message, and says whether retrying the same (idempotent) call may help.
 * @param what what was being done, e.g. "querying Opportunity"
 * @param alias the org alias, for the log-in hint
 */
export function explainError(e: unknown, what: string, alias = '<alias>'): SalesforceError {
  if (e instanceof SalesforceError) {
    return e;
  }
  const code = codeOf(e);
  const raw = (e as Error)?.message ?? String(e);
  const message = raw.length > 500 ? `${raw.slice(0, 500)}…` : raw;
  if (
    code === 'INVALID_SESSION_ID' ||
    /INVALID_SESSION_ID|Session expired or invalid/i.test(message)
  ) {
    return new SalesforceError(
      'INVALID_SESSION_ID',
      `The session for ${alias} has expired or is invalid (INVALID_SESSION_ID) while ${what}. ` +
        `Log in again with: sf org login web --alias ${alias}`
    );
  }
  if (code === 'REQUEST_LIMIT_EXCEEDED') {
    const concurrent = /concurrent/i.test(message);
    return new SalesforceError(
      'REQUEST_LIMIT_EXCEEDED',
      concurrent
        ? `Too many concurrent requests to the org (REQUEST_LIMIT_EXCEEDED: ${message}) while ${what}.`
        : `The org's API request limit is used up (REQUEST_LIMIT_EXCEEDED: ${message}) while ${what}. ` +
            'It recovers over a rolling 24 hours (Setup > Company Information > API Requests); ' +
            'meanwhile audit a CSV export with --csv.',
      concurrent ? 'api' : false
    );
  }
  if (code === 'QUERY_TIMEOUT') {
    return new SalesforceError(
      'QUERY_TIMEOUT',
      `Salesforce timed out running the query (QUERY_TIMEOUT) while ${what}. ` +
        'Narrow it with --since, or audit everything with --all (which uses the Bulk API above the threshold).',
      'api'
    );
  }
  if (code === 'JobPollingTimeout' || code === 'BULK_TIMEOUT') {
    return new SalesforceError('BULK_TIMEOUT', `${message} (${what})`);
  }
  if (code === 'INVALID_FIELD' || code === 'INVALID_TYPE' || code === 'MALFORMED_QUERY') {
    return new SalesforceError(
      code,
      `The org rejected the query (${code}: ${message}) while ${what}. A field or object is missing: ` +
        'is the product deployed to this org, and does the mapping (--mapping) name fields it has?'
    );
  }
  if (NETWORK_CODES.has(code) || /socket hang up|fetch failed|network/i.test(message)) {
    return new SalesforceError(
      'NETWORK',
      `Could not reach the org while ${what} (${code}: ${message}).`,
      'network'
    );
  }
  const http = /^ERROR_HTTP_(\d{3})$/.exec(code);
  if (http) {
    const status = Number(http[1]);
    return new SalesforceError(
      code,
      `The org answered HTTP ${status} while ${what}: ${message}`,
      status >= 500 || status === 429 ? 'server' : false
    );
  }
  if (
    code === 'SERVER_UNAVAILABLE' ||
    code === 'UNKNOWN_EXCEPTION' ||
    code === 'API_CURRENTLY_DISABLED'
  ) {
    return new SalesforceError(
      code,
      `Salesforce reported ${code} while ${what}: ${message}`,
      code === 'API_CURRENTLY_DISABLED' ? false : 'server'
    );
  }
  return new SalesforceError(code, `${code} while ${what}: ${message}`);
}

/** Options for {@link withRetry}. */
export interface RetryOptions {
  what: string;
  alias?: string;
  /** retries after the first try (default 4) */
  retries?: number;
  /** first delay in ms, doubled each time (default 500) */
  baseDelayMs?: number;
  maxDelayMs?: number;
  onRetry?: (error: SalesforceError, attempt: number, delayMs: number) => void;
  /**
   * Also retry 5xx answers. Leave off for calls through jsforce, whose transport already
   * retries those for GET requests (5 times, from 0.5 s, doubling): retrying again would
   * multiply the wait.
   */
  retryServerErrors?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs an idempotent read, retrying transient failures with exponential backoff (with jitter)
 * and turning the final failure into a {@link SalesforceError}.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const retries = options.retries ?? 4;
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 8000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const error = explainError(e, options.what, options.alias);
      const retryable =
        error.retryable === 'api' ||
        error.retryable === 'network' ||
        (error.retryable === 'server' && options.retryServerErrors === true);
      if (!retryable || attempt >= retries) {
        if (retryable && attempt > 0) {
          error.message += ` (gave up after ${attempt + 1} tries)`;
        }
        throw error;
      }
      const delay = Math.min(max, base * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      options.onRetry?.(error, attempt + 1, delay);
      await sleep(delay);
    }
  }
}
