/**
 * The preflight against a customer org served by the local Salesforce stand-in through real
 * jsforce (REST, Tooling, describe, /limits, Metadata API over SOAP): a healthy org passes,
 * and each finding — a renamed won stage, an existing path, a blocking validation rule, a
 * required custom field, a blocking duplicate rule, a user without a manager, flows not
 * deployable as active, a scheduled job already present, a failing read, … — shows in the
 * report with its status, and in the exit status.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, parsePreflightArgs, runPreflight } from '../cli.ts';
import { CHECKS } from '../checks/index.ts';
import { EXIT, type CheckResult } from '../model.ts';
import { loadProject, type ProjectExpectations } from '../project.ts';
import { answerQuery, businessHoursRecord, healthyOrg, serveOrg, type FakeOrg } from './fakeOrg.ts';

const PROJECT = loadProject();

interface Run {
  exitCode: number;
  byId: Map<string, CheckResult>;
  markdown: string;
  html: string;
  json: { results: CheckResult[]; exitCode: number; generatedAt: string };
  console: string;
  requests: Array<{ method: string; path: string }>;
}

async function preflight(
  org: FakeOrg,
  options: {
    project?: ProjectExpectations;
    inject?: (m: Awaited<ReturnType<typeof serveOrg>>) => void;
  } = {}
): Promise<Run> {
  const mock = await serveOrg(org);
  options.inject?.(mock);
  const out = mkdtempSync(join(tmpdir(), 'preflight-'));
  let text = '';
  try {
    const outcome = await runPreflight({
      alias: 'acme',
      out,
      connection: mock.connection(),
      project: options.project ?? PROJECT,
      quiet: true,
      now: new Date('2026-03-02T10:00:00Z'),
      stdout: (t) => (text += t),
      stderr: () => undefined
    });
    return {
      exitCode: outcome.exitCode,
      byId: new Map((outcome.report?.results ?? []).map((r) => [r.id, r])),
      markdown: readFileSync(join(out, 'preflight.md'), 'utf8'),
      html: readFileSync(join(out, 'preflight.html'), 'utf8'),
      json: JSON.parse(readFileSync(join(out, 'preflight.json'), 'utf8')),
      console: text,
      requests: mock.requests.map((r) => ({ method: r.method, path: r.path }))
    };
  } finally {
    await mock.stop();
  }
}

function check(run: Run, id: string): CheckResult {
  const result = run.byId.get(id);
  if (!result) {
    throw new Error(`no result for ${id}`);
  }
  return result;
}

function rowsOf(result: CheckResult, caption: RegExp): string[][] {
  return result.tables?.find((t) => caption.test(t.caption))?.rows ?? [];
}

describe('a healthy org', () => {
  let run: Run;
  const org = healthyOrg();
  beforeAll(async () => {
    run = await preflight(org);
  });

  it('passes every check but the two no API can read, and exits 0', () => {
    expect(run.exitCode).toBe(EXIT.ready);
    expect([...run.byId.keys()]).toEqual(CHECKS.map((c) => c.id));
    const notPass = [...run.byId.values()].filter((r) => r.status !== 'pass');
    expect(notPass.map((r) => [r.id, r.status])).toEqual([
      ['default-workflow-user', 'manual'],
      ['email-deliverability', 'manual']
    ]);
  });

  it('says plainly what cannot be read through any API', () => {
    expect(check(run, 'default-workflow-user').finding).toMatch(/^Cannot be read through any API/);
    expect(check(run, 'email-deliverability').finding).toMatch(/^Cannot be read through any API/);
    expect(check(run, 'email-deliverability').fix).toMatch(/Setup > Deliverability/);
  });

  it('makes only read calls: GETs, and readMetadata / listMetadata on the SOAP endpoint', () => {
    const posts = run.requests.filter((r) => r.method !== 'GET');
    expect(posts.every((r) => r.method === 'POST' && r.path.startsWith('/services/Soap/m/'))).toBe(
      true
    );
    expect(new Set(org.soapCalls?.map((c) => c.split(' ')[0]))).toEqual(
      new Set(['readMetadata', 'listMetadata'])
    );
  });

  it("leaves out our own validation rule from an earlier install and evaluates the org's", () => {
    const rows = rowsOf(check(run, 'validation-rules'), /validation rules/);
    expect(rows.map((r) => r[1])).toEqual(['Close_Date_Not_Too_Far']);
    expect(rows[0][2]).toBe('lets it through');
  });

  it('writes the verdict and every check to Markdown, HTML and JSON', () => {
    expect(run.markdown).toContain('# Handoff preflight: Acme Corp');
    expect(run.markdown).toContain(
      '**Ready to deploy: nothing blocking; 2 settings to check by hand (exit status 0).**'
    );
    expect(run.markdown).toContain('generated 2026-03-02T10:00:00.000Z');
    for (const c of CHECKS) {
      expect(run.markdown).toContain(c.title);
      expect(run.html).toContain(`id="check-${c.id}"`);
    }
    expect(run.html).toContain(
      '<span class="badge s-manual">CHECK BY HAND</span> Email deliverability'
    );
    expect(run.json.results).toHaveLength(CHECKS.length);
    expect(run.json.exitCode).toBe(0);
    expect(run.console).toContain('Ready to deploy');
    expect(run.console).toMatch(/^PASS +Won stages: /m);
  });
});

describe('Opportunity stages and paths', () => {
  it('a renamed won stage: the stage check warns, the path step for "Closed Won" fails, exit 2', async () => {
    const org = healthyOrg();
    const won = org.stages.find((s) => s.ApiName === 'Closed Won') as Record<string, unknown>;
    won.ApiName = 'Signed';
    won.MasterLabel = 'Signed';
    const run = await preflight(org);
    const stages = check(run, 'won-stages');
    expect(stages.status).toBe('warn');
    expect(stages.finding).toContain('has no stage named "Closed Won"; its won stage is "Signed"');
    expect(rowsOf(stages, /name "Closed Won"/).map((r) => r[0])).toContain(
      'force-app/main/default/pathAssistants/Opportunity_Handoff.pathAssistant-meta.xml'
    );
    const steps = check(run, 'path-stages');
    expect(steps.status).toBe('fail');
    expect(steps.finding).toBe(
      '1 step of our path names a stage the org does not have: "Closed Won".'
    );
    expect(rowsOf(steps, /Steps of/)).toContainEqual(['Closed Won', 'missing']);
    expect(rowsOf(steps, /without a step/)).toContainEqual(['Signed', 'yes']);
    expect(run.exitCode).toBe(EXIT.blocked);
    expect(run.markdown).toContain('### FAIL: Path steps match the stages');
    expect(run.markdown).toContain(
      '**Not ready: 1 blocking finding to fix before deploying (exit status 2).**'
    );
  });

  it('no active won stage fails: no deal could ever be won', async () => {
    const org = healthyOrg();
    org.stages = org.stages.map((s) => (s.IsWon ? { ...s, IsActive: false } : s));
    const run = await preflight(org);
    expect(check(run, 'won-stages').status).toBe('fail');
    expect(check(run, 'won-stages').finding).toMatch(/no active won stage/);
    expect(check(run, 'path-stages').status).toBe('warn');
    expect(check(run, 'path-stages').finding).toContain('for inactive stages (Closed Won)');
  });

  it('several won stages, "Closed Won" among them, pass', async () => {
    const org = healthyOrg();
    org.stages.push({
      ApiName: 'Renewed',
      MasterLabel: 'Renewed',
      IsActive: true,
      IsClosed: true,
      IsWon: true,
      SortOrder: 11
    });
    const run = await preflight(org);
    expect(check(run, 'won-stages').status).toBe('pass');
    expect(check(run, 'won-stages').finding).toContain('2 won stages ("Closed Won" and "Renewed")');
    expect(check(run, 'path-stages').status).toBe('warn');
    expect(check(run, 'path-stages').finding).toContain('no step for the won stage Renewed');
  });

  it('an existing path for the Master record type fails: one path per record type', async () => {
    const org = healthyOrg();
    org.paths = [
      {
        fullName: 'Sales_Path',
        entityName: 'Opportunity',
        recordTypeName: '__MASTER__',
        active: true
      },
      { fullName: 'Lead_Path', entityName: 'Lead', recordTypeName: '__MASTER__', active: true }
    ];
    const run = await preflight(org);
    const paths = check(run, 'existing-paths');
    expect(paths.status).toBe('fail');
    expect(paths.finding).toContain(
      'already has an Opportunity path for the __MASTER__ record type (Sales_Path)'
    );
    expect(rowsOf(paths, /paths in this org/)).toEqual([['Sales_Path', '__MASTER__', 'yes']]);
    expect(run.exitCode).toBe(EXIT.blocked);
  });

  it('our own path from an earlier install passes; record types warn that ours covers Master only', async () => {
    const org = healthyOrg();
    org.paths = [
      {
        fullName: 'Opportunity_Handoff',
        entityName: 'Opportunity',
        recordTypeName: '__MASTER__',
        active: true
      }
    ];
    expect((await preflight(org)).byId.get('existing-paths')?.finding).toContain(
      'already in the org (an earlier install)'
    );
    org.recordTypes = [
      {
        Id: '012000000000001AAA',
        DeveloperName: 'New_Business',
        Name: 'New Business',
        IsActive: true,
        BusinessProcessId: '019000000000001AAA'
      }
    ];
    org.paths.push({
      fullName: 'New_Business_Path',
      entityName: 'Opportunity',
      recordTypeName: 'New_Business',
      active: true
    });
    const paths = check(await preflight(org), 'existing-paths');
    expect(paths.status).toBe('warn');
    expect(rowsOf(paths, /record types/)).toEqual([['New_Business', 'New Business', 'yes']]);
  });

  it('a sales process without a won stage warns', async () => {
    const org = healthyOrg();
    org.businessProcesses = [
      {
        Id: '019000000000001AAA',
        Name: 'Partner Sales',
        IsActive: true,
        values: ['Prospecting', 'Negotiation/Review', 'Closed Lost']
      },
      {
        Id: '019000000000002AAA',
        Name: 'Direct Sales',
        IsActive: true,
        values: ['Prospecting', 'Closed Won', 'Closed Lost']
      }
    ];
    org.recordTypes = [
      {
        Id: '012000000000001AAA',
        DeveloperName: 'Partner',
        Name: 'Partner',
        IsActive: true,
        BusinessProcessId: '019000000000001AAA'
      }
    ];
    const result = check(await preflight(org), 'sales-processes');
    expect(result.status).toBe('warn');
    expect(result.finding).toContain('without a won stage (Partner Sales)');
    expect(rowsOf(result, /sales processes/)).toEqual([
      ['Partner Sales', '3', 'none', 'Partner'],
      ['Direct Sales', '3', 'Closed Won', 'none']
    ]);
  });
});

describe('what can block our writes and tests', () => {
  it('a validation rule that rejects the close our tests make fails, with the write it blocks', async () => {
    const org = healthyOrg();
    org.validationRules.push(
      {
        Id: '03d000000000003AAA',
        ValidationName: 'Lead_Source_Required_To_Win',
        object: 'Opportunity',
        formula:
          'AND(ISCHANGED(StageName), ISPICKVAL(StageName, "Closed Won"), ISBLANK(TEXT(LeadSource)))',
        ErrorMessage: 'Choose a Lead Source before closing.'
      },
      {
        Id: '03d000000000004AAA',
        ValidationName: 'Billing_Country_Required',
        object: 'Account',
        formula: 'ISBLANK(BillingCountry)',
        ErrorMessage: 'Enter the billing country.'
      },
      {
        Id: '03d000000000005AAA',
        ValidationName: 'Admins_Only',
        object: 'Contact',
        formula: '$Profile.Name <> "System Administrator"',
        ErrorMessage: 'Only admins.'
      }
    );
    const run = await preflight(org);
    const result = check(run, 'validation-rules');
    expect(result.status).toBe('fail');
    expect(result.finding).toMatch(
      /^2 rules of the org reject a record our tests or automation write/
    );
    const rows = rowsOf(result, /validation rules/);
    expect(rows).toContainEqual([
      'Opportunity',
      'Lead_Source_Required_To_Win',
      'blocks',
      'a test closes the deal (Prospecting → Closed Won)',
      'Choose a Lead Source before closing.'
    ]);
    expect(rows).toContainEqual([
      'Account',
      'Billing_Country_Required',
      'blocks',
      'test account (TestDataFactory.buildAccount)',
      'Enter the billing country.'
    ]);
    expect(rows.find((r) => r[1] === 'Admins_Only')?.[2]).toBe(
      'unknown: it reads $Profile.Name, which depends on who runs the test'
    );
    expect(run.exitCode).toBe(EXIT.blocked);
  });

  it('a rule that cannot be judged offline warns instead of guessing', async () => {
    const org = healthyOrg();
    org.validationRules.push({
      Id: '03d000000000006AAA',
      ValidationName: 'Industry_From_Account',
      object: 'Opportunity',
      formula: 'ISPICKVAL(Account.Industry, "Banking")',
      ErrorMessage: 'No banks.'
    });
    const result = check(await preflight(org), 'validation-rules');
    expect(result.status).toBe('warn');
    expect(
      rowsOf(result, /validation rules/).find((r) => r[1] === 'Industry_From_Account')?.[2]
    ).toBe('unknown: it reads Account.Industry, a field of a related record');
  });

  it('a required custom field our tests do not set fails; standard fields (the same in every org) do not', async () => {
    const org = healthyOrg();
    const nickname = org.describe.User.find((f) => f.name === 'CommunityNickname');
    Object.assign(nickname ?? {}, { nillable: false, defaultedOnCreate: false });
    org.describe.Account.push({
      name: 'Region__c',
      label: 'Region',
      type: 'picklist',
      nillable: false,
      createable: true,
      defaultedOnCreate: false,
      custom: true
    });
    const run = await preflight(org);
    const result = check(run, 'required-fields');
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('Account.Region__c');
    expect(rowsOf(result, /Required custom fields/)).toEqual([
      ['Account', 'Region__c', 'Region', 'picklist']
    ]);
    expect(run.exitCode).toBe(EXIT.blocked);
  });

  it('a duplicate rule that blocks inserts fails; one that blocks only updates warns', async () => {
    const org = healthyOrg();
    org.duplicateRules[0].actionOnInsert = 'Block';
    const blocked = check(await preflight(org), 'duplicate-rules');
    expect(blocked.status).toBe('fail');
    expect(blocked.finding).toContain('Account.Standard_Account_Duplicate_Rule');
    expect(rowsOf(blocked, /duplicate rules/)).toEqual([
      [
        'Account',
        'Standard Account Duplicate Rule',
        'Account.Standard_Account_Duplicate_Rule',
        'Block',
        'Allow'
      ]
    ]);
    org.duplicateRules[0].actionOnInsert = 'Allow';
    org.duplicateRules[0].actionOnUpdate = 'Block';
    const onUpdate = check(await preflight(org), 'duplicate-rules');
    expect(onUpdate.status).toBe('warn');
    expect(onUpdate.finding).toMatch(/blocks updates/);
  });

  it('another trigger on Opportunity warns with its inline queries; ours from an earlier install is left out', async () => {
    const org = healthyOrg();
    org.triggers = [
      {
        Name: 'DealTrigger',
        TableEnumOrId: 'Opportunity',
        Status: 'Active',
        NamespacePrefix: null,
        Body: 'trigger DealTrigger on Opportunity (after update) { List<Account> a = [SELECT Id FROM Account]; Database.query(q); }'
      },
      {
        Name: 'OpportunityTrigger',
        TableEnumOrId: 'Opportunity',
        Status: 'Active',
        NamespacePrefix: null,
        Body: PROJECT.triggers.get('OpportunityTrigger')?.source
      }
    ];
    const result = check(await preflight(org), 'triggers');
    expect(result.status).toBe('warn');
    expect(rowsOf(result, /triggers/)).toEqual([['Opportunity', 'DealTrigger', '2']]);
  });

  it('record-triggered flows on our objects warn; ours and other objects are left out', async () => {
    const org = healthyOrg();
    org.flows = [
      {
        ApiName: 'Opp_Set_Region',
        Label: 'Set Region',
        ProcessType: 'AutoLaunchedFlow',
        TriggerType: 'RecordBeforeSave',
        TriggerObjectOrEventId: 'Opportunity',
        TriggerObjectOrEventLabel: 'Opportunity',
        NamespacePrefix: null
      },
      {
        ApiName: 'Case_Router',
        Label: 'Case Router',
        ProcessType: 'AutoLaunchedFlow',
        TriggerType: 'RecordAfterSave',
        TriggerObjectOrEventId: 'Case',
        TriggerObjectOrEventLabel: 'Case',
        NamespacePrefix: null
      },
      {
        ApiName: 'Handoff_After_Save_SLA_Breach',
        Label: 'ours',
        ProcessType: 'AutoLaunchedFlow',
        TriggerType: 'RecordAfterSave',
        TriggerObjectOrEventId: 'Opportunity',
        TriggerObjectOrEventLabel: 'Opportunity',
        NamespacePrefix: null
      }
    ];
    const result = check(await preflight(org), 'flows');
    expect(result.status).toBe('warn');
    expect(rowsOf(result, /flows/)).toEqual([
      ['Opportunity', 'Opp_Set_Region', 'Set Region', 'RecordBeforeSave', 'Flow']
    ]);
  });

  it("the org's own TestDataFactory fails (the deploy would overwrite it); ours from an earlier install passes", async () => {
    const org = healthyOrg();
    org.classes = [
      {
        Name: 'TestDataFactory',
        Body: '@IsTest public class TestDataFactory { public static Account account() { return null; } }'
      }
    ];
    const theirs = check(await preflight(org), 'name-collisions');
    expect(theirs.status).toBe('fail');
    expect(theirs.finding).toBe(
      'The org has its own class TestDataFactory: deploying ours would overwrite it.'
    );
    org.classes = [{ Name: 'TestDataFactory', Body: PROJECT.classes.get('TestDataFactory') }];
    const ours = check(await preflight(org), 'name-collisions');
    expect(ours.status).toBe('pass');
    expect(rowsOf(ours, /under our names/)).toEqual([
      ['class', 'TestDataFactory', 'ours (an earlier install)']
    ]);
  });
});

describe('edition and limits', () => {
  it('Professional Edition fails: no custom Apex', async () => {
    const org = healthyOrg();
    org.organization.OrganizationType = 'Professional Edition';
    const run = await preflight(org);
    expect(check(run, 'edition').status).toBe('fail');
    expect(check(run, 'dynamic-dashboards').status).toBe('fail');
    expect(check(run, 'dynamic-dashboards').finding).toContain(
      'above the 0 that Professional Edition allows'
    );
  });

  it('a non-English org warns while our tests find their profile by its English name', async () => {
    const org = healthyOrg();
    org.organization.LanguageLocaleKey = 'de';
    const byName = check(
      await preflight(org, { project: { ...PROJECT, testProfileName: 'Standard User' } }),
      'edition'
    );
    expect(byName.status).toBe('warn');
    expect(byName.finding).toContain('("Standard User")');
    const byLicence = check(
      await preflight(org, { project: { ...PROJECT, testProfileName: null } }),
      'edition'
    );
    expect(byLicence.status).toBe('pass');
  });

  it('dynamic dashboards over the edition allowance fail, counting the recycle bin and not counting ours twice', async () => {
    const org = healthyOrg();
    org.dashboards = [
      ...['A', 'B', 'C', 'D'].map((n) => ({
        DeveloperName: n,
        Title: n,
        FolderName: 'Sales',
        IsDeleted: false
      })),
      { DeveloperName: 'E', Title: 'E', FolderName: 'Sales', IsDeleted: true }
    ];
    const over = check(await preflight(org), 'dynamic-dashboards');
    expect(over.status).toBe('fail');
    expect(over.finding).toContain(
      '5 dynamic dashboards in use (recycle bin included) and 1 more from us: 6, above the 5 that Enterprise Edition allows'
    );
    org.dashboards[0] = {
      DeveloperName: 'Handoff_Health',
      Title: 'Handoff Health',
      FolderName: 'Handoff Dashboards',
      IsDeleted: false
    };
    const upgrade = check(await preflight(org), 'dynamic-dashboards');
    expect(upgrade.status).toBe('pass');
    expect(upgrade.finding).toContain('0 mores from us: 5 of the 5');
  });

  it('the API allowance used up fails; a low async Apex allowance warns', async () => {
    const org = healthyOrg();
    org.limits.DailyAsyncApexExecutions.Remaining = 1000;
    const low = check(await preflight(org), 'api-usage');
    expect(low.status).toBe('warn');
    expect(low.finding).toContain('Async Apex executions (24 h) (1,000 of 250,000 left)');
    org.limits.DailyApiRequests.Remaining = 0;
    expect(check(await preflight(org), 'api-usage').status).toBe('fail');
  });

  it('more than 500 custom notification types with ours fails', async () => {
    const org = healthyOrg();
    org.notificationTypes = Array.from({ length: 500 }, (_, i) => ({
      DeveloperName: `Type_${i}`,
      MasterLabel: `Type ${i}`
    }));
    const result = check(await preflight(org), 'notification-types');
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('501, above the limit of 500');
  });
});

describe('org settings', () => {
  it('flows not deployable as active fail: our active flows would arrive inactive', async () => {
    const org = healthyOrg();
    org.flowSettings = { enableFlowDeployAsActiveEnabled: false };
    const run = await preflight(org);
    const result = check(run, 'flow-deploy-active');
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('is off (production): our 3 active flows');
    expect(result.fix).toContain('Deploy processes and flows as active');
    expect(run.exitCode).toBe(EXIT.blocked);
  });

  it('account teams off warn while our setting uses them; a missing team role warns', async () => {
    const org = healthyOrg();
    delete org.describe.AccountTeamMember;
    const off = check(await preflight(org), 'account-teams');
    expect(off.status).toBe('warn');
    expect(off.finding).toMatch(/not enabled/);
    const org2 = healthyOrg();
    org2.describe.AccountTeamMember[2].picklistValues = [
      { value: 'Account Manager', active: true }
    ];
    const role = check(await preflight(org2), 'account-teams');
    expect(role.status).toBe('warn');
    expect(role.finding).toContain(
      '"Customer Success Manager" (our Account_Team_Role__c) is not one of'
    );
  });

  it('Path turned off warns (the deploy still works)', async () => {
    const org = healthyOrg();
    org.pathSettings = { pathAssistantEnabled: false };
    expect(check(await preflight(org), 'path-enabled').status).toBe('warn');
  });

  it('default business hours around the clock warn; none at all warns', async () => {
    const org = healthyOrg();
    org.businessHours = [businessHoursRecord('Default', true, true)];
    const clock = check(await preflight(org), 'business-hours');
    expect(clock.status).toBe('warn');
    expect(clock.finding).toContain('24 hours a day');
    org.businessHours = [businessHoursRecord('Office', false, false)];
    expect(check(await preflight(org), 'business-hours').finding).toContain(
      'no active default business hours'
    );
  });
});

describe('an earlier install', () => {
  /** Our records as the org returns them after an install of this version (typed values). */
  function installed(type: string): Record<string, unknown>[] {
    return PROJECT.customMetadata
      .filter((r) => r.type === type)
      .map((r) => ({
        DeveloperName: r.name,
        ...Object.fromEntries(
          Object.entries(r.values).map(([k, v]) => [
            k,
            v === 'true'
              ? true
              : v === 'false'
                ? false
                : v !== null && /^-?\d+(\.\d+)?$/.test(v)
                  ? Number(v)
                  : v
          ])
        )
      }));
  }

  it('a fresh org has nothing to keep; an install with the shipped values passes', async () => {
    expect(check(await preflight(healthyOrg()), 'custom-metadata-overwrite').finding).toMatch(
      /not installed in this org yet/
    );
    const org = healthyOrg();
    org.customMetadata = { Handoff_Setting: installed('Handoff_Setting') };
    const result = check(await preflight(org), 'custom-metadata-overwrite');
    expect(result.status).toBe('pass');
    expect(result.finding).toContain('every record of ours holds the values force-app deploys');
  });

  it('a rollout mode and an SLA an admin changed are listed: the deploy keeps them, --reset-settings would not', async () => {
    const org = healthyOrg();
    const settings = installed('Handoff_Setting');
    settings[0].Rollout_Mode__c = 'Enforce';
    const policies = installed('Handoff_Segment_Policy');
    const enterprise = policies.find((p) => p.DeveloperName === 'Enterprise') as Record<
      string,
      unknown
    >;
    enterprise.First_Touch_SLA_Hours__c = 12;
    // A record the org added: the deploy keeps it, nothing to say.
    policies.push({ DeveloperName: 'Public_Sector', First_Touch_SLA_Hours__c: 72 });
    org.customMetadata = { Handoff_Setting: settings, Handoff_Segment_Policy: policies };
    const ours = PROJECT.customMetadata.find(
      (r) => r.type === 'Handoff_Segment_Policy' && r.name === 'Enterprise'
    );
    const result = check(await preflight(org), 'custom-metadata-overwrite');
    expect(result.status).toBe('pass');
    expect(result.finding).toBe(
      "2 values an admin changed in the org differ from what force-app ships, in Handoff_Segment_Policy.Enterprise and Handoff_Setting.Default. npm run deploy keeps the org's records; only --reset-settings would overwrite them."
    );
    expect(rowsOf(result, /--reset-settings would change/)).toEqual([
      [
        'Handoff_Segment_Policy.Enterprise',
        'First_Touch_SLA_Hours__c',
        '12',
        ours?.values.First_Touch_SLA_Hours__c
      ],
      ['Handoff_Setting.Default', 'Rollout_Mode__c', 'Enforce', 'Installed']
    ]);
  });
});

describe('people and scheduled jobs', () => {
  it('an owner of open deals without a manager warns (exception approvals go to the manager)', async () => {
    const org = healthyOrg();
    org.openDeals.push(
      { OwnerId: '005000000000AE2AAA', deals: 7 },
      { OwnerId: '005000000000AE3AAA', deals: 2 }
    );
    org.users.push(
      {
        Id: '005000000000AE2AAA',
        Name: 'Ben Ortiz',
        Username: 'ben@acme.example',
        IsActive: true,
        ManagerId: null,
        Manager: null
      },
      {
        Id: '005000000000AE3AAA',
        Name: 'Cara Diaz',
        Username: 'cara@acme.example',
        IsActive: true,
        ManagerId: '005000000000MG9AAA',
        Manager: { Name: 'Old Boss', IsActive: false }
      }
    );
    const run = await preflight(org);
    const result = check(run, 'owners-without-manager');
    expect(result.status).toBe('warn');
    expect(result.finding).toBe(
      '1 owner of open deals without a manager and 1 owner whose manager is inactive (9 open deals): their handoff exceptions would have no approver.'
    );
    expect(rowsOf(result, /no approver/)).toEqual([
      ['Ben Ortiz', 'ben@acme.example', '7', 'none', ''],
      ['Cara Diaz', 'cara@acme.example', '2', 'Old Boss', 'no']
    ]);
    expect(run.exitCode).toBe(EXIT.ready);
  });

  /** Open deals of `count` owners, each with one deal but the first (7 deals, no manager). */
  function manyOwners(count: number): FakeOrg {
    const org = healthyOrg();
    org.openDeals = Array.from({ length: count }, (_, i) => ({
      OwnerId: `005${String(i).padStart(12, '0')}AAA`,
      deals: i === 0 ? 7 : 1
    }));
    org.users = org.openDeals.map((d, i) => ({
      Id: d.OwnerId,
      Name: `Owner ${i}`,
      Username: `owner${i}@acme.example`,
      IsActive: true,
      ManagerId: i === 0 ? null : '005000000000MG1AAA',
      Manager: i === 0 ? null : { Name: 'Max Grant', IsActive: true }
    }));
    return org;
  }

  it('more than 2,000 owners of open deals: reads the 2,000 with the most deals and says the rest were not checked', async () => {
    const result = check(await preflight(manyOwners(2001)), 'owners-without-manager');
    expect(result.status).toBe('warn');
    expect(result.finding).toBe(
      '1 owner of open deals without a manager (7 open deals): their handoff exceptions would have no approver. ' +
        'Only the 2,000 owners with the most open deals were checked: an aggregate query returns at most 2,000 groups, and the org has at least that many owners of open deals.'
    );
    expect(result.fix).toContain('Check the other owners with a report');
  });

  it('at the 2,000-owner limit with no problem found, warns that the others were not checked', async () => {
    const org = manyOwners(2000);
    org.users[0] = {
      ...org.users[0],
      ManagerId: '005000000000MG1AAA',
      Manager: { Name: 'Max Grant', IsActive: true }
    };
    const result = check(await preflight(org), 'owners-without-manager');
    expect(result.status).toBe('warn');
    expect(result.finding).toContain(
      'Every active owner checked (2,000 owners of open deals) has an active manager.'
    );
    expect(result.finding).toContain('Only the 2,000 owners with the most open deals were checked');
  });

  it('below the limit says nothing about it', async () => {
    const result = check(await preflight(manyOwners(1999)), 'owners-without-manager');
    expect(result.status).toBe('warn');
    expect(result.finding).not.toContain('2,000');
    expect(result.fix).not.toContain('report');
  });

  it('the fake org refuses the aggregate query without LIMIT above 2,000 groups, as Salesforce does', async () => {
    const org = manyOwners(2001);
    expect(() =>
      answerQuery(
        org,
        'SELECT OwnerId, COUNT(Id) deals FROM Opportunity WHERE IsClosed = false GROUP BY OwnerId'
      )
    ).toThrow('Aggregate query does not support queryMore()');
  });

  it('a job scheduled by an earlier release, holding our snapshot batch directly, fails: the deploy of that class is refused', async () => {
    const org = healthyOrg();
    const name = PROJECT.scheduledJobNames[0];
    org.cronTriggers = [
      {
        Id: '08e000000000001AAA',
        State: 'WAITING',
        NextFireTime: '2026-03-03T01:00:00.000+0000',
        CronExpression: '0 0 1 * * ?',
        CronJobDetail: { Name: name }
      }
    ];
    org.scheduledApex = [
      {
        CronTriggerId: '08e000000000001AAA',
        className: 'HandoffMetricsSnapshotBatch',
        jobName: name
      },
      // Scheduled by hand under another name: found by the class it holds.
      {
        CronTriggerId: '08e000000000002AAA',
        className: 'HandoffHealthCheck',
        jobName: 'My health check'
      }
    ];
    const run = await preflight(org);
    const result = check(run, 'scheduled-jobs');
    expect(result.status).toBe('fail');
    expect(result.finding).toBe(
      `2 scheduled jobs hold one of our classes directly: "${name}" (HandoffMetricsSnapshotBatch) and "My health check" (HandoffHealthCheck). The deploy of those classes is refused while they are scheduled.`
    );
    expect(result.fix).toContain(
      'npm run deploy -- --target-org <alias> unschedules jobs of our names first'
    );
    expect(result.fix).toContain(
      'a job under another name must be deleted in Setup > Scheduled Jobs'
    );
    expect(result.fix).toContain('HandoffScheduler.unscheduleAll();');
    expect(rowsOf(result, /Scheduled jobs/)).toEqual([
      [
        name,
        'HandoffMetricsSnapshotBatch',
        'WAITING',
        '2026-03-03T01:00:00.000+0000',
        '0 0 1 * * ?'
      ],
      ['My health check', 'HandoffHealthCheck', '', '', '']
    ]);
    expect(run.exitCode).toBe(EXIT.blocked);
  });

  it('our jobs already scheduled through the dispatcher pass: the deploy updates the job classes', async () => {
    const org = healthyOrg();
    org.cronTriggers = PROJECT.scheduledJobNames.map((name, i) => ({
      Id: `08e00000000000${i}AAA`,
      State: 'WAITING',
      NextFireTime: null,
      CronExpression: '0 0 1 * * ?',
      CronJobDetail: { Name: name }
    }));
    org.scheduledApex = PROJECT.scheduledJobNames.map((name, i) => ({
      CronTriggerId: `08e00000000000${i}AAA`,
      className: 'HandoffJobDispatcher',
      jobName: name
    }));
    const result = check(await preflight(org), 'scheduled-jobs');
    expect(result.status).toBe('pass');
    expect(result.finding).toContain('already scheduled through HandoffJobDispatcher');
    expect(result.finding).toContain(
      'npm run deploy unschedules them just before the deploy and schedules them again after it'
    );
  });
});

describe('reads that fail', () => {
  it('a failing read makes its check "could not read", the others still run, exit 3', async () => {
    const org = healthyOrg();
    const run = await preflight(org, {
      inject: (mock) =>
        mock.inject({
          match: /FROM\+DuplicateRule|FROM%20DuplicateRule/,
          status: 403,
          errorCode: 'INSUFFICIENT_ACCESS',
          message: 'insufficient access rights on object id'
        })
    });
    const result = check(run, 'duplicate-rules');
    expect(result.status).toBe('unread');
    expect(result.finding).toMatch(
      /^Could not read: reading active duplicate rules \(REST query on DuplicateRule\): INSUFFICIENT_ACCESS: insufficient access rights on object id \— the user lacks a permission/
    );
    expect([...run.byId.values()].filter((r) => r.status === 'unread')).toHaveLength(1);
    expect(run.exitCode).toBe(EXIT.incomplete);
    expect(run.markdown).toContain('### COULD NOT READ: Duplicate rules');
    expect(run.markdown).toContain('but 1 check could not be read (exit status 3)');
  });

  it('a Metadata API fault makes that check "could not read"; with a failing check the exit is 2', async () => {
    const org = healthyOrg();
    org.soapFaults = { FlowSettings: ['INSUFFICIENT_ACCESS', 'Modify Metadata is required'] };
    org.scheduledApex = [{ CronTriggerId: '08e1', className: 'HandoffHealthCheck', jobName: 'x' }];
    const run = await preflight(org);
    expect(check(run, 'flow-deploy-active').status).toBe('unread');
    expect(check(run, 'flow-deploy-active').finding).toContain(
      'reading FlowSettings through the Metadata API: INSUFFICIENT_ACCESS: Modify Metadata is required'
    );
    expect(check(run, 'path-enabled').status).toBe('pass');
    expect(run.exitCode).toBe(EXIT.blocked);
  });

  it('when Organization cannot be read, the edition is unread and the dashboard allowance is unknown', async () => {
    const org = healthyOrg();
    const run = await preflight(org, {
      inject: (mock) =>
        mock.inject({
          match: /FROM\+Organization|FROM%20Organization/,
          status: 400,
          errorCode: 'INVALID_TYPE',
          message: 'no',
          times: 10
        })
    });
    expect(check(run, 'edition').status).toBe('unread');
    expect(check(run, 'dynamic-dashboards').status).toBe('warn');
    expect(check(run, 'dynamic-dashboards').finding).toContain(
      "the edition's allowance is unknown"
    );
    expect(run.markdown).toContain('# Handoff preflight: acme');
  });

  it('an expired session: every org check is unread, and the report says to log in again', async () => {
    const mockOrg = healthyOrg();
    const mock = await serveOrg(mockOrg);
    const out = mkdtempSync(join(tmpdir(), 'preflight-'));
    try {
      const outcome = await runPreflight({
        alias: 'acme',
        out,
        connection: mock.connection('expired-token'),
        project: PROJECT,
        quiet: true,
        stdout: () => undefined
      });
      const results = outcome.report?.results ?? [];
      expect(results.filter((r) => r.status === 'manual')).toHaveLength(2);
      expect(results.filter((r) => r.status === 'unread')).toHaveLength(CHECKS.length - 2);
      expect(results.find((r) => r.id === 'won-stages')?.finding).toContain('INVALID_SESSION_ID');
      expect(results.find((r) => r.id === 'won-stages')?.finding).toContain(
        'log in again with sf org login web --alias acme'
      );
      expect(outcome.exitCode).toBe(EXIT.incomplete);
    } finally {
      await mock.stop();
    }
  });
});

describe('the command line', () => {
  it('needs --target-org; --wait only with --validate; --help exits 0', async () => {
    expect(() => parsePreflightArgs([])).toThrow('Give the org to check: --target-org <alias>');
    expect(() => parsePreflightArgs(['-o', 'acme', '--wait', '30'])).toThrow(
      '--wait only applies with --validate'
    );
    expect(parsePreflightArgs(['-o', 'acme', '--validate', '--wait', '30'])).toMatchObject({
      alias: 'acme',
      validate: true,
      waitMinutes: 30
    });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const error = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--help'])).toBe(0);
      expect(await main(['--bogus'])).toBe(EXIT.error);
    } finally {
      write.mockRestore();
      error.mockRestore();
    }
  });
});
