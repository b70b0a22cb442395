// Salesforce Code Analyzer v5, run from Node through @salesforce/code-analyzer-core (the sf
// plugin cannot be installed from this registry). Engines: pmd (+cpd, same plugin), flow,
// eslint, regex. Rules: every engine's Recommended rules plus PMD's Security and AppExchange
// categories. Fails (exit 1) on any violation of severity 1 (Critical), 2 (High) or 3 (Moderate):
// every accepted finding is suppressed where it stands with its reason (suppressions.ts), so a
// new one fails the build. Low (4) and Info (5) findings are printed, not failed.
//
// Usage: tsx scripts/ci/code-analyzer.ts [folder ...]   (default: force-app)
//   Writes the full results as JSON to reports/code-analyzer.json (git-ignored).
// Needs Java >= 11 (PMD) and python3 >= 3.10 (flow engine).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  OutputFormat,
  SeverityLevel,
  type EngineLogEvent,
  type LogEvent,
  type RunResults,
  type Violation
} from '@salesforce/code-analyzer-core';
import { ESLintEnginePlugin } from '@salesforce/code-analyzer-eslint-engine';
import { FlowScannerEnginePlugin } from '@salesforce/code-analyzer-flow-engine';
import { PmdCpdEnginesPlugin } from '@salesforce/code-analyzer-pmd-engine';
import { RegexEnginePlugin } from '@salesforce/code-analyzer-regex-engine';
import {
  displayPath,
  elapsed,
  plural,
  repoRoot,
  runCli,
  sourceFolders,
  UsageError,
  walkFiles
} from './lib';
import { checkSuppressions } from './suppressions';

export const RULE_SELECTORS = ['Recommended', 'pmd:Security', 'pmd:AppExchange'];

/**
 * Severity 1 to 3 fail the build. HOUSE_STYLE.md asks for no violation at severity 1 or 2; the
 * Moderate ones are gated too, since each one the project accepts is suppressed where it stands
 * with its reason (@SuppressWarnings with a `//` comment, NOPMD with text, or Code Analyzer's
 * code-analyzer-suppress marker in metadata), so any unsuppressed one is new.
 */
export const FAILING_SEVERITY = SeverityLevel.Moderate;

export const REPORT_FILE = path.join(repoRoot, 'reports', 'code-analyzer.json');

/**
 * Engine configuration.
 *
 * ESLint: the engine does NOT load our eslint.config.js (`auto_discover_eslint_config: false`).
 * ESLint with our config already runs in `npm run lint` (Babel-parsed LWC TypeScript plus Jest
 * rules); loading it here too would lint every file twice with two parser setups. Instead the
 * engine applies Salesforce's own base configs to what we target: typescript-eslint rules on
 * the LWC `.ts`, SLDS rules on `.html`/`.css`. The JavaScript base config is off because the
 * only `.js` in force-app is tsc output (not targeted), and React is off (no React here).
 */
export const ANALYZER_CONFIG = {
  engines: {
    eslint: {
      auto_discover_eslint_config: false,
      disable_javascript_base_config: true,
      disable_react_base_config: true
    }
  },
  rules: {
    pmd: {
      // HOUSE_STYLE.md: "No SOQL or DML inside loops". PMD rates it Moderate (3); High (2)
      // makes the build enforce it.
      OperationWithLimitsInLoop: { severity: SeverityLevel.High }
    }
  }
};

/**
 * Which files under force-app are analysed: not the JavaScript that tsc emits next to an LWC
 * `.ts` (ESLint lints the `.ts`), not Jest tests (`__tests__`, force-app/test).
 */
export function selectTargets(root: string): string[] {
  const testRoot = path.join(path.resolve(root), 'test') + path.sep;
  return walkFiles(
    root,
    (file) =>
      !file.startsWith(testRoot) &&
      !(file.endsWith('.js') && existsSync(file.replace(/\.js$/, '.ts'))),
    { skipDirs: ['__tests__', '__mocks__', 'jest-mocks'] }
  );
}

/** Fails with install instructions when `java` (>= 11, for PMD) is missing or too old. */
export function checkJava(javaCommand = 'java'): string {
  const run = spawnSync(javaCommand, ['-version'], { encoding: 'utf8' });
  const install = 'install Java 17: apt-get install -y openjdk-17-jre-headless';
  if (run.error || run.status !== 0) {
    throw new UsageError(
      `PMD needs Java >= 11 and \`${javaCommand}\` was not found or did not run; ${install}`
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${run.stderr}${run.stdout}`);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : NaN;
  if (!(major >= 11)) {
    throw new UsageError(
      `PMD needs Java >= 11, found ${match?.[0] ?? 'an unknown version'}; ${install}`
    );
  }
  return String(major);
}

export interface AnalysisTargets {
  /** The files to analyse (selectTargets under each folder). */
  targets: string[];
  /** The folders, as the summary line names them. */
  where: string;
  /** The Java major version PMD and Graph Engine will run on. */
  javaMajor: string;
}

/**
 * What Code Analyzer and Graph Engine run on: the files selected under the folders given on the
 * command line (force-app when none), once Java is known to run.
 */
export function analysisTargets(argv: readonly string[]): AnalysisTargets {
  const roots = sourceFolders(argv);
  const javaMajor = checkJava();
  return {
    targets: roots.flatMap(selectTargets),
    where: roots.map((root) => displayPath(root)).join(', '),
    javaMajor
  };
}

/**
 * The newest flow engine this registry has (0.22.0) is built on engine-api 0.24, whose Engine
 * lacks `removeEventListener`, which core 0.52 calls after describing rules. The shim adds it
 * (the old Engine keeps its listeners in a Node EventEmitter). Drop it once the flow engine is
 * upgraded to a release built on the same engine-api as core.
 */
class CompatibleFlowScannerEnginePlugin extends FlowScannerEnginePlugin {
  override async createEngine(
    ...args: Parameters<FlowScannerEnginePlugin['createEngine']>
  ): ReturnType<FlowScannerEnginePlugin['createEngine']> {
    const engine = await super.createEngine(...args);
    const legacy = engine as unknown as {
      removeEventListener?: unknown;
      eventEmitter?: { off(type: string, listener: (...a: unknown[]) => void): unknown };
    };
    if (typeof legacy.removeEventListener !== 'function' && legacy.eventEmitter) {
      const emitter = legacy.eventEmitter;
      legacy.removeEventListener = (type: string, listener: (...a: unknown[]) => void) =>
        emitter.off(type, listener);
    }
    return engine;
  }
}

export interface AnalysisResult {
  results: RunResults;
  targets: string[];
  ruleCount: number;
  /**
   * Errors the engines logged, e.g. an ESLint parsing error: the file was not analysed, so
   * these fail the run too.
   */
  engineErrors: string[];
}

/** Runs the selected rules over the target files; messages go to `log`. */
export async function analyze(
  targets: readonly string[],
  log: (message: string) => void = console.error
): Promise<AnalysisResult> {
  const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.fromObject(ANALYZER_CONFIG, repoRoot));
  analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
    if (event.logLevel <= LogLevel.Warn) log(`code-analyzer: ${event.message}`);
  });
  const engineErrors: string[] = [];
  analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
    if (event.logLevel > LogLevel.Error) return;
    engineErrors.push(`${event.engineName}: ${event.message}`);
    log(`${event.engineName}: ${event.message}`);
  });
  const plugins = [
    new PmdCpdEnginesPlugin(),
    new CompatibleFlowScannerEnginePlugin(),
    new ESLintEnginePlugin(),
    new RegexEnginePlugin()
  ];
  for (const plugin of plugins) {
    await analyzer.addEnginePlugin(plugin as Parameters<CodeAnalyzer['addEnginePlugin']>[0]);
  }
  const workspace = await analyzer.createWorkspace([...targets]);
  const selection = await analyzer.selectRules(RULE_SELECTORS, { workspace });
  const results = await analyzer.run(selection, { workspace });
  return { results, targets: [...targets], ruleCount: selection.getCount(), engineErrors };
}

const SEVERITY_NAMES: Record<number, string> = {
  1: 'Critical',
  2: 'High',
  3: 'Moderate',
  4: 'Low',
  5: 'Info'
};

/** Violations ordered by severity, then file and line. */
export function sortedViolations(results: RunResults): Violation[] {
  const key = (violation: Violation): [number, string, number] => {
    const where = violation.getPrimaryLocation();
    return [
      violation.getRule().getSeverityLevel(),
      where.getFile() ?? '',
      where.getStartLine() ?? 0
    ];
  };
  return [...results.getViolations()].sort((a, b) => {
    const [sa, fa, la] = key(a);
    const [sb, fb, lb] = key(b);
    return sa - sb || (fa < fb ? -1 : fa > fb ? 1 : 0) || la - lb;
  });
}

export function formatViolation(violation: Violation): string {
  const rule = violation.getRule();
  const where = violation.getPrimaryLocation();
  const file = where.getFile();
  const place = file
    ? `${displayPath(file)}:${where.getStartLine() ?? 1}${where.getStartColumn() ? `:${where.getStartColumn()}` : ''}`
    : '(no file)';
  const severity = rule.getSeverityLevel();
  const message = violation
    .getMessage()
    .trim()
    .replace(/\s*\r?\n\s*/g, ' ');
  return `${place} [${severity} ${SEVERITY_NAMES[severity]}] ${rule.getEngineName()}:${rule.getName()} ${message}`;
}

export function countFailing(results: RunResults): number {
  return results
    .getViolations()
    .filter((violation) => violation.getRule().getSeverityLevel() <= FAILING_SEVERITY).length;
}

async function main(argv: readonly string[]): Promise<number> {
  const start = Date.now();
  const { targets, where, javaMajor } = analysisTargets(argv);
  if (targets.length === 0) {
    console.log(`No files to analyze under ${where} (pass).`);
    return 0;
  }

  // Accepted findings are suppressed where they stand, each with its reason.
  const { suppressions, problems: unexplainedSuppressions } = checkSuppressions(targets);
  for (const problem of unexplainedSuppressions) console.error(displayPath(problem));

  const { results, ruleCount, engineErrors } = await analyze(targets);
  for (const violation of sortedViolations(results)) console.log(formatViolation(violation));

  mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
  writeFileSync(REPORT_FILE, results.toFormattedOutput(OutputFormat.JSON));

  const bySeverity = Object.entries(SEVERITY_NAMES)
    .map(([level, name]) => `${name} ${results.getViolationCountOfSeverity(Number(level))}`)
    .join(', ');
  const byEngine = results
    .getEngineNames()
    .map((engine) => `${engine} ${results.getEngineRunResults(engine).getViolationCount()}`)
    .join(', ');
  const failing = countFailing(results);
  console.log(
    `${plural(targets.length, 'file')} under ${where}, ${plural(ruleCount, 'rule')} ` +
      `(Java ${javaMajor}): ${plural(results.getViolationCount(), 'violation')} — ${bySeverity}` +
      ` — by engine: ${byEngine || 'none'} (${elapsed(start)})`
  );
  console.log(
    `Report: ${displayPath(REPORT_FILE)}; ${plural(suppressions.length, 'suppression')} ` +
      'in the Apex, each with its reason'
  );
  if (unexplainedSuppressions.length > 0) {
    console.error(
      `code-analyzer: ${plural(unexplainedSuppressions.length, 'suppression')} without a reason (fail)`
    );
  }
  if (engineErrors.length > 0) {
    console.error(
      `code-analyzer: ${plural(engineErrors.length, 'engine error')} (see above; fail)`
    );
  }
  if (failing > 0) {
    console.error(
      `code-analyzer: ${plural(failing, 'violation')} of severity 1 to 3 (Critical, High, ` +
        'Moderate; fail): fix each, or suppress it where it stands with its reason ' +
        "(// reason above @SuppressWarnings('PMD.Rule'), or code-analyzer-suppress(engine:Rule) " +
        'reason in a comment)'
    );
  }
  return failing > 0 || engineErrors.length > 0 || unexplainedSuppressions.length > 0 ? 1 : 0;
}

if (require.main === module) runCli('code-analyzer', () => main(process.argv.slice(2)));
