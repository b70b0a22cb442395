/**
 * The bad command-line input of the org scripts besides deploy.sh (whose arguments
 * deploy.test.ts covers), docs/bad-input.md: each script refuses an unknown argument and an
 * option given without its value, with the reason, exit status 1, and before any `sf` call — so
 * no org is touched and no scratch org is created. The scripts run under bash with the fake `sf`
 * of deploy.test.ts first on PATH, which logs every call.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(__dirname, 'fake-bin');
let logs: string;

beforeAll(() => {
  chmodSync(join(BIN, 'sf'), 0o755);
  chmodSync(join(BIN, 'npm'), 0o755);
  logs = mkdtempSync(join(tmpdir(), 'handoff-org-args-'));
});

afterAll(() => rmSync(logs, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stderr: string;
  sfCalls: string[];
}

function run(script: string, args: string[]): Run {
  const log = join(logs, `calls-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(log, '');
  const result = spawnSync('bash', [script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
    env: { ...process.env, HANDOFF_ORG_SCRIPTS_BIN: BIN, FAKE_SF_LOG: log }
  });
  return {
    status: result.status,
    stderr: result.stderr,
    sfCalls: readFileSync(log, 'utf8').split('\n').filter(Boolean)
  };
}

describe('org scripts: bad arguments', () => {
  it('run-org-tests.sh refuses an unknown argument and an option without its value before any sf call', () => {
    const script = 'scripts/org/run-org-tests.sh';
    const unknown = run(script, ['--target', 'my-org']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('run-org-tests.sh: unknown argument: --target (see --help)');
    expect(unknown.sfCalls).toEqual([]);

    const noValue = run(script, ['--target-org']);
    expect(noValue.status).toBe(1);
    expect(noValue.stderr).toContain('--target-org needs an org alias or username');
    expect(noValue.sfCalls).toEqual([]);

    // The next option is not taken for the missing value.
    const optionAsValue = run(script, ['--target-org', '', '--skip-deploy']);
    expect(optionAsValue.status).toBe(1);
    expect(optionAsValue.sfCalls).toEqual([]);
  });

  it('create-scratch-org.sh refuses an unknown argument and an option without its value before any sf call', () => {
    const script = 'scripts/org/create-scratch-org.sh';
    const unknown = run(script, ['--days', '3']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      'create-scratch-org.sh: unknown argument: --days (see --help)'
    );
    expect(unknown.sfCalls).toEqual([]);

    for (const option of ['--alias', '--dev-hub', '--duration-days']) {
      const noValue = run(script, ['--no-tests', option]);
      expect(noValue.status).toBe(1);
      expect(noValue.stderr).toContain(`${option} needs a value`);
      expect(noValue.sfCalls).toEqual([]);
    }
  });
});
