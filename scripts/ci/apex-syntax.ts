// Offline Apex syntax check: parses every .cls and .trigger with @apexdevtools/apex-parser.
//
// The parser's own `check()` reports status 0 even when it found errors, so this tool attaches
// one error listener to both the lexer and the parser and counts what it receives.
//
// Usage: tsx scripts/ci/apex-syntax.ts [file-or-folder ...]   (default: force-app)
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import {
  Problem,
  displayPath,
  elapsed,
  formatProblem,
  plural,
  repoRoot,
  runCli,
  UsageError,
  walkFiles
} from './lib';

export type ApexUnitKind = 'class' | 'trigger';

class CollectingErrorListener extends ApexErrorListener {
  readonly errors: Omit<Problem, 'file'>[] = [];

  apexSyntaxError(line: number, column: number, msg: string): void {
    // ANTLR columns are 0-based; editors and `file:line:col` links expect 1-based.
    this.errors.push({ line, column: column + 1, message: msg });
  }
}

/** Syntax errors in one Apex source text (empty when it parses cleanly). */
export function checkApexSource(source: string, kind: ApexUnitKind, file = '<source>'): Problem[] {
  const listener = new CollectingErrorListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  if (kind === 'trigger') parser.triggerUnit();
  else parser.compilationUnit();
  return listener.errors.map((error) => ({ file, ...error }));
}

export function apexKindOf(file: string): ApexUnitKind | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === '.cls' ? 'class' : ext === '.trigger' ? 'trigger' : undefined;
}

/** Every .cls / .trigger file under the given files or folders, absolute and sorted. */
export function findApexFiles(targets: readonly string[]): string[] {
  const files = targets.flatMap((target) => {
    if (!existsSync(target)) throw new UsageError(`no such file or folder: ${target}`);
    return statSync(target).isDirectory()
      ? walkFiles(target, (file) => apexKindOf(file) !== undefined)
      : [path.resolve(target)];
  });
  return [...new Set(files)];
}

export interface ApexCheckResult {
  files: string[];
  problems: Problem[];
}

export function checkApexFiles(files: readonly string[]): ApexCheckResult {
  const problems = files.flatMap((file) => {
    const kind = apexKindOf(file);
    if (kind === undefined) {
      return [{ file, line: 1, message: 'not an Apex file (expected .cls or .trigger)' }];
    }
    return checkApexSource(readFileSync(file, 'utf8'), kind, file);
  });
  return { files: [...files], problems };
}

function main(argv: readonly string[]): number {
  const start = Date.now();
  const targets = argv.length > 0 ? [...argv] : [path.join(repoRoot, 'force-app')];
  const { files, problems } = checkApexFiles(findApexFiles(targets));
  for (const problem of problems) console.error(formatProblem(problem));
  const where = targets.map((target) => displayPath(target)).join(', ');
  console.log(
    `${plural(files.length, 'Apex file')} parsed under ${where}, ` +
      `${plural(problems.length, 'syntax error')} (${elapsed(start)})`
  );
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) runCli('apex-syntax', () => main(process.argv.slice(2)));
