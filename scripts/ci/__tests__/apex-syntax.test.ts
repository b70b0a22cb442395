import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkApexFiles, checkApexSource, findApexFiles } from '../apex-syntax';

describe('apex-syntax', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'apex-syntax-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a valid class with inline SOQL', () => {
    const source = [
      'public with sharing class Good {',
      '    public static List<Account> byName(String name) {',
      '        return [SELECT Id FROM Account WHERE Name = :name WITH USER_MODE];',
      '    }',
      '}'
    ].join('\n');
    expect(checkApexSource(source, 'class')).toEqual([]);
  });

  it('accepts a one-line trigger', () => {
    const source =
      'trigger OpportunityTrigger on Opportunity (before insert, before update) {\n' +
      '    new OpportunityTriggerHandler().run();\n}\n';
    expect(checkApexSource(source, 'trigger')).toEqual([]);
  });

  it('reports a broken class with its line and 1-based column', () => {
    const source = [
      'public with sharing class Broken {',
      '    public Integer add(Integer a, Integer b) {',
      '        return a + ;',
      '    }',
      '}'
    ].join('\n');
    const problems = checkApexSource(source, 'class', 'Broken.cls');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'Broken.cls', line: 3, column: 18 });
  });

  it('reports lexer errors (an invalid string escape), which only the lexer listener sees', () => {
    const source = "public class Esc {\n    String s = 'bad \\q';\n}\n";
    const problems = checkApexSource(source, 'class');
    expect(problems.map((problem) => problem.line)).toContain(2);
  });

  it('finds .cls and .trigger files in a folder and counts errors per file', () => {
    writeFileSync(path.join(dir, 'Good.cls'), 'public class Good {}\n');
    writeFileSync(path.join(dir, 'Bad.cls'), 'public class Bad {\n  void x( {}\n}\n');
    writeFileSync(path.join(dir, 'Good.cls-meta.xml'), '<ApexClass/>\n');
    writeFileSync(
      path.join(dir, 'T.trigger'),
      'trigger T on Account (before insert) { TriggerHandler.run(); }\n'
    );

    const files = findApexFiles([dir]);
    expect(files.map((file) => path.basename(file))).toEqual(['Bad.cls', 'Good.cls', 'T.trigger']);

    const result = checkApexFiles(files);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(new Set(result.problems.map((problem) => path.basename(problem.file)))).toEqual(
      new Set(['Bad.cls'])
    );
  });
});
