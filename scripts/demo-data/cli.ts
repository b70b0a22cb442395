/**
 * `npm run demo-data`: loads realistic accounts, contacts and open opportunities (handoff
 * fields partly filled) into a scratch org through jsforce, so the product can be tried end to
 * end. Inserts with `allOrNone: false`: a record that fails is reported with Salesforce's reason
 * and the others are kept. Accounts that already exist (by name) are left alone, so a second
 * run adds nothing. Fields the org lacks (the product not deployed yet) are left out, with a
 * warning.
 *
 *   npm run demo-data -- --target-org my-scratch
 *   npm run demo-data -- --dry-run        # print the records, no org needed
 *
 * Exit status: 0 all loaded (or nothing to do), 2 some records failed (the rest are kept),
 * 1 error.
 */
import type { Connection } from 'jsforce';
import { EXIT_ERROR, UsageError, intOption, parseCli } from '../lib/cli.ts';
import {
  SalesforceError,
  connect,
  explainError,
  resolveOrgAuth,
  withRetry
} from '../lib/salesforce.ts';
import { buildDemoPlan, type DemoPlan, type PlannedRecord } from './dataset.ts';

/** Exit status when some records failed and the others were kept. */
export const EXIT_PARTIAL = 2;

export const USAGE = `Usage: npm run demo-data -- --target-org <alias> [options]

Loads demo accounts, contacts and open opportunities into a (scratch) org.

  --target-org <alias>  the org (logged in with the sf CLI)
  --accounts <n>        how many accounts, up to 20 (default 12)
  --seed <n>            data seed (default 7)
  --dry-run             print the records as JSON; no org needed
  --help                this text`;

export interface DemoOptions {
  targetOrg?: string;
  accounts?: number;
  seed?: number;
  dryRun?: boolean;
  connection?: Connection;
  now?: Date;
  log?: (line: string) => void;
}

/** One record that did not load. */
export interface LoadFailure {
  object: string;
  ref: string;
  name: string;
  reason: string;
}

export interface DemoOutcome {
  exitCode: number;
  inserted: Record<string, number>;
  skipped: Record<string, number>;
  failures: LoadFailure[];
  droppedFields: string[];
}

interface SaveResult {
  id?: string;
  success: boolean;
  errors?: Array<{ statusCode?: string; message?: string; fields?: string[] } | string>;
}

function describeErrors(r: SaveResult): string {
  return (r.errors ?? [])
    .map((e) =>
      typeof e === 'string'
        ? e
        : `${e.statusCode ?? 'ERROR'}: ${e.message ?? ''}${e.fields && e.fields.length > 0 ? ` (${e.fields.join(', ')})` : ''}`
    )
    .join('; ');
}

function recordName(object: string, fields: Record<string, unknown>): string {
  return object === 'Contact'
    ? `${String(fields.FirstName)} ${String(fields.LastName)}`
    : String(fields.Name);
}

/** Loads the plan into the org. */
export async function loadPlan(
  conn: Connection,
  plan: DemoPlan,
  alias: string,
  log: (line: string) => void
): Promise<Omit<DemoOutcome, 'exitCode'>> {
  const ids = new Map<string, string>();
  const failed = new Set<string>();
  const failures: LoadFailure[] = [];
  const inserted: Record<string, number> = { Account: 0, Contact: 0, Opportunity: 0 };
  const skipped: Record<string, number> = { Account: 0, Contact: 0, Opportunity: 0 };
  const droppedFields: string[] = [];

  const known = new Map<string, Set<string>>();
  for (const object of ['Account', 'Contact', 'Opportunity']) {
    const d = (await withRetry(() => conn.sobject(object).describe(), {
      what: `describing ${object}`,
      alias
    })) as unknown as { fields: Array<{ name: string; createable?: boolean }> };
    known.set(
      object,
      new Set(d.fields.filter((f) => f.createable !== false).map((f) => f.name.toLowerCase()))
    );
  }

  // Accounts already in the org (by name) are kept as they are: a re-run adds nothing.
  const names = plan.accounts.map((a) => String(a.fields.Name).replace(/'/g, "\\'"));
  const existing = (await withRetry(
    async () => conn.query(`SELECT Id, Name FROM Account WHERE Name IN ('${names.join("', '")}')`),
    { what: 'looking for demo accounts already loaded', alias }
  )) as unknown as { records: Array<{ Id: string; Name: string }> };
  const existingNames = new Set(existing.records.map((r) => r.Name));
  const present = new Set<string>();
  for (const a of plan.accounts) {
    if (existingNames.has(String(a.fields.Name))) {
      present.add(a.ref);
    }
  }
  if (present.size > 0) {
    log(
      `${present.size} demo account${present.size === 1 ? ' is' : 's are'} already in the org; left as they are.`
    );
  }

  const insert = async (object: string, records: PlannedRecord[]): Promise<void> => {
    const fieldsKnown = known.get(object) as Set<string>;
    const ready: PlannedRecord[] = [];
    for (const r of records) {
      const fields: Record<string, unknown> = {};
      let blockedBy: string | null = null;
      for (const [name, value] of Object.entries(r.fields)) {
        if (!fieldsKnown.has(name.toLowerCase())) {
          const label = `${object}.${name}`;
          if (!droppedFields.includes(label)) {
            droppedFields.push(label);
          }
          continue;
        }
        if (typeof value === 'string' && value.startsWith('$ref:')) {
          const target = value.slice(5);
          if (present.has(target)) {
            blockedBy = 'its account already exists';
            break;
          }
          const id = ids.get(target);
          if (id === undefined) {
            if (name === 'AccountId') {
              blockedBy = failed.has(target)
                ? 'its account failed to load'
                : 'its account is not loaded';
              break;
            }
            continue; // a lookup to a contact that failed: leave it blank
          }
          fields[name] = id;
        } else {
          fields[name] = value;
        }
      }
      if (blockedBy !== null) {
        skipped[object]++;
        if (!blockedBy.includes('already exists')) {
          failed.add(r.ref);
          failures.push({
            object,
            ref: r.ref,
            name: recordName(object, r.fields),
            reason: `not loaded: ${blockedBy}`
          });
        }
        continue;
      }
      ready.push({ ref: r.ref, fields });
    }
    for (let i = 0; i < ready.length; i += 200) {
      const chunk = ready.slice(i, i + 200);
      let results: SaveResult[];
      try {
        // Not retried: an insert is not idempotent.
        results = (await conn.sobject(object).create(
          chunk.map((r) => r.fields),
          { allOrNone: false }
        )) as unknown as SaveResult[];
      } catch (e) {
        throw explainError(e, `inserting ${object} records`, alias);
      }
      results.forEach((result, j) => {
        const r = chunk[j];
        if (result.success && result.id) {
          ids.set(r.ref, result.id);
          inserted[object]++;
        } else {
          failed.add(r.ref);
          failures.push({
            object,
            ref: r.ref,
            name: recordName(object, r.fields),
            reason: describeErrors(result)
          });
        }
      });
    }
  };

  await insert(
    'Account',
    plan.accounts.filter((a) => !present.has(a.ref))
  );
  await insert('Contact', plan.contacts);
  await insert('Opportunity', plan.opportunities);
  return { inserted, skipped, failures, droppedFields };
}

/** Runs the loader. */
export async function runDemoData(options: DemoOptions): Promise<DemoOutcome> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const plan = buildDemoPlan(options.accounts ?? 12, options.seed ?? 7, options.now);
  const empty = { inserted: {}, skipped: {}, failures: [], droppedFields: [] };
  if (options.dryRun) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return { exitCode: 0, ...empty };
  }
  try {
    if (!options.targetOrg && !options.connection) {
      throw new UsageError('--target-org <alias> is required (or --dry-run)');
    }
    const alias = options.targetOrg ?? 'test';
    const conn = options.connection ?? connect(await resolveOrgAuth(alias));
    const result = await loadPlan(conn, plan, alias, log);
    if (result.droppedFields.length > 0) {
      log(
        `Left out fields this org lacks (deploy the product first to load the handoff fields): ${result.droppedFields.join(', ')}`
      );
    }
    for (const f of result.failures) {
      log(`FAILED ${f.object} "${f.name}": ${f.reason}`);
    }
    const total = Object.values(result.inserted).reduce((a, b) => a + b, 0);
    log(
      `Loaded ${result.inserted.Account} accounts, ${result.inserted.Contact} contacts, ${result.inserted.Opportunity} opportunities` +
        `${result.failures.length > 0 ? `; ${result.failures.length} records failed (the others are kept)` : ''}.`
    );
    const exitCode = result.failures.length === 0 ? 0 : total > 0 ? EXIT_PARTIAL : EXIT_ERROR;
    return { exitCode, ...result };
  } catch (e) {
    const message =
      e instanceof UsageError || e instanceof SalesforceError
        ? e.message
        : `Error: ${(e as Error)?.message ?? String(e)}`;
    log(message);
    return { exitCode: EXIT_ERROR, ...empty };
  }
}

/** The command-line entry point. */
export async function main(argv: string[]): Promise<number> {
  let v;
  try {
    v = parseCli(argv, {
      'target-org': { type: 'string' },
      accounts: { type: 'string' },
      seed: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean' }
    });
    if (v.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const accounts = intOption(v.accounts, 'accounts', 12);
    if (accounts > 20) {
      throw new UsageError('--accounts can be at most 20');
    }
    return (
      await runDemoData({
        targetOrg: v['target-org'],
        accounts,
        seed: intOption(v.seed, 'seed', 7, 0),
        dryRun: v['dry-run']
      })
    ).exitCode;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`);
    return EXIT_ERROR;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
