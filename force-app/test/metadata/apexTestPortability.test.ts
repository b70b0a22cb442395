/**
 * The rules that let the product's Apex tests pass in a customer's org, where a production deploy
 * runs them under the org's validation rules, duplicate rules, translated profile names, allowed
 * email domains, own automation and the admin's edits to our custom metadata
 * (docs/behaviour.md, "Tests that pass in a customer's org"). Only an org runs the tests; this
 * reads their source for the patterns that break there, and each rule is shown failing on a
 * snippet that breaks it.
 */
import { readFileSync } from 'node:fs';
import { componentName, filesIn } from './lib/metadata';

interface ApexSource {
  name: string;
  code: string;
}

/** The source without comments (string literals kept). */
function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\s\/\/ .*$/gm, '');
}

const testSources: ApexSource[] = filesIn('classes', '.cls')
  .filter((p) => /(Test|TestDataFactory)\.cls$/.test(p))
  .map((p) => ({ name: componentName(p, '.cls'), code: stripComments(readFileSync(p, 'utf8')) }));

/** Custom metadata the tests may read from the org, and why. */
const ORG_METADATA_READS: Record<string, string[]> = {
  // The customer's own default field values for test records: read from the org by design.
  TestDataFactory: ['Handoff_Test_Default__mdt'],
  // Proves every threshold record of the org maps; asserts nothing about its values.
  HandoffHealthEvaluatorTest: ['Handoff_Health_Threshold__mdt']
};

/** Profile chosen by name, or a standard profile's (translated) name in a string. */
function profileByName(source: ApexSource): string[] {
  const problems: string[] = [];
  if (/FROM\s+Profile\b[^\]]*?\bName\s*(=|IN\b|LIKE\b)/i.test(source.code)) {
    problems.push(`${source.name}: queries a Profile by Name`);
  }
  for (const m of source.code.matchAll(
    /'(Standard User|System Administrator|Minimum Access - Salesforce|Read Only)'/g
  )) {
    problems.push(`${source.name}: names the profile '${m[1]}'`);
  }
  return problems;
}

/** An email address in a string: an org's allowed email domains may refuse it. */
function hardCodedEmail(source: ApexSource): string[] {
  const problems: string[] = [];
  for (const line of source.code.split('\n')) {
    // Usernames need an e-mail shape, not an allowed domain: the factory's one constant.
    if (source.name === 'TestDataFactory' && /USERNAME_DOMAIN = '@example\.com'/.test(line)) {
      continue;
    }
    for (const m of line.matchAll(/'([^'\n]*@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)'/g)) {
      problems.push(`${source.name}: hard-coded address '${m[1]}'`);
    }
  }
  return problems;
}

/** A read of the org's custom metadata, which its admin may have changed. */
function orgMetadataRead(source: ApexSource): string[] {
  const allowed = ORG_METADATA_READS[source.name] ?? [];
  return [...source.code.matchAll(/\b(Handoff_\w+__mdt)\.(getInstance|getAll)\s*\(/g)]
    .filter((m) => !allowed.includes(m[1]))
    .map((m) => `${source.name}: reads ${m[1]}.${m[2]}() from the org`);
}

/** An Account or Contact named in the test: duplicate rules may match two of them. */
function fixedRecordName(source: ApexSource): string[] {
  if (source.name === 'TestDataFactory') {
    return [];
  }
  return [
    ...source.code.matchAll(/new\s+(Account|Contact)\s*\(\s*(Name|LastName|FirstName)\s*=/g)
  ].map((m) => `${source.name}: builds an ${m[1]} with its own ${m[2]} (use TestDataFactory)`);
}

/** A user built outside the factory (profile, username, email, defaults). */
function userOutsideFactory(source: ApexSource): string[] {
  if (source.name === 'TestDataFactory') {
    return [];
  }
  return [...source.code.matchAll(/new\s+User\s*\(([^)]*)\)/g)]
    .filter((m) => /\b(Username|ProfileId|Email)\s*=/.test(m[1]))
    .map(() => `${source.name}: builds a User itself (use TestDataFactory.createUser)`);
}

/** Saves deals or activities, which our triggers act on, without choosing a rollout mode. */
function modeNotChosen(source: ApexSource): string[] {
  const savesWhatTriggersSee =
    /TestDataFactory\.build(Complete)?Opportunit|new\s+(Task|Event)\s*\(/.test(source.code);
  const choosesMode = /TestDataFactory\.(useTestConfiguration|useRolloutMode)\s*\(/.test(
    source.code
  );
  return savesWhatTriggersSee && !choosesMode && source.name !== 'TestDataFactory'
    ? [`${source.name}: builds deals or activities but never sets a rollout mode`]
    : [];
}

/** A DML statement between two Limits reads: it counts the org's own triggers and flows too. */
function limitsAroundDml(source: ApexSource): string[] {
  const problems: string[] = [];
  // Methods start at four spaces of indentation.
  const methods = source.code.split(
    /\n(?=    (?:@IsTest|(?:private |public |global )?static )[^\n]*)/
  );
  const read = /Limits\.get(Queries|DmlStatements|DmlRows|QueryRows|CpuTime)\(\)/g;
  const dml =
    /(^|[\s;{])(insert|update|upsert|delete|merge)\s+[A-Za-z_(]|Database\.(insert|update|upsert|delete|merge)\s*\(/m;
  for (const method of methods) {
    const reads = [...method.matchAll(read)].map((m) => m.index ?? 0);
    for (let i = 1; i < reads.length; i++) {
      const between = method.slice(reads[i - 1], reads[i]);
      if (dml.test(between)) {
        const name = /static\s+\w+\s+(\w+)\s*\(/.exec(method)?.[1] ?? '?';
        problems.push(`${source.name}.${name}: a DML statement between Limits reads`);
      }
    }
  }
  return problems;
}

/** SeeAllData exposes the org's data to the test. */
function seesAllData(source: ApexSource): string[] {
  return /SeeAllData\s*=\s*true/i.test(source.code) ? [`${source.name}: SeeAllData=true`] : [];
}

const RULES: [string, (source: ApexSource) => string[]][] = [
  ['chooses profiles by licence and permissions, never by name', profileByName],
  ['hard-codes no email address', hardCodedEmail],
  ["injects configuration instead of reading the org's custom metadata", orgMetadataRead],
  [
    'builds Accounts and Contacts through the factory (unique names, org defaults)',
    fixedRecordName
  ],
  ['builds users through the factory', userOutsideFactory],
  ['sets a rollout mode where it saves deals or activities', modeNotChosen],
  ['measures limits around our own code, not around DML', limitsAroundDml],
  ['never sees all data', seesAllData]
];

describe("Apex tests that pass in a customer's org", () => {
  it('finds the test classes and the factory', () => {
    expect(testSources.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'TestDataFactory',
        'TestDataFactoryTest',
        'OpportunityTriggerHandlerTest'
      ])
    );
  });

  it.each(RULES)('every test class %s', (_rule, check) => {
    expect(testSources.flatMap(check)).toEqual([]);
  });
});

describe('each rule fails on a snippet that breaks it', () => {
  const snippet = (code: string, name = 'SnippetTest'): ApexSource => ({ name, code });

  it.each<[string, (source: ApexSource) => string[], string]>([
    [
      'profile by name',
      profileByName,
      "Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User' LIMIT 1];"
    ],
    ['email address', hardCodedEmail, "u.Email = 'someone@example.com';"],
    [
      'org metadata',
      orgMetadataRead,
      "Handoff_Setting__mdt s = Handoff_Setting__mdt.getInstance('Default');"
    ],
    ['fixed name', fixedRecordName, "insert new Account(Name = 'Acme');"],
    ['own user', userOutsideFactory, "insert new User(Username = 'a@b.c', LastName = 'A');"],
    [
      'no mode',
      modeNotChosen,
      "Opportunity o = TestDataFactory.buildOpportunity('SMB', null, null, 'Open');"
    ],
    [
      'limits around DML',
      limitsAroundDml,
      [
        '    @IsTest',
        '    static void bulk() {',
        '        Integer before = Limits.getQueries();',
        '        update deals;',
        '        Integer used = Limits.getQueries() - before;',
        '    }'
      ].join('\n')
    ],
    ['all data', seesAllData, '@IsTest(SeeAllData=true)']
  ])('%s', (_name, check, code) => {
    expect(check(snippet(code)).length).toBeGreaterThan(0);
  });

  it('leaves a measurement around a handler call alone', () => {
    const code = [
      '    @IsTest',
      '    static void bulk() {',
      '        insert deals;',
      '        Integer before = Limits.getQueries();',
      '        new OpportunityTriggerHandler(op, deals, old).run();',
      '        Integer used = Limits.getQueries() - before;',
      '    }'
    ].join('\n');
    expect(limitsAroundDml(snippet(code))).toEqual([]);
  });
});
