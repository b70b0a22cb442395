// Offline pre-deploy check for Lightning web components: compiles each component's
// JavaScript (the .js that `npm run build` emits from the .ts), templates and styles with the
// LWC compiler, as the platform does on deploy, and fails on any error diagnostic.
//
// Usage: tsx scripts/ci/lwc-compile.ts [lwc-folder ...]
//   default: every folder named `lwc` under force-app. Run `npm run build` first.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@lwc/compiler';
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

/** `@lwc/errors` DiagnosticLevel: Fatal = 0, Error = 1, Warning = 2, Log = 3. */
const LEVEL_ERROR = 1;

/** Folders inside a component bundle that never deploy. */
const NON_DEPLOYED_DIRS = ['__tests__', '__mocks__', 'jest-mocks'];

const COMPILED_EXTENSIONS = new Set(['.js', '.html', '.css']);

export interface ComponentResult {
  name: string;
  folder: string;
  /** Files handed to the compiler. */
  compiled: string[];
  errors: Problem[];
  warnings: Problem[];
}

interface DiagnosticLike {
  message?: string;
  level?: number;
  location?: { line?: number; column?: number };
}

function toProblem(file: string, diagnostic: DiagnosticLike): Problem {
  const column = diagnostic.location?.column;
  // Babel (JavaScript) columns are 0-based; the template parser's are already 1-based.
  const columnBase = file.endsWith('.js') ? 1 : 0;
  // Babel messages repeat the file path and append a multi-line code frame: keep the gist.
  const message = (diagnostic.message ?? String(diagnostic))
    .split('\n')[0]
    .replace(/^SyntaxError: [^:]*: /, '');
  return {
    file,
    line: diagnostic.location?.line ?? 1,
    column: column === undefined ? undefined : column + columnBase,
    message
  };
}

function bundleFiles(folder: string): string[] {
  return walkFiles(folder, () => true, { skipDirs: NON_DEPLOYED_DIRS });
}

/** Compiles one component bundle (`<lwc>/<name>/`). */
export function compileComponent(folder: string): ComponentResult {
  const name = path.basename(folder);
  const result: ComponentResult = { name, folder, compiled: [], errors: [], warnings: [] };
  const files = bundleFiles(folder);

  // TypeScript sources must have their emitted JavaScript next to them, and not an older one.
  for (const ts of files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))) {
    const js = ts.replace(/\.ts$/, '.js');
    if (!existsSync(js)) {
      result.errors.push({
        file: ts,
        line: 1,
        message: `no emitted ${path.basename(js)}: run npm run build`
      });
    } else if (statSync(js).mtimeMs + 1000 < statSync(ts).mtimeMs) {
      result.errors.push({
        file: js,
        line: 1,
        message: `older than ${path.basename(ts)}: run npm run build`
      });
    }
  }

  const mainModule = path.join(folder, `${name}.js`);
  const hasMainSource = existsSync(mainModule) || existsSync(path.join(folder, `${name}.ts`));
  if (!hasMainSource) {
    result.errors.push({
      file: folder,
      line: 1,
      message: `component ${name} has no ${name}.js (or ${name}.ts) module`
    });
  }

  const metaXml = path.join(folder, `${name}.js-meta.xml`);
  if (!existsSync(metaXml)) {
    result.errors.push({
      file: folder,
      line: 1,
      message: `component ${name} has no ${name}.js-meta.xml, so it does not deploy`
    });
  }

  for (const file of files.filter((f) => COMPILED_EXTENSIONS.has(path.extname(f)))) {
    result.compiled.push(file);
    try {
      const output = transformSync(readFileSync(file, 'utf8'), path.basename(file), {
        namespace: 'c',
        name
      });
      for (const diagnostic of output.warnings ?? []) {
        const problem = toProblem(file, diagnostic);
        if (diagnostic.level <= LEVEL_ERROR) result.errors.push(problem);
        else result.warnings.push(problem);
      }
    } catch (error) {
      // Compile errors are thrown as CompilerError (a CompilerDiagnostic with a location).
      result.errors.push(toProblem(file, error as DiagnosticLike));
    }
  }
  return result;
}

/** Component bundle folders directly inside the given `lwc` folders, sorted. */
export function findComponents(lwcFolders: readonly string[]): string[] {
  return lwcFolders.flatMap((lwc) =>
    readdirSync(lwc, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => path.join(lwc, entry.name))
      .sort()
  );
}

/** Every folder named `lwc` under `root` (force-app/main/default/lwc and any other package). */
export function findLwcFolders(root: string): string[] {
  const folders = new Set<string>();
  walkFiles(root, (file) => path.basename(path.dirname(path.dirname(file))) === 'lwc').forEach(
    (file) => folders.add(path.dirname(path.dirname(file)))
  );
  return [...folders].sort();
}

function main(argv: readonly string[]): number {
  const start = Date.now();
  for (const folder of argv) {
    if (!existsSync(folder)) throw new UsageError(`no such folder: ${folder}`);
  }
  const lwcFolders = argv.length > 0 ? [...argv] : findLwcFolders(path.join(repoRoot, 'force-app'));
  const components = findComponents(lwcFolders);
  if (components.length === 0) {
    console.log('No Lightning web components found: nothing to compile (pass).');
    return 0;
  }

  let files = 0;
  let errors = 0;
  for (const folder of components) {
    const result = compileComponent(folder);
    files += result.compiled.length;
    errors += result.errors.length;
    for (const problem of result.warnings) console.warn(`${formatProblem(problem)} (warning)`);
    for (const problem of result.errors) console.error(formatProblem(problem));
  }
  const where = lwcFolders.map((folder) => displayPath(folder)).join(', ');
  console.log(
    `${plural(components.length, 'component')} (${plural(files, 'file')}) compiled under ` +
      `${where}, ${plural(errors, 'error')} (${elapsed(start)})`
  );
  return errors === 0 ? 0 : 1;
}

if (require.main === module) runCli('lwc-compile', () => main(process.argv.slice(2)));
