/**
 * The contract between the Apex controllers' results, the components' TypeScript types and the
 * Jest mocks: renaming an @AuraEnabled DTO field, a TypeScript property or a mock key fails here.
 * What is compared and how Apex values reach the client: lib/contracts.ts. Which TypeScript type
 * each imported Apex method maps to: contractMap.ts.
 */
import { join } from 'node:path';
import { CONTRACTS, OBJECT_FIELDS, OTHER_MOCKS } from './contractMap';
import { ApexProject, readApexSource, typeText } from './lib/apexClasses';
import { checkContract, checkMock, loadProject, ProjectContracts, Replacements } from './lib/run';
import { apexImports, readText } from './lib/tsTypes';

const ROOT = join(__dirname, '..', '..', '..');
const project = loadProject(ROOT, CONTRACTS);

const imported = [...new Set([...project.imports.values()].flat())].sort();
const apexMocks = project.mocks.filter((mock) => !(mock in OTHER_MOCKS));

/** Imported Apex methods without a contract entry. */
const unmapped = (methods: string[]): string[] => methods.filter((m) => !(m in CONTRACTS));

/** The method a mock fakes: `<component>/__tests__/data/<method>.json` of an imported method. */
function mockMethod(p: ProjectContracts, mock: string): string | undefined {
  const [component, , , file] = mock.split('/');
  const name = file.replace(/\.json$/, '');
  return (p.imports.get(component) ?? []).find((m) => m.split('.')[1] === name);
}

function everyProblem(p: ProjectContracts): string[] {
  const problems = Object.entries(CONTRACTS).flatMap(([method, contract]) =>
    checkContract(p, method, contract, OBJECT_FIELDS)
  );
  for (const mock of p.mocks.filter((m) => !(m in OTHER_MOCKS))) {
    const method = mockMethod(p, mock);
    if (method) {
      problems.push(...checkMock(p, method, CONTRACTS[method], mock, OBJECT_FIELDS));
    }
  }
  return problems;
}

describe('the Apex reader', () => {
  it('reads every class of force-app without a member it cannot parse', () => {
    expect(project.apex.errors).toEqual([]);
    expect(project.apex.get('HandoffIntakeTypes.HandoffView')?.fields.length).toBeGreaterThan(40);
  });

  it('reads annotations, generics, arrays, inheritance, properties and several declarators', () => {
    const { classes, errors } = readApexSource(
      [
        'public with sharing class Outer {',
        "  private static final Map<String, List<Id>> BY = new Map<String, List<Id>>{ 'a' => new List<Id>() };",
        '  @AuraEnabled(cacheable=true) public static List<Outer.Row> rows(Id x) { return null; }',
        '  public virtual class Base { @AuraEnabled public Integer a = 1, b; }',
        '  public class Row extends Base {',
        "    /** @description '}' in a comment */ @AuraEnabled public String[] names { get; set; }",
        '    public transient Decimal hidden;',
        "    public Row() { String s = '{'; }",
        '  }',
        '  public enum Kind { ONE, TWO }',
        '}'
      ].join('\n'),
      'Outer.cls'
    );
    expect(errors).toEqual([]);
    const apex = new ApexProject([]);
    classes.forEach((c) => apex.byName.set(c.name.toLowerCase(), c));
    const row = apex.get('Outer.Row')!;
    expect(apex.fieldsOf(row).map((f) => `${f.name}:${typeText(f.type)}:${f.auraEnabled}`)).toEqual(
      ['a:Integer:true', 'b:Integer:true', 'names:List<String>:true', 'hidden:Decimal:false']
    );
    expect(row.fields[1].isTransient).toBe(true);
    expect(typeText(apex.get('Outer')!.fields[0].type)).toBe('Map<String, List<Id>>');
    expect(typeText(apex.auraEnabledMethods().get('Outer.rows')!.method.returnType)).toBe(
      'List<Outer.Row>'
    );
    expect(apex.get('Outer.Kind')?.enumValues).toEqual(['ONE', 'TWO']);
  });

  it('resolves the return type of every @AuraEnabled method in force-app', () => {
    const unresolved = [...project.apex.auraEnabledMethods()]
      .filter(([, { cls, method }]) => {
        const name = method.returnType.name;
        const known =
          /^(void|string|id|integer|long|decimal|double|boolean|date|datetime|object|list|set|map)$/i;
        return !known.test(name) && !project.apex.resolve(name, cls.name);
      })
      .map(([name, { method }]) => `${name}: ${typeText(method.returnType)}`);
    expect(unresolved).toEqual([]);
  });
});

describe('the contract map', () => {
  it('has an entry for every Apex method a component imports, and none that nothing imports', () => {
    expect(unmapped(imported)).toEqual([]);
    expect(Object.keys(CONTRACTS).filter((m) => !imported.includes(m))).toEqual([]);
  });

  it('names an imported Apex method for every mock, or says what else the mock fakes', () => {
    expect(apexMocks.filter((mock) => !mockMethod(project, mock))).toEqual([]);
    expect(Object.keys(OTHER_MOCKS).filter((mock) => !project.mocks.includes(mock))).toEqual([]);
  });
});

describe('each Apex result matches the TypeScript type the component reads', () => {
  it.each(Object.entries(CONTRACTS))('%s', (method, contract) => {
    expect(checkContract(project, method, contract, OBJECT_FIELDS)).toEqual([]);
  });
});

describe('each Jest mock matches the Apex result and the TypeScript type', () => {
  it.each(apexMocks)('%s', (mock) => {
    const method = mockMethod(project, mock)!;
    expect(checkMock(project, method, CONTRACTS[method], mock, OBJECT_FIELDS)).toEqual([]);
  });
});

describe('the check fails', () => {
  const PANEL_CLS = 'HandoffPanelController.cls';
  const PANEL_TS = 'force-app/main/default/lwc/handoffPanel/handoffPanel.ts';
  const LATEST_MOCK = 'handoffPanel/__tests__/data/getLatestHandoff.json';
  const DASHBOARD_MOCK = 'handoffMetricsDashboard/__tests__/data/getDashboard.json';
  const METRICS_CLS = 'HandoffMetricsService.cls';
  const classes = join(ROOT, 'force-app/main/default/classes');

  function replaced(text: string, from: string | RegExp, to: string): string {
    const out = text.replace(from, to);
    if (out === text) {
      throw new Error(`fixture: ${String(from)} not found`);
    }
    return out;
  }

  function problemsWith(replacements: Replacements): string[] {
    return everyProblem(loadProject(ROOT, CONTRACTS, replacements, project));
  }

  it('when an @AuraEnabled DTO field is renamed', () => {
    const source = readText(classes, PANEL_CLS);
    const problems = problemsWith({
      apex: {
        [PANEL_CLS]: replaced(source, 'public String handoffNumber;', 'public String handoffNo;')
      }
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'HandoffPanelController.getLatestHandoff() as LatestHandoff: Apex field HandoffPanelController.LatestHandoff.handoffNo (String) is missing from TypeScript LatestHandoff',
        'HandoffPanelController.getLatestHandoff() as LatestHandoff: TypeScript LatestHandoff.handoffNumber has no @AuraEnabled field in Apex HandoffPanelController.LatestHandoff (rename it, or mark it optional and @clientOnly)',
        `${LATEST_MOCK}: unknown key "handoffNumber": Apex HandoffPanelController.LatestHandoff has no @AuraEnabled field of that name`
      ])
    );
  });

  it('when a DTO field loses @AuraEnabled', () => {
    const source = readText(classes, PANEL_CLS);
    const problems = problemsWith({
      apex: {
        [PANEL_CLS]: replaced(
          source,
          /@AuraEnabled\s+public String csmName;/,
          'public String csmName;'
        )
      }
    });
    expect(problems).toContain(
      `${LATEST_MOCK}: unknown key "csmName": Apex HandoffPanelController.LatestHandoff has no @AuraEnabled field of that name`
    );
  });

  it('when a mock key is misspelt', () => {
    const mock = readText(join(ROOT, 'force-app/main/default/lwc'), LATEST_MOCK);
    const problems = problemsWith({
      mocks: { [LATEST_MOCK]: replaced(mock, '"slaBreached"', '"slaBreeched"') }
    });
    expect(problems).toEqual([
      `${LATEST_MOCK}: unknown key "slaBreeched": Apex HandoffPanelController.LatestHandoff has no @AuraEnabled field of that name`
    ]);
    const caseOnly = problemsWith({
      mocks: { [LATEST_MOCK]: replaced(mock, '"csmName"', '"CsmName"') }
    });
    expect(caseOnly).toEqual([
      `${LATEST_MOCK}: unknown key "CsmName": Apex HandoffPanelController.LatestHandoff has no @AuraEnabled field of that name (did you mean "csmName"?)`
    ]);
  });

  it('when a mock value has the wrong type, a required key or a non-null value is missing', () => {
    const mock = readText(join(ROOT, 'force-app/main/default/lwc'), LATEST_MOCK);
    const problems = problemsWith({
      mocks: {
        [LATEST_MOCK]: replaced(
          replaced(mock, /"slaPaused": false/, '"slaPaused": "no"'),
          /"id": "[^"]+",/,
          ''
        )
      }
    });
    expect(problems).toEqual([
      `${LATEST_MOCK}.slaPaused: "no" is not a boolean (Apex Boolean)`,
      `${LATEST_MOCK}: required key "id" is missing (TypeScript LatestHandoff)`
    ]);
  });

  it('when a TypeScript property is missing or has the wrong type', () => {
    const source = readText(ROOT, PANEL_TS);
    const withoutCsm = replaced(
      replaced(source, '  csmName?: string | null;\n', ''),
      '  slaPaused?: boolean;\n',
      '  slaPaused?: string;\n'
    );
    const problems = problemsWith({ ts: { [PANEL_TS]: withoutCsm } });
    expect(problems).toEqual([
      'HandoffPanelController.getLatestHandoff() as LatestHandoff: Apex field HandoffPanelController.LatestHandoff.csmName (String) is missing from TypeScript LatestHandoff',
      'HandoffPanelController.getLatestHandoff() as LatestHandoff.slaPaused: Apex Boolean but TypeScript string | undefined'
    ]);
  });

  it('when a field of the metrics JSON (JSON.serialize of DashboardData) is renamed', () => {
    const source = readText(classes, METRICS_CLS);
    const problems = problemsWith({
      apex: {
        [METRICS_CLS]: replaced(
          source,
          'public Integer wouldHaveBlocked = 0;',
          'public Integer blocked = 0;'
        )
      }
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'HandoffMetricsController.getDashboard() as Dashboard.rollout: Apex field HandoffMetricsService.RolloutData.blocked (Integer) is missing from TypeScript RolloutData',
        'HandoffMetricsController.getDashboard() as Dashboard.rollout: TypeScript RolloutData.wouldHaveBlocked has no field in Apex HandoffMetricsService.RolloutData (rename it, or mark it optional and @clientOnly)',
        `${DASHBOARD_MOCK}.rollout: unknown key "wouldHaveBlocked": Apex HandoffMetricsService.RolloutData has no field of that name`
      ])
    );
  });

  it('when a component imports an Apex method the map does not name', () => {
    const source = replaced(
      readText(ROOT, PANEL_TS),
      "import getPanelConfig from '@salesforce/apex/HandoffPanelController.getPanelConfig';",
      "import getPanelConfig from '@salesforce/apex/HandoffPanelController.getPanelConfig';\nimport other from '@salesforce/apex/HandoffPanelController.getOther';"
    );
    expect(unmapped(apexImports(source))).toEqual(['HandoffPanelController.getOther']);
  });
});
