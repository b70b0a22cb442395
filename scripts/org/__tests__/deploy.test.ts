/**
 * scripts/org/deploy.sh offline: the real script runs under bash against a fake `sf` (and `npm`)
 * put first on PATH through HANDOFF_ORG_SCRIPTS_BIN. The fake answers the few queries the script
 * makes (Organization, FlowDefinitionView, AsyncApexJob, the custom metadata records, permission
 * set groups) from environment variables and logs every call, so the tests assert what the script
 * would run against an org: what the one deploy includes (the org's settings records left out on
 * an upgrade), the test level, production's confirmations, the validation command per org kind,
 * the flow checks and the scheduled jobs unscheduled and scheduled again around the deploy.
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

function runScript(script: string, args: string[], fake: Record<string, string> = {}): Run {
  const log = join(logs, `calls-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(log, '');
  const run = spawnSync('bash', [script, '--target-org', 'my-org', ...args], {
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
const deploy = (args: string[], fake: Record<string, string> = {}) => runScript(SCRIPT, args, fake);

const isCall = (call: string[], ...words: string[]) =>
  words.every((word, index) => call[index] === word);
const deploysStarted = (run: Run) =>
  run.calls.filter((c) => isCall(c, 'sf', 'project', 'deploy', 'start'));
const valuesOf = (call: string[], flag: string) =>
  call.flatMap((arg, index) => (arg === flag ? [call[index + 1]] : []));

const SOURCE = join(ROOT, 'force-app', 'main', 'default');
const CMDT = 'force-app/main/default/customMetadata';
/** Every shipped custom metadata record, as Type.DeveloperName. */
const RECORDS = readdirSync(join(SOURCE, 'customMetadata'))
  .filter((f) => f.endsWith('.md-meta.xml'))
  .map((f) => f.replace('.md-meta.xml', ''))
  .sort();
/** What an upgrade deploys besides new records: every source folder but customMetadata. */
const FOLDERS_BUT_RECORDS = readdirSync(SOURCE, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'customMetadata')
  .map((d) => `force-app/main/default/${d.name}`)
  .sort();
const apexOf = (run: Run) => run.calls.filter((c) => c[0] === 'apex').map((c) => c[1]);
const UNSCHEDULE = 'HandoffScheduler.unscheduleAll();';
const SCHEDULE = 'HandoffScheduler.scheduleAll();';
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
  scenario('sandbox --check-only with jobs', ['--check-only'], {
    FAKE_ORG_KIND: 'sandbox',
    FAKE_JOBS: 'dispatcher'
  });
const productionCheckOnly = () =>
  scenario('production --check-only', ['--check-only'], { FAKE_ORG_KIND: 'production' });
const scratch = () =>
  scenario('scratch', [], { FAKE_ORG_KIND: 'scratch', FAKE_FLOWS_ACTIVE: 'true' });
const sandboxFlowsActive = () =>
  scenario('sandbox --deploy-flows-active', ['--deploy-flows-active', '--no-permset-groups'], {
    FAKE_ORG_KIND: 'sandbox',
    FAKE_FLOWS_ACTIVE: 'true'
  });
/** An upgrade: the org has every shipped record but one, new in this release. */
const NEW_RECORD = 'Handoff_Health_Threshold.Return_Rate';
const upgrade = () =>
  scenario('sandbox upgrade', ['--no-permset-groups'], {
    FAKE_ORG_KIND: 'sandbox',
    FAKE_ORG_CMDT: RECORDS.filter((r) => r !== NEW_RECORD).join(',')
  });
const productionUpgradeCheckOnly = () =>
  scenario('production upgrade --check-only', ['--check-only'], {
    FAKE_ORG_KIND: 'production',
    FAKE_ORG_CMDT: RECORDS.join(',')
  });
const resetInProduction = () =>
  scenario(
    'production upgrade --reset-settings --yes',
    ['--reset-settings', '--yes', '--no-permset-groups'],
    { FAKE_ORG_KIND: 'production', FAKE_ORG_CMDT: RECORDS.join(','), FAKE_ROLLOUT_MODE: 'Enforce' }
  );
const withJobs = (jobs: string, args: string[] = [], fake: Record<string, string> = {}) =>
  scenario(`sandbox with ${jobs} jobs ${args.join(' ')} ${JSON.stringify(fake)}`, args, {
    FAKE_ORG_KIND: 'sandbox',
    FAKE_JOBS: jobs,
    FAKE_FLOWS_ACTIVE: 'true',
    ...fake
  });

describe('npm run deploy: arguments', () => {
  it('--help prints the options and exits 0 without touching an org', () => {
    const run = spawnSync('bash', [SCRIPT, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    for (const option of [
      '--check-only',
      '--yes',
      '--reset-settings',
      '--keep-jobs',
      '--deploy-flows-active'
    ]) {
      expect(run.stdout).toContain(option);
    }
    expect(run.stdout).not.toContain('source "$(dirname');
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

  it('--custom-metadata-only deploys the types and the records the org lacks, nothing else', () => {
    const run = deploy(['--custom-metadata-only'], {
      FAKE_ORG_KIND: 'sandbox',
      FAKE_ORG_CMDT: RECORDS.filter((r) => r !== NEW_RECORD).join(','),
      FAKE_JOBS: 'other-name'
    });
    expect(run.status).toBe(0);
    const [only, ...rest] = deploysStarted(run);
    expect(rest).toEqual([]);
    const types = readdirSync(join(SOURCE, 'objects'))
      .filter((d) => d.endsWith('__mdt'))
      .sort()
      .map((d) => `force-app/main/default/objects/${d}`);
    expect(valuesOf(only, '--source-dir')).toEqual([...types, `${CMDT}/${NEW_RECORD}.md-meta.xml`]);
    expect(apexOf(run)).toEqual([]);
  });
});

describe('one deploy: no formula reads a custom metadata record', () => {
  it('force-app holds no $CustomMetadata reference (the reason for the former first step)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (
          entry.name.endsWith('-meta.xml') &&
          readFileSync(path, 'utf8').includes('$CustomMetadata.')
        ) {
          offenders.push(path);
        }
      }
    };
    walk(join(ROOT, 'force-app'));
    expect(offenders).toEqual([]);
  });

  it('force-app has no package folder besides main/default (an upgrade lists its folders)', () => {
    expect(readdirSync(join(ROOT, 'force-app')).sort()).toEqual(['main', 'test']);
    expect(readdirSync(join(ROOT, 'force-app', 'main'))).toEqual(['default']);
    expect(RECORDS).toContain('Handoff_Setting.Default');
    expect(RECORDS).toContain(NEW_RECORD);
  });
});

describe('npm run deploy -- --check-only', () => {
  it('validates in production with sf project deploy validate and all local tests', () => {
    const run = productionCheckOnly();
    expect(run.status).toBe(0);
    const validations = run.calls.filter((c) => isCall(c, 'sf', 'project', 'deploy', 'validate'));
    expect(validations).toHaveLength(1);
    expect(valuesOf(validations[0], '--source-dir')).toEqual(['force-app']);
    expect(valuesOf(validations[0], '--test-level')).toEqual(['RunLocalTests']);
    expect(valuesOf(validations[0], '--target-org')).toEqual(['my-org']);
    expect(deploysStarted(run)).toEqual([]);
    expect(run.stdout).toContain('Validation passed');
  });

  it('validates a sandbox with sf project deploy start --dry-run and all local tests (validate is for production)', () => {
    const run = sandboxCheckOnly();
    expect(run.status).toBe(0);
    expect(run.calls.filter((c) => isCall(c, 'sf', 'project', 'deploy', 'validate'))).toEqual([]);
    const [dryRun, ...rest] = deploysStarted(run);
    expect(rest).toEqual([]);
    expect(dryRun).toContain('--dry-run');
    expect(valuesOf(dryRun, '--test-level')).toEqual(['RunLocalTests']);
    expect(valuesOf(dryRun, '--source-dir')).toEqual(['force-app']);
    expect(run.stdout).toContain('Validation passed');
  });

  it.each([
    ['a sandbox', sandboxCheckOnly],
    ['production', productionCheckOnly]
  ])('changes nothing: no assignment, no anonymous Apex (%s)', (_kind, get) => {
    const run = get();
    expect(run.calls.filter((c) => isCall(c, 'sf', 'data', 'create'))).toEqual([]);
    expect(apexOf(run)).toEqual([]);
  });

  it('validates an upgrade without the settings records the org has', () => {
    const run = productionUpgradeCheckOnly();
    expect(run.status).toBe(0);
    const [validation] = run.calls.filter((c) => isCall(c, 'sf', 'project', 'deploy', 'validate'));
    expect(valuesOf(validation, '--source-dir')).toEqual(FOLDERS_BUT_RECORDS);
  });

  it('needs no confirmation in production, and still says what production needs', () => {
    expect(productionCheckOnly().stdout).toContain('PRODUCTION');
    expect(productionCheckOnly().stdout).toContain('they arrive INACTIVE');
  });

  it('leaves scheduled jobs alone and says the validation fails on them unless Deployment Settings allow it', () => {
    const run = sandboxCheckOnly();
    expect(run.stdout).toContain('--check-only leaves them scheduled');
    expect(run.stdout).toContain(
      "'Allow deployments of components when corresponding Apex jobs are pending or in"
    );
  });

  it('fails when the validation fails', () => {
    const run = deploy(['--check-only'], { FAKE_ORG_KIND: 'sandbox', FAKE_FAIL: '--dry-run' });
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

  it('a first install with --yes deploys force-app once, records included, with all local tests', () => {
    const run = productionInactive();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`First install: the ${RECORDS.length} shipped records deploy`);
    const [only, ...rest] = deploysStarted(run);
    expect(rest).toEqual([]);
    expect(valuesOf(only, '--source-dir')).toEqual(['force-app']);
    expect(valuesOf(only, '--test-level')).toEqual(['RunLocalTests']);
    const buildAt = run.calls.findIndex((c) => isCall(c, 'npm', 'run', 'build'));
    expect(buildAt).toBeGreaterThanOrEqual(0);
    expect(buildAt).toBeLessThan(run.calls.indexOf(only));
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

  it('fails with the reason when the deploy fails', () => {
    const run = deploy(['--yes', '--no-permset-groups'], {
      FAKE_ORG_KIND: 'production',
      FAKE_FAIL: '--source-dir force-app'
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the deploy failed (see above)');
    expect(run.stdout).not.toContain('Flows deployed INACTIVE');
  });
});

describe('an upgrade keeps the settings an admin has (custom metadata records)', () => {
  it('asks the org which shipped records it has, by DeveloperName, type by type', () => {
    const queries = upgrade()
      .calls.filter((c) => isCall(c, 'sf', 'data', 'query'))
      .flatMap((c) => valuesOf(c, '--query'))
      .filter((q) => q.includes('__mdt'));
    const types = [...new Set(RECORDS.map((r) => r.split('.')[0]))];
    expect(queries).toEqual(types.map((t) => `SELECT DeveloperName FROM ${t}__mdt`));
  });

  it('deploys every folder but customMetadata, plus the record new in this release, once', () => {
    const run = upgrade();
    expect(run.status).toBe(0);
    const [only, ...rest] = deploysStarted(run);
    expect(rest).toEqual([]);
    expect(valuesOf(only, '--source-dir')).toEqual([
      ...FOLDERS_BUT_RECORDS,
      `${CMDT}/${NEW_RECORD}.md-meta.xml`
    ]);
    expect(valuesOf(only, '--source-dir')).toContain('force-app/main/default/objects');
  });

  it('says which records it kept, which it adds, and how to overwrite them', () => {
    const { stdout } = upgrade();
    expect(stdout).toContain(
      `Already installed: the org's ${RECORDS.length - 1} settings records are KEPT as they are (not deployed):`
    );
    const kept = stdout.slice(stdout.indexOf('KEPT'), stdout.indexOf('Records this release ships'));
    for (const record of RECORDS.filter((r) => r !== NEW_RECORD)) {
      expect(kept).toContain(`  ${record}\n`);
    }
    expect(kept).not.toContain(NEW_RECORD);
    expect(stdout).toContain(
      `Records this release ships that the org does not have, deployed with their shipped values:\n  ${NEW_RECORD}\n`
    );
    expect(stdout).toContain('rerun with --reset-settings');
    expect(stdout).toContain(`kept the org's ${RECORDS.length - 1} settings records as they were`);
  });

  it('deploys the records of a type the org does not have yet (a type new in this release)', () => {
    const thresholds = RECORDS.filter((r) => r.startsWith('Handoff_Health_Threshold.'));
    const run = deploy(['--no-permset-groups'], {
      FAKE_ORG_KIND: 'sandbox',
      FAKE_ORG_CMDT: RECORDS.filter((r) => !thresholds.includes(r)).join(','),
      FAKE_NEW_TYPES: 'Handoff_Health_Threshold'
    });
    expect(run.status).toBe(0);
    const [only] = deploysStarted(run);
    expect(valuesOf(only, '--source-dir')).toEqual([
      ...FOLDERS_BUT_RECORDS,
      ...thresholds.map((r) => `${CMDT}/${r}.md-meta.xml`)
    ]);
  });

  it('stops, with the reason, when the records cannot be read (it would overwrite them blind)', () => {
    const run = deploy(['--no-permset-groups'], {
      FAKE_ORG_KIND: 'sandbox',
      FAKE_ORG_CMDT: RECORDS.join(','),
      FAKE_FAIL: 'FROM Handoff_Health_Threshold__mdt'
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      "could not read the org's Handoff_Health_Threshold__mdt records: FakeError: fake sf: failing on FROM Handoff_Health_Threshold__mdt"
    );
    expect(run.stderr).toContain('--reset-settings');
    expect(deploysStarted(run)).toEqual([]);
  });

  it('--reset-settings deploys them even when they cannot be read', () => {
    const run = deploy(['--reset-settings', '--no-permset-groups'], {
      FAKE_ORG_KIND: 'sandbox',
      FAKE_ORG_CMDT: RECORDS.join(','),
      FAKE_FAIL: 'FROM Handoff_Health_Threshold__mdt'
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('counting them as present');
    expect(valuesOf(deploysStarted(run)[0], '--source-dir')).toEqual(['force-app']);
  });

  it('--reset-settings overwrites them, says so and names the rollout mode it resets', () => {
    const run = resetInProduction();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `--reset-settings: the shipped values OVERWRITE these ${RECORDS.length} records of the org`
    );
    expect(run.stdout).toContain('  Handoff_Setting.Default\n');
    expect(run.stdout).toContain('Rollout Mode goes from Enforce back to Installed.');
    const [only] = deploysStarted(run);
    expect(valuesOf(only, '--source-dir')).toEqual(['force-app']);
  });

  it('--reset-settings in production asks for confirmation: without a terminal it stops', () => {
    const run = deploy(['--reset-settings'], {
      FAKE_ORG_KIND: 'production',
      FAKE_ORG_CMDT: RECORDS.join(',')
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('OVERWRITE');
    expect(run.stderr).toContain(
      '--reset-settings in a production org and no terminal to confirm on'
    );
    expect(deploysStarted(run)).toEqual([]);
  });

  it('--reset-settings with --yes in production overwrites them with all local tests', () => {
    const run = resetInProduction();
    expect(run.status).toBe(0);
    expect(valuesOf(deploysStarted(run)[0], '--test-level')).toEqual(['RunLocalTests']);
  });
});

describe('npm run deploy into a sandbox or scratch org', () => {
  it('deploys without tests or confirmation in a scratch org, and assigns Handoff_Admins', () => {
    const run = scratch();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('scratch or trial org (Developer Edition');
    const [only, ...rest] = deploysStarted(run);
    expect(rest).toEqual([]);
    expect(valuesOf(only, '--source-dir')).toEqual(['force-app']);
    expect(valuesOf(only, '--test-level')).toEqual([]);
    expect(run.stdout).not.toContain('Default Workflow User');
    const assignment = run.calls.find((c) => isCall(c, 'sf', 'data', 'create', 'record'));
    expect(assignment?.join(' ')).toContain('PermissionSetGroupId=0PG000000000001AAA');
  });

  it('reminds a sandbox of the Default Workflow User and ignores --deploy-flows-active', () => {
    const run = sandboxFlowsActive();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Default Workflow User');
    expect(run.stdout).toContain('--deploy-flows-active: not needed here');
    expect(run.calls.filter((c) => c[0] === 'flow-settings')).toEqual([]);
  });
});

describe('our scheduled jobs (the Metadata API refuses to deploy a class they hold)', () => {
  const deployAt = (run: Run) => run.calls.indexOf(deploysStarted(run)[0]);
  const deployFailsWithJobs = () =>
    withJobs('other-user', ['--no-permset-groups'], { FAKE_FAIL: '--source-dir force-app' });
  const apexAt = (run: Run, code: string) =>
    run.calls.findIndex((c) => c[0] === 'apex' && c[1] === code);

  it.each([
    ['through the dispatcher', () => withJobs('dispatcher', ['--no-permset-groups'])],
    [
      'on the job classes, by an earlier release (--reschedule-jobs, now the default, is accepted)',
      () => withJobs('legacy', ['--reschedule-jobs', '--no-permset-groups'])
    ]
  ])(
    'found (%s) are unscheduled just before the deploy and scheduled again after it',
    (_jobs, get) => {
      const run = get();
      expect(run.status).toBe(0);
      expect(apexOf(run)).toEqual([UNSCHEDULE, SCHEDULE]);
      expect(apexAt(run, UNSCHEDULE)).toBeLessThan(deployAt(run));
      expect(apexAt(run, SCHEDULE)).toBeGreaterThan(deployAt(run));
      expect(run.calls.findIndex((c) => isCall(c, 'npm', 'run', 'build'))).toBeLessThan(
        apexAt(run, UNSCHEDULE)
      );
      expect(run.stdout).toContain('Handoff metrics snapshots (nightly)');
      expect(run.stdout).toContain('The deploy unschedules them just before it starts');
      expect(run.stdout).toContain('Scheduled again; they run as admin@handoff.example.');
    }
  );

  it('--reschedule-jobs from older scripts is accepted with a note that it is the default now', () => {
    expect(withJobs('legacy', ['--reschedule-jobs', '--no-permset-groups']).stdout).toContain(
      '--reschedule-jobs: rescheduling is now what the deploy does'
    );
  });

  it('are scheduled again when the deploy fails, and the script still fails', () => {
    const run = deployFailsWithJobs();
    expect(run.status).toBe(1);
    expect(apexOf(run)).toEqual([UNSCHEDULE, SCHEDULE]);
    expect(apexAt(run, SCHEDULE)).toBeGreaterThan(deployAt(run));
    expect(run.stderr).toContain('the deploy failed (see above)');
  });

  it('are scheduled again when unscheduling fails part-way, and nothing is deployed', () => {
    const run = withJobs('dispatcher', ['--no-permset-groups'], {
      FAKE_APEX_FAIL: 'unscheduleAll'
    });
    expect(run.status).not.toBe(0);
    expect(deploysStarted(run)).toEqual([]);
    expect(apexOf(run)).toEqual([UNSCHEDULE, SCHEDULE]);
  });

  it('say loudly when they could not be scheduled again', () => {
    const run = withJobs('dispatcher', ['--no-permset-groups'], {
      FAKE_APEX_FAIL: 'HandoffScheduler.scheduleAll'
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the jobs are NOT scheduled: run HandoffScheduler.scheduleAll();');
    expect(run.stderr).toContain('deployed, but the jobs are not scheduled again');
  });

  it('--keep-jobs leaves them scheduled and says the Deployment Settings option must be on', () => {
    const run = withJobs('dispatcher', ['--keep-jobs', '--no-permset-groups']);
    expect(run.status).toBe(0);
    expect(apexOf(run)).toEqual([]);
    expect(deploysStarted(run)).toHaveLength(1);
    expect(run.stdout).toContain(
      '--keep-jobs: they stay scheduled; the deploy succeeds only if that setting is on.'
    );
  });

  it('under a name HandoffScheduler does not manage stop the deploy with both ways out', () => {
    const run = withJobs('other-name');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('  My health check (HandoffHealthCheck)');
    expect(run.stderr).toContain('delete them in Setup > Scheduled Jobs');
    expect(run.stderr).toContain('--keep-jobs');
    expect(apexOf(run)).toEqual([]);
    expect(deploysStarted(run)).toEqual([]);
  });

  it('scheduled by another user: says who will own them after the deploy', () => {
    expect(deployFailsWithJobs().stdout).toContain(
      'Note: they were scheduled by ops@handoff.example'
    );
  });

  describe('when they cannot be read', () => {
    const failing = { FAKE_FAIL: 'FROM AsyncApexJob' };
    it('production stops, with the reason, unless --yes', () => {
      const run = deploy([], { FAKE_ORG_KIND: 'production', ...failing });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        'could not read scheduled jobs: FakeError: fake sf: failing on FROM AsyncApexJob'
      );
      expect(run.stderr).toContain('could not read scheduled jobs in a production org');
      expect(run.stderr).toContain('--yes');
      expect(deploysStarted(run)).toEqual([]);
    });

    it('production with --yes goes on after saying so (a sandbox always does)', () => {
      const run = deploy(['--yes', '--no-permset-groups'], {
        FAKE_ORG_KIND: 'production',
        ...failing
      });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('could not read scheduled jobs: FakeError');
      expect(deploysStarted(run)).toHaveLength(1);
      expect(apexOf(run)).toEqual([]);
    });
  });
});

describe('npm run test:org', () => {
  it('deploys through deploy.sh (settings kept, nothing assigned), then runs the tests', () => {
    const run = runScript('scripts/org/run-org-tests.sh', [], {
      FAKE_ORG_KIND: 'sandbox',
      FAKE_ORG_CMDT: RECORDS.join(',')
    });
    expect(run.status).toBe(0);
    const [only, ...rest] = deploysStarted(run);
    expect(rest).toEqual([]);
    expect(valuesOf(only, '--source-dir')).toEqual(FOLDERS_BUT_RECORDS);
    expect(run.calls.filter((c) => isCall(c, 'sf', 'data', 'create'))).toEqual([]);
    const testsAt = run.calls.findIndex((c) => isCall(c, 'sf', 'apex', 'run', 'test'));
    expect(testsAt).toBeGreaterThan(run.calls.indexOf(only));
    expect(run.stdout).toContain('KEPT');
  });
});
