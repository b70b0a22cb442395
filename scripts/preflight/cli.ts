/**
 * `npm run preflight -- --target-org <alias>`: before installing, reads the org (REST, Tooling
 * and Metadata API read calls through jsforce, with the sf CLI's stored login) and reports
 * what will fail or needs configuration, as Markdown and HTML in reports/preflight/ and a
 * console summary. Nothing is written to the org; `--validate` adds a check-only deploy with
 * local tests. See docs/preflight.md.
 *
 *   npm run preflight -- --target-org my-org
 *   npm run preflight -- --target-org my-org --validate
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Connection } from 'jsforce';
import { UsageError, intOption, optionsOrExit, parseCli } from '../lib/cli.ts';
import { PROJECT_ROOT } from '../lib/ruleConfig.ts';
import { SalesforceError, connect, resolveOrgAuth } from '../lib/salesforce.ts';
import { CHECKS, runChecks } from './checks/index.ts';
import { organizationOf, type CheckDef } from './checks/shared.ts';
import { EXIT, exitStatusOf, type CheckResult } from './model.ts';
import { loadProject, type ProjectExpectations } from './project.ts';
import { OrgReader } from './reader.ts';
import { renderConsole, renderHtml, renderMarkdown, type PreflightReport } from './report.ts';
import { validateDeploy, type CommandRunner } from './validate.ts';

export const USAGE = `Usage: npm run preflight -- --target-org <alias> [options]

Reads an org before installing Handoff for Salesforce and reports, check by check, what will
fail or needs configuration. Only read calls are made; --validate adds a check-only deploy.

  --target-org, -o <alias>  an org the sf CLI is logged in to (sf org login web --alias <alias>)
  --validate                also run sf project deploy validate --source-dir force-app
                            --test-level RunLocalTests and group its failures by cause
  --wait <minutes>          how long --validate waits for the org (default 60)
  --out <dir>               where the report goes (default reports/preflight)
  --quiet                   no progress lines on stderr
  --help                    this text

Writes preflight.md, preflight.html and preflight.json to the report folder.

Exit status: 0 no blocking finding (warnings may remain); 2 a blocking finding (a check
failed, or the validation failed); 3 nothing blocking was found but some checks could not be
read; 1 usage error, or the login or the project could not be read.`;

/** Everything a run needs; the CLI fills it from argv, tests directly. */
export interface PreflightOptions {
  alias: string;
  out: string;
  validate?: boolean;
  waitMinutes?: number;
  quiet?: boolean;
  /** tests: a connection instead of the sf CLI's login */
  connection?: Connection;
  /** tests: the project's expectations (default: read from force-app) */
  project?: ProjectExpectations;
  /** tests: only these checks */
  checks?: CheckDef[];
  /** the report's timestamp (default now) */
  now?: Date;
  /** tests: runs sf and npm for --validate */
  run?: CommandRunner;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

export interface PreflightOutcome {
  exitCode: number;
  report?: PreflightReport;
  files: string[];
}

/** Runs the preflight and writes the report. */
export async function runPreflight(options: PreflightOptions): Promise<PreflightOutcome> {
  const stdout = options.stdout ?? ((t: string) => process.stdout.write(t));
  const stderr = options.stderr ?? ((t: string) => process.stderr.write(t));
  const progress = (line: string): void => {
    if (!options.quiet) {
      stderr(`${line}\n`);
    }
  };
  let project: ProjectExpectations;
  try {
    project = options.project ?? loadProject();
  } catch (e) {
    stderr(`Could not read the project's metadata in force-app: ${(e as Error).message}\n`);
    return { exitCode: EXIT.error, files: [] };
  }
  let conn: Connection;
  let username: string | undefined;
  try {
    if (options.connection) {
      conn = options.connection;
    } else {
      const auth = await resolveOrgAuth(options.alias);
      username = auth.username;
      conn = connect(auth);
    }
  } catch (e) {
    stderr(`${e instanceof SalesforceError ? e.message : `Error: ${(e as Error).message}`}\n`);
    return { exitCode: EXIT.error, files: [] };
  }
  const org = new OrgReader(conn, options.alias);
  const checks = options.checks ?? CHECKS;
  progress(`Reading ${options.alias} (read-only): ${checks.length} checks…`);
  const results: CheckResult[] = await runChecks(checks, { org, project, today: new Date() });
  if (options.validate) {
    results.push(
      await validateDeploy({
        alias: options.alias,
        project,
        waitMinutes: options.waitMinutes,
        run: options.run,
        progress
      })
    );
  }
  let orgName: string | undefined;
  try {
    orgName = (await organizationOf(org)).Name;
  } catch {
    orgName = undefined;
  }
  const report: PreflightReport = {
    alias: options.alias,
    username,
    instanceUrl: conn.instanceUrl,
    orgName,
    generatedAt: (options.now ?? new Date()).toISOString(),
    apiVersion: conn.version,
    calls: org.calls,
    validated: options.validate === true,
    results,
    exitCode: exitStatusOf(results)
  };
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const files = [
    [join(out, 'preflight.md'), renderMarkdown(report)],
    [join(out, 'preflight.html'), renderHtml(report)],
    [join(out, 'preflight.json'), `${JSON.stringify(report, null, 2)}\n`]
  ];
  for (const [path, text] of files) {
    writeFileSync(path, text);
  }
  const shown = files.map(([path]) => relative(process.cwd(), path) || path);
  stdout(renderConsole(report, shown.slice(0, 2)));
  return { exitCode: report.exitCode, report, files: files.map(([p]) => p) };
}

/** Parses argv. */
export function parsePreflightArgs(argv: string[]): PreflightOptions | 'help' {
  const v = parseCli(argv, {
    'target-org': { type: 'string', short: 'o' },
    validate: { type: 'boolean' },
    wait: { type: 'string' },
    out: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean' }
  });
  if (v.help) {
    return 'help';
  }
  const alias = v['target-org'];
  if (!alias) {
    throw new UsageError(
      'Give the org to check: --target-org <alias> (an org the sf CLI is logged in to)'
    );
  }
  if (v.wait !== undefined && !v.validate) {
    throw new UsageError('--wait only applies with --validate');
  }
  return {
    alias,
    validate: v.validate === true,
    waitMinutes: intOption(v.wait, 'wait', 60),
    out: v.out ?? join(PROJECT_ROOT, 'reports', 'preflight'),
    quiet: v.quiet === true
  };
}

/** The command-line entry point. */
export async function main(argv: string[]): Promise<number> {
  const options = optionsOrExit(argv, parsePreflightArgs, USAGE);
  if (typeof options === 'number') {
    return options;
  }
  return (await runPreflight(options)).exitCode;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
