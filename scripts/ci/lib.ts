// Shared helpers for the offline CI checks in scripts/ci: file walking, path display,
// problem printing, timing and the thin CLI wrapper every tool uses.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The repository root (scripts/ci/ is two levels below it). */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Folders never worth descending into. */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.sf', '.sfdx']);

export interface WalkOptions {
  /** Folder names (not paths) to skip wherever they appear, e.g. `__tests__`. */
  skipDirs?: readonly string[];
}

/**
 * Every file under `root` for which `accept(absolutePath)` is true, as absolute paths in a
 * stable (sorted) order. A missing root yields no files rather than an error.
 */
export function walkFiles(
  root: string,
  accept: (file: string) => boolean,
  options: WalkOptions = {}
): string[] {
  const skipped = new Set([...ALWAYS_SKIPPED, ...(options.skipDirs ?? [])]);
  const found: string[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    );
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) visit(full);
      } else if (entry.isFile() && accept(full)) {
        found.push(full);
      }
    }
  };
  if (existsSync(root)) visit(path.resolve(root));
  return found;
}

/** A path for humans and editors: relative to the current directory, with `/` separators. */
export function displayPath(file: string, base: string = process.cwd()): string {
  const relative = path.relative(base, file);
  const shown = relative === '' || relative.startsWith('..') ? file : relative;
  return shown.split(path.sep).join('/');
}

/** One problem at a place in a file, printed as `file:line:col message`. */
export interface Problem {
  file: string;
  line: number;
  /** 1-based column; omitted when the tool gives none. */
  column?: number;
  message: string;
}

/** One line per problem: a newline inside the message is shown as a literal `\n`. */
export function formatProblem(problem: Problem): string {
  const where = [displayPath(problem.file), problem.line, problem.column]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where} ${problem.message.replace(/\r?\n/g, '\\n')}`;
}

/** `1 file`, `2 files`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Milliseconds since `start` (a `Date.now()` value) as `1.2 s`. */
export function elapsed(start: number): string {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

/** An error whose message is the whole story: printed without a stack trace. */
export class UsageError extends Error {}

/**
 * The source folders a check was given on its command line, or force-app when it was given
 * none; a folder that does not exist is a usage error.
 */
export function sourceFolders(args: readonly string[]): string[] {
  const roots = args.length > 0 ? [...args] : [path.join(repoRoot, 'force-app')];
  for (const root of roots) {
    if (!existsSync(root)) throw new UsageError(`no such folder: ${root}`);
  }
  return roots;
}

/**
 * Runs a CLI entry point and sets the exit code from its result. Unexpected errors are
 * printed with their stack; `UsageError`s with their message only. Both exit 1.
 */
export function runCli(name: string, main: () => Promise<number> | number): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        if (error instanceof UsageError) {
          console.error(`${name}: ${error.message}`);
        } else {
          console.error(`${name}: unexpected error`);
          console.error(error);
        }
        process.exitCode = 1;
      }
    );
}
