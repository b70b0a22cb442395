import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Violation,
  checkSource,
  decimalDigits,
  formatViolation,
  formulaCode,
  longestSpan
} from '../metadata-rules/check';
import {
  ALL_RULE_IDS,
  CUSTOM_METADATA_RULES,
  LENGTH_RULES,
  LengthRule
} from '../metadata-rules/rules';
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

describe('metadata rules: custom metadata records against their type', () => {
  // Each case is a record in invalid/<case>/; the type it is checked against is the one in the
  // valid fixture (objects/Gate_Setting__mdt: Text(10) required, TextArea, LongTextArea(300),
  // Number(5, 2), Checkbox, Date, DateTime, an unrestricted Picklist of Monitor and Enforce).
  const TYPE = path.join(FIXTURES, 'valid', 'main', 'default', 'objects', 'Gate_Setting__mdt');
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'metadata-rules-cmdt-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const runRecord = (folder: string): Violation[] => {
    cpSync(path.join(FIXTURES, 'invalid', folder), root, { recursive: true });
    cpSync(TYPE, path.join(root, 'main', 'default', 'objects', 'Gate_Setting__mdt'), {
      recursive: true
    });
    return checkSource(root).violations;
  };

  const R = CUSTOM_METADATA_RULES;
  const cases: [string, string, string[]][] = [
    [
      'cmdt-text-length',
      R.textLength.id,
      [
        'Gate_Setting.Long_Owner.md-meta.xml:7 <values[Owner__c]/value>: 11 characters; Gate_Setting__mdt.Owner__c is ' +
          'Text(10), at most 10 characters'
      ]
    ],
    [
      'cmdt-longtextarea-length',
      R.textLength.id,
      [
        'Gate_Setting.Long_Body.md-meta.xml:11 <values[Body__c]/value>: 301 characters; Gate_Setting__mdt.Body__c is ' +
          'LongTextArea(300), at most 300 characters'
      ]
    ],
    [
      'cmdt-textarea-length',
      R.textAreaLength.id,
      [
        'Gate_Setting.Long_Notes.md-meta.xml:11 <values[Notes__c]/value>: 256 characters; Gate_Setting__mdt.Notes__c is ' +
          'TextArea(255), at most 255 characters'
      ]
    ],
    [
      'cmdt-field-exists',
      R.fieldExists.id,
      [
        'Gate_Setting.Unknown_Field.md-meta.xml:10 <values[No_Such_Field__c]/field>: Gate_Setting__mdt has no field ' +
          'No_Such_Field__c (no objects/Gate_Setting__mdt/fields/No_Such_Field__c.field-meta.xml)'
      ]
    ],
    [
      'cmdt-picklist-value',
      R.picklistValue.id,
      [
        'Gate_Setting.Unknown_Mode.md-meta.xml:11 <values[Mode__c]/value>: "Pilot" is not a value of ' +
          'Gate_Setting__mdt.Mode__c (its values: Monitor, Enforce)'
      ]
    ],
    [
      'cmdt-number-format',
      R.numberFormat.id,
      [
        'Gate_Setting.Comma_Limit.md-meta.xml:11 <values[Limit__c]/value>: "1,5" is not a number ' +
          '(Gate_Setting__mdt.Limit__c is a Number field)'
      ]
    ],
    [
      'cmdt-number-precision',
      R.numberPrecision.id,
      [
        'Gate_Setting.Big_Limit.md-meta.xml:11 <values[Limit__c]/value>: 1000 has 4 digits before the decimal point; ' +
          'Gate_Setting__mdt.Limit__c is Number(5, 2), at most 3'
      ]
    ],
    [
      'cmdt-number-scale',
      R.numberScale.id,
      [
        'Gate_Setting.Fine_Limit.md-meta.xml:11 <values[Limit__c]/value>: 1.234 has 3 decimal places; ' +
          'Gate_Setting__mdt.Limit__c is Number(5, 2), at most 2'
      ]
    ],
    [
      'cmdt-checkbox-value',
      R.checkbox.id,
      [
        'Gate_Setting.One_Enabled.md-meta.xml:11 <values[Enabled__c]/value>: "1" for the Checkbox ' +
          'Gate_Setting__mdt.Enabled__c; write true or false'
      ]
    ],
    [
      'cmdt-date-value',
      R.date.id,
      [
        'Gate_Setting.Bad_Dates.md-meta.xml:11 <values[Starts__c]/value>: "2023-02-29" is not a date (YYYY-MM-DD) for ' +
          'Gate_Setting__mdt.Starts__c',
        'Gate_Setting.Bad_Dates.md-meta.xml:15 <values[Reviewed__c]/value>: "2024-01-01 10:00:00" is not a date and ' +
          'time (YYYY-MM-DDThh:mm:ss[.sss][Z|±hh:mm]) for Gate_Setting__mdt.Reviewed__c'
      ]
    ],
    [
      'cmdt-required-field',
      R.required.id,
      [
        'Gate_Setting.No_Owner.md-meta.xml:2 <values[Owner__c]>: Gate_Setting__mdt.Owner__c is required ' +
          '(<required>true</required>) but the record gives it no value'
      ]
    ],
    [
      'cmdt-record-name',
      R.recordName.id,
      [
        'Gate_Setting.2nd__Default_.md-meta.xml:2 record name: "2nd__Default_" is not a valid custom metadata record ' +
          'name: it does not begin with a letter; it has two consecutive underscores; it ends with an underscore'
      ]
    ],
    [
      'cmdt-value-type',
      R.valueType.id,
      [
        'Gate_Setting.String_Enabled.md-meta.xml:11 <values[Enabled__c]/value>: xsi:type="xsd:string"; ' +
          'Gate_Setting__mdt.Enabled__c is a Checkbox field, written as xsi:type="xsd:boolean"'
      ]
    ],
    [
      'cmdt-type-exists',
      R.typeExists.id,
      [
        "No_Such_Type.Default.md-meta.xml:2 record type: the record's type No_Such_Type__mdt is not defined in this " +
          'source (no objects/No_Such_Type__mdt folder)'
      ]
    ]
  ];

  it.each(cases)('%s fails with rule %s and says where and why', (folder, ruleId, expected) => {
    const violations = runRecord(folder);
    expect(messages(violations)).toEqual(expected);
    expect(new Set(violations.map((v) => v.ruleId))).toEqual(new Set([ruleId]));
  });

  it('every custom metadata rule has a failing fixture', () => {
    const covered = new Set(cases.map(([, ruleId]) => ruleId));
    expect(
      Object.values(R)
        .filter((rule) => !covered.has(rule.id))
        .map((rule) => rule.id)
    ).toEqual([]);
  });

  it('names a record over the 40-character name limit', () => {
    const name = `A${'b'.repeat(40)}`;
    const file = path.join(
      root,
      'main',
      'default',
      'customMetadata',
      `Gate_Setting.${name}.md-meta.xml`
    );
    mkdirSync(path.dirname(file), { recursive: true });
    cpSync(TYPE, path.join(root, 'main', 'default', 'objects', 'Gate_Setting__mdt'), {
      recursive: true
    });
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>\n<CustomMetadata ${NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        '<label>Long</label><values><field>Owner__c</field><value xsi:type="xsd:string">x</value></values></CustomMetadata>\n'
    );
    expect(messages(checkSource(root).violations)).toEqual([
      `Gate_Setting.${name}.md-meta.xml:2 record name: "${name}" is not a valid custom metadata record name: ` +
        'it has 41 characters (the limit is 40)'
    ]);
  });

  it('catches the two errors the review planted in a copy of force-app', () => {
    const copy = path.join(root, 'force-app');
    cpSync(path.join(repoRoot, 'force-app'), copy, { recursive: true });
    const record = path.join(
      copy,
      'main',
      'default',
      'customMetadata',
      'Handoff_Setting.Default.md-meta.xml'
    );
    const source = readFileSync(record, 'utf8');
    writeFileSync(
      record,
      source
        .replace(
          /(<field>Governance_Owner__c<\/field>\s*<value xsi:type="xsd:string">)[^<]*/,
          `$1${'G'.repeat(120)}`
        )
        .replace(
          '</CustomMetadata>',
          '<values><field>No_Such_Field__c</field><value xsi:type="xsd:string">x</value></values></CustomMetadata>'
        )
    );
    const found = checkSource(copy).violations.map((v) => `${v.ruleId} ${v.element}: ${v.message}`);
    expect(found).toEqual([
      'custommetadata-text-length <values[Governance_Owner__c]/value>: 120 characters; ' +
        'Handoff_Setting__mdt.Governance_Owner__c is Text(80), at most 80 characters',
      'custommetadata-field-exists <values[No_Such_Field__c]/field>: Handoff_Setting__mdt has no field ' +
        'No_Such_Field__c (no objects/Handoff_Setting__mdt/fields/No_Such_Field__c.field-meta.xml)'
    ]);
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
    } else if (rule.suffix === '.md-meta.xml') {
      // A record needs its type: objects/Thing__mdt, and the name <Type>.<Record>.
      mkdirSync(path.join(root, 'objects', 'Thing__mdt'), { recursive: true });
      writeFileSync(
        path.join(root, 'objects', 'Thing__mdt', 'Thing__mdt.object-meta.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject ${NS}><label>Thing</label></CustomObject>\n`
      );
      file = path.join(root, 'customMetadata', `${name}.Item${rule.suffix}`);
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
  it('counts the digits of a number before and after its decimal point', () => {
    expect(decimalDigits('-999.50')).toEqual({ integer: 3, fraction: 1 });
    expect(decimalDigits('0.05')).toEqual({ integer: 0, fraction: 2 });
    expect(decimalDigits('1.5E3')).toEqual({ integer: 4, fraction: 0 });
    expect(decimalDigits('25e-3')).toEqual({ integer: 0, fraction: 3 });
    expect(decimalDigits('+007')).toEqual({ integer: 1, fraction: 0 });
  });

  it('reads attributes, including namespaced ones, with entities decoded', () => {
    const root = parseXml(
      `<a ${NS}><v xsi:type="xsd:string" note='x &amp; y'/><w xsi:nil="true"></w></a>`
    );
    expect(root.children[0].attributes).toEqual({ 'xsi:type': 'xsd:string', note: 'x & y' });
    expect(root.children[1].attributes).toEqual({ 'xsi:nil': 'true' });
    expect(() => parseXml('<a b=c></a>')).toThrow('line 1: malformed attribute near "b=c"');
  });

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
