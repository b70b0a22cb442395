// Offline proof that the source maps to Metadata API types: runs
// `sf project convert source` (the project's own sf CLI) into a temporary folder and prints
// the member count per type from the generated package.xml. It does not validate contents;
// a deploy does that.
//
// Usage: tsx scripts/ci/convert-source.ts [--root-dir force-app]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  Problem,
  formatProblem,
  elapsed,
  plural,
  repoRoot,
  runCli,
  UsageError,
  walkFiles
} from './lib';

/** Source files that sf silently leaves out of the conversion when their -meta.xml is missing. */
const NEEDS_META_XML = ['.cls', '.trigger', '.page', '.component'];

/** Apex (and Visualforce) sources without their `-meta.xml`: they would not be deployed. */
export function findMissingMetaXml(root: string): Problem[] {
  return walkFiles(root, (file) => NEEDS_META_XML.includes(path.extname(file)))
    .filter((file) => !existsSync(`${file}-meta.xml`))
    .map((file) => ({
      file,
      line: 1,
      message: `no ${path.basename(file)}-meta.xml next to it: sf leaves it out of the deploy`
    }));
}

/** Member count per metadata type, from package.xml text, sorted by type name. */
export function countPackageTypes(packageXml: string): Map<string, number> {
  const parser = new XMLParser({
    isArray: (name) => name === 'types' || name === 'members'
  });
  const parsed = parser.parse(packageXml) as {
    Package?: { types?: { name: string; members?: unknown[] }[] };
  };
  const counts = new Map<string, number>();
  for (const type of parsed.Package?.types ?? []) {
    counts.set(
      String(type.name),
      (counts.get(String(type.name)) ?? 0) + (type.members ?? []).length
    );
  }
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function parseArgs(argv: readonly string[]): { rootDir: string } {
  let rootDir = 'force-app';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root-dir' && argv[i + 1] !== undefined) rootDir = argv[++i];
    else throw new UsageError(`unknown argument ${argv[i]} (usage: [--root-dir <dir>])`);
  }
  return { rootDir };
}

function main(argv: readonly string[]): number {
  const start = Date.now();
  const { rootDir } = parseArgs(argv);
  const binDir = path.join(repoRoot, 'node_modules', '.bin');
  const sf = path.join(binDir, 'sf');
  if (!existsSync(sf)) throw new UsageError(`${sf} not found: run npm ci`);
  if (!existsSync(path.resolve(repoRoot, rootDir))) {
    throw new UsageError(`${rootDir} not found under ${repoRoot}`);
  }

  const work = mkdtempSync(path.join(tmpdir(), 'convert-source-'));
  const home = path.join(work, 'home');
  const outputDir = path.join(work, 'mdapi');
  try {
    const run = spawnSync(
      sf,
      ['project', 'convert', 'source', '--root-dir', rootDir, '--output-dir', outputDir],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: {
          ...process.env,
          // A throwaway HOME keeps the run independent of any user's sf config and auth files.
          HOME: home,
          SF_AUTOUPDATE_DISABLE: 'true',
          SF_DISABLE_TELEMETRY: 'true',
          SF_HIDE_RELEASE_NOTES: 'true',
          // `sf` starts with `#!/usr/bin/env node`: the project's Node 22 (the `node`
          // devDependency) must win over an older system Node (see TOOLCHAIN_NOTES.md).
          PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`
        }
      }
    );
    if (run.error) throw new UsageError(`could not run ${sf}: ${run.error.message}`);
    const status = run.status ?? 1;
    if (status !== 0) {
      console.error(`convert-source: sf project convert source failed (exit ${status})`);
      return status;
    }
    const packageXml = path.join(outputDir, 'package.xml');
    if (!existsSync(packageXml)) {
      console.error(`convert-source: sf succeeded but wrote no ${packageXml}`);
      return 1;
    }
    const missing = findMissingMetaXml(path.resolve(repoRoot, rootDir));
    for (const problem of missing) console.error(formatProblem(problem));
    const counts = countPackageTypes(readFileSync(packageXml, 'utf8'));
    const width = Math.max(0, ...[...counts.keys()].map((type) => type.length));
    for (const [type, count] of counts) console.log(`  ${type.padEnd(width)}  ${count}`);
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    console.log(
      `${rootDir} converts to ${plural(total, 'component')} of ` +
        `${plural(counts.size, 'metadata type')}, ${plural(missing.length, 'missing -meta.xml file')}` +
        ` (${elapsed(start)})`
    );
    return missing.length === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) runCli('convert-source', () => main(process.argv.slice(2)));
