/**
 * `npm run baseline:load -- --file <baseline.json> [--target-org <alias>] [--replace]`: loads the
 * audit's baseline into the org once (see load.ts). Exit 0 when loaded, 2 when refused (a
 * baseline is already there; --replace overwrites it), 1 on an error.
 */
import { execFile } from 'node:child_process';
import type { Connection } from 'jsforce';
import { EXIT_ERROR, UsageError, optionsOrExit, parseCli } from '../lib/cli.ts';
import { SalesforceError, connect, explainError, resolveOrgAuth } from '../lib/salesforce.ts';
import {
  BaselineFileError,
  loadBaseline,
  readBaselineFile,
  type BaselineConnection
} from './load.ts';

/** Exit status when a baseline is already loaded and --replace was not given. */
export const EXIT_ALREADY_LOADED = 2;

export const USAGE = `Usage: npm run baseline:load -- --file <baseline.json> [--target-org <alias>] [--replace]

Loads the audit's pre-launch baseline (npm run audit writes baseline.json) into the org once,
for the before/after comparison of the 60–90-day review.

  --file <path>         the audit's baseline.json
  --target-org <alias>  an org the sf CLI is logged in to (default: the sf CLI's default org)
  --replace             overwrite a baseline loaded before
  --help                this text`;

export interface BaselineLoadOptions {
  file: string;
  targetOrg?: string;
  replace?: boolean;
  connection?: BaselineConnection;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** Parses argv. */
export function parseBaselineArgs(argv: string[]): BaselineLoadOptions | 'help' {
  const v = parseCli(argv, {
    file: { type: 'string' },
    'target-org': { type: 'string' },
    replace: { type: 'boolean' },
    help: { type: 'boolean' }
  });
  if (v.help) {
    return 'help';
  }
  if (!v.file) {
    throw new UsageError('--file <baseline.json> is required');
  }
  return { file: v.file, targetOrg: v['target-org'], replace: v.replace ?? false };
}

/** Runs a load; returns the exit status. */
export async function runBaselineLoad(options: BaselineLoadOptions): Promise<number> {
  const out = options.out ?? ((t: string) => process.stdout.write(t));
  const err = options.err ?? ((t: string) => process.stderr.write(t));
  const alias = options.targetOrg ?? 'default org';
  try {
    const row = readBaselineFile(options.file);
    let conn = options.connection;
    if (!conn) {
      const auth = await resolveOrgAuth(options.targetOrg ?? (await defaultOrg()));
      conn = connect(auth) as Connection as unknown as BaselineConnection;
    }
    let outcome;
    try {
      outcome = await loadBaseline(conn, row, options.replace ?? false);
    } catch (e) {
      throw explainError(e, 'loading the baseline into Handoff_Metric_Snapshot__c', alias);
    }
    if (!outcome.loaded) {
      err(`${outcome.message}\n`);
      return EXIT_ALREADY_LOADED;
    }
    out(`${outcome.message}\n`);
    return 0;
  } catch (e) {
    const message =
      e instanceof BaselineFileError || e instanceof UsageError || e instanceof SalesforceError
        ? e.message
        : `Error: ${(e as Error)?.message ?? String(e)}`;
    err(`${message}\n`);
    return EXIT_ERROR;
  }
}

/** The sf CLI's default org (`sf config get target-org`), or SF_TARGET_ORG. */
async function defaultOrg(): Promise<string> {
  const fromEnv = process.env.SF_TARGET_ORG;
  if (fromEnv) {
    return fromEnv;
  }
  const value = await new Promise<string | undefined>((done) => {
    execFile(
      'sf',
      ['config', 'get', 'target-org', '--json'],
      { env: { ...process.env, SF_AUTOUPDATE_DISABLE: 'true' } },
      (_error, stdout) => {
        try {
          const json = JSON.parse(stdout) as { result?: Array<{ value?: string }> };
          done(json.result?.[0]?.value);
        } catch {
          done(undefined);
        }
      }
    );
  });
  if (!value) {
    throw new UsageError(
      'No default org: give --target-org <alias> (or set one with sf config set target-org <alias>)'
    );
  }
  return value;
}

/** The command-line entry point. */
export async function main(argv: string[]): Promise<number> {
  const options = optionsOrExit(argv, parseBaselineArgs, USAGE);
  if (typeof options === 'number') {
    return options;
  }
  return runBaselineLoad(options);
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
