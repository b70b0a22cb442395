// Salesforce Graph Engine (sfge): the path-based analysis the AppExchange security review runs.
// From every entry point (@AuraEnabled, @InvocableMethod, global methods, triggers' targets) it
// follows each path to every SOQL query and DML statement and reports the paths with no CRUD/FLS
// check (user mode, stripInaccessible, describe checks) in between, plus its other path rules.
//
// Usage: nice -n 10 tsx scripts/ci/graph-engine.ts [folder ...]   (default: force-app)
//   (npm run analyze:sfge). About 4 minutes on 2 cores with a 6 GB heap; a pre-release command,
//   not part of npm test (docs/security-review.md says why). Writes reports/graph-engine.json.
//   SFGE_HEAP (default 6g) and SFGE_THREADS (default 2) tune the Java side.
//
// Fails (exit 1) on any violation, on any entry point Graph Engine could not finish (an internal
// error, a timeout, a limit reached) that is not listed in ACCEPTED_INCOMPLETE_PATHS with its
// by-hand verification, on a listed entry that no longer occurs (the list cannot go stale), and
// on a Graph Engine suppression (`sfge-disable…`) without its reason.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  OutputFormat,
  type EngineLogEvent,
  type LogEvent,
  type RunResults,
  type Violation
} from '@salesforce/code-analyzer-core';
import { SfgeEnginePlugin } from '@salesforce/code-analyzer-sfge-engine';
import { analysisTargets, formatViolation, sortedViolations } from './code-analyzer';
import { displayPath, elapsed, plural, repoRoot, runCli } from './lib';
import { MIN_REASON_WORDS } from './suppressions';

/** Every Graph Engine rule (CRUD/FLS, sharing, null checks, DML in loops, …): seven in 0.25. */
export const RULE_SELECTORS = ['sfge'];

export const REPORT_FILE = path.join(repoRoot, 'reports', 'graph-engine.json');

/**
 * Java settings. The heap is what the measured run needed (the graph of ~60 classes); two
 * threads because CI and this machine have 2 cores; a path gets 3 minutes before a Timeout.
 */
export function engineConfig(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  return {
    engines: {
      sfge: {
        java_max_heap_size: env.SFGE_HEAP ?? '6g',
        java_thread_count: Number(env.SFGE_THREADS ?? 2),
        java_thread_timeout: 180000
      }
    }
  };
}

/**
 * An entry point Graph Engine cannot follow to the end (it logs an internal error instead of a
 * verdict), verified by hand: `file` is the class file's name, `method` the entry point.
 */
export interface AcceptedIncompletePath {
  file: string;
  method: string;
  /** What was checked by hand, in one line; docs/security-review.md has the full note. */
  verifiedByHand: string;
}

// The note every intake command shares: HandoffIntakeService.lockForChange.
const INTAKE_COMMAND =
  'lockForChange: field edit checked (requireEditable), the handoff read WITH USER_MODE FOR ' +
  'UPDATE, edit access from UserRecordAccess, then the save in SYSTEM_MODE of the checked ' +
  'fields and the stamps; tasks written AccessLevel.USER_MODE';

/**
 * The entry points Graph Engine 0.25 cannot follow in this code, each verified by hand
 * (docs/security-review.md, "Paths Graph Engine cannot follow"). A run fails on one missing here
 * and on an entry here that Graph Engine now follows (then remove it).
 */
export const ACCEPTED_INCOMPLETE_PATHS: AcceptedIncompletePath[] = [
  {
    file: 'HandoffIntakeController.cls',
    method: 'getIntakeView',
    verifiedByHand:
      'read only: HandoffsSelector ...AsUser (WITH USER_MODE), UserRecordAccess, custom metadata'
  },
  {
    file: 'HandoffIntakeController.cls',
    method: 'getMyHandoffs',
    verifiedByHand: 'read only: HandoffsSelector.selectOpenOfCsmAsUser (WITH USER_MODE)'
  },
  { file: 'HandoffIntakeController.cls', method: 'acceptHandoff', verifiedByHand: INTAKE_COMMAND },
  { file: 'HandoffIntakeController.cls', method: 'returnToSales', verifiedByHand: INTAKE_COMMAND },
  {
    file: 'HandoffIntakeController.cls',
    method: 'resubmit',
    verifiedByHand:
      'the handoff read WITH USER_MODE FOR UPDATE, only its AE may act, status and stamps saved ' +
      'in SYSTEM_MODE, return tasks read and closed in user mode'
  },
  {
    file: 'HandoffIntakeController.cls',
    method: 'recordRepeatAsk',
    verifiedByHand: INTAKE_COMMAND
  },
  {
    file: 'HandoffSetupController.cls',
    method: 'getSetupStatus',
    verifiedByHand:
      'read only: the custom permission Handoff_Manage_Setup checked before anything, then ' +
      'setup records and counts read in SYSTEM_MODE; no DML (a failed check is logged by event)'
  },
  {
    file: 'HandoffPanelController.cls',
    method: 'getPanelConfig',
    verifiedByHand:
      'read only: object and field access checked (requireHandoffAccess), the deal read WITH ' +
      'USER_MODE (the employee count only when readable), custom metadata'
  }
];

/** A Graph Engine directive in Apex: `sfge-disable`, `-next-line` or `-stack`, with its rules. */
export interface SfgeDirective {
  file: string;
  line: number;
  directive: string;
  reason: string;
}

const DIRECTIVE = /\/\*\s*(sfge-disable(?:-next-line|-stack)?)\b([^*]*)\*\//;

/**
 * Graph Engine directives in one Apex source. The reason is the `//` comment lines directly
 * above the directive, as for PMD suppressions (scripts/ci/suppressions.ts).
 */
export function directivesIn(file: string, source: string): SfgeDirective[] {
  const lines = source.split(/\r?\n/);
  const found: SfgeDirective[] = [];
  lines.forEach((text, index) => {
    const match = DIRECTIVE.exec(text);
    if (!match) return;
    const reason: string[] = [];
    for (let i = index - 1; i >= 0 && lines[i].trim().startsWith('//'); i -= 1) {
      reason.unshift(lines[i].trim().replace(/^\/\/\s?/, ''));
    }
    found.push({
      file,
      line: index + 1,
      directive: `${match[1]}${match[2].trimEnd()}`,
      reason: reason.join(' ').trim()
    });
  });
  return found;
}

/**
 * Rules of Graph Engine 0.25 that never read an engine directive (they report the anomalies of
 * path expansion directly): a directive naming one suppresses nothing, so it is refused, and the
 * code is written so that Graph Engine can follow the null check instead.
 */
export const RULES_WITHOUT_DIRECTIVES = ['ApexNullPointerException'];

/**
 * Directives without a reason of MIN_REASON_WORDS words, without a rule name, or naming a rule
 * that reads no directives.
 */
export function unexplainedDirectives(directives: readonly SfgeDirective[]): string[] {
  const problems: string[] = [];
  for (const directive of directives) {
    const where = `${directive.file}:${directive.line}`;
    const rules = directive.directive.split(/\s+/).slice(1);
    if (rules.length === 0) {
      problems.push(
        `${where}: ${directive.directive} names no rule (e.g. DatabaseOperationsMustUseWithSharing)`
      );
    }
    for (const rule of rules.filter((name) => RULES_WITHOUT_DIRECTIVES.includes(name))) {
      problems.push(
        `${where}: ${rule} reads no engine directive, so this one suppresses nothing; write the ` +
          'null check as a branch Graph Engine follows (docs/security-review.md)'
      );
    }
    const words = directive.reason.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length;
    if (words < MIN_REASON_WORDS) {
      problems.push(
        `${where}: a Graph Engine suppression needs its reason (a // comment of ` +
          `${MIN_REASON_WORDS}+ words directly above ${directive.directive.split(/\s+/)[0]})`
      );
    }
  }
  return problems;
}

/** An entry point Graph Engine gave up on: an internal error logged by the engine. */
export interface IncompletePath {
  file: string;
  line: number;
  /** The method declared on that line ('' when the line declares none). */
  method: string;
  message: string;
}

const INTERNAL_ERROR =
  /Internal execution error while scanning entry point: (.+?):(\d+):\d+: ([\s\S]*)$/;

/** The name of the method declared on a 1-based line of an Apex source ('' if none). */
export function methodAt(source: string, line: number): string {
  const text = (source.split(/\r?\n/)[line - 1] ?? '').replace(/\/\/.*$/, '');
  const declaration = /(\w+)\s*\(/.exec(text);
  return declaration && !/^(if|for|while|catch|switch)$/i.test(declaration[1])
    ? declaration[1]
    : '';
}

/**
 * Parses the engine's "Internal execution error…" log line; undefined for other messages.
 * `read` gives a file's source, to name the entry point's method.
 */
export function parseIncompletePath(
  message: string,
  read: (file: string) => string = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '')
): IncompletePath | undefined {
  const match = INTERNAL_ERROR.exec(message.trim());
  if (!match) return undefined;
  const line = Number(match[2]);
  return { file: match[1], line, method: methodAt(read(match[1]), line), message: match[3].trim() };
}

/** Splits the incomplete paths into the accepted ones and the rest; lists unused entries. */
export function reconcileIncomplete(
  incomplete: readonly IncompletePath[],
  accepted: readonly AcceptedIncompletePath[] = ACCEPTED_INCOMPLETE_PATHS
): { unexplained: IncompletePath[]; stale: AcceptedIncompletePath[] } {
  const used = new Set<AcceptedIncompletePath>();
  const unexplained = incomplete.filter((entry) => {
    const hit = accepted.find(
      (candidate) =>
        path.basename(entry.file) === candidate.file && entry.method === candidate.method
    );
    if (hit) used.add(hit);
    return !hit;
  });
  return { unexplained, stale: accepted.filter((entry) => !used.has(entry)) };
}

export interface GraphEngineResult {
  results: RunResults;
  ruleCount: number;
  incomplete: IncompletePath[];
  /** Engine errors other than an entry point's internal error: the run itself failed. */
  engineErrors: string[];
  progress: string[];
}

/** Runs the Graph Engine rules over the targets; messages go to `log`. */
export async function analyzeWithGraphEngine(
  targets: readonly string[],
  log: (message: string) => void = console.error,
  env: NodeJS.ProcessEnv = process.env
): Promise<GraphEngineResult> {
  const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.fromObject(engineConfig(env), repoRoot));
  const progress: string[] = [];
  analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
    if (event.logLevel <= LogLevel.Warn) log(`graph-engine: ${event.message}`);
  });
  const incomplete: IncompletePath[] = [];
  const engineErrors: string[] = [];
  analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
    if (event.logLevel > LogLevel.Info) return;
    if (event.logLevel > LogLevel.Error) {
      progress.push(event.message);
      return;
    }
    const parsed = parseIncompletePath(event.message);
    if (parsed) incomplete.push(parsed);
    else engineErrors.push(`${event.engineName}: ${event.message}`);
    log(`${event.engineName}: ${event.message}`);
  });
  await analyzer.addEnginePlugin(
    new SfgeEnginePlugin() as unknown as Parameters<CodeAnalyzer['addEnginePlugin']>[0]
  );
  const workspace = await analyzer.createWorkspace([...targets]);
  const selection = await analyzer.selectRules(RULE_SELECTORS, { workspace });
  const results = await analyzer.run(selection, { workspace });
  return { results, ruleCount: selection.getCount(), incomplete, engineErrors, progress };
}

async function main(argv: readonly string[]): Promise<number> {
  const start = Date.now();
  const { targets, where, javaMajor } = analysisTargets(argv);
  const apex = targets.filter((file) => /\.(cls|trigger)$/.test(file));
  if (apex.length === 0) {
    console.log(`No Apex to analyze under ${where} (pass).`);
    return 0;
  }

  const directives = apex.flatMap((file) => directivesIn(file, readFileSync(file, 'utf8')));
  const unexplainedSuppressions = unexplainedDirectives(directives);
  for (const problem of unexplainedSuppressions) console.error(displayPath(problem));

  const { results, ruleCount, incomplete, engineErrors } = await analyzeWithGraphEngine(targets);
  const violations: Violation[] = sortedViolations(results);
  for (const violation of violations) console.log(formatViolation(violation));

  const { unexplained, stale } = reconcileIncomplete(incomplete);
  for (const entry of unexplained) {
    console.error(
      `${displayPath(entry.file)}:${entry.line} Graph Engine could not follow the entry point ` +
        `${entry.method || '(unnamed)'}: ${entry.message.slice(0, 300)}. Verify its path by hand ` +
        'and list it in ACCEPTED_INCOMPLETE_PATHS and docs/security-review.md'
    );
  }
  for (const entry of stale) {
    console.error(
      `ACCEPTED_INCOMPLETE_PATHS: ${entry.file} ${entry.method} no longer fails in Graph Engine; ` +
        'remove the entry (and its note in docs/security-review.md)'
    );
  }

  mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, results.toFormattedOutput(OutputFormat.JSON));
  console.log(
    `${plural(apex.length, 'Apex file')} under ${where}, ${plural(ruleCount, 'rule')} ` +
      `(Java ${javaMajor}): ${plural(violations.length, 'violation')}, ` +
      `${plural(incomplete.length, 'entry point')} not followed ` +
      `(${incomplete.length - unexplained.length} verified by hand), ` +
      `${plural(directives.length, 'suppression')} (${elapsed(start)})`
  );
  console.log(`Report: ${displayPath(REPORT_FILE)}`);
  const failures = [
    [violations.length, 'violation'],
    [unexplained.length, 'entry point not followed and not verified by hand'],
    [stale.length, 'stale ACCEPTED_INCOMPLETE_PATHS entry'],
    [unexplainedSuppressions.length, 'suppression without its reason'],
    [engineErrors.length, 'engine error']
  ] as const;
  const failed = failures.filter(([count]) => count > 0);
  if (failed.length > 0) {
    console.error(
      `graph-engine: ${failed.map(([count, what]) => plural(count, what)).join(', ')} (fail)`
    );
  }
  return failed.length > 0 ? 1 : 0;
}

if (require.main === module) runCli('graph-engine', () => main(process.argv.slice(2)));
