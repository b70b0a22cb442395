/**
 * A customer's validation rule evaluated offline against our writes: the record context
 * (insert and update, ISCHANGED, PRIORVALUE, ISNEW, TEXT of a blank picklist, defaults), typing
 * from the org's describe, formula fields, and the cases that must stay "unknown" rather than
 * be guessed. Also what the project's metadata tells the preflight.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateRule, withDefaults } from '../formula.ts';
import { loadProject, scheduledJobNamesIn } from '../project.ts';
import type { DescribeResult } from '../reader.ts';
import { fieldsWeSet, writeCases, type WriteCase } from '../testRecords.ts';

const DEAL: DescribeResult = {
  name: 'Opportunity',
  fields: [
    { name: 'Name', type: 'string', length: 120 },
    {
      name: 'StageName',
      type: 'picklist',
      picklistValues: [{ value: 'Prospecting' }, { value: 'Closed Won' }]
    },
    { name: 'CloseDate', type: 'date' },
    { name: 'Amount', type: 'currency', precision: 18, scale: 2 },
    { name: 'LeadSource', type: 'picklist', picklistValues: [{ value: 'Web' }] },
    { name: 'Customer_PO__c', type: 'string', length: 40 },
    {
      name: 'Is_Big__c',
      type: 'boolean',
      calculated: true,
      calculatedFormula: 'Amount > 100000'
    } as never,
    { name: 'Location__c', type: 'location' }
  ]
};

const today = new Date();
const [insert, close] = writeCases({ open: 'Prospecting', won: 'Closed Won' }, today).filter(
  (c) => c.object === 'Opportunity'
);

const outcome = (formula: string, write: WriteCase = insert) => evaluateRule(formula, DEAL, write);

describe('evaluating a validation rule against our writes', () => {
  it.each([
    ['ISBLANK(Customer_PO__c)', 'blocks', 'blocks'],
    ['AND(ISPICKVAL(StageName, "Closed Won"), ISBLANK(Customer_PO__c))', 'passes', 'blocks'],
    ['AND(ISCHANGED(StageName), ISBLANK(TEXT(LeadSource)))', 'passes', 'blocks'],
    ['AND(ISNEW(), Amount > 1000)', 'blocks', 'passes'],
    ['TEXT(PRIORVALUE(StageName)) = "Prospecting"', 'blocks', 'blocks'],
    ['TEXT(LeadSource) <> ""', 'passes', 'passes'],
    ['OR(LEN(Customer_PO__c) > 0, ISNULL(Customer_PO__c))', 'passes', 'passes'],
    ['AND(NOT($Permission.Bypass_Validation), Amount < 0)', 'passes', 'passes'],
    ['NOT($Permission.Bypass_Validation)', 'blocks', 'blocks'],
    ['Is_Big__c', 'blocks', 'blocks'],
    ['CloseDate < TODAY()', 'passes', 'passes'],
    ['LEN(Name) > 100', 'passes', 'passes']
  ])('%s: insert %s, close %s', (formula, onInsert, onClose) => {
    expect(outcome(formula, insert).outcome).toBe(onInsert);
    expect(outcome(formula, close).outcome).toBe(onClose);
  });

  it.each([
    [
      '$Profile.Name <> "System Administrator"',
      'it reads $Profile.Name, which depends on who runs the test'
    ],
    ['$User.Department = "Sales"', 'it reads $User.Department, which depends on who runs the test'],
    ['ISBLANK(Account.Industry)', 'it reads Account.Industry, a field of a related record'],
    ['ISBLANK(Region__c)', "it names Region__c, which Opportunity's describe does not list"],
    ['VLOOKUP(Name, Name, "x") = "y"', 'formulon could not evaluate it (Unknown function VLOOKUP'],
    ['$Setup.Bypass__c.Skip__c', 'a custom setting (empty in Apex tests, set in the org)'],
    ['$ObjectType.Account.Fields.Name = "x"', 'which this offline evaluation does not model'],
    ['ISBLANK(Location__c)', 'it reads Location__c, a location field'],
    ['Amount', 'it returned 250000, not true or false']
  ])('%s stays unknown: %s', (formula, reason) => {
    const result = outcome(formula);
    expect(result.outcome).toBe('unknown');
    expect(result.outcome === 'unknown' && result.reason).toContain(reason);
  });

  it('fills defaults as the org would: picklist defaults on insert, false checkboxes, blanks', () => {
    const task: DescribeResult = {
      name: 'Task',
      fields: [
        {
          name: 'Status',
          type: 'picklist',
          defaultedOnCreate: true,
          picklistValues: [{ value: 'Not Started', defaultValue: true }, { value: 'Completed' }]
        },
        { name: 'IsReminderSet', type: 'boolean' },
        { name: 'Subject', type: 'combobox' }
      ]
    };
    expect(withDefaults(task, { subject: 'Hi' }, true)).toEqual({
      Status: 'Not Started',
      IsReminderSet: false,
      Subject: 'Hi'
    });
    expect(withDefaults(task, {}, false).Status).toBeNull();
  });
});

describe('the records our tests write', () => {
  it('cover every object the checks guard, with the fields TestDataFactory sets', () => {
    const objects = new Set(writeCases({ open: 'a', won: 'b' }, today).map((c) => c.object));
    expect(objects).toEqual(new Set(['Account', 'Contact', 'Opportunity', 'Task', 'User']));
    const factory = readFileSync(
      join(
        __dirname,
        '..',
        '..',
        '..',
        'force-app',
        'main',
        'default',
        'classes',
        'TestDataFactory.cls'
      ),
      'utf8'
    );
    // Every field our User and Opportunity writes set is one TestDataFactory sets too.
    const fields = [...fieldsWeSet('User'), ...fieldsWeSet('Opportunity')].filter(
      (f) => f !== 'OwnerId'
    );
    expect(fields.filter((f) => !new RegExp(`\\b${f}\\s*=`).test(factory))).toEqual([]);
  });
});

describe("the project's expectations", () => {
  const project = loadProject();

  it('reads the path, the scheduled job names, the dashboards and the notification type from force-app', () => {
    const path = project.paths.find((p) => p.entityName === 'Opportunity');
    expect(path?.recordTypeName).toBe('__MASTER__');
    expect(path?.steps).toContain('Closed Won');
    const scheduler = readFileSync(
      join(project.root, 'force-app', 'main', 'default', 'classes', 'HandoffScheduler.cls'),
      'utf8'
    );
    expect(project.scheduledJobNames.length).toBeGreaterThanOrEqual(2);
    for (const name of project.scheduledJobNames) {
      expect(scheduler).toContain(`'${name}'`);
    }
    expect(project.dynamicDashboards).toContain('Handoff_Health');
    expect(project.notificationTypes).toContain('Handoff_Notification');
    expect(project.classes.has('TestDataFactory')).toBe(true);
    expect(project.triggers.get('OpportunityTrigger')?.object).toBe('Opportunity');
    expect(
      project.validationRules.get('Opportunity')?.has('Handoff_Required_Before_Closed_Won')
    ).toBe(true);
    expect(project.flows.filter((f) => f.status === 'Active').length).toBeGreaterThan(0);
  });

  it('lists the components whose formulas read custom metadata records', () => {
    const root = mkdtempSync(join(tmpdir(), 'preflight-project-'));
    const rules = join(
      root,
      'force-app',
      'main',
      'default',
      'objects',
      'Opportunity',
      'validationRules'
    );
    mkdirSync(rules, { recursive: true });
    writeFileSync(
      join(rules, 'Needs_Setting.validationRule-meta.xml'),
      '<ValidationRule><errorConditionFormula>$CustomMetadata.Handoff_Setting__mdt.Default.On__c</errorConditionFormula></ValidationRule>'
    );
    writeFileSync(
      join(rules, 'Plain.validationRule-meta.xml'),
      '<ValidationRule><errorConditionFormula>false</errorConditionFormula></ValidationRule>'
    );
    expect(loadProject(root).customMetadataReaders).toEqual(['Opportunity.Needs_Setting']);
    expect(project.customMetadataReaders).toEqual(expect.any(Array));
  });

  it('parses job-name constants, quotes included', () => {
    expect(
      scheduledJobNamesIn(
        "public static final String SNAPSHOT_JOB_NAME = 'Nightly (1 a.m.)';\n" +
          "static final String HEALTH_CHECK_JOB_NAME = 'Rep\\'s check';\nString OTHER = 'x';"
      )
    ).toEqual(['Nightly (1 a.m.)', "Rep's check"]);
  });
});
