/**
 * Builds the harness page as the platform would build the components: TypeScript first
 * (`tsc -p tsconfig.json`, the project's `npm run build`, emitting each component's `.js` in
 * place), then the LWC compiler through Rollup (@lwc/rollup-plugin at the project's LWC
 * version) with the open-source Lightning base components. Stand-ins only for what Salesforce
 * does not publish:
 *
 * - `@salesforce/apex/*`, `@salesforce/apex`: scripts/browser/app/apex.ts (the journey answers);
 * - `lightning/uiRecordApi`, `lightning/uiObjectInfoApi`, `lightning-record-edit-form`,
 *   `lightning-input-field`, `lightning-messages`, `lightning-record-picker` (its search answered
 *   by the journey as `recordPickerSearch`): scripts/browser/lwc/lightning/;
 * - `lightning/platformShowToastEvent`: the Jest mock (force-app/test/jest-mocks), the same file;
 * - `@salesforce/label/c.*`: the values in force-app/main/default/labels (a missing label fails
 *   the build, as it fails a deploy); `@salesforce/schema/*`: `{ objectApiName, fieldApiName }`;
 *   `@salesforce/i18n/locale|timeZone` (project modules only): en-US, America/Los_Angeles;
 *   `@salesforce/customPermission/*`: what the journey grants before the page loads.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rollup, type Plugin } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import { XMLParser } from 'fast-xml-parser';

export const ROOT = join(__dirname, '..', '..', '..');
export const CACHE = join(ROOT, '.cache', 'browser');
const OUT = join(CACHE, 'out');
export const DIST = join(CACHE, 'dist');
const LWC_DIR = join(ROOT, 'force-app', 'main', 'default', 'lwc');
const LABELS_DIR = join(ROOT, 'force-app', 'main', 'default', 'labels');
const BROWSER_DIR = join(ROOT, 'scripts', 'browser');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The user's locale and time zone the harness renders in (the journeys' browser uses them too). */
export const LOCALE = 'en-US';
export const TIME_ZONE = 'America/Los_Angeles';

/** The gates of the base components that must be off under synthetic shadow. */
const GATES_OFF = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);

function tsc(project: string): void {
  const run = spawnSync(process.execPath, [TSC, '-p', project], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`tsc -p ${project} failed:\n${run.stdout}${run.stderr}`);
  }
}

/** Every custom label's value by name, from the project's labels files. */
export function readLabels(): Map<string, string> {
  const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
  const labels = new Map<string, string>();
  for (const file of readdirSync(LABELS_DIR).filter((f) => f.endsWith('.labels-meta.xml'))) {
    const xml = parser.parse(readFileSync(join(LABELS_DIR, file), 'utf8')) as {
      CustomLabels?: { labels?: { fullName: string; value: string }[] };
    };
    for (const label of xml.CustomLabels?.labels ?? []) {
      labels.set(label.fullName, String(label.value));
    }
  }
  return labels;
}

/** The project's component bundles, as module records `c/<name>` → the compiled `.js`. */
function projectModules(): { name: string; path: string }[] {
  return readdirSync(LWC_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `c/${d.name}`, path: join(LWC_DIR, d.name, `${d.name}.js`) }))
    .filter((m) => existsSync(m.path));
}

const VIRTUAL = '\0harness:';

/** Resolves the platform's `@salesforce/*` modules to their harness values. */
function platformModules(labels: Map<string, string>): Plugin {
  const apexModule = join(OUT, 'scripts', 'browser', 'app', 'apex.js');
  return {
    name: 'harness-platform-modules',
    resolveId(source, importer) {
      const fromProject = !!importer && !importer.includes(`${join('node_modules', '')}`);
      if (
        source.startsWith('@salesforce/apex') ||
        source.startsWith('@salesforce/label/c.') ||
        source.startsWith('@salesforce/schema/') ||
        source.startsWith('@salesforce/customPermission/') ||
        GATES_OFF.has(source) ||
        (fromProject && /^@salesforce\/i18n\/(locale|timeZone)$/.test(source))
      ) {
        return VIRTUAL + source;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) {
        return null;
      }
      const source = id.slice(VIRTUAL.length);
      const apex = JSON.stringify(apexModule);
      if (source === '@salesforce/apex') {
        return `export { refreshApex } from ${apex};`;
      }
      if (source.startsWith('@salesforce/apex/')) {
        const method = source.slice('@salesforce/apex/'.length);
        return `import { apexMethod } from ${apex};\nexport default apexMethod(${JSON.stringify(method)});`;
      }
      if (source.startsWith('@salesforce/label/c.')) {
        const name = source.slice('@salesforce/label/c.'.length);
        const value = labels.get(name);
        if (value === undefined) {
          this.error(`custom label ${name} is imported but not defined in ${LABELS_DIR}`);
        }
        return `export default ${JSON.stringify(value)};`;
      }
      if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...field] = source.slice('@salesforce/schema/'.length).split('.');
        const value = field.length
          ? { objectApiName, fieldApiName: field.join('.') }
          : { objectApiName };
        return `export default ${JSON.stringify(value)};`;
      }
      if (source.startsWith('@salesforce/customPermission/')) {
        const name = JSON.stringify(source.slice('@salesforce/customPermission/'.length));
        return `export default !!(window.__harnessPermissions || {})[${name}];`;
      }
      if (GATES_OFF.has(source)) {
        return 'export default { isOpen: () => false };';
      }
      if (source === '@salesforce/i18n/locale') {
        return `export default ${JSON.stringify(LOCALE)};`;
      }
      return `export default ${JSON.stringify(TIME_ZONE)};`;
    },
    transform(code) {
      // Flags a bundler provides: the base components test for server-side rendering, and the
      // engine runs its development checks (their console errors fail a journey).
      if (!code.includes('import.meta.env.SSR') && !code.includes('process.env.NODE_ENV')) {
        return null;
      }
      return {
        code: code
          .replaceAll('import.meta.env.SSR', 'false')
          .replaceAll('process.env.NODE_ENV', JSON.stringify('development')),
        map: null
      };
    }
  };
}

/** Copies the stand-ins' templates and styles next to their compiled `.js`. */
function copyTemplates(): void {
  const from = join(BROWSER_DIR, 'lwc');
  const to = join(OUT, 'scripts', 'browser', 'lwc');
  cpSync(from, to, {
    recursive: true,
    filter: (src) => !src.endsWith('.ts')
  });
}

export interface BuildResult {
  seconds: number;
  bundleBytes: number;
}

/** Builds `.cache/browser/dist/app.js` and its page. */
export async function build(): Promise<BuildResult> {
  const started = Date.now();
  tsc('tsconfig.json');
  rmSync(OUT, { recursive: true, force: true });
  tsc(join('scripts', 'browser', 'tsconfig.json'));
  copyTemplates();
  const standins = join(OUT, 'scripts', 'browser', 'lwc');
  const toast = join(
    OUT,
    'force-app',
    'test',
    'jest-mocks',
    'lightning',
    'platformShowToastEvent.js'
  );
  const bundle = await rollup({
    input: join(OUT, 'scripts', 'browser', 'app', 'main.js'),
    plugins: [
      platformModules(readLabels()),
      lwc({
        rootDir: ROOT,
        modules: [
          ...projectModules(),
          { name: 'lightning/platformShowToastEvent', path: toast },
          { dir: standins },
          { npm: 'lightning-base-components' }
        ],
        enableStaticContentOptimization: true
      })
    ],
    onwarn(warning, warn) {
      // The base components' own template warnings are not ours to fix; the project's are.
      const inPackage = (warning.id ?? warning.loc?.file ?? '').includes('node_modules');
      if (
        warning.code === 'CIRCULAR_DEPENDENCY' ||
        warning.code === 'THIS_IS_UNDEFINED' ||
        inPackage
      ) {
        return;
      }
      warn(warning);
    }
  });
  mkdirSync(DIST, { recursive: true });
  const { output } = await bundle.write({
    file: join(DIST, 'app.js'),
    format: 'esm',
    inlineDynamicImports: true
  });
  await bundle.close();
  return {
    seconds: (Date.now() - started) / 1000,
    bundleBytes: output.reduce((n, o) => n + ('code' in o ? o.code.length : 0), 0)
  };
}

/** A path relative to the project root, for messages. */
export function display(path: string): string {
  return relative(ROOT, path);
}
