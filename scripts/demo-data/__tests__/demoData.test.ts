/**
 * The demo-data loader against the local stand-in through real jsforce: accounts, contacts and
 * opportunities inserted with allOrNone false, lookups resolved, a failing record reported and
 * the rest kept, fields the org lacks left out, and a second run adding nothing.
 */
import {
  startMock,
  type DescribeField,
  type MockRecord,
  type MockSalesforce
} from '../../lib/__tests__/mockSalesforce.ts';
import { buildDemoPlan } from '../dataset.ts';
import { EXIT_PARTIAL, runDemoData } from '../cli.ts';

const fields = (names: string[]): DescribeField[] => names.map((name) => ({ name }));
const ACCOUNT = fields([
  'Name',
  'Industry',
  'NumberOfEmployees',
  'BillingCity',
  'BillingCountry',
  'Type'
]);
const CONTACT = fields(['AccountId', 'FirstName', 'LastName', 'Title', 'Email']);
const OPPORTUNITY_STANDARD = [
  'Name',
  'AccountId',
  'StageName',
  'CloseDate',
  'Amount',
  'Type',
  'LeadSource'
];
const HANDOFF = [
  'Handoff_Customer_Goals__c',
  'Handoff_Business_Pain__c',
  'Handoff_Champion__c',
  'Handoff_Executive_Sponsor__c',
  'Handoff_Technical_Contact__c',
  'Handoff_Scope__c',
  'Handoff_Integrations__c',
  'Handoff_Commitments__c',
  'Handoff_Target_Go_Live__c',
  'Handoff_Risks__c',
  'Handoff_Communication_Preferences__c'
];
const now = new Date('2025-10-01T00:00:00Z');

function serve(existing: string[] = [], withHandoff = true): Promise<MockSalesforce> {
  return startMock({
    query: (soql) => {
      if (/FROM Account WHERE Name IN/.test(soql)) {
        return existing.map((Name, i) => ({ Id: `001EXIST${i}`, Name }));
      }
      throw new Error(soql);
    },
    describe: {
      Account: ACCOUNT,
      Contact: CONTACT,
      Opportunity: fields(
        withHandoff ? [...OPPORTUNITY_STANDARD, ...HANDOFF] : OPPORTUNITY_STANDARD
      )
    },
    insert: (type: string, record: MockRecord) =>
      type === 'Opportunity' && String(record.Name).startsWith('Orchard Foods')
        ? 'Amount must be above the minimum deal size'
        : null
  });
}

describe('demo-data', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it('plans realistic open deals with the handoff fields partly filled', () => {
    const plan = buildDemoPlan(12, 7, now);
    expect(plan.accounts).toHaveLength(12);
    expect(plan.contacts).toHaveLength(36);
    expect(plan.opportunities).toHaveLength(24);
    expect(plan.opportunities.every((o) => !/Closed/.test(String(o.fields.StageName)))).toBe(true);
    const filled = plan.opportunities.map(
      (o) => Object.keys(o.fields).filter((k) => k.startsWith('Handoff_')).length
    );
    expect(Math.min(...filled)).toBeLessThan(Math.max(...filled));
    expect(Math.max(...filled)).toBeLessThan(14);
    expect(buildDemoPlan(12, 7, now)).toEqual(plan);
  });

  it('loads accounts, contacts and opportunities, resolving lookups, and keeps the others when one fails', async () => {
    mock = await serve();
    const log: string[] = [];
    const outcome = await runDemoData({
      targetOrg: 'scratch',
      connection: mock.connection(),
      accounts: 12,
      now,
      log: (l) => log.push(l)
    });
    expect(outcome.exitCode).toBe(EXIT_PARTIAL);
    expect(outcome.inserted).toEqual({ Account: 12, Contact: 36, Opportunity: 22 });
    expect(outcome.failures).toEqual([
      expect.objectContaining({
        object: 'Opportunity',
        name: 'Orchard Foods - New Business',
        reason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Amount must be above the minimum deal size'
      }),
      expect.objectContaining({
        object: 'Opportunity',
        name: 'Orchard Foods - New Business (second region)'
      })
    ]);
    expect(log).toContain(
      'FAILED Opportunity "Orchard Foods - New Business": FIELD_CUSTOM_VALIDATION_EXCEPTION: Amount must be above the minimum deal size'
    );
    // lookups point at the inserted records
    const ids = new Map(mock.inserted.map((r) => [r.id, r]));
    const opportunities = mock.inserted.filter((r) => r.type === 'Opportunity');
    expect(opportunities.map((o) => ids.get(String(o.record.AccountId))?.type)).toEqual(
      opportunities.map(() => 'Account')
    );
    const champions = opportunities
      .filter((o) => o.record.Handoff_Champion__c)
      .map((o) => ids.get(String(o.record.Handoff_Champion__c))?.type);
    expect(champions.length).toBeGreaterThan(0);
    expect(champions).toEqual(champions.map(() => 'Contact'));
    // sObject Collections requests, allOrNone false
    expect(
      mock.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/composite/sobjects'))
    ).toHaveLength(3);
  });

  it('leaves out fields the org lacks, with a warning', async () => {
    mock = await serve([], false);
    const log: string[] = [];
    const outcome = await runDemoData({
      targetOrg: 'scratch',
      connection: mock.connection(),
      accounts: 3,
      now,
      log: (l) => log.push(l)
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.droppedFields).toContain('Opportunity.Handoff_Customer_Goals__c');
    expect(
      mock.inserted
        .filter((r) => r.type === 'Opportunity')
        .every((r) => !('Handoff_Customer_Goals__c' in r.record))
    ).toBe(true);
    expect(log.join('\n')).toMatch(/deploy the product first/);
  });

  it('adds nothing for accounts already in the org', async () => {
    mock = await serve(['Northwind Logistics', 'Bluefin Analytics']);
    const outcome = await runDemoData({
      targetOrg: 'scratch',
      connection: mock.connection(),
      accounts: 2,
      now,
      log: () => undefined
    });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.inserted).toEqual({ Account: 0, Contact: 0, Opportunity: 0 });
    expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('fails clearly on an expired session', async () => {
    mock = await startMock({ token: 'fresh', query: () => [] });
    const log: string[] = [];
    const outcome = await runDemoData({
      targetOrg: 'scratch',
      connection: mock.connection('stale'),
      log: (l) => log.push(l)
    });
    expect(outcome.exitCode).toBe(1);
    expect(log.join('\n')).toMatch(/INVALID_SESSION_ID.*sf org login web --alias scratch/);
  });
});
