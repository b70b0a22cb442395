import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  ACCEPTED_INCOMPLETE_PATHS,
  directivesIn,
  engineConfig,
  methodAt,
  parseIncompletePath,
  reconcileIncomplete,
  unexplainedDirectives
} from '../graph-engine';
import { repoRoot } from '../lib';

const CLASSES = path.join(repoRoot, 'force-app', 'main', 'default', 'classes');

const SOURCE = `public with sharing class Panel {
    @AuraEnabled
    public static Object read(Id recordId) {
        // USER_MODE enforces sharing whatever the class keyword says here.
        /* sfge-disable-next-line DatabaseOperationsMustUseWithSharing */
        return [SELECT Id FROM Account WHERE Id = :recordId WITH USER_MODE];
    }

    public static void write() {
        /* sfge-disable-next-line ApexFlsViolationRule */
        update new Account();
        // too short
        /* sfge-disable-stack */
        delete new Account();
    }
}
`;

describe('Graph Engine suppressions', () => {
  it('finds each directive with the // comment directly above it as its reason', () => {
    const found = directivesIn('Panel.cls', SOURCE);
    expect(found.map(({ line, directive }) => [line, directive])).toEqual([
      [5, 'sfge-disable-next-line DatabaseOperationsMustUseWithSharing'],
      [10, 'sfge-disable-next-line ApexFlsViolationRule'],
      [13, 'sfge-disable-stack']
    ]);
    expect(found[0].reason).toBe(
      'USER_MODE enforces sharing whatever the class keyword says here.'
    );
    expect(found[1].reason).toBe('');
  });

  it('refuses a directive without a reason or without a rule, naming the place', () => {
    expect(unexplainedDirectives(directivesIn('Panel.cls', SOURCE))).toEqual([
      expect.stringMatching(/^Panel\.cls:10: a Graph Engine suppression needs its reason/),
      expect.stringMatching(/^Panel\.cls:13: sfge-disable-stack names no rule/),
      expect.stringMatching(/^Panel\.cls:13: a Graph Engine suppression needs its reason/)
    ]);
  });

  it('refuses a directive naming a rule that reads no directives', () => {
    const source = [
      '        // The value was checked for null two lines above, by String.isBlank.',
      '        /* sfge-disable-next-line ApexNullPointerException */',
      '        String name = value.trim();'
    ].join('\n');
    expect(unexplainedDirectives(directivesIn('Groups.cls', source))).toEqual([
      expect.stringMatching(/^Groups\.cls:2: ApexNullPointerException reads no engine directive/)
    ]);
  });

  it("holds the project's own directives to the same rule (each has its reason)", () => {
    const directives = readdirSync(CLASSES)
      .filter((name) => name.endsWith('.cls'))
      .flatMap((name) => {
        const file = path.join(CLASSES, name);
        return directivesIn(file, readFileSync(file, 'utf8'));
      });
    // HandoffsSelector and CronTriggersSelector hold one each (docs/security-review.md).
    expect(directives.length).toBeGreaterThanOrEqual(2);
    expect(unexplainedDirectives(directives)).toEqual([]);
  });
});

describe('entry points Graph Engine cannot follow', () => {
  const source = readFileSync(path.join(CLASSES, 'HandoffIntakeController.cls'), 'utf8');
  const lineOf = (method: string): number =>
    source.split('\n').findIndex((text) => text.includes(` ${method}(`)) + 1;
  const message = (method: string): string =>
    `Internal execution error while scanning entry point: ${path.join(CLASSES, 'HandoffIntakeController.cls')}:${lineOf(method)}:24: Graph Engine identified your source and sink. UnexpectedException: apexValue=ApexValue(ApexMapValue)`;

  it('reads the file, line and method of an internal error, and nothing from other messages', () => {
    const parsed = parseIncompletePath(message('acceptHandoff'));
    expect(parsed).toMatchObject({ line: lineOf('acceptHandoff'), method: 'acceptHandoff' });
    expect(parsed?.message).toMatch(/^Graph Engine identified/);
    expect(parseIncompletePath('Compiled 101 files.')).toBeUndefined();
  });

  it('names the method declared on a line, not a call or a statement', () => {
    expect(methodAt('  public static void go(Id a) {', 1)).toBe('go');
    expect(methodAt('x\n    public static List<Result> escalate(\n', 2)).toBe('escalate');
    expect(methodAt('        if (a == null) {', 1)).toBe('');
    expect(methodAt('', 3)).toBe('');
  });

  it('accepts a listed entry point, fails an unlisted one, and reports a listed one that no longer fails', () => {
    const incomplete = ['acceptHandoff', 'saveItem'].map((method) =>
      parseIncompletePath(message(method))!
    );
    const { unexplained, stale } = reconcileIncomplete(incomplete, [
      { file: 'HandoffIntakeController.cls', method: 'acceptHandoff', verifiedByHand: 'x' },
      { file: 'HandoffIntakeController.cls', method: 'escalate', verifiedByHand: 'y' }
    ]);
    expect(unexplained.map((entry) => entry.method)).toEqual(['saveItem']);
    expect(stale.map((entry) => entry.method)).toEqual(['escalate']);
  });

  it('lists only methods that exist, each with its by-hand note in docs/security-review.md', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs', 'security-review.md'), 'utf8');
    for (const entry of ACCEPTED_INCOMPLETE_PATHS) {
      const apex = readFileSync(path.join(CLASSES, entry.file), 'utf8');
      expect(apex).toMatch(new RegExp(`@AuraEnabled[^]*?\\s${entry.method}\\(`));
      expect(doc).toContain(`${entry.file.replace(/\.cls$/, '')}.${entry.method}`);
      expect(entry.verifiedByHand.length).toBeGreaterThan(20);
    }
  });
});

describe('engine configuration', () => {
  it('uses a 6 GB heap and two threads unless told otherwise', () => {
    expect(engineConfig({})).toEqual({
      engines: {
        sfge: { java_max_heap_size: '6g', java_thread_count: 2, java_thread_timeout: 180000 }
      }
    });
    expect(engineConfig({ SFGE_HEAP: '8g', SFGE_THREADS: '4' }).engines).toMatchObject({
      sfge: { java_max_heap_size: '8g', java_thread_count: 4 }
    });
  });
});
