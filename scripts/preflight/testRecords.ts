/**
 * The records our Apex tests and our automation write to the objects a customer's org may
 * guard (Account, Contact, Opportunity, Task, User), with the fields they set: the preflight
 * evaluates the org's validation rules against them and compares the org's required fields
 * with them. They mirror TestDataFactory (buildAccount, createAccountsWithContacts,
 * buildOpportunity, buildUser), HandoffCloseService (the Account's CSM) and HandoffTaskService
 * (review tasks); keep them in step when those change.
 */

/** One write: a record as inserted, or an update with the record before it. */
export interface WriteCase {
  object: string;
  operation: 'insert' | 'update';
  /** what does this write, in a few words */
  label: string;
  record: Record<string, unknown>;
  /** the record before an update */
  old?: Record<string, unknown>;
}

/** Stage API names the writes use (as TestDataFactory picks them from OpportunityStage). */
export interface WriteStages {
  open: string;
  won: string;
}

const USER_ID = '005000000000001AAA';
const CSM_ID = '005000000000002AAA';
const ACCOUNT_ID = '001000000000001AAA';
const HANDOFF_ID = 'a00000000000001AAA';
const PROFILE_ID = '00e000000000001AAA';

function addDays(day: Date, days: number): string {
  return new Date(day.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The writes, for a given day (dates are relative to it, as the tests' are to today). */
export function writeCases(stages: WriteStages, today: Date): WriteCase[] {
  const account = { Name: 'Handoff Test Account', NumberOfEmployees: null, OwnerId: USER_ID };
  const deal = {
    Name: 'Handoff Test Enterprise',
    AccountId: ACCOUNT_ID,
    Amount: 250000,
    CloseDate: addDays(today, 30),
    StageName: stages.open,
    OwnerId: USER_ID
  };
  return [
    {
      object: 'Account',
      operation: 'insert',
      label: 'test account (TestDataFactory.buildAccount)',
      record: account
    },
    {
      object: 'Account',
      operation: 'update',
      label: "the close sets the Account's CSM (HandoffCloseService)",
      old: account,
      record: { ...account, Handoff_CSM__c: CSM_ID }
    },
    {
      object: 'Contact',
      operation: 'insert',
      label: 'test contact (TestDataFactory.createAccountsWithContacts)',
      record: {
        AccountId: ACCOUNT_ID,
        OwnerId: USER_ID,
        FirstName: 'Contact0',
        LastName: 'Handoff Test'
      }
    },
    {
      object: 'Opportunity',
      operation: 'insert',
      label: `test deal in an open stage (TestDataFactory.buildOpportunity, ${stages.open})`,
      record: deal
    },
    {
      object: 'Opportunity',
      operation: 'update',
      label: `a test closes the deal (${stages.open} → ${stages.won})`,
      old: deal,
      record: { ...deal, StageName: stages.won }
    },
    {
      object: 'Task',
      operation: 'insert',
      label: 'review task on a handoff (HandoffTaskService)',
      record: {
        WhatId: HANDOFF_ID,
        OwnerId: CSM_ID,
        Subject: 'Review the handoff',
        Description: 'Review the handoff and accept it or return it to Sales.',
        ActivityDate: addDays(today, 1)
      }
    },
    {
      object: 'User',
      operation: 'insert',
      label: 'test user (TestDataFactory.buildUser)',
      record: {
        ProfileId: PROFILE_ID,
        Username: 'hf.handoff-sales.00d000000000001.1@example.com',
        Email: 'handoff.test@example.com',
        LastName: 'Handoff_Sales',
        FirstName: 'Handoff Test',
        Alias: 'h1234567',
        TimeZoneSidKey: 'America/Los_Angeles',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8'
      }
    }
  ];
}

/** The fields our writes set on an object (for the required-fields check). */
export function fieldsWeSet(object: string): Set<string> {
  const cases = writeCases({ open: 'x', won: 'y' }, new Date(0)).filter((c) => c.object === object);
  return new Set(cases.flatMap((c) => Object.keys(c.record)));
}
