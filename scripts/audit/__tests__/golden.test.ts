/**
 * Golden files: the Markdown and CSV reports (byte for byte) and the HTML's structure, for a
 * small fixed fixture, in the default "last N" scope and with --all. After a deliberate change,
 * regenerate with `UPDATE_GOLDEN=1 npx jest scripts/audit/__tests__/golden.test.ts` and review
 * the diff.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runAudit } from '../cli.ts';
import type { Scope } from '../engine.ts';

// Relative paths, so the reports (which name their inputs) are the same on every machine.
const fixture = (name: string): string =>
  relative(process.cwd(), join(__dirname, 'fixtures', name));
const update = process.env.UPDATE_GOLDEN === '1';

/** The HTML reduced to its element structure: one line per element, with id, class and role. */
function htmlStructure(html: string): string {
  const out: string[] = [];
  let depth = 0;
  const tag = /<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>/g;
  const voids = new Set(['meta', 'br', 'rect', 'line', 'link', 'img', 'input']);
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html)) !== null) {
    const [, closing, name, attrs, selfClosing] = m;
    if (closing) {
      depth--;
      continue;
    }
    const pick = (attr: string): string => {
      const a = new RegExp(`\\s${attr}="([^"]*)"`).exec(attrs);
      return a ? a[1] : '';
    };
    const id = pick('id');
    const cls = pick('class');
    const role = pick('role');
    out.push(
      `${'  '.repeat(Math.max(0, depth))}${name}${id ? `#${id}` : ''}${cls ? `.${cls.split(/\s+/).join('.')}` : ''}${role ? `[role=${role}]` : ''}`
    );
    if (!selfClosing && !voids.has(name.toLowerCase())) {
      depth++;
    }
  }
  return `${out.join('\n')}\n`;
}

async function run(scope: Scope, name: string): Promise<Record<string, string>> {
  const out = mkdtempSync(join(tmpdir(), `golden-${name}-`));
  const outcome = await runAudit({
    csv: fixture('golden-deals.csv'),
    activities: fixture('golden-activities.csv'),
    rules: fixture('rules.json'),
    scope,
    out,
    now: new Date('2025-10-01T09:00:00Z'),
    quiet: true
  });
  expect(outcome.message).toMatch(/^Audited/);
  const files: Record<string, string> = {};
  for (const file of readdirSync(out).sort()) {
    const text = readFileSync(join(out, file), 'utf8');
    if (file === 'audit.html') {
      files['audit.html.structure.txt'] = htmlStructure(text);
      files['audit.html'] = text;
    } else {
      files[file] = text.split(out).join('<out>');
    }
  }
  return files;
}

describe.each([
  ['last', { kind: 'last', count: 15 } as Scope],
  ['all', { kind: 'all' } as Scope]
])('golden reports (%s)', (name, scope) => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await run(scope, name);
  });

  const dir = join(__dirname, 'golden', name);
  // deals.csv is written for the "last N" scope (and for --all only with --deals)
  const goldenNames = [
    'audit.md',
    'audit.html.structure.txt',
    'fields.csv',
    'types.csv',
    'segments.csv',
    'aes.csv',
    'months.csv',
    'first-touch.csv',
    'issues.csv',
    'baseline.json',
    ...(scope.kind === 'last' ? ['deals.csv'] : [])
  ];

  it.each(goldenNames)('%s matches its golden file', (file) => {
    // Markdown goldens end in .golden so Prettier leaves them byte for byte as written.
    const path = join(dir, file.endsWith('.md') ? `${file}.golden` : file);
    if (update || !existsSync(path)) {
      if (!update) {
        throw new Error(`No golden file ${path}; run with UPDATE_GOLDEN=1 to create it`);
      }
      mkdirSync(dir, { recursive: true });
      writeFileSync(path, files[file]);
    }
    expect(files[file]).toEqual(readFileSync(path, 'utf8'));
  });

  it('writes HTML with no external asset, and accessible charts', () => {
    const html = files['audit.html'];
    expect(html).not.toMatch(/<script|<link|<img|\ssrc=|https?:\/\//i);
    const charts = html.match(/<svg[^>]*>/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(5);
    for (const svg of charts) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/aria-labelledby="chart-\d+-t"/);
    }
    expect((html.match(/<title id="chart-\d+-t">/g) ?? []).length).toBe(charts.length);
  });
});
