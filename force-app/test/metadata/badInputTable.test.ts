/**
 * docs/bad-input.md is the bad-input suite's table: for each entry point, what can be sent, what
 * it gets, and the test that proves it. This test keeps the table true: every test a row names
 * must exist (an Apex `@IsTest` method in the named class, or a Jest test with that exact title in
 * the named file), a row's "Proved" column must say where its tests run (org, offline or both),
 * and every `@AuraEnabled` and `@InvocableMethod` method, every trigger and every command-line
 * script must have a row, so a new entry point cannot be left out.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'force-app', 'main', 'default');
const CLASSES = path.join(SRC, 'classes');
const TABLE_FILE = path.join(ROOT, 'docs', 'bad-input.md');

const COLUMNS = ['Entry point', 'Sends', 'Gets', 'Nothing lost or changed', 'Proved', 'Test'];

interface TestRef {
  kind: 'org' | 'offline';
  /** org: the Apex class; offline: the Jest file, relative to the repository. */
  file: string;
  /** org: the test method; offline: the test's title. */
  name: string;
}

interface Row {
  line: number;
  entryPoints: string[];
  proved: string;
  tests: TestRef[];
  /** What could not be read in the Test cell. */
  unreadable: string[];
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

const backticked = (cell: string): string[] =>
  [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

/** Reads one Test cell: `Class.method` or `path/file.test.ts` › "title", separated by `;`. */
function parseTests(cell: string): { tests: TestRef[]; unreadable: string[] } {
  const tests: TestRef[] = [];
  const unreadable: string[] = [];
  for (const part of cell.split(/;\s*(?=`)/).map((text) => text.trim())) {
    const jest = /^`([\w./-]+\.test\.ts)`\s*›\s*"(.+)"$/.exec(part);
    const apex = /^`(\w+)\.(\w+)`$/.exec(part);
    if (jest) tests.push({ kind: 'offline', file: jest[1], name: jest[2] });
    else if (apex) tests.push({ kind: 'org', file: apex[1], name: apex[2] });
    else unreadable.push(part);
  }
  return { tests, unreadable };
}

/** Every row of every table whose header is COLUMNS. */
function parseTable(markdown: string): Row[] {
  const rows: Row[] = [];
  let inTable = false;
  markdown.split('\n').forEach((line, index) => {
    if (!line.trim().startsWith('|')) {
      inTable = false;
      return;
    }
    const row = cells(line);
    if (row.join('|') === COLUMNS.join('|')) {
      inTable = true;
      return;
    }
    if (!inTable || row.every((cell) => /^:?-+:?$/.test(cell))) return;
    const { tests, unreadable } = parseTests(row[5] ?? '');
    rows.push({
      line: index + 1,
      entryPoints: backticked(row[0]),
      proved: row[4] ?? '',
      tests,
      unreadable: row.length === COLUMNS.length ? unreadable : [`${row.length} columns`]
    });
  });
  return rows;
}

/** Why a named test does not exist, or null when it does. */
function missingTest(test: TestRef, root: string = ROOT): string | null {
  if (test.kind === 'org') {
    const file = path.join(root, 'force-app', 'main', 'default', 'classes', `${test.file}.cls`);
    if (!existsSync(file)) return `no Apex class ${test.file}`;
    const method = new RegExp(
      `@IsTest\\s+(?:(?:private|public)\\s+)?static\\s+void\\s+${test.name}\\s*\\(`,
      'i'
    );
    return method.test(readFileSync(file, 'utf8'))
      ? null
      : `${test.file} has no @IsTest method ${test.name}`;
  }
  const file = path.join(root, test.file);
  if (!existsSync(file)) return `no Jest file ${test.file}`;
  const source = readFileSync(file, 'utf8');
  const titled = ['"', "'", '`'].some((quote) =>
    source.includes(`it(${quote}${test.name}${quote}`)
  );
  return titled ? null : `${test.file} has no test titled "${test.name}"`;
}

/** What is wrong with a row: missing tests, a Proved column that does not match them. */
function rowProblems(row: Row, root: string = ROOT): string[] {
  const where = `docs/bad-input.md:${row.line}`;
  const problems = row.unreadable.map((part) => `${where}: cannot read the Test cell: ${part}`);
  if (row.entryPoints.length === 0) problems.push(`${where}: no entry point in backticks`);
  if (row.tests.length === 0) problems.push(`${where}: no test named`);
  for (const test of row.tests) {
    const missing = missingTest(test, root);
    if (missing) problems.push(`${where}: ${missing}`);
  }
  const kinds = new Set(row.tests.map((test) => test.kind));
  const expected = kinds.size === 2 ? 'both' : [...kinds][0];
  if (row.tests.length > 0 && row.proved !== expected) {
    problems.push(`${where}: Proved says "${row.proved}" but the tests named are ${expected}`);
  }
  return problems;
}

/** The source after an annotation's parenthesised arguments (quoted text may hold brackets). */
function skipArguments(source: string, from: number): string {
  let index = from;
  while (/\s/.test(source[index] ?? '')) index += 1;
  if (source[index] !== '(') return source.slice(from);
  let depth = 0;
  let quoted = false;
  for (; index < source.length; index += 1) {
    const char = source[index];
    if (char === "'" && source[index - 1] !== '\\') quoted = !quoted;
    if (quoted) continue;
    if (char === '(') depth += 1;
    if (char === ')' && --depth === 0) return source.slice(index + 1);
  }
  return '';
}

/** `Class.method` of every method annotated with the annotation, in non-test classes. */
function annotatedMethods(annotation: string, classesDir: string = CLASSES): string[] {
  const found: string[] = [];
  for (const name of readdirSync(classesDir).filter((file) => file.endsWith('.cls'))) {
    const source = readFileSync(path.join(classesDir, name), 'utf8');
    if (/^\s*@IsTest\b/im.test(source.replace(/\/\*[\s\S]*?\*\//g, ''))) continue;
    const pattern = new RegExp(`@${annotation}\\b`, 'g');
    for (const match of source.matchAll(pattern)) {
      // The declaration the annotation belongs to, after the annotation's own arguments: up to
      // its body, a `;` or an initialiser. A property's declaration has no parameter list.
      const head = /^[^{;=]*/.exec(skipArguments(source, match.index + match[0].length))![0];
      const declaration = /\bstatic\s+[\w<>.,\s]+?\s(\w+)\s*\(/.exec(head);
      if (declaration) found.push(`${name.replace(/\.cls$/, '')}.${declaration[1]}`);
    }
  }
  return [...new Set(found)].sort();
}

/** The command-line scripts a row must name: the npm script that runs each, else its path. */
function commandLines(root: string = ROOT): string[] {
  const scripts = (
    JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const files = [
    ...readdirSync(path.join(root, 'scripts'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'lib')
      .map((entry) => `scripts/${entry.name}/cli.ts`)
      .filter((file) => existsSync(path.join(root, file))),
    ...readdirSync(path.join(root, 'scripts', 'org'))
      .filter((file) => file.endsWith('.sh') && file !== 'lib.sh')
      .map((file) => `scripts/org/${file}`)
  ];
  return files.map((file) => {
    const npm = Object.entries(scripts).find(([, command]) => command.split(/\s+/).includes(file));
    return npm ? `npm run ${npm[0]}` : `bash ${file}`;
  });
}

describe('docs/bad-input.md, the bad-input table', () => {
  const rows = parseTable(readFileSync(TABLE_FILE, 'utf8'));
  const named = new Set(rows.flatMap((row) => row.entryPoints));

  it('is read: rows, org and offline tests', () => {
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.some((row) => row.tests.some((test) => test.kind === 'org'))).toBe(true);
    expect(rows.some((row) => row.tests.some((test) => test.kind === 'offline'))).toBe(true);
  });

  it('names only tests that exist, and says where each row is proved', () => {
    expect(rows.flatMap((row) => rowProblems(row))).toEqual([]);
  });

  it('has a row for every @AuraEnabled and @InvocableMethod method', () => {
    const methods = [...annotatedMethods('AuraEnabled'), ...annotatedMethods('InvocableMethod')];
    expect(methods.length).toBeGreaterThanOrEqual(19);
    expect(methods.filter((method) => !named.has(method))).toEqual([]);
  });

  it('has a row for every trigger and every command-line script', () => {
    const triggers = readdirSync(path.join(SRC, 'triggers'))
      .filter((file) => file.endsWith('.trigger'))
      .map((file) => file.replace(/\.trigger$/, ''));
    const clis = commandLines();
    expect(clis).toEqual(expect.arrayContaining(['npm run audit', 'npm run demo-data']));
    expect([...triggers, ...clis].filter((name) => !named.has(name))).toEqual([]);
  });
});

describe('the table check itself', () => {
  const header = `| ${COLUMNS.join(' | ')} |\n| --- | --- | --- | --- | --- | --- |\n`;

  it('fails on a test that does not exist, a title that differs and a wrong Proved column', () => {
    const [row] = parseTable(
      header +
        '| `HandoffIntakeController.saveItem` | x | y | z | offline | ' +
        '`HandoffBadInputTest.noSuchMethod`; `scripts/demo-data/__tests__/commandLine.test.ts` › "no such title" |\n'
    );
    expect(rowProblems(row)).toEqual([
      expect.stringContaining('HandoffBadInputTest has no @IsTest method noSuchMethod'),
      expect.stringContaining('has no test titled "no such title"'),
      expect.stringContaining('Proved says "offline" but the tests named are both')
    ]);
  });

  it('fails on a Test cell it cannot read and on a row without a test', () => {
    const rows = parseTable(
      header +
        '| `A.b` | x | y | z | org | HandoffBadInputTest.unquoted |\n' +
        '| `A.b` | x | y | z | org |  |\n'
    );
    expect(rowProblems(rows[0])).toContainEqual(expect.stringContaining('cannot read'));
    expect(rowProblems(rows[1])).toContainEqual(expect.stringContaining('no test named'));
  });

  it('finds annotated methods, not annotated properties', () => {
    const methods = annotatedMethods('AuraEnabled');
    expect(methods).toContain('HandoffIntakeController.returnToSales');
    expect(methods).toContain('HandoffPanelController.getLatestHandoff');
    expect(methods.some((method) => method.startsWith('HandoffIntakeTypes.'))).toBe(false);
    expect(annotatedMethods('InvocableMethod')).toEqual([
      'HandoffEscalationAction.escalate',
      'HandoffLogAction.log'
    ]);
  });
});
