import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Violation,
  checkSource,
  formatViolation,
  formulaCode,
  longestSpan
} from '../metadata-rules/check';
import { ALL_RULE_IDS, LENGTH_RULES, LengthRule } from '../metadata-rules/rules';
import { parseXml } from '../metadata-rules/xml';
import { repoRoot } from '../lib';

const FIXTURES = path.join(__dirname, 'fixtures', 'metadata-rules');
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

const run = (folder: string): Violation[] => checkSource(path.join(FIXTURES, folder)).violations;
const messages = (violations: Violation[]): string[] =>
  violations.map((v) => `${path.basename(v.file)}:${v.line} ${v.element}: ${v.message}`);

describe('metadata rules: fixtures that must pass', () => {
  it('a project within every rule passes (limits reached exactly, functions in their contexts)', () => {
    expect(messages(run('valid'))).toEqual([]);
  });
});

describe('metadata rules: fixtures that must fail, one per rule kind', () => {
  const cases: [string, string, string[]][] = [
    [
      'permset-description',
      'permissionset-description',
      [
        'Admin.permissionset-meta.xml:3 <description>: 256 characters; the limit for PermissionSet description is 255'
      ]
    ],
    [
      'delete-without-edit',
      'object-permission-delete',
      [
        'Admin.permissionset-meta.xml:4 <objectPermissions[Snapshot__c]>: Delete on Snapshot__c requires Read + Edit ' +
          'in the same permission set; missing Edit (granted: Read, Create, Delete, View All, Modify All)',
        'Admin.permissionset-meta.xml:4 <objectPermissions[Snapshot__c]>: Modify All on Snapshot__c requires Read + Edit + ' +
          'Delete + View All in the same permission set; missing Edit (granted: Read, Create, Delete, View All, Modify All)'
      ]
    ],
    [
      'opportunity-without-account',
      'object-dependency-opportunity',
      [
        'Manager.permissionset-meta.xml:4 <objectPermissions[Opportunity]>: permissions on Opportunity (Read, Edit) require ' +
          'Read on Account in the same permission set (permission set groups do not satisfy it); missing Read on Account'
      ]
    ],
    [
      'case-without-contact',
      'object-dependency-case',
      [
        'Support.permissionset-meta.xml:13 <objectPermissions[Case]>: permissions on Case (Read) require Read on ' +
          'Account and Contact in the same permission set (permission set groups do not satisfy it); missing Read on Contact'
      ]
    ],
    [
      'detail-without-master',
      'object-dependency-master-detail',
      [
        'Clerk.permissionset-meta.xml:4 <objectPermissions[Line__c]>: Line__c is the detail of a master-detail ' +
          'relationship to Order__c: permissions on it (Read, Create, Edit) require Read on Order__c in the same permission set'
      ]
    ],
    [
      'field-edit-without-read',
      'field-permission-edit-needs-read',
      [
        'Clerk.permissionset-meta.xml:4 <fieldPermissions[Account.Rating]>: Account.Rating is editable but not readable: ' +
          'Edit on a field requires Read on the same field'
      ]
    ],
    [
      'required-field-permission',
      'field-permission-required-field',
      [
        'Clerk.permissionset-meta.xml:4 <fieldPermissions[Line__c.Order__c]>: Line__c.Order__c is a master-detail field: ' +
          'field permissions cannot be granted on it (it is always visible with the object)'
      ]
    ],
    [
      'unknown-user-permission',
      'user-permission-unknown',
      [
        'Admin.permissionset-meta.xml:4 <userPermissions[ModifyAllData]>: user permission ModifyAllData is not in the rule ' +
          'table: look up what it requires (Tooling API PermissionDependency in an org) and add it to ' +
          'USER_PERMISSION_RULES in scripts/ci/metadata-rules/rules.ts'
      ]
    ],
    [
      'custom-permission-required',
      'custom-permission-required',
      [
        'Manager.permissionset-meta.xml:4 <customPermissions[Approve]>: custom permission Approve requires Review ' +
          '(its requiredPermission) in the same permission set'
      ]
    ],
    [
      'ischanged-in-formula-field',
      'formula-ischanged',
      [
        'Rating_Changed__c.field-meta.xml:4 <formula>: ISCHANGED() is used in a formula field; it is available only in ' +
          'validation rule, workflow field update, workflow rule, approval criteria, flow formula'
      ]
    ],
    [
      'vlookup-in-workflow',
      'formula-vlookup',
      [
        'Account.workflow-meta.xml:6 <fieldUpdates[Set_Region]/formula>: VLOOKUP() is used in a workflow field update; ' +
          'it is available only in validation rule'
      ]
    ],
    [
      'cross-object-depth',
      'formula-cross-object-depth',
      [
        'Deep__c.field-meta.xml:4 <formula>: A__r.B__r.C__r.D__r.E__r.F__r.G__r.H__r.I__r.J__r.K__r.Name spans 11 ' +
          'relationships; a formula can reach at most 10'
      ]
    ],
    [
      'formula-length',
      'formula-length',
      ['Long__c.field-meta.xml:4 <formula>: the formula has 3901 characters; the limit is 3900']
    ],
    [
      'label-short-description',
      'customlabel-shortdescription',
      [
        'CustomLabels.labels-meta.xml:7 <labels[Streak_Above]/shortDescription>: 81 characters; the limit for ' +
          'CustomLabels labels/shortDescription is 80'
      ]
    ],
    [
      'field-lengths',
      'customfield-inlinehelptext',
      [
        `${'N'.repeat(41)}__c.field-meta.xml:2 API name: "${'N'.repeat(41)}" has 41 characters; the limit for ` +
          'CustomField API names is 40',
        `${'N'.repeat(41)}__c.field-meta.xml:3 <inlineHelpText>: 511 characters; the limit for CustomField inlineHelpText is 510`,
        `${'N'.repeat(41)}__c.field-meta.xml:4 <label>: 41 characters; the limit for CustomField label is 40`
      ]
    ],
    [
      'validation-rule-message',
      'validationrule-errormessage',
      [
        'Rating_Required.validationRule-meta.xml:6 <errorMessage>: 256 characters; the limit for ValidationRule ' +
          'errorMessage is 255'
      ]
    ],
    [
      'resource-and-flow-description',
      'staticresource-description',
      [
        'Notify.flow-meta.xml:4 <description>: 256 characters; the limit for Flow description is 255',
        'vectors.resource-meta.xml:5 <description>: 256 characters; the limit for StaticResource description is 255'
      ]
    ],
    [
      'two-invocable-methods',
      'apex-one-invocable-method',
      [
        'Actions.cls:7 @InvocableMethod: 2 methods carry @InvocableMethod (lines 2, 7); only one method in a class can'
      ]
    ],
    [
      'two-paths',
      'path-one-per-record-type',
      [
        'Sales_Path.pathAssistant-meta.xml:2 <recordTypeName>: a second path for Opportunity record type __MASTER__ ' +
          '(the first is Another_Path.pathAssistant-meta.xml); only one path per object and record type'
      ]
    ],
    [
      'malformed-xml',
      'xml-well-formed',
      [
        'Team.group-meta.xml:5 XML: not well-formed XML: line 5: closing </Grou> does not match <Group>'
      ]
    ]
  ];

  it.each(cases)('%s fails with rule %s and says where and why', (folder, ruleId, expected) => {
    const violations = run(path.join('invalid', folder));
    expect(messages(violations)).toEqual(expected);
    expect(violations.map((v) => v.ruleId)).toContain(ruleId);
  });

  it('prints the file, element, value, limit, rule and its reference', () => {
    const [v] = run(path.join('invalid', 'permset-description'));
    const printed = formatViolation(v);
    expect(printed).toMatch(
      /permset-description\/main\/default\/permissionsets\/Admin\.permissionset-meta\.xml:3 <description>: 256 characters; the limit for PermissionSet description is 255\n/
    );
    expect(printed).toContain('rule permissionset-description — Tooling API: PermissionSet');
    expect(printed).toContain('https://developer.salesforce.com/');
    expect(printed).toContain('Limit: 255 characters.');
  });

  it('marks a rule without a reference page as unverified in its message', () => {
    const [v] = run(path.join('invalid', 'label-short-description'));
    expect(v.confidence).toBe('unverified');
    expect(formatViolation(v)).toContain('unverified: Issue 11');
  });
});

describe('metadata rules: every length limit in the table', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'metadata-rules-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const ROOT_ELEMENT: Record<string, string> = {
    CustomMetadata: 'CustomMetadata',
    LightningComponentBundle: 'LightningComponentBundle'
  };

  /** Writes a file of the rule's type whose element holds `count` characters. */
  const write = (rule: LengthRule, count: number): void => {
    const text = 'x'.repeat(count);
    let name = 'Thing';
    let body = '';
    if (rule.element === '@name') {
      name = `${'N'.repeat(count)}`;
    } else {
      const segments = rule.element.split('/');
      body = segments
        .map((s, i) =>
          i < segments.length - 1 ? `<${s}><fullName>Item</fullName>` : `<${s}>${text}</${s}>`
        )
        .join('');
      body += segments
        .slice(0, -1)
        .reverse()
        .map((s) => `</${s}>`)
        .join('');
    }
    const custom =
      rule.suffix === '.field-meta.xml' || rule.suffix === '.object-meta.xml' ? '__c' : '';
    let file: string;
    if (rule.suffix === '.field-meta.xml') {
      file = path.join(root, 'objects', 'Account', 'fields', `${name}${custom}${rule.suffix}`);
    } else if (rule.suffix === '.object-meta.xml') {
      file = path.join(root, 'objects', `${name}${custom}`, `${name}${custom}${rule.suffix}`);
    } else {
      file = path.join(root, `${name}${rule.suffix}`);
    }
    mkdirSync(path.dirname(file), { recursive: true });
    const rootName = ROOT_ELEMENT[rule.metadataType] ?? rule.metadataType;
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>\n<${rootName} ${NS}>${body}</${rootName}>\n`
    );
  };

  it.each(LENGTH_RULES.map((rule) => [rule.id, rule] as const))(
    '%s: at the limit passes, one character over fails',
    (_id, rule) => {
      write(rule, rule.max);
      expect(checkSource(root).violations).toEqual([]);
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root);
      write(rule, rule.max + 1);
      const violations = checkSource(root).violations;
      expect(violations.map((v) => v.ruleId)).toEqual([rule.id]);
      expect(violations[0].message).toContain(`${rule.max + 1} characters`);
      expect(violations[0].message).toContain(`is ${rule.max}`);
    }
  );

  it('every rule names where it comes from', () => {
    const documentedWithoutPage = LENGTH_RULES.filter(
      (rule) =>
        rule.confidence === 'documented' &&
        !/^https:\/\/(developer|help)\.salesforce\.com\//.test(rule.reference.url)
    ).map((rule) => rule.id);
    expect(documentedWithoutPage).toEqual([]);
    const unexplained = LENGTH_RULES.filter((rule) => rule.reference.says.length < 20).map(
      (rule) => rule.id
    );
    expect(unexplained).toEqual([]);
    expect(new Set(ALL_RULE_IDS).size).toBe(ALL_RULE_IDS.length);
  });
});

describe('metadata rules: helpers', () => {
  it('counts entities and characters as the platform stores them', () => {
    const root = parseXml(`<a ${NS}><b>Tom &amp; Jerry &#233;t&#xE9;</b></a>`);
    expect(root.children[0].text).toBe('Tom & Jerry été');
  });

  it('ignores function names and relationship paths inside string literals', () => {
    expect(formulaCode('IF(A = "ISCHANGED(B)", 1, 0)')).toBe('IF(A = "", 1, 0)');
    expect(longestSpan('Account.Owner.Name & "a.b.c.d.e"')).toEqual({
      reference: 'Account.Owner.Name',
      relationships: 2
    });
    expect(longestSpan('$User.Manager.Manager.Name & TEXT(1.5)')).toBeUndefined();
  });
});

describe('metadata rules: the project', () => {
  it('force-app breaks none of the rules', () => {
    const result = checkSource(path.join(repoRoot, 'force-app'));
    expect(result.violations.map(formatViolation)).toEqual([]);
    expect(result.filesChecked).toBeGreaterThan(300);
  });
});
