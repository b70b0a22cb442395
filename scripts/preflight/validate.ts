/**
 * `--validate`: builds the components, runs `sf project deploy validate --source-dir force-app
 * --test-level RunLocalTests` against the org (a check-only deploy: nothing is saved), reads the
 * result as JSON (and, when the validation fails, the full result through `sf project deploy
 * report`), and groups the failures by cause with what to do about each.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { capped, joinAnd, plural, type CheckResult, type DetailTable } from './model.ts';
import type { ProjectExpectations } from './project.ts';

/** Runs a command; resolves with its exit code and output whatever the code. */
export type CommandRunner = (
  command: string,
  args: string[],
  options: { cwd: string }
) => Promise<{ code: number; stdout: string; stderr: string }>;

/** The real runner (child_process.execFile, no shell). */
export const execRunner: CommandRunner = (command, args, { cwd }) =>
  new Promise((done) => {
    execFile(
      command,
      args,
      {
        cwd,
        env: { ...process.env, SF_AUTOUPDATE_DISABLE: 'true', SF_DISABLE_TELEMETRY: 'true' },
        maxBuffer: 256 << 20
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({
          code,
          stdout: String(stdout),
          stderr: String(stderr || (error && !stdout ? error.message : ''))
        });
      }
    );
  });

/** The project's sf binary, else the one on the PATH. */
export function sfCommand(root: string): string {
  const local = join(root, 'node_modules', '.bin', 'sf');
  return existsSync(local) ? local : 'sf';
}

/** One failure the validation reported. */
export interface ValidationFailure {
  kind: 'component' | 'test' | 'coverage' | 'other';
  /** the component (Type Name) or the test (Class.method) */
  name: string;
  message: string;
  /** for tests: whether the test class is ours */
  ours?: boolean;
}

/** A cause failures are grouped by. */
export interface Cause {
  id: string;
  label: string;
  fix: string;
  matches(failure: ValidationFailure, project: ProjectExpectations): boolean;
}

const has = (re: RegExp) => (f: ValidationFailure) => re.test(f.message);

/** Causes, most specific first; the first that matches wins. */
export const CAUSES: Cause[] = [
  {
    id: 'our-gate',
    label: "Our Closed-Won gate (or another of our validation rules) rejected a test's save",
    fix: 'Deploy with Handoff_Setting Rollout_Mode__c at Installed or Monitor (the gate then never blocks, so customer tests that close deals pass) and move to Pilot or Enforce after the deploy (docs/rollout.md).',
    matches: (f, project) =>
      /FIELD_CUSTOM_VALIDATION_EXCEPTION/.test(f.message) &&
      project.validationRuleMessages.some((m) => f.message.includes(m.slice(0, 60)))
  },
  {
    id: 'custom-metadata-first',
    label: 'A formula reads custom metadata records the org does not have yet',
    fix: 'Deploy the custom metadata types and records first (npm run deploy -- --target-org <alias> --custom-metadata-only), then validate again; npm run deploy does both steps in order.',
    matches: (f, project) =>
      f.kind === 'component' &&
      (f.message.includes('$CustomMetadata') ||
        project.customMetadataReaders.some((name) => f.name.endsWith(` ${name}`)))
  },
  {
    id: 'validation-rule',
    label: "One of the org's validation rules rejected a test record",
    fix: 'See the "Active validation rules" check: let the test records through, or give them the values the rule expects.',
    matches: has(/FIELD_CUSTOM_VALIDATION_EXCEPTION/)
  },
  {
    id: 'duplicate-rule',
    label: 'A duplicate rule blocked a test record',
    fix: 'See the "Duplicate rules" check: set the blocking rule to Allow with an alert, or exclude test users.',
    matches: has(/DUPLICATES_DETECTED|duplicate (record|value)/i)
  },
  {
    id: 'required-field',
    label: 'A required field was left blank',
    fix: 'See the "Required fields" check: give the field a default value, or supply it in the test records.',
    matches: has(/REQUIRED_FIELD_MISSING/)
  },
  {
    id: 'stage',
    label: 'A stage or picklist value the org does not accept',
    fix: 'See the "Won stages" and "Sales processes" checks.',
    matches: has(/INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|bad value for restricted picklist/i)
  },
  {
    id: 'test-users',
    label: 'Creating the test users failed (profile, licence, username or email domain)',
    fix: 'Check that a "Standard User"-style profile and a free Salesforce licence exist, and that the org accepts the test users\' email domain (Setup > Allowed Email Domains).',
    matches: has(
      /DUPLICATE_USERNAME|INVALID_EMAIL_ADDRESS|LICENSE_LIMIT_EXCEEDED|test users need the|List has no rows for assignment to SObject|INVALID_CROSS_REFERENCE_KEY.*Profile/i
    )
  },
  {
    id: 'limits',
    label: 'A governor limit was exceeded (queries, CPU, DML)',
    fix: 'See the "Other Apex triggers" and "Record-triggered flows" checks: automation of the org shares the per-transaction limits with ours.',
    matches: has(
      /Too many SOQL queries|Apex CPU time limit|Too many DML|Too many query rows|Apex heap size/i
    )
  },
  {
    id: 'locking',
    label: 'Record locking (UNABLE_TO_LOCK_ROW)',
    fix: 'Usually transient: run the validation again when no data load or job is running.',
    matches: has(/UNABLE_TO_LOCK_ROW/)
  },
  {
    id: 'scheduled-job',
    label: 'A scheduled job uses a class being deployed',
    fix: 'See the "Our scheduled jobs" check: npm run deploy unschedules our jobs before the deploy and reschedules them after (by hand: HandoffScheduler.unscheduleAll(); before, scheduleAll(); after).',
    matches: has(/jobs? pending or in progress|schedulable class has jobs/i)
  },
  {
    id: 'dashboard',
    label: 'The dynamic dashboard allowance',
    fix: 'See the "Dynamic dashboards" check.',
    matches: has(/dynamic dashboard/i)
  },
  {
    id: 'flow',
    label: 'A flow failed, or flow test coverage is too low',
    fix: 'See the "Flows deploy as active" check; a flow error names its element.',
    matches: has(
      /FLOW_ELEMENT_ERROR|CANNOT_EXECUTE_FLOW_TRIGGER|\bflows? (test )?coverage|unhandled fault has occurred in this flow/i
    )
  },
  {
    id: 'coverage',
    label: 'Apex code coverage',
    fix: 'The deploy needs 75% overall coverage and some coverage of every trigger: a failing test lowers coverage, so fix the other causes first.',
    matches: (f) => f.kind === 'coverage' || /(code|test) coverage/i.test(f.message)
  },
  {
    id: 'assertion',
    label: 'A test assertion failed',
    fix: 'Read the message: an assertion of ours failing in this org usually names a configuration it expected (see the other checks).',
    matches: has(/AssertException|Assertion Failed/i)
  },
  {
    id: 'component',
    label: 'A component was rejected by the deploy',
    fix: 'Read the problem next to the component; most name the setting or the missing item.',
    matches: (f) => f.kind === 'component'
  },
  {
    id: 'other',
    label: 'Other',
    fix: 'Read the messages below.',
    matches: () => true
  }
];

function arrayOf<T>(value: T | T[] | undefined | null): T[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

interface DeployDetails {
  componentFailures?: unknown;
  runTestResult?: { failures?: unknown; codeCoverageWarnings?: unknown; numTestsRun?: unknown };
}

/** The failures in a deploy result's details. */
export function failuresOf(
  details: DeployDetails | undefined,
  project: ProjectExpectations
): ValidationFailure[] {
  const out: ValidationFailure[] = [];
  for (const c of arrayOf(details?.componentFailures) as Array<Record<string, unknown>>) {
    out.push({
      kind: 'component',
      name: `${String(c.componentType ?? '')} ${String(c.fullName ?? '')}`.trim(),
      message: `${String(c.problem ?? '')}${c.lineNumber ? ` (line ${String(c.lineNumber)})` : ''}`
    });
  }
  for (const t of arrayOf(details?.runTestResult?.failures) as Array<Record<string, unknown>>) {
    const cls = String(t.name ?? '');
    out.push({
      kind: 'test',
      name: `${cls}.${String(t.methodName ?? '')}`,
      message: String(t.message ?? ''),
      ours: project.classes.has(cls)
    });
  }
  for (const w of arrayOf(details?.runTestResult?.codeCoverageWarnings) as Array<
    Record<string, unknown>
  >) {
    out.push({
      kind: 'coverage',
      name: String(w.name ?? 'overall'),
      message: String(w.message ?? '')
    });
  }
  return out;
}

/** The failures listed in sf's error message (when no structured result is available). */
export function failuresFromMessage(message: string): ValidationFailure[] {
  const body = message.split(/Due To:\s*/i)[1] ?? message;
  return body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\d+ component error\(s\)$/.test(l))
    .map((l) => {
      const m = /^(\S+) - (.*)$/.exec(l);
      return { kind: 'other' as const, name: m ? m[1] : '', message: m ? m[2] : l };
    });
}

/** Groups failures by their first matching cause. */
export function groupByCause(
  failures: ValidationFailure[],
  project: ProjectExpectations
): Array<{ cause: Cause; failures: ValidationFailure[] }> {
  const groups = new Map<string, { cause: Cause; failures: ValidationFailure[] }>();
  for (const f of failures) {
    const cause = CAUSES.find((c) => c.matches(f, project)) as Cause;
    const group = groups.get(cause.id) ?? { cause, failures: [] };
    group.failures.push(f);
    groups.set(cause.id, group);
  }
  return CAUSES.filter((c) => groups.has(c.id)).map(
    (c) => groups.get(c.id) as { cause: Cause; failures: ValidationFailure[] }
  );
}

interface SfJson {
  status?: number;
  name?: string;
  message?: string;
  result?: Record<string, unknown> & {
    id?: string;
    details?: DeployDetails;
    numberTestsTotal?: number;
    numberComponentsTotal?: number;
  };
  data?: { deployId?: string };
}

function parseJson(stdout: string): SfJson | null {
  const start = stdout.indexOf('{');
  if (start < 0) {
    return null;
  }
  try {
    return JSON.parse(stdout.slice(start)) as SfJson;
  } catch {
    return null;
  }
}

function tail(text: string, lines = 8): string {
  return text.trim().split(/\r?\n/).slice(-lines).join(' ');
}

export interface ValidateOptions {
  alias: string;
  project: ProjectExpectations;
  /** minutes sf waits for the validation (default 60) */
  waitMinutes?: number;
  run?: CommandRunner;
  /** the sf command (default: the project's) */
  sf?: string;
  /** say what is happening (stderr) */
  progress?: (line: string) => void;
}

const BASE = {
  id: 'deploy-validation',
  area: 'Deploy validation (--validate)',
  title: 'Check-only deploy with local tests',
  why: "The real test: Salesforce deploys our metadata without saving it and runs every local Apex test, ours and the org's, as a production deploy does (RunLocalTests).",
  source:
    'sf project deploy validate --source-dir force-app --test-level RunLocalTests --json; sf project deploy report --json'
};

/** Runs the validation and turns its outcome into a check result. */
export async function validateDeploy(options: ValidateOptions): Promise<CheckResult> {
  const run = options.run ?? execRunner;
  const root = options.project.root;
  const sf = options.sf ?? sfCommand(root);
  const wait = options.waitMinutes ?? 60;
  options.progress?.('Building the components (npm run build)…');
  const build = await run('npm', ['run', 'build'], { cwd: root });
  if (build.code !== 0) {
    return {
      ...BASE,
      status: 'fail',
      finding: `The build failed before anything was sent to the org (npm run build exited ${build.code}): ${tail(build.stderr || build.stdout)}`,
      fix: 'Run npm run build and fix the TypeScript errors it reports, then validate again.'
    };
  }
  options.progress?.(`Validating the deploy with local tests (up to ${wait} minutes)…`);
  const validate = await run(
    sf,
    [
      'project',
      'deploy',
      'validate',
      '--source-dir',
      'force-app',
      '--test-level',
      'RunLocalTests',
      '--target-org',
      options.alias,
      '--wait',
      String(wait),
      '--json'
    ],
    { cwd: root }
  );
  const json = parseJson(validate.stdout);
  if (!json) {
    return {
      ...BASE,
      status: 'unread',
      finding: `Could not read: sf project deploy validate gave no JSON (exit ${validate.code}): ${tail(validate.stderr || validate.stdout)}`,
      fix:
        'Run the command by hand to see its output: sf project deploy validate --source-dir force-app --test-level RunLocalTests --target-org ' +
        options.alias
    };
  }
  const deployId = json.result?.id ?? json.data?.deployId;
  if (json.status === 0 && validate.code === 0) {
    const tests = Number(
      json.result?.numberTestsTotal ?? json.result?.details?.runTestResult?.numTestsRun ?? 0
    );
    return {
      ...BASE,
      status: 'pass',
      finding: `The validation succeeded: ${plural(Number(json.result?.numberComponentsTotal ?? 0), 'component')} checked, ${plural(tests, 'test')} passed${deployId ? ` (validation ${deployId})` : ''}.`,
      fix: deployId
        ? `Deploy it without rerunning the tests within 10 days: sf project deploy quick --job-id ${deployId} --target-org ${options.alias}`
        : undefined
    };
  }
  let details = json.result?.details;
  if (!details && deployId) {
    options.progress?.(`Reading the validation's full result (${deployId})…`);
    const report = await run(
      sf,
      [
        'project',
        'deploy',
        'report',
        '--job-id',
        deployId,
        '--target-org',
        options.alias,
        '--json'
      ],
      { cwd: root }
    );
    details = parseJson(report.stdout)?.result?.details;
  }
  let failures = failuresOf(details, options.project);
  if (failures.length === 0) {
    failures = failuresFromMessage(json.message ?? tail(validate.stderr, 40));
  }
  const groups = groupByCause(failures, options.project);
  const tables: DetailTable[] = [
    capped(
      'Failures by cause',
      ['Cause', 'Failures', 'Our tests', "The org's tests", 'Components', 'What to do'],
      groups.map(({ cause, failures: fs }) => [
        cause.label,
        String(fs.length),
        String(fs.filter((f) => f.kind === 'test' && f.ours).length),
        String(fs.filter((f) => f.kind === 'test' && !f.ours).length),
        String(fs.filter((f) => f.kind === 'component').length),
        cause.fix
      ])
    ),
    capped(
      'Every failure',
      ['Cause', 'Where', 'Message'],
      groups.flatMap(({ cause, failures: fs }) =>
        fs.map((f) => [cause.label, f.name, f.message.slice(0, 300)])
      ),
      100
    )
  ];
  return {
    ...BASE,
    status: 'fail',
    finding:
      `The validation failed${deployId ? ` (${deployId})` : ''}: ${plural(failures.length, 'failure')}, ` +
      `by cause: ${joinAnd(groups.map((g) => `${g.cause.label.toLowerCase()} (${g.failures.length})`))}.`,
    fix: 'Work through the causes in the order listed; each names the check above that explains it. Then validate again.',
    tables
  };
}
