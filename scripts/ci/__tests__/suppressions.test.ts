import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkSuppressions, markersIn, suppressionsIn, unexplained } from '../suppressions';

const EXPLAINED = `public with sharing class Explained {
    // A linear mapping of one DTO field per line; splitting it would scatter the mapping.
    @SuppressWarnings('PMD.NcssCount, PMD.CyclomaticComplexity')
    public static void map() {
        Integer i = 0; // NOPMD the literal is the documented default of the setting
    }
}
`;

const UNEXPLAINED = `public with sharing class Unexplained {
    /**
     * @description ApexDoc is not a reason.
     */
    @SuppressWarnings('PMD.ExcessiveParameterList')
    public static void many(Integer a, Integer b, Integer c, Integer d, Integer e) {
    }
    // too short
    @SuppressWarnings('PMD.ApexDoc')
    public static void two() {
        Integer i = 0; // NOPMD
    }
    // The empty annotation suppresses nothing, whatever this comment says.
    @SuppressWarnings('')
    public static void three() {
    }
}
`;

describe('suppressionsIn', () => {
  it('reads the rules and the // reason above an annotation, and the text after NOPMD', () => {
    const found = suppressionsIn('Explained.cls', EXPLAINED);
    expect(found).toEqual([
      {
        file: 'Explained.cls',
        kind: 'annotation',
        line: 3,
        rules: ['NcssCount', 'CyclomaticComplexity'],
        reason:
          'A linear mapping of one DTO field per line; splitting it would scatter the mapping.',
        onClass: false
      },
      {
        file: 'Explained.cls',
        kind: 'nopmd',
        line: 5,
        rules: [],
        reason: 'the literal is the documented default of the setting'
      }
    ]);
    expect(unexplained(found)).toEqual([]);
  });

  it('keeps the reason when other annotations sit between it and @SuppressWarnings', () => {
    const source = [
      '    // Test data builder: one parameter per field the callers vary.',
      '    @TestVisible',
      "    @SuppressWarnings('PMD.ExcessiveParameterList')",
      '    static void build() {}'
    ].join('\n');
    const [found] = suppressionsIn('A.cls', source);
    expect(found.reason).toBe('Test data builder: one parameter per field the callers vary.');
    expect(found.line).toBe(3);
  });

  it('reads an annotation that Prettier wrapped over lines', () => {
    const source = [
      '// The one test data factory: a builder per record kind the tests need.',
      '@SuppressWarnings(',
      "    'PMD.ApexUnitTestClassShouldHaveRunAs, PMD.ExcessivePublicCount, PMD.NcssCount'",
      ')',
      '@IsTest',
      'public class Factory {}'
    ].join('\n');
    const [found] = suppressionsIn('Factory.cls', source);
    expect(found.rules).toEqual([
      'ApexUnitTestClassShouldHaveRunAs',
      'ExcessivePublicCount',
      'NcssCount'
    ]);
    expect(found.onClass).toBe(true);
    expect(found.reason).toBe(
      'The one test data factory: a builder per record kind the tests need.'
    );
    expect(found.line).toBe(2);
  });

  it('names every suppression without a reason, and an annotation that names no rule', () => {
    const problems = unexplained(suppressionsIn('Unexplained.cls', UNEXPLAINED));
    expect(problems).toEqual([
      expect.stringMatching(/^Unexplained\.cls:5: a suppression needs its reason/),
      expect.stringMatching(/^Unexplained\.cls:9: a suppression needs its reason/),
      expect.stringMatching(/^Unexplained\.cls:11: a suppression needs its reason/),
      "Unexplained.cls:14: @SuppressWarnings names no PMD rule ('PMD.<RuleName>')"
    ]);
  });
});

const CLASS_WIDE = `// Every method of this class is simple, so the whole class is suppressed.
@SuppressWarnings(
    'PMD.ApexUnitTestClassShouldHaveRunAs, PMD.CognitiveComplexity, PMD.ExcessivePublicCount'
)
@IsTest(IsParallel=true)
private class ClassWide {
    // The inner class holds the chunk's work; its methods are all short ones.
    @SuppressWarnings('PMD.CyclomaticComplexity')
    private without sharing class Work {
        // The documented order of the skip reasons, one branch per reason.
        @SuppressWarnings('PMD.CognitiveComplexity, PMD.CyclomaticComplexity')
        void decide() {
        }
    }
}
// Same-line form: the annotation and the class declaration on one line.
@SuppressWarnings('pmd.cyclomaticcomplexity') public with sharing class Inline {
}
`;

const WHERE_THEY_STAND = `// Pure logic in memory: no query, no DML, nothing a user can be denied at all.
@SuppressWarnings('PMD.ApexUnitTestClassShouldHaveRunAs')
@IsTest
private class WhereTheyStand { // NOPMD class totals only: many short tests, none complex
    /** @description The table of cases. */
    // The documented order of the guards, one condition per guard in that order.
    @TestVisible
    @SuppressWarnings('PMD.CyclomaticComplexity')
    static Boolean decide(String a, String b) {
        return a == b;
    }
}
`;

describe('complexity suppressed on a class', () => {
  it('refuses a class-level annotation naming a complexity rule, top-level or inner', () => {
    const found = suppressionsIn('ClassWide.cls', CLASS_WIDE);
    expect(found.map(({ line, onClass }) => ({ line, onClass }))).toEqual([
      { line: 2, onClass: true },
      { line: 8, onClass: true },
      { line: 11, onClass: false },
      { line: 17, onClass: true }
    ]);
    expect(unexplained(found)).toEqual([
      expect.stringMatching(
        /^ClassWide\.cls:2: @SuppressWarnings on a class hides CognitiveComplexity for every method in it, .*suppress it on each method .*NOPMD/
      ),
      expect.stringMatching(
        /^ClassWide\.cls:8: @SuppressWarnings on a class hides CyclomaticComplexity for every method/
      ),
      expect.stringMatching(
        /^ClassWide\.cls:17: @SuppressWarnings on a class hides cyclomaticcomplexity for every method/
      )
    ]);
  });

  it('accepts complexity on methods, other rules on a class and NOPMD on the class line', () => {
    const found = suppressionsIn('WhereTheyStand.cls', WHERE_THEY_STAND);
    expect(found.map(({ kind, line, onClass }) => ({ kind, line, onClass }))).toEqual([
      { kind: 'annotation', line: 2, onClass: true },
      { kind: 'nopmd', line: 4, onClass: undefined },
      { kind: 'annotation', line: 8, onClass: false }
    ]);
    expect(unexplained(found)).toEqual([]);
  });
});

const FIELD_WITH_MARKERS = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <!-- code-analyzer-suppress(pmd:ProtectSensitiveData) "Key" here is a dedup key, not a secret -->
    <!-- code-analyzer-suppress(pmd:ProtectSensitiveData) -->
    <!-- code-analyzer-suppress every rule is silenced by a marker without a selector -->
    <!-- code-analyzer-suppress(pmd) a whole engine is not a rule either -->
    <fullName>Unique_Key__c</fullName>
</CustomField>
`;

describe('markersIn', () => {
  it("reads Code Analyzer's markers with their rules and the reason after them", () => {
    const found = markersIn('Unique_Key__c.field-meta.xml', FIELD_WITH_MARKERS);
    expect(found.map(({ line, rules, reason }) => ({ line, rules, reason }))).toEqual([
      {
        line: 3,
        rules: ['pmd:ProtectSensitiveData'],
        reason: '"Key" here is a dedup key, not a secret'
      },
      { line: 4, rules: ['pmd:ProtectSensitiveData'], reason: '' },
      {
        line: 5,
        rules: [],
        reason: 'every rule is silenced by a marker without a selector'
      },
      { line: 6, rules: ['pmd'], reason: 'a whole engine is not a rule either' }
    ]);
  });

  it('names a marker without a reason and one that names no rule', () => {
    const problems = unexplained(markersIn('F.field-meta.xml', FIELD_WITH_MARKERS));
    expect(problems).toEqual([
      expect.stringMatching(/^F\.field-meta\.xml:4: a suppression needs its reason/),
      expect.stringMatching(/^F\.field-meta\.xml:5: code-analyzer-suppress must name the rules/),
      expect.stringMatching(/^F\.field-meta\.xml:6: code-analyzer-suppress must name the rules/)
    ]);
  });
});

describe('checkSuppressions', () => {
  it('reads annotations and NOPMD in Apex only, markers in every file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'suppressions-'));
    try {
      const cls = path.join(dir, 'Unexplained.cls');
      const meta = path.join(dir, 'Unexplained.cls-meta.xml');
      writeFileSync(cls, UNEXPLAINED);
      writeFileSync(meta, UNEXPLAINED);
      const { suppressions, problems } = checkSuppressions([cls, meta]);
      expect(suppressions).toHaveLength(4);
      expect(problems).toHaveLength(4);
      expect(problems.every((problem) => problem.startsWith(cls))).toBe(true);

      const field = path.join(dir, 'Unique_Key__c.field-meta.xml');
      writeFileSync(field, FIELD_WITH_MARKERS);
      expect(checkSuppressions([field]).problems).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds no problem in the project today', () => {
    const root = path.resolve(__dirname, '..', '..', '..', 'force-app', 'main', 'default');
    const classes = readdirSync(path.join(root, 'classes'))
      .filter((name) => name.endsWith('.cls'))
      .map((name) => path.join(root, 'classes', name));
    const fields = readdirSync(path.join(root, 'objects'), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.field-meta.xml'))
      .map((name) => path.join(root, 'objects', name));
    expect(classes.length).toBeGreaterThan(20);
    expect(fields.length).toBeGreaterThan(20);
    expect(checkSuppressions([...classes, ...fields]).problems).toEqual([]);
  });
});
