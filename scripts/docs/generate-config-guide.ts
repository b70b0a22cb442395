/**
 * `npm run docs`: writes docs/configuration-guide.md from the metadata in force-app/main/default
 * and refreshes the generated blocks of the hand-written guides (docs/*.md) — the required
 * fields by segment, the SLAs, the thresholds, the formulas, the summary preview.
 *
 *   npm run docs              write the files that changed
 *   npm run docs -- --check   change nothing; exit 1 when a committed file is stale
 *
 * Deterministic: no timestamps, everything sorted, formatted with the project's Prettier settings.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, SOURCE_ROOT } from '../../force-app/test/metadata/lib/metadata.ts';
import { applyBlocks, hasBlocks } from './blocks.ts';
import { renderConfigGuide } from './configGuide.ts';
import { formatMarkdown } from './format.ts';
import { byCode, readModel } from './model.ts';

/** The generated guide, relative to the project root. */
export const GUIDE_PATH = 'docs/configuration-guide.md';

const USAGE = `Usage: npm run docs [-- --check]

Writes ${GUIDE_PATH} from the metadata and refreshes the generated blocks in docs/*.md.
  --check   write nothing; exit 1 when a file differs from what would be generated
  --help    this text`;

/** One file the generator owns (wholly, or the blocks in it). */
export interface Output {
  path: string;
  current: string | null;
  expected: string;
}

/** Everything the generator would write, formatted, with what is on disk now. */
export async function buildOutputs(root = PROJECT_ROOT, source = SOURCE_ROOT): Promise<Output[]> {
  const model = readModel(source);
  const read = (path: string) =>
    existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : null;
  const outputs: Output[] = [];
  outputs.push({
    path: GUIDE_PATH,
    current: read(GUIDE_PATH),
    expected: await formatMarkdown(renderConfigGuide(model), join(root, GUIDE_PATH))
  });
  const docs = join(root, 'docs');
  const guides = existsSync(docs)
    ? readdirSync(docs)
        .filter((f) => f.endsWith('.md') && `docs/${f}` !== GUIDE_PATH)
        .sort(byCode)
    : [];
  for (const file of guides) {
    const path = `docs/${file}`;
    const current = read(path) ?? '';
    if (!hasBlocks(current)) continue;
    const refreshed = applyBlocks(current, model, source, path);
    outputs.push({ path, current, expected: await formatMarkdown(refreshed, join(root, path)) });
  }
  return outputs;
}

/** Where two texts first differ, for the message. */
export function firstDifference(current: string, expected: string): string {
  const a = current.split('\n');
  const b = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const show = (line: string | undefined) =>
        line === undefined ? '(end of file)' : JSON.stringify(line.slice(0, 160));
      return `line ${i + 1}: committed ${show(a[i])}, generated ${show(b[i])}`;
    }
  }
  return 'no difference';
}

/** Runs the command; returns the exit status. */
export async function main(
  argv: string[],
  log = console.log,
  error = console.error
): Promise<number> {
  if (argv.includes('--help')) {
    log(USAGE);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length) {
    error(`Unknown option: ${unknown.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const check = argv.includes('--check');
  let outputs: Output[];
  try {
    outputs = await buildOutputs();
  } catch (e) {
    error(`npm run docs: ${(e as Error).message}`);
    return 1;
  }
  const stale = outputs.filter((o) => o.current !== o.expected);
  if (check) {
    if (stale.length === 0) {
      log(`Documentation is up to date (${outputs.map((o) => o.path).join(', ')}).`);
      return 0;
    }
    error(
      [
        `Stale documentation: ${stale.length === 1 ? 'this file differs' : 'these files differ'} from what the metadata generates.`,
        ...stale.map((o) =>
          o.current === null
            ? `  ${o.path}: missing`
            : `  ${o.path}: first difference at ${firstDifference(o.current, o.expected)}`
        ),
        'Run `npm run docs` (or `npx tsx scripts/docs/generate-config-guide.ts`) and commit the result.'
      ].join('\n')
    );
    return 1;
  }
  for (const o of stale) {
    writeFileSync(join(PROJECT_ROOT, o.path), o.expected);
    log(`wrote ${o.path}`);
  }
  if (stale.length === 0) log('Documentation is up to date; nothing written.');
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    }
  );
}
