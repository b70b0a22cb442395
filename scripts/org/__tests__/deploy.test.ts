/**
 * scripts/org/deploy.sh offline: the real script runs under bash against a fake `sf` (and `npm`)
 * put first on PATH through HANDOFF_ORG_SCRIPTS_BIN. The fake answers the few queries the script
 * makes (Organization, FlowDefinitionView, AsyncApexJob, permission set groups) from environment
 * variables and logs every call, so the tests assert what the script would run against an org:
 * the deploy order, the test level, production's confirmation, the flow and scheduled-job checks.
 * What the org itself does with those calls is for `npm run test:org` and a real deploy.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = 'scripts/org/deploy.sh';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: string[][];
}

// The fake `sf` and `npm` (bash scripts; see their headers), first on PATH for deploy.sh.
const BIN = join(__dirname, 'fake-bin');
let logs: string;

beforeAll(() => {
  chmodSync(join(BIN, 'sf'), 0o755);
  chmodSync(join(BIN, 'npm'), 0o755);
  logs = mkdtempSync(join(tmpdir(), 'handoff-deploy-test-'));
});

afterAll(() => rmSync(logs, { recursive: true, force: true }));

function deploy(args: string[], fake: Record<string, string> = {}): Run {
  const log = join(logs, `calls-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(log, '');
  const run = spawnSync('bash', [SCRIPT, '--target-org', 'my-org', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
    env: { ...process.env, HANDOFF_ORG_SCRIPTS_BIN: BIN, FAKE_SF_LOG: log, ...fake }
  });
  const calls = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, calls };
}

const isCall = (call: string[], ...words: string[]) =>
  words.every((word, index) => call[index] === word);
const deploysStarted = (run: Run) =>
  run.calls.filter((c) => isCall(c, 'sf', 'project', 'deploy', 'start'));
const valuesOf = (call: string[], flag: string) =>
  call.flatMap((arg, index) => (arg === flag ? [call[index + 1]] : []));

const SOURCE = join(ROOT, 'force-app', 'main', 'default');
const CMDT_DIRS = [
  ...readdirSync(join(SOURCE, 'objects'))
    .filter((d) => d.endsWith('__mdt'))
    .sort()
    .map((d) => `force-app/main/default/objects/${d}`),
  'force-app/main/default/customMetadata'
];
const RECORD_TRIGGERED_FLOWS = readdirSync(join(SOURCE, 'flows'))
  .filter((f) => f.endsWith('.flow-meta.xml'))
  .filter((f) => {
    const xml = readFileSync(join(SOURCE, 'flows', f), 'utf8');
    return /<triggerType>Record/.test(xml) && /<status>Active<\/status>/.test(xml);
  })
  .map((f) => f.replace('.flow-meta.xml', ''))
  .sort();

/** Each scenario runs deploy.sh once, on first use; several tests read the same run. */
const scenarios = new Map<string, Run>();
function scenario(name: string, args: string[], fake: Record<string, string>): Run {
  if (!scenarios.has(name)) {
    scenarios.set(name, deploy(args, fake));
  }
  return scenarios.get(name) as Run;
}

const productionNoYes = () =>
  scenario('production without --yes', [], { FAKE_ORG_KIND: 'production' });
const productionInactive = () =>
  scenario('production, flows arrive inactive', ['--yes', '--no-permset-groups'], {
    FAKE_ORG_KIND: 'production'
  });
const productionFlowsActive = () =>
  scenario(
    'production, --deploy-flows-active',
    ['--yes', '--deploy-flows-active', '--no-permset-groups'],
    { FAKE_ORG_KIND: 'production', FAKE_FLOWS_ACTIVE: 'true' }
  );
const productionSettingOn = () =>
  scenario(
    'production, setting already on',
    ['--yes', '--deploy-flows-active', '--no-permset-groups'],
    { FAKE_ORG_KIND: 'production', FAKE_DEPLOY_ACTIVE: 'on', FAKE_FLOWS_ACTIVE: 'true' }
  );
const sandboxCheckOnly = () =>
  scenario('sandbox --check-only with old jobs', ['--check-only'], {
    FAKE_ORG_KIND: 'sandbox',
    FAKE_LEGACY_JOBS: '1'
  });
const productionCheckOnly = () =>
  scenario('production --check-only', ['--check-only'], { FAKE_ORG_KIND: 'production' });
const scratch = () =>
  scenario('scratch', [], { FAKE_ORG_KIND: 'scratch', FAKE_FLOWS_ACTIVE: 'true' });
const sandboxRescheduling = () =>
  scenario(
    'sandbox --reschedule-jobs --deploy-flows-active',
    ['--reschedule-jobs', '--deploy-flows-active', '--no-permset-groups'],
    { FAKE_ORG_KIND: 'sandbox', FAKE_LEGACY_JOBS: '1', FAKE_FLOWS_ACTIVE: 'true' }
  );

describe('npm run deploy: arguments', () => {
  it('--help prints the options and exits 0 without touching an org', () => {
    const run = spawnSync('bash', [SCRIPT, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const option of ['--check-only', '--yes', '--deploy-flows-active', '--reschedule-jobs']) {
      expect(run.stdout).toContain(option);
    }
  });

  it('refuses an unknown argument with the reason', () => {
    const run = deploy(['--force']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('unknown argument: --force');
    expect(run.calls).toEqual([]);
  });

  it('refuses --check-only with --custom-metadata-only', () => {
    const run = deploy(['--check-only', '--custom-metadata-only']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('do not go together');
    expect(run.calls).toEqual([]);
  });
});

describe('npm run deploy -- --check-only', () => {
  it.each([
    ['a sandbox', sandboxCheckOnly],
    ['production', productionCheckOnly]
  ])('validates force-app with all local tests and changes nothing (%s)', (_kind, get) => {
    const run = get();
    expect(run.status).toBe(0);
    const validations = run.calls.filter((c) => isCall(c, 'sf', 'project', 'deploy', 'validate'));
    expect(validations).toHaveLength(1);
    expect(valuesOf(validations[0], '--source-dir')).toEqual(['force-app']);
    expect(valuesOf(validations[0], '--test-level')).toEqual(['RunLocalTests']);
    expect(valuesOf(validations[0], '--target-org')).toEqual(['my-org']);
    expect(deploysStarted(run)).toEqual([]);
    expect(run.calls.filter((c) => isCall(c, 'sf', 'data', 'create'))).toEqual([]);
    expect(run.calls.filter((c) => c[0] === 'apex')).toEqual([]);
    expect(run.stdout).toContain('Validation passed');
  });

  it('needs no confirmation in production, and still says what production needs', () => {
    expect(productionCheckOnly().stdout).toContain('PRODUCTION');
    expect(productionCheckOnly().stdout).toContain('they arrive INACTIVE');
  });

  it('only warns about jobs scheduled before the dispatcher', () => {
    expect(sandboxCheckOnly().stdout).toContain('The validation below will fail on them');
  });

  it('fails when the validation fails', () => {
    const run = deploy(['--check-only'], {
      FAKE_ORG_KIND: 'sandbox',
      FAKE_FAIL: 'deploy validate'
    });
    expect(run.status).not.toBe(0);
    expect(run.stdout).not.toContain('Validation passed');
  });
});

describe('npm run deploy into production', () => {
  it('finds the record-triggered flows the notes are about', () => {
    expect(RECORD_TRIGGERED_FLOWS.length).toBeGreaterThan(0);
  });

  it('says what production needs, then refuses to go on without --yes and a terminal', () => {
    const run = productionNoYes();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('PRODUCTION (Enterprise Edition)');
    expect(run.stdout).toContain('RunLocalTests');
    for (const flow of RECORD_TRIGGERED_FLOWS) {
      expect(run.stdout).toContain(flow);
    }
    expect(run.stdout).toContain('they arrive INACTIVE');
    expect(run.stdout).toContain('Default Workflow User');
    expect(run.stderr).toContain('--yes');
    expect(run.stderr).toContain('--check-only');
    expect(deploysStarted(run)).toEqual([]);
  });

  it('treats an org whose Organization record cannot be read as production', () => {
    const run = deploy([], { FAKE_ORG_KIND: 'unreadable' });
    expect(run.stdout).toContain('treating the org as production');
    expect(run.status).toBe(1);
    expect(deploysStarted(run)).toEqual([]);
  });

  it('with --yes deploys custom metadata first, then force-app with all local tests', () => {
    const run = productionInactive();
    expect(run.status).toBe(0);
    const [first, second, ...rest] = deploysStarted(run);
    expect(rest).toEqual([]);
    expect(valuesOf(first, '--source-dir')).toEqual(CMDT_DIRS);
    expect(valuesOf(first, '--test-level')).toEqual([]);
    expect(valuesOf(second, '--source-dir')).toEqual(['force-app']);
    expect(valuesOf(second, '--test-level')).toEqual(['RunLocalTests']);
    const buildAt = run.calls.findIndex((c) => isCall(c, 'npm', 'run', 'build'));
    expect(buildAt).toBeGreaterThanOrEqual(0);
    expect(buildAt).toBeLessThan(run.calls.indexOf(first));
  });

  it('lists the flows that arrived inactive and how to activate them', () => {
    const run = productionInactive();
    const at = run.stdout.indexOf('Flows deployed INACTIVE');
    expect(at).toBeGreaterThan(0);
    const after = run.stdout.slice(at);
    for (const flow of RECORD_TRIGGERED_FLOWS) {
      expect(after).toContain(flow);
    }
    expect(after).toContain('Setup > Process Automation > Flows');
  });

  it('--deploy-flows-active turns the Flow Settings on before force-app, deliberately', () => {
    const run = productionFlowsActive();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--deploy-flows-active');
    const settingsAt = run.calls.findIndex((c) => c[0] === 'flow-settings');
    expect(settingsAt).toBeGreaterThan(0);
    expect(run.calls[settingsAt][1]).toContain(
      '<enableFlowDeployAsActiveEnabled>true</enableFlowDeployAsActiveEnabled>'
    );
    const forceApp = run.calls.findIndex(
      (c) => isCall(c, 'sf', 'project', 'deploy', 'start') && c.includes('force-app')
    );
    expect(settingsAt).toBeLessThan(forceApp);
    expect(run.stdout).not.toContain('Flows deployed INACTIVE');
  });

  it('leaves the Flow Settings alone when they are already on', () => {
    const run = productionSettingOn();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("'Deploy processes and flows as active' is ON");
    expect(run.calls.filter((c) => c[0] === 'flow-settings')).toEqual([]);
  });

  it('stops after a failing first step', () => {
    const run = deploy(['--yes'], {
      FAKE_ORG_KIND: 'production',
      FAKE_FAIL: 'force-app/main/default/customMetadata'
    });
    expect(run.status).not.toBe(0);
    expect(
      deploysStarted(run).filter((c) => valuesOf(c, '--source-dir').includes('force-app'))
    ).toEqual([]);
  });
});

describe('npm run deploy into a sandbox or scratch org', () => {
  it('deploys without tests or confirmation in a scratch org, and assigns Handoff_Admins', () => {
    const run = scratch();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('scratch or trial org (Developer Edition');
    const [first, second] = deploysStarted(run);
    expect(valuesOf(first, '--source-dir')).toEqual(CMDT_DIRS);
    expect(valuesOf(second, '--source-dir')).toEqual(['force-app']);
    expect(valuesOf(second, '--test-level')).toEqual([]);
    expect(run.stdout).not.toContain('Default Workflow User');
    const assignment = run.calls.find((c) => isCall(c, 'sf', 'data', 'create', 'record'));
    expect(assignment?.join(' ')).toContain('PermissionSetGroupId=0PG000000000001AAA');
  });

  it('reminds a sandbox of the Default Workflow User and ignores --deploy-flows-active', () => {
    const run = sandboxRescheduling();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Default Workflow User');
    expect(run.stdout).toContain('--deploy-flows-active: not needed here');
    expect(run.calls.filter((c) => c[0] === 'flow-settings')).toEqual([]);
  });

  it('--custom-metadata-only deploys the first step only', () => {
    const run = deploy(['--custom-metadata-only'], { FAKE_ORG_KIND: 'sandbox' });
    expect(run.status).toBe(0);
    const started = deploysStarted(run);
    expect(started).toHaveLength(1);
    expect(valuesOf(started[0], '--source-dir')).toEqual(CMDT_DIRS);
  });
});

describe('jobs scheduled before the dispatcher', () => {
  it('stop the deploy with what to do', () => {
    const run = deploy([], { FAKE_ORG_KIND: 'sandbox', FAKE_LEGACY_JOBS: '1' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Handoff metrics snapshots (nightly)');
    expect(run.stderr).toContain('--reschedule-jobs');
    expect(run.stderr).toContain('HandoffScheduler.unscheduleAll();');
    expect(deploysStarted(run)).toEqual([]);
  });

  it('with --reschedule-jobs are unscheduled before the deploy and scheduled again after it', () => {
    const run = sandboxRescheduling();
    const apex = run.calls.filter((c) => c[0] === 'apex').map((c) => c[1]);
    expect(apex).toEqual(['HandoffScheduler.unscheduleAll();', 'HandoffScheduler.scheduleAll();']);
    const unscheduleAt = run.calls.findIndex((c) => c[1] === 'HandoffScheduler.unscheduleAll();');
    const scheduleAt = run.calls.findIndex((c) => c[1] === 'HandoffScheduler.scheduleAll();');
    const deploys = deploysStarted(run).map((c) => run.calls.indexOf(c));
    expect(deploys).toHaveLength(2);
    expect(unscheduleAt).toBeLessThan(Math.min(...deploys));
    expect(scheduleAt).toBeGreaterThan(Math.max(...deploys));
  });
});
