import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileComponent, findComponents, findLwcFolders } from '../lwc-compile';

const GOOD_JS = [
  "import { LightningElement, api } from 'lwc';",
  'export default class Panel extends LightningElement {',
  '  @api recordId;',
  "  get title() { return 'Handoff'; }",
  '}'
].join('\n');

const META_XML =
  '<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">' +
  '<apiVersion>66.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>\n';

describe('lwc-compile', () => {
  let lwc: string;

  const write = (relative: string, content: string): string => {
    const file = path.join(lwc, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    const bundle = path.basename(path.dirname(file));
    const meta = path.join(path.dirname(file), `${bundle}.js-meta.xml`);
    if (!relative.includes('__tests__') && !existsSync(meta)) writeFileSync(meta, META_XML);
    return file;
  };

  beforeEach(() => {
    lwc = path.join(mkdtempSync(path.join(tmpdir(), 'lwc-compile-')), 'lwc');
    mkdirSync(lwc);
  });

  afterEach(() => {
    rmSync(path.dirname(lwc), { recursive: true, force: true });
  });

  it('compiles a valid component (js, html, css) and skips __tests__', () => {
    write('panel/panel.js', GOOD_JS);
    write('panel/panel.html', '<template><h2>{title}</h2></template>\n');
    write('panel/panel.css', ':host { display: block; }\n');
    write('panel/__tests__/panel.test.js', 'this is not JavaScript {');

    const result = compileComponent(path.join(lwc, 'panel'));
    expect(result.errors).toEqual([]);
    expect(result.compiled.map((file) => path.basename(file))).toEqual([
      'panel.css',
      'panel.html',
      'panel.js'
    ]);
  });

  it('reports a template error with file and line', () => {
    write('panel/panel.js', GOOD_JS);
    const html = write(
      'panel/panel.html',
      '<template>\n  <h2>{title}</h2>\n  <button onclick={go()}></button>\n</template>\n'
    );

    const { errors } = compileComponent(path.join(lwc, 'panel'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: html, line: 3 });
    expect(errors[0].message).toContain('LWC1060');
  });

  it('reports a JavaScript compile error with a 1-based column', () => {
    const js = write('panel/panel.js', GOOD_JS.replace('@api recordId;', '@api @track recordId;'));
    const { errors } = compileComponent(path.join(lwc, 'panel'));
    expect(errors[0]).toMatchObject({ file: js, line: 3, column: 3 });
  });

  it('asks for npm run build when a .ts has no emitted .js', () => {
    const ts = write('rules/rules.ts', 'export const answer: number = 42;\n');
    const { errors } = compileComponent(path.join(lwc, 'rules'));
    expect(errors).toEqual([expect.objectContaining({ file: ts })]);
    expect(errors[0].message).toContain('run npm run build');
  });

  it('asks for npm run build when the emitted .js is older than its .ts', () => {
    const js = write('rules/rules.js', 'export const answer = 42;\n');
    write('rules/rules.ts', 'export const answer: number = 42;\n');
    utimesSync(js, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const { errors } = compileComponent(path.join(lwc, 'rules'));
    expect(errors[0].message).toContain('run npm run build');
  });

  it('reports a bundle without its .js-meta.xml', () => {
    write('panel/panel.js', GOOD_JS);
    unlinkSync(path.join(lwc, 'panel', 'panel.js-meta.xml'));
    const { errors } = compileComponent(path.join(lwc, 'panel'));
    expect(errors).toEqual([expect.objectContaining({ file: path.join(lwc, 'panel') })]);
    expect(errors[0].message).toContain('panel.js-meta.xml');
  });

  it('finds no components in an empty lwc folder, and finds lwc folders by name', () => {
    expect(findComponents([lwc])).toEqual([]);
    write('panel/panel.js', GOOD_JS);
    expect(findLwcFolders(path.dirname(lwc))).toEqual([lwc]);
    expect(findComponents([lwc])).toEqual([path.join(lwc, 'panel')]);
  });
});
