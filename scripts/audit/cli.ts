/**
 * `npm run audit`: the current-state audit. Scores past closed-won deals — from a CSV export or
 * from an org through the sf CLI's stored login — against the handoff rules with the shared
 * evaluator, and writes the gap analysis as Markdown, HTML and CSV. See docs/audit.md.
 *
 *   npm run audit -- --csv data/sample-closed-won.csv --activities data/sample-activities.csv
 *   npm run audit -- --org my-org --since 2025-01-01
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Connection } from 'jsforce';
import {
  EXIT_ERROR,
  LineWriter,
  UsageError,
  intOption,
  optionsOrExit,
  parseCli
} from '../lib/cli.ts';
import { CSV_BOM, safeCsvLine, type CsvFooter } from '../lib/csv.ts';
import { parseDay } from '../lib/dates.ts';
import type { RuleConfig } from '../lib/evaluator.ts';
import { createProgress } from '../lib/progress.ts';
import { loadRuleConfig, ruleFieldsOf, segmentsOf } from '../lib/ruleConfig.ts';
import { SalesforceError, connect, resolveOrgAuth } from '../lib/salesforce.ts';
import { CsvActivityIndex, DEFAULT_HORIZON_DAYS } from './activities.ts';
import { BASELINE_FILE, buildBaseline } from './baseline.ts';
import { ColumnMismatch, readCsvDeals } from './csvSource.ts';
import { chooseDateFormat, describeDateFormat, type DateFormatChoice } from './dateFormats.ts';
import { AuditEngine, type AuditIssue, type Scope } from './engine.ts';
import {
  checkFieldNames,
  loadMapping,
  scoredFields,
  type FieldSource,
  type Mapping
} from './mapping.ts';
import { OrgActivities, readOrgDeals, type OrgReadInfo } from './orgSource.ts';
import { Placeholders } from './placeholders.ts';
import { buildReport, renderCsv, renderHtml, renderMarkdown, type AuditReport } from './report.ts';
import { matchingPreset, suggestMapping } from './suggest.ts';

/** Where a suggested mapping is written when the file's columns do not fit the mapping. */
export const SUGGESTION_FILE = 'suggested-mapping.json';

export const USAGE = `Usage: npm run audit -- (--csv <file> | --org <alias>) [options]

Scores past closed-won deals against the handoff rules and writes a gap analysis.

Source (one of):
  --csv <file>            a CSV export of closed-won Opportunities
  --org <alias>           an org the sf CLI is logged in to (sf org login web --alias <alias>)

Which deals (default: the last 15 closed-won deals):
  --last <n>              the last n deals by close date
  --since <YYYY-MM-DD>    every deal closed on or after the date
  --all                   every closed-won deal
  --segment <name>        only deals in this segment (as the rules derive it)

Options:
  --activities <file>     CSV of Tasks/Events for the time to first CSM activity (CSV source)
  --mapping <file>        column mapping (default data/mapping.default.json); presets:
                          data/mapping.salesforce-report.json (a report, Details Only),
                          data/mapping.data-loader.json, data/mapping.hubspot-deals.json
  --rules <file>          rule config JSON (default: the shipped config in the conformance vectors)
  --rules-config <name>   which config of a vectors-shaped rules file (default shipped)
  --out <dir>             where the reports go (default reports/audit)
  --bulk-threshold <n>    from an org, use the Bulk API above n deals (default 10000)
  --bulk-timeout <min>    give up waiting for a Bulk API job after this many minutes (default 20)
  --horizon <days>        count CSM activities up to this many days after close (default 180)
  --deals                 list every audited deal in deals.csv (always done for --last)
  --quiet                 no progress or issue lines on stderr
  --help                  this text

Exit status: 0 when deals were audited (bad rows are reported and skipped), 1 when nothing
usable remains, when the file's columns do not fit the mapping (a suggested mapping is
printed), or on an error.`;

/** Everything a run needs; the CLI fills it from argv, tests directly. */
export interface AuditOptions {
  csv?: string;
  org?: string;
  activities?: string;
  scope: Scope;
  segment?: string;
  mapping?: string;
  rules?: string;
  rulesConfig?: string;
  out: string;
  bulkThreshold?: number;
  bulkTimeoutMs?: number;
  bulkPollMs?: number;
  bulkPageSize?: number;
  horizonDays?: number;
  /** list every audited deal in deals.csv (the "last N" scope always does) */
  deals?: boolean;
  quiet?: boolean;
  /** fixed "generated at" time (tests) */
  now?: Date;
  /** an open connection instead of the sf CLI login (tests) */
  connection?: Connection;
  /** where progress and problems go (default stderr) */
  log?: (line: string) => void;
}

/** The result of a run. */
export interface AuditOutcome {
  exitCode: number;
  report: AuditReport | null;
  files: string[];
  org?: OrgReadInfo;
  message: string;
  /** how many times the rule evaluator ran (distinct deal patterns; the rest were memoised) */
  evaluations?: number;
}

/** How many problems are printed on stderr before the summary line. */
const STDERR_ISSUES = 20;

function scopeText(scope: Scope, date?: string): string {
  switch (scope.kind) {
    case 'last':
      return `the last ${scope.count} closed-won deals`;
    case 'since':
      return `closed-won deals closed on or after ${date ?? ''}`;
    default:
      return 'all closed-won deals';
  }
}

function stamp(now: Date): string {
  return `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The rule config with the mapping's expansion Type values added to the rules' own. */
function withExpansionTypes(config: RuleConfig, extra: readonly string[]): RuleConfig {
  if (extra.length === 0) {
    return config;
  }
  const own = config.settings.expansionOpportunityTypes;
  const known = new Set(own.map((t) => t.trim().toLowerCase()));
  return {
    ...config,
    settings: {
      ...config.settings,
      expansionOpportunityTypes: [...own, ...extra.filter((t) => !known.has(t.toLowerCase()))]
    }
  };
}

/** The columns of the mapping that hold dates (close date, date fields) of a deals file. */
function dateColumns(mapping: Mapping, fields: readonly FieldSource[]): string[] {
  return [
    mapping.deal.closeDate,
    ...fields.filter((f) => f.type === 'date').flatMap((f) => f.columns)
  ];
}

/** Why the file's header does not fit the mapping, with what to do about it. */
function mismatchMessage(
  e: ColumnMismatch,
  csv: string,
  mapping: Mapping,
  fields: readonly string[],
  suggestionFile: string | null
): string {
  const columns = e.info.columns;
  const lines: string[] = [];
  if (e.reason === 'header-broken') {
    return `The header row (line 1) of ${csv} is malformed, so no column can be mapped: ${e.message}`;
  }
  if (e.reason === 'key-columns') {
    const missing = [mapping.deal.id, mapping.deal.closeDate].filter(
      (c) => !columns.some((x) => x.toLowerCase() === c.toLowerCase())
    );
    lines.push(
      `${csv} lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(' and ')} the mapping (${mapping.file}) names for the deal id and close date.`
    );
  } else {
    lines.push(
      `No handoff column of the mapping (${mapping.file}) is in ${csv}: every handoff field would count as blank, so the audit stops here instead of reporting 0% complete.`
    );
  }
  lines.push(
    `The file's ${columns.length} column${columns.length === 1 ? '' : 's'}: ${columns.map((c) => `"${c}"`).join(', ')}.`
  );
  const preset = matchingPreset(columns);
  if (preset !== null && resolve(preset.file) !== resolve(mapping.file)) {
    lines.push(`It looks like ${preset.what}: try --mapping ${preset.file}`);
  }
  const suggestion = suggestMapping(columns, fields, csv);
  lines.push(
    `A mapping built from the closest column names (check every line; null = not captured)${suggestionFile ? `, saved as ${suggestionFile}` : ''}:`,
    JSON.stringify(suggestion, null, 2)
  );
  return lines.join('\n');
}

/** Runs an audit. Never throws for bad input; errors become exit status 1 with a message. */
export async function runAudit(options: AuditOptions): Promise<AuditOutcome> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const say = options.quiet ? () => undefined : log;
  const out = resolve(options.out);
  const files: string[] = [];
  let dealWriter: LineWriter | null = null;
  let issueWriter: LineWriter | null = null;
  let mismatch: { csv: string; mapping: Mapping; fields: string[] } | null = null;
  try {
    if (!options.csv === !options.org && !options.connection) {
      throw new UsageError('Give exactly one source: --csv <file> or --org <alias>');
    }
    if (options.activities && !options.csv) {
      throw new UsageError(
        '--activities goes with --csv (an org audit reads Tasks and Events itself)'
      );
    }
    const rules = loadRuleConfig(options.rules, options.rulesConfig);
    const mapping = loadMapping(options.mapping);
    const ruleFields = ruleFieldsOf(rules.config);
    checkFieldNames(mapping, ruleFields);
    const config = withExpansionTypes(rules.config, mapping.expansionTypes);
    const segments = segmentsOf(config);
    if (
      options.segment &&
      !segments.some((s) => s.toLowerCase() === options.segment?.trim().toLowerCase())
    ) {
      throw new UsageError(
        `Unknown segment "${options.segment}"; the rules' segments are ${segments.join(', ')}`
      );
    }
    const fields = scoredFields(mapping, ruleFields);
    if (options.csv && !existsSync(options.csv)) {
      throw new UsageError(`No such file: ${options.csv}`);
    }
    if (options.activities && !existsSync(options.activities)) {
      throw new UsageError(`No such file: ${options.activities}`);
    }
    const dates: DateFormatChoice = options.csv
      ? chooseDateFormat(
          mapping.dateFormat,
          options.csv,
          dateColumns(mapping, fields),
          mapping.delimiter
        )
      : { format: 'YYYY-MM-DD', origin: 'default', sampled: 0, alsoFits: [], from: [] };
    const placeholders =
      mapping.placeholders.words.length === 0 && !mapping.placeholders.symbols
        ? null
        : new Placeholders(mapping.placeholders);
    mkdirSync(out, { recursive: true });
    rmSync(join(out, SUGGESTION_FILE), { force: true });
    const listDeals = options.scope.kind === 'last' || options.deals === true;
    if (listDeals) {
      dealWriter = new LineWriter(join(out, 'deals.csv'));
    } else {
      rmSync(join(out, 'deals.csv'), { force: true });
    }
    issueWriter = new LineWriter(join(out, 'issues.csv'));
    issueWriter.write(
      `${CSV_BOM}${safeCsvLine(['File', 'Row', 'Last Row', 'Severity', 'Kind', 'Skipped', 'Problem'])}`
    );
    let shownIssues = 0;
    const issueSink = (i: AuditIssue): void => {
      issueWriter?.write(
        safeCsvLine([
          i.file,
          i.row,
          i.lastRow ?? i.row,
          i.severity,
          i.kind,
          i.skipped ? 'yes' : 'no',
          i.message
        ])
      );
      if (shownIssues < STDERR_ISSUES) {
        const rows = i.lastRow !== undefined ? `rows ${i.row}–${i.lastRow}` : `row ${i.row}`;
        say(`${i.file} ${rows}: ${i.severity}: ${i.message}`);
      }
      shownIssues++;
    };
    const horizon = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
    const dealsOut = dealWriter;
    let headerWritten = false;
    const engineOptions = {
      config,
      fields,
      dateFormat: dates.format,
      scope: options.scope,
      segment: options.segment,
      wonStages: options.csv ? mapping.wonStages : [],
      dealSink: dealsOut
        ? (line: string) => {
            // The first line (the header) starts with the byte-order mark.
            dealsOut.write(headerWritten ? line : `${CSV_BOM}${line}`);
            headerWritten = true;
          }
        : undefined,
      issueSink,
      placeholders
    };
    let engine: AuditEngine;
    let source: string;
    let activitiesText: string | undefined;
    let activityDates: string | undefined;
    let activityHint: string | null = null;
    let org: OrgReadInfo | undefined;
    let found: Map<string, string[]> | undefined;
    let absent: Map<string, string[]> | undefined;
    let footer: CsvFooter | null = null;
    if (options.csv) {
      engine = new AuditEngine(engineOptions);
      if (options.activities) {
        const activityFormat = chooseDateFormat(
          mapping.dateFormat,
          options.activities,
          [mapping.activities.date],
          ','
        );
        const index = await CsvActivityIndex.load(
          options.activities,
          mapping.activities,
          activityFormat.format,
          engine,
          horizon
        );
        engine.setActivities(index);
        activitiesText = `${options.activities} (${index.stats.used} activities used, ${index.stats.notCsm} not by a CSM role, ${index.stats.skipped} skipped${index.stats.footerLines > 0 ? `; report footer ignored (${index.stats.footerLines} lines)` : ''})`;
        activityDates = describeDateFormat(activityFormat);
        activityHint = index.dateHint;
      }
      const progress = createProgress(`Reading ${options.csv}`, {
        unit: 'bytes',
        quiet: options.quiet
      });
      mismatch = { csv: options.csv, mapping, fields: fields.map((f) => f.apiName) };
      const info = await readCsvDeals(options.csv, mapping, engine, progress);
      mismatch = null;
      progress.done();
      if (!info.usable) {
        throw new UsageError(`${options.csv} has no header row`);
      }
      source = `CSV export ${options.csv}`;
      found = info.fieldColumns;
      absent = info.absentColumns;
      footer = info.footer;
      if (footer !== null) {
        say(
          `deals: Salesforce report footer ignored (${footer.lines} line${footer.lines === 1 ? '' : 's'}, rows ${footer.firstLine}–${footer.lastLine})`
        );
      }
    } else {
      const alias = options.org ?? 'test';
      let conn = options.connection;
      if (!conn) {
        const auth = await resolveOrgAuth(alias);
        conn = connect(auth);
      }
      engine = new AuditEngine(engineOptions);
      engine.setActivities(new OrgActivities(conn, alias, horizon));
      const progress = createProgress('Fetching deals', { unit: 'records', quiet: options.quiet });
      org = await readOrgDeals(conn, mapping, engine, {
        alias,
        scope: options.scope,
        segmentFilter: Boolean(options.segment),
        bulkThreshold: options.bulkThreshold,
        bulkTimeoutMs: options.bulkTimeoutMs,
        bulkPollMs: options.bulkPollMs,
        bulkPageSize: options.bulkPageSize,
        progress,
        log: say
      });
      progress.done();
      source = `org ${alias} (${conn.instanceUrl}, ${org.api === 'bulk' ? 'Bulk API 2.0' : 'REST API'})`;
      activitiesText = 'Tasks and Events in the org';
      found = org.fieldColumns;
    }
    const result = await engine.finish();
    if (dealWriter) {
      dealWriter.close();
      dealWriter = null;
      files.push(join(out, 'deals.csv'));
    }
    issueWriter.close();
    issueWriter = null;
    files.push(join(out, 'issues.csv'));
    if (shownIssues > STDERR_ISSUES) {
      say(
        `… and ${shownIssues - STDERR_ISSUES} more problems (all are in ${relative(process.cwd(), join(out, 'issues.csv'))})`
      );
    }
    const dateHints = [...result.dateHints, ...(activityHint ? [activityHint] : [])];
    for (const hint of dateHints) {
      say(`hint: ${hint}`);
    }
    const report = buildReport(
      result,
      config,
      {
        generatedAt: stamp(options.now ?? new Date()),
        generatedIso: (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        source,
        mapping: `${mapping.name} (${mapping.file})`,
        rules: rules.source,
        scope: scopeText(
          options.scope,
          options.scope.kind === 'since'
            ? new Date(options.scope.day * 86_400_000).toISOString().slice(0, 10)
            : undefined
        ),
        segment: options.segment,
        activities: activitiesText,
        dealsListed: listDeals,
        dates: options.csv ? describeDateFormat(dates) : 'YYYY-MM-DD (the org’s own)',
        activityDates,
        dateHints,
        footer,
        placeholders: placeholders
          ? `${placeholders.settings.origin === 'default' ? 'the default list' : placeholders.settings.origin} (${placeholders.size} words${placeholders.settings.symbols ? ', any value without a letter or digit' : ''}, spaces only); see docs/audit.md`
          : 'none (the mapping turns them off)',
        expansionFromMapping: mapping.expansionTypes,
        expansionTypes: config.settings.expansionOpportunityTypes
      },
      { found, absent }
    );
    const write = (name: string, text: string): void => {
      writeFileSync(join(out, name), text);
      files.push(join(out, name));
    };
    write('audit.md', renderMarkdown(report));
    write('audit.html', renderHtml(report));
    const tables = renderCsv(report);
    for (const [name, text] of Object.entries(tables)) {
      write(name, text);
    }
    if (!tables['first-touch.csv']) {
      rmSync(join(out, 'first-touch.csv'), { force: true });
    }
    write(BASELINE_FILE, `${JSON.stringify(buildBaseline(report), null, 2)}\n`);
    if (report.audited === 0) {
      const why =
        report.rowsRead === 0
          ? 'the source holds no deals'
          : report.skipped === report.rowsRead
            ? 'every row had bad input'
            : 'no deal matched the scope';
      return {
        exitCode: EXIT_ERROR,
        report,
        files,
        org,
        evaluations: engine.scorer.evaluations,
        message:
          `Nothing to audit: ${why} (read ${report.rowsRead} rows, skipped ${report.skipped}). Reports written to ${relative(process.cwd(), out) || '.'}` +
          dateHints.map((h) => `\nHint: ${h}.`).join('')
      };
    }
    return {
      exitCode: 0,
      report,
      files,
      org,
      evaluations: engine.scorer.evaluations,
      message:
        `Audited ${plural(report.audited, 'deal')}: ${report.complete} complete, average completeness ${report.averageCompleteness}%` +
        `${report.skipped > 0 ? `; ${plural(report.skipped, 'row')} skipped for bad input` : ''}.\n` +
        `Reports: ${relative(process.cwd(), join(out, 'audit.md'))}, audit.html, ${BASELINE_FILE} and CSV tables in ${relative(process.cwd(), out) || '.'}`
    };
  } catch (e) {
    dealWriter?.close();
    issueWriter?.close();
    let message: string;
    if (e instanceof ColumnMismatch && mismatch !== null) {
      let saved: string | null = null;
      if (e.reason !== 'header-broken') {
        const file = join(out, SUGGESTION_FILE);
        writeFileSync(
          file,
          `${JSON.stringify(suggestMapping(e.info.columns, mismatch.fields, mismatch.csv), null, 2)}\n`
        );
        files.push(file);
        saved = relative(process.cwd(), file);
      }
      message = mismatchMessage(e, mismatch.csv, mismatch.mapping, mismatch.fields, saved);
    } else {
      message =
        e instanceof UsageError || e instanceof SalesforceError
          ? e.message
          : e instanceof Error && /^(Mapping|Rule config) /.test(e.message)
            ? e.message
            : `Unexpected error: ${(e as Error)?.stack ?? String(e)}`;
    }
    return { exitCode: EXIT_ERROR, report: null, files, message };
  }
}

/** "1 deal", "2 deals". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Parses argv into options. */
export function parseAuditArgs(argv: string[]): AuditOptions | 'help' {
  const v = parseCli(argv, {
    csv: { type: 'string' },
    org: { type: 'string' },
    activities: { type: 'string' },
    last: { type: 'string' },
    since: { type: 'string' },
    all: { type: 'boolean' },
    segment: { type: 'string' },
    mapping: { type: 'string' },
    rules: { type: 'string' },
    'rules-config': { type: 'string' },
    out: { type: 'string' },
    'bulk-threshold': { type: 'string' },
    'bulk-timeout': { type: 'string' },
    horizon: { type: 'string' },
    deals: { type: 'boolean' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean' }
  });
  if (v.help) {
    return 'help';
  }
  const chosen = [v.last !== undefined, v.since !== undefined, v.all === true].filter(
    Boolean
  ).length;
  if (chosen > 1) {
    throw new UsageError('Use only one of --last, --since and --all');
  }
  let scope: Scope = { kind: 'last', count: 15 };
  if (v.last !== undefined) {
    scope = { kind: 'last', count: intOption(v.last, 'last', 15) };
  } else if (v.since !== undefined) {
    const day = parseDay(v.since);
    if (Number.isNaN(day) || v.since.trim().length !== 10) {
      throw new UsageError(`--since must be a date as YYYY-MM-DD (got "${v.since}")`);
    }
    scope = { kind: 'since', day };
  } else if (v.all) {
    scope = { kind: 'all' };
  }
  return {
    csv: v.csv,
    org: v.org,
    activities: v.activities,
    scope,
    segment: v.segment,
    mapping: v.mapping,
    rules: v.rules,
    rulesConfig: v['rules-config'],
    out: v.out ?? 'reports/audit',
    bulkThreshold: intOption(v['bulk-threshold'], 'bulk-threshold', 10_000, 0),
    bulkTimeoutMs: intOption(v['bulk-timeout'], 'bulk-timeout', 20) * 60_000,
    horizonDays: intOption(v.horizon, 'horizon', DEFAULT_HORIZON_DAYS),
    deals: v.deals,
    quiet: v.quiet
  };
}

/** The command-line entry point. */
export async function main(argv: string[]): Promise<number> {
  const options = optionsOrExit(argv, parseAuditArgs, USAGE);
  if (typeof options === 'number') {
    return options;
  }
  const outcome = await runAudit(options);
  (outcome.exitCode === 0 ? process.stdout : process.stderr).write(`${outcome.message}\n`);
  return outcome.exitCode;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
