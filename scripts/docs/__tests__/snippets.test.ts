/**
 * Every command a guide shows works as written: each ```bash / ```sh block of README.md and
 * docs/*.md that needs no org runs from the repository root, and must exit 0 within the time
 * limit. Blocks that need an org, a login, a reinstall or the whole test suite are skipped by the
 * rules below, and the skipped blocks are printed with the reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const TIMEOUT_MS = 180_000;

/** When a block is not run, and why. A block is skipped when any rule matches its text. */
const SKIP_RULES: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /\bsf org\b/, reason: 'needs an org (sf org …)' },
  { pattern: /--target-org\b/, reason: 'needs an org (--target-org)' },
  { pattern: /(^|\s)--org\b/, reason: 'reads an org (--org)' },
  { pattern: /\bdeploy\b/, reason: 'deploys to an org' },
  { pattern: /\blogin\b/, reason: 'logs in to an org' },
  { pattern: /scratch-org|\btest:org\b/, reason: 'needs a Dev Hub or an org' },
  { pattern: /\bnpm ci\b/, reason: 'reinstalls node_modules (slow; CI does it)' },
  {
    pattern: /\bnpm (run )?test\b/,
    reason: 'runs the whole test suite (slow, and would run this test again)'
  },
  { pattern: /\b(apt-get|apt|sudo)\b/, reason: 'installs system packages' }
];

interface ShellBlock {
  file: string;
  line: number;
  code: string;
}

/** The ```bash / ```sh / ```shell blocks of a Markdown text, with the line they start on. */
function shellBlocks(file: string, markdown: string): ShellBlock[] {
  const blocks: ShellBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j])) j++;
    if (['bash', 'sh', 'shell'].includes(open[3].toLowerCase())) {
      blocks.push({ file, line: i + 1, code: lines.slice(i + 1, j).join('\n') });
    }
    i = j;
  }
  return blocks;
}

/** The reason a block is skipped, or null when it runs. */
function skipReason(code: string): string | null {
  return SKIP_RULES.find((r) => r.pattern.test(code))?.reason ?? null;
}

/** README.md and docs/*.md, in a fixed order. */
function guides(): string[] {
  const docs = existsSync(join(ROOT, 'docs'))
    ? readdirSync(join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  return ['README.md', ...docs].filter((f) => existsSync(join(ROOT, f)));
}

const all = guides().flatMap((file) => shellBlocks(file, readFileSync(join(ROOT, file), 'utf8')));
const skipped = all
  .map((b) => ({ ...b, reason: skipReason(b.code) }))
  .filter((b): b is ShellBlock & { reason: string } => b.reason !== null);
const runnable = all.filter((b) => skipReason(b.code) === null);
const scripts = Object.keys(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: object }).scripts ??
    {}
);

describe('the shell snippets of README.md and docs/*.md', () => {
  beforeAll(() => {
    console.log(
      [
        `Shell blocks found: ${all.length}; run: ${runnable.length}; skipped: ${skipped.length}.`,
        'Skip rules: ' + SKIP_RULES.map((r) => `${r.pattern} (${r.reason})`).join('; '),
        ...skipped.map((b) => `  skipped ${b.file}:${b.line}: ${b.reason}`)
      ].join('\n')
    );
  });

  it('finds the blocks of the guides', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(runnable.length).toBeGreaterThan(0);
  });

  it.each(runnable.map((b) => [`${b.file}:${b.line}`, b] as const))(
    '%s works as written',
    (_where, block) => {
      for (const m of block.code.matchAll(/\bnpm run ([\w:.-]+)/g)) {
        expect([m[1], scripts.includes(m[1])]).toEqual([m[1], true]);
      }
      const run = spawnSync('bash', ['-eo', 'pipefail', '-c', block.code], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }
      });
      const tail = `${run.stdout ?? ''}\n${run.stderr ?? ''}`
        .trim()
        .split('\n')
        .slice(-15)
        .join('\n');
      expect({
        status: run.status,
        signal: run.signal,
        output: run.status === 0 ? '' : tail
      }).toEqual({ status: 0, signal: null, output: '' });
    },
    TIMEOUT_MS + 10_000
  );
});

describe('the skip rules', () => {
  it.each([
    ['npx sf org login web --alias devhub', 'needs an org (sf org …)'],
    ['npm run deploy -- --target-org my-org', 'needs an org (--target-org)'],
    ['npm run audit -- --org acme --since 2025-01-01', 'reads an org (--org)'],
    ['npm ci', 'reinstalls node_modules (slow; CI does it)'],
    ['npm ci && npm test', 'reinstalls node_modules (slow; CI does it)'],
    ['npm test', 'runs the whole test suite (slow, and would run this test again)']
  ])('skip %s', (code, reason) => {
    expect(skipReason(code)).toBe(reason);
  });

  it('runs offline commands', () => {
    expect(skipReason('npx tsx scripts/docs/generate-config-guide.ts --check')).toBeNull();
    expect(skipReason('npm run audit -- --csv data/sample-closed-won.csv')).toBeNull();
  });

  it('reads fenced blocks and their languages', () => {
    const md = [
      'a',
      '```bash',
      'echo 1',
      '```',
      '````sh',
      '```',
      'echo 2',
      '````',
      '```ts',
      'x',
      '```'
    ];
    expect(shellBlocks('x.md', md.join('\n'))).toEqual([
      { file: 'x.md', line: 2, code: 'echo 1' },
      { file: 'x.md', line: 5, code: '```\necho 2' }
    ]);
  });
});
