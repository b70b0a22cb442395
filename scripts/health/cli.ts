/**
 * `npm run health`: the monthly handoff health check. Reads handoff metrics (live aggregates
 * from an org, or a CSV export of Handoff__c offline), evaluates the red-flag rules
 * (scripts/lib/redFlags.ts) and says, by its exit status, whether a flag is up — for
 * schedulers: 0 = no flag, 3 = a flag is up, 1 = error.
 *
 *   npm run health -- --csv data/sample-handoffs.csv
 *   npm run health -- --org my-org --json
 */
import type { Connection } from 'jsforce';
import { EXIT_ERROR, UsageError, intOption, optionsOrExit, parseCli } from '../lib/cli.ts';
import {
  DEFAULT_THRESHOLDS,
  METRICS,
  addMonths,
  evaluateRedFlags,
  formatValue,
  type FlagResult,
  type HealthThreshold,
  type PeriodCounts
} from '../lib/redFlags.ts';
import { SalesforceError, connect, resolveOrgAuth } from '../lib/salesforce.ts';
import { formatBeforeAfter, readBeforeAfter, type BeforeAfter } from './beforeAfter.ts';
import { countsFromCsv, countsFromOrg, thresholdsFromFile, thresholdsFromOrg } from './metrics.ts';

/** Exit status when at least one red flag is up. */
export const EXIT_FLAG = 3;

export const USAGE = `Usage: npm run health -- (--csv <file> | --org <alias>) [options]

Evaluates the handoff red-flag rules over the last months and exits 0 (no flag), 3 (a flag
is up) or 1 (error).

  --csv <file>          a CSV export of Handoff__c (Closed_At__c, Complete_At_Close__c, ...;
                        Quality_Score__c and Days_To_Go_Live__c feed the quality and
                        go-live rules when present)
  --org <alias>         an org the sf CLI is logged in to (aggregate queries on Handoff__c)
  --thresholds <file>   threshold JSON (default: the org's Handoff_Health_Threshold__mdt
                        records, else the seed's defaults)
  --as-of <YYYY-MM>     the last month evaluated (default: from an org the last complete
                        month; from a CSV the latest month in the file)
  --months <n>          months evaluated, back from --as-of (default 12)
  --json                print the result as JSON
  --help                this text

From an org the output ends with the before/after launch figures: the baseline loaded by
npm run baseline:load against the handoffs closed since the hypercare start.`;

export interface HealthOptions {
  csv?: string;
  org?: string;
  thresholds?: string;
  asOf?: string;
  months?: number;
  json?: boolean;
  /** today (tests) */
  now?: Date;
  connection?: Connection;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/** What a run found. */
export interface HealthOutcome {
  exitCode: number;
  asOf?: string;
  flags: FlagResult[];
  periods: PeriodCounts[];
  thresholdSource?: string;
  /** the before/after launch section (from an org only) */
  beforeAfter?: BeforeAfter;
}

function table(periods: PeriodCounts[], flags: FlagResult[]): string {
  const evaluated = flags.filter((f) => f.evaluated);
  const header = ['Month', 'Handoffs', ...evaluated.map((f) => METRICS[f.threshold.metric].label)];
  const months = evaluated[0]?.values.map((v) => v.period) ?? [];
  const byPeriod = new Map(periods.map((p) => [p.period, p]));
  const rows = months.map((m, i) => [
    m,
    String(byPeriod.get(m)?.handoffs ?? 0),
    ...evaluated.map((f) => {
      const v = f.values[i];
      return `${formatValue(v.value, f.threshold.unit)}${v.breached ? ' !' : ''}`;
    })
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]): string =>
    cells
      .map((x, c) => x.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Runs the health check. */
export async function runHealth(options: HealthOptions): Promise<HealthOutcome> {
  const out = options.out ?? ((t: string) => process.stdout.write(t));
  const err = options.err ?? ((t: string) => process.stderr.write(t));
  try {
    if (!options.csv === !(options.org || options.connection)) {
      throw new UsageError('Give exactly one source: --csv <file> or --org <alias>');
    }
    if (options.asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(options.asOf)) {
      throw new UsageError(`--as-of must be a month as YYYY-MM (got "${options.asOf}")`);
    }
    const months = options.months ?? 12;
    let thresholds: HealthThreshold[];
    let thresholdSource: string;
    if (options.thresholds) {
      thresholds = thresholdsFromFile(options.thresholds);
      thresholdSource = options.thresholds;
    } else {
      thresholds = [...DEFAULT_THRESHOLDS];
      thresholdSource = 'defaults (the seed playbook)';
    }
    let periods: PeriodCounts[];
    let asOf: string;
    let source: string;
    let beforeAfter: BeforeAfter | undefined;
    if (options.csv) {
      const issues: string[] = [];
      const read = await countsFromCsv(options.csv, (i) =>
        issues.push(`row ${i.row}: ${i.message}`)
      );
      issues.slice(0, 20).forEach((i) => err(`${options.csv} ${i}\n`));
      if (issues.length > 20) {
        err(`… and ${issues.length - 20} more problems\n`);
      }
      if (read.used === 0) {
        throw new UsageError(`${options.csv} holds no usable handoff (read ${read.rows} rows)`);
      }
      periods = read.periods;
      asOf = options.asOf ?? periods[periods.length - 1].period;
      source = `${options.csv} (${read.used} handoffs)`;
    } else {
      const alias = options.org ?? 'test';
      const conn = options.connection ?? connect(await resolveOrgAuth(alias));
      if (!options.thresholds) {
        ({ thresholds, source: thresholdSource } = await thresholdsFromOrg(conn, alias));
      }
      const now = options.now ?? new Date();
      const thisMonth = now.toISOString().slice(0, 7);
      asOf = options.asOf ?? addMonths(thisMonth, -1);
      periods = await countsFromOrg(conn, addMonths(asOf, -(months - 1)), asOf, alias, err);
      source = `org ${alias} (Handoff__c aggregates)`;
      beforeAfter = await readBeforeAfter(conn, alias);
    }
    const flags = evaluateRedFlags(periods, thresholds, { asOf, months });
    const up = flags.filter((f) => f.up);
    if (options.json) {
      out(
        `${JSON.stringify(
          {
            asOf,
            months,
            source,
            thresholds: thresholdSource,
            flagUp: up.length > 0,
            flags: flags.map((f) => ({
              developerName: f.threshold.developerName,
              metric: f.threshold.metric,
              evaluated: f.evaluated,
              up: f.up,
              streak: f.streak,
              message: f.message,
              action: f.up ? f.threshold.action : null,
              values: f.values
            })),
            ...(beforeAfter ? { beforeAfter } : {})
          },
          null,
          2
        )}\n`
      );
    } else {
      const lines = [
        `Handoff health as of ${asOf} (${months} months) from ${source}`,
        `Thresholds: ${thresholdSource}`,
        '',
        table(periods, flags),
        '',
        ...flags.map((f) =>
          f.up
            ? `RED FLAG  ${f.message}${f.threshold.action ? `\n          Action: ${f.threshold.action}` : ''}`
            : `${f.evaluated ? 'ok       ' : 'skipped  '} ${f.message}`
        ),
        '',
        ...(beforeAfter ? [...formatBeforeAfter(beforeAfter), ''] : []),
        up.length > 0
          ? `${up.length} red flag${up.length === 1 ? '' : 's'} up (exit status 3).`
          : 'No red flag (exit status 0).'
      ];
      out(`${lines.join('\n')}\n`);
    }
    return {
      exitCode: up.length > 0 ? EXIT_FLAG : 0,
      asOf,
      flags,
      periods,
      thresholdSource,
      beforeAfter
    };
  } catch (e) {
    const message =
      e instanceof UsageError || e instanceof SalesforceError || e instanceof SyntaxError
        ? e.message
        : `Error: ${(e as Error)?.message ?? String(e)}`;
    err(`${message}\n`);
    return { exitCode: EXIT_ERROR, flags: [], periods: [] };
  }
}

/** Parses argv. */
export function parseHealthArgs(argv: string[]): HealthOptions | 'help' {
  const v = parseCli(argv, {
    csv: { type: 'string' },
    org: { type: 'string' },
    thresholds: { type: 'string' },
    'as-of': { type: 'string' },
    months: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean' }
  });
  if (v.help) {
    return 'help';
  }
  return {
    csv: v.csv,
    org: v.org,
    thresholds: v.thresholds,
    asOf: v['as-of'],
    months: intOption(v.months, 'months', 12),
    json: v.json
  };
}

/** The command-line entry point. */
export async function main(argv: string[]): Promise<number> {
  const options = optionsOrExit(argv, parseHealthArgs, USAGE);
  if (typeof options === 'number') {
    return options;
  }
  return (await runHealth(options)).exitCode;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
