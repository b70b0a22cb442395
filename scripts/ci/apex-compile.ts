// Offline Apex compile check with Salesforce's own Apex compiler ("jorje", the compiler an org
// runs on deploy, shipped in prettier-plugin-apex as apex-jorje-lsp.jar). Every class and
// trigger of a package folder is compiled to the compiler's last validation stage
// (ADDITIONAL_VALIDATE) against that folder's objects, fields, custom metadata types, platform
// events and labels, the platform's standard objects (API 65 schema from Code Analyzer's PMD
// engine) with our custom fields on them, and the system classes (the jar's StandardApexLibrary
// stubs, completed in scripts/ci/apex-compiler/stubs). The Java driver in
// scripts/ci/apex-compiler is compiled with javac on first use into .cache/apex-compiler/<hash>.
//
// Inline SOQL is checked against the same schema (objects, field paths, child relationships;
// SoqlValidator.java says what it leaves to the org). What it cannot see: dynamic SOQL strings,
// SOSL field lists, and behaviour at run time (limits, sharing, data): Apex tests in an org.
//
// Usage: tsx scripts/ci/apex-compile.ts [--stub-errors] [--with dependency-folder ...] [package-folder ...]
//   default: every folder under force-app that holds classes/ or triggers/
//   --with: a package folder the given ones build on (its objects, labels and classes are
//   compiled with them; its own errors are not reported): force-app-ai/main/default is compiled
//   --with force-app/main/default (scripts/ci/check-ai.ts)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs';
import path from 'node:path';
import {
  Problem,
  displayPath,
  elapsed,
  formatProblem,
  plural,
  repoRoot,
  runCli,
  UsageError
} from './lib';

const DRIVER_DIR = path.join(repoRoot, 'scripts', 'ci', 'apex-compiler');
const STUBS_DIR = path.join(DRIVER_DIR, 'stubs');
const CACHE_DIR = path.join(repoRoot, '.cache', 'apex-compiler');
const JORJE_JAR = path.join(
  repoRoot,
  'node_modules',
  'prettier-plugin-apex',
  'vendor',
  'apex-ast-serializer',
  'lib',
  'apex-jorje-lsp.jar'
);
const SCHEMA_LIB = path.join(
  repoRoot,
  'node_modules',
  '@salesforce',
  'code-analyzer-pmd-engine',
  'dist',
  'java-lib'
);
const SOBJECT_JAR = path.join(SCHEMA_LIB, 'sobject-types-65.0.0.jar');
const STANDARD_TYPES_JAR = path.join(SCHEMA_LIB, 'standard-types-65.0.0.jar');
const MAIN_CLASS = 'ApexCompileCheck';
/** C1 only and the serial collector: a short batch run, not a server (about 2x faster here). */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export interface PackageResult {
  /** The package folder, as given. */
  packageDir: string;
  /** Classes and triggers compiled. */
  files: number;
  errors: Problem[];
  /** Exceptions the compiler caught in itself: a unit was not fully checked. */
  internal: string[];
  /** Errors inside library stubs (only with `stubErrors`); never the project's. */
  stubErrors: Problem[];
  millis: number;
}

export interface CompileOptions {
  /** Also report errors inside the library stubs (for whoever completes them). */
  stubErrors?: boolean;
  /** Package folders every given folder builds on, compiled with it (errors not reported). */
  dependencies?: readonly string[];
}

function requireFile(file: string, hint: string): void {
  if (!existsSync(file)) throw new UsageError(`${displayPath(file)} not found: ${hint}`);
}

/** A hash of everything the compiled driver depends on: its sources, javac and the jar. */
function driverHash(sources: readonly string[], javacVersion: string): string {
  const hash = createHash('sha256');
  for (const source of sources) {
    hash.update(path.basename(source)).update('\0').update(readFileSync(source)).update('\0');
  }
  hash.update(javacVersion).update(String(statSync(JORJE_JAR).size));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The driver's class folder, compiled with javac when its sources (or javac, or the jar) have
 * changed since the last build. Builds into a temporary folder and renames it into place, so
 * an interrupted build is never used.
 */
export function buildDriver(): string {
  requireFile(JORJE_JAR, 'run npm ci (prettier-plugin-apex ships the Apex compiler)');
  const javac = spawnSync('javac', ['-version'], { encoding: 'utf8' });
  if (javac.error || javac.status !== 0) {
    throw new UsageError(
      'javac (JDK 11+) is required to build the Apex compiler driver: ' +
        'apt-get install -y openjdk-17-jdk-headless'
    );
  }
  const sources = readdirSync(DRIVER_DIR)
    .filter((name) => name.endsWith('.java'))
    .sort()
    .map((name) => path.join(DRIVER_DIR, name));
  const target = path.join(CACHE_DIR, driverHash(sources, `${javac.stdout}${javac.stderr}`));
  if (existsSync(path.join(target, `${MAIN_CLASS}.class`))) return target;
  const building = `${target}.tmp-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  const compiled = spawnSync(
    'javac',
    ['-nowarn', '-encoding', 'UTF-8', '-d', building, '-cp', JORJE_JAR, ...sources],
    { encoding: 'utf8' }
  );
  if (compiled.status !== 0) {
    rmSync(building, { recursive: true, force: true });
    throw new Error(`javac failed:\n${compiled.stdout}${compiled.stderr}`);
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(building, target);
  // Builds of older sources are never used again.
  for (const entry of readdirSync(CACHE_DIR)) {
    const stale = path.join(CACHE_DIR, entry);
    if (stale !== target && !entry.includes('.tmp-'))
      rmSync(stale, { recursive: true, force: true });
  }
  return target;
}

/** Parses the driver's tab-separated report (see ApexCompileCheck.java). */
export function parseDriverOutput(output: string): PackageResult[] {
  const results = new Map<string, PackageResult>();
  const resultFor = (packageDir: string): PackageResult => {
    let result = results.get(packageDir);
    if (!result) {
      result = { packageDir, files: 0, errors: [], internal: [], stubErrors: [], millis: 0 };
      results.set(packageDir, result);
    }
    return result;
  };
  const unescape = (text: string): string => text.replace(/\\n/g, '\n');
  for (const line of output.split(/\r?\n/)) {
    const fields = line.split('\t');
    switch (fields[0]) {
      case 'error':
      case 'stub-error': {
        const [, packageDir, file, lineNo, column, ...message] = fields;
        const problem: Problem = {
          file,
          line: Number(lineNo),
          column: Number(column) > 0 ? Number(column) : undefined,
          message: unescape(message.join('\t'))
        };
        const result = resultFor(packageDir);
        (fields[0] === 'error' ? result.errors : result.stubErrors).push(problem);
        break;
      }
      case 'internal':
        resultFor(fields[1]).internal.push(unescape(fields.slice(2).join('\t')));
        break;
      case 'done': {
        const result = resultFor(fields[1]);
        result.files = Number(fields[2]);
        result.millis = Number(fields[3]);
        break;
      }
      default:
        break;
    }
  }
  return [...results.values()];
}

/**
 * Compiles the classes and triggers of each package folder (a folder holding classes/,
 * triggers/, objects/, labels/ like force-app/main/default), all in one JVM.
 */
export function compileApex(
  packageDirs: readonly string[],
  options: CompileOptions = {}
): PackageResult[] {
  for (const dir of [...packageDirs, ...(options.dependencies ?? [])]) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new UsageError(`no such package folder: ${dir}`);
    }
  }
  requireFile(SOBJECT_JAR, 'run npm ci (Code Analyzer PMD engine ships the standard objects)');
  requireFile(STANDARD_TYPES_JAR, 'run npm ci');
  const classes = buildDriver();
  const classpath = [classes, JORJE_JAR, SOBJECT_JAR, STANDARD_TYPES_JAR].join(path.delimiter);
  const run = spawnSync(
    'java',
    [
      ...JVM_OPTIONS,
      '-cp',
      classpath,
      MAIN_CLASS,
      '--jorje-jar',
      JORJE_JAR,
      '--sobject-jar',
      SOBJECT_JAR,
      '--stubs',
      STUBS_DIR,
      ...(options.stubErrors ? ['--stub-errors'] : []),
      ...packageDirs.flatMap((dir) => [
        ...(options.dependencies ?? []).flatMap((dependency) => [
          '--with',
          path.resolve(dependency)
        ]),
        path.resolve(dir)
      ])
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
  );
  if (run.error) throw new UsageError(`cannot run java: ${run.error.message}`);
  if (run.status !== 0) {
    throw new Error(`the Apex compiler driver failed (exit ${run.status}):\n${run.stderr}`);
  }
  const results = parseDriverOutput(run.stdout);
  const byDir = new Map(results.map((result) => [result.packageDir, result]));
  return packageDirs.map((dir) => {
    const result = byDir.get(path.resolve(dir));
    if (!result) throw new Error(`the Apex compiler driver did not report ${dir}:\n${run.stderr}`);
    return result;
  });
}

/** Every folder under `root` that holds Apex (a classes/ or triggers/ child), sorted. */
export function findPackageDirs(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) =>
      entry.isDirectory()
    );
    if (entries.some((entry) => entry.name === 'classes' || entry.name === 'triggers')) {
      found.push(dir);
    }
    for (const entry of entries) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        visit(path.join(dir, entry.name));
      }
    }
  };
  if (existsSync(root)) visit(root);
  return found.sort();
}

function main(argv: readonly string[]): number {
  const start = Date.now();
  const stubErrors = argv.includes('--stub-errors');
  const dependencies: string[] = [];
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--stub-errors') continue;
    if (argv[i] === '--with') {
      const dependency = argv[++i];
      if (!dependency) throw new UsageError('--with needs a package folder');
      dependencies.push(dependency);
    } else targets.push(argv[i]);
  }
  const packageDirs =
    targets.length > 0 ? targets : findPackageDirs(path.join(repoRoot, 'force-app'));
  if (packageDirs.length === 0)
    throw new UsageError('no classes/ or triggers/ folder under force-app');
  const results = compileApex(packageDirs, { stubErrors, dependencies });
  let failures = 0;
  for (const result of results) {
    for (const problem of result.stubErrors) console.error(`stub ${formatProblem(problem)}`);
    for (const problem of result.errors) console.error(formatProblem(problem));
    for (const internal of result.internal) {
      console.error(`${displayPath(result.packageDir)}: the compiler failed inside: ${internal}`);
    }
    failures += result.errors.length + result.internal.length;
    console.log(
      `Apex compiler (jorje): ${plural(result.files, 'class and trigger', 'classes and triggers')} ` +
        `compiled under ${displayPath(result.packageDir)}, ` +
        `${plural(result.errors.length, 'compile error')} (${(result.millis / 1000).toFixed(1)} s)`
    );
  }
  console.log(`apex-compile: done in ${elapsed(start)}`);
  return failures === 0 ? 0 : 1;
}

if (require.main === module) runCli('apex-compile', () => main(process.argv.slice(2)));
