/**
 * Every message the audit shows a user, word for word: usage errors, a malformed header, each
 * kind of bad value, the activities file's problems and hints, and the summary lines.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit, type AuditOptions } from '../cli.ts';

const now = new Date('2025-10-01T09:00:00Z');

function files(entries: Record<string, string>): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'messages-'));
  for (const [name, text] of Object.entries(entries)) {
    writeFileSync(join(dir, name), text);
  }
  return (name) => join(dir, name);
}

async function audit(options: Partial<AuditOptions>) {
  const lines: string[] = [];
  const outcome = await runAudit({
    scope: { kind: 'all' },
    out: mkdtempSync(join(tmpdir(), 'messages-out-')),
    now,
    log: (l) => lines.push(l),
    ...options
  });
  return { outcome, lines, messages: outcome.report?.issueSamples.map((i) => i.message) ?? [] };
}

const HEADER =
  'Id,CloseDate,Amount,Account.NumberOfEmployees,Owner.Name,AccountId,Handoff_Customer_Goals__c';

describe('usage errors', () => {
  it('asks for exactly one source, and --activities only with --csv', async () => {
    expect((await audit({})).outcome.message).toBe(
      'Give exactly one source: --csv <file> or --org <alias>'
    );
    expect((await audit({ org: 'x', activities: 'a.csv' })).outcome.message).toBe(
      '--activities goes with --csv (an org audit reads Tasks and Events itself)'
    );
  });

  it('says when the header row itself is malformed', async () => {
    const f = files({ 'x.csv': 'Id,"CloseDate,Goals\n1,2025-01-01,x\n' });
    const { outcome } = await audit({ csv: f('x.csv') });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toBe(
      `The header row (line 1) of ${f('x.csv')} is malformed, so no column can be mapped: unterminated quote: the quoted value of column 2 is never closed properly (its closing quote is missing, or a quote inside it is not doubled); the record is skipped`
    );
  });
});

describe('bad values', () => {
  it('words each one as it is handled', async () => {
    const f = files({
      'deals.csv': [
        HEADER,
        '006A1,,50000,300,Ava,001A,Goals', // 2: no close date
        '006A2,2025-01-02,,5000,Ava,001A,Goals', // 3
        '006A3,2025-01-03,lots,5000,Ava,001A,Goals', // 4: bad amount, employees decide
        '006A4,2025-01-04,50000,many,Ava,001A,Goals', // 5: bad employees, segment unknown
        '006A5,2025-01-05,50000,300,Ava,001A,Goals' // 6
      ].join('\n'),
      'mapping.json': JSON.stringify({
        deal: {
          id: 'Id',
          closeDate: 'CloseDate',
          amount: 'Amount',
          employees: 'Account.NumberOfEmployees',
          owner: 'Owner.Name',
          accountId: 'AccountId'
        },
        fields: { Handoff_Customer_Goals__c: 'Handoff_Customer_Goals__c' }
      })
    });
    const { messages, outcome } = await audit({ csv: f('deals.csv'), mapping: f('mapping.json') });
    expect(messages).toEqual([
      'no close date; the row is skipped',
      'amount "lots" is not a number; treated as blank: the segment (Enterprise) does not depend on it',
      'employee count "many" is not a number; the segment depends on it, so it is unknown (scored on the rules every segment shares)'
    ]);
    expect(outcome.message).toMatch(
      /^Audited 4 deals: \d complete, average completeness \d+%; 1 row skipped for bad input\.\n/
    );
  });

  it('words a bad checkbox, number and date', async () => {
    const f = files({
      'deals.csv': 'Id,CloseDate,Flag,Count,Go Live\n006A1,2025-01-01,maybe,abc,soon\n',
      'mapping.json': JSON.stringify({
        deal: { id: 'Id', closeDate: 'CloseDate' },
        fields: {
          Handoff_Notes__c: { column: 'Flag', type: 'checkbox' },
          Handoff_Risks__c: { column: 'Count', type: 'number' },
          Handoff_Target_Go_Live__c: 'Go Live'
        }
      })
    });
    const { messages, outcome } = await audit({
      csv: f('deals.csv'),
      mapping: f('mapping.json')
    });
    expect(messages).toEqual([
      'Target Go-Live "soon" is not a valid YYYY-MM-DD date; treated as blank',
      'Risks "abc" is not a number; treated as blank',
      'Notes "maybe" is not true or false; treated as false'
    ]);
    expect(outcome.message).toMatch(/^Audited 1 deal: /);
  });

  it('counts what it does not print on stderr', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `006A${i},2025-02-30,1,1,Ava,001A,x`);
    const f = files({
      'deals.csv': [HEADER, ...rows, '006B,2025-01-01,1,1,Ava,001A,x'].join('\n')
    });
    const { lines } = await audit({ csv: f('deals.csv') });
    expect(lines.filter((l) => l.includes('error: close date "2025-02-30"'))).toHaveLength(19);
    expect(lines).toContainEqual(
      expect.stringMatching(/^… and 6 more problems \(all are in .*issues\.csv\)$/)
    );
  });
});

describe('the activities file', () => {
  const deals = [HEADER, '006A1,2025-01-01,50000,300,Ava,001A,Goals'].join('\n');

  it('names a missing column, an activity without an account and a bad date', async () => {
    const f = files({
      'deals.csv': deals,
      'none.csv': 'Account,When\n001A,2025-01-03\n',
      'acts.csv':
        'AccountId,ActivityDate,Owner.Name\n,2025-01-03,Cara\n001A,2025-13-01,Cara\n001A,2025-01-03,Cara\n'
    });
    const missing = await audit({ csv: f('deals.csv'), activities: f('none.csv') });
    expect(
      missing.outcome.report?.issueSamples
        .filter((i) => i.file === 'activities')
        .map((i) => i.message)
    ).toEqual([
      `activities column "AccountId" is not in ${f('none.csv')}; no activity can be used`,
      `activities column "ActivityDate" is not in ${f('none.csv')}; no activity can be used`,
      `activities column "Owner.Name" is not in ${f('none.csv')}`,
      `activities column "Owner.UserRole.Name" is not in ${f('none.csv')}`
    ]);
    const bad = await audit({ csv: f('deals.csv'), activities: f('acts.csv') });
    expect(
      bad.outcome.report?.issueSamples.filter((i) => i.file === 'activities').map((i) => i.message)
    ).toEqual([
      `activities column "Owner.UserRole.Name" is not in ${f('acts.csv')}`,
      'activity without an account id; skipped',
      'activity date "2025-13-01" is not a valid YYYY-MM-DD date; skipped'
    ]);
    expect(bad.outcome.report?.meta.activities).toBe(
      `${f('acts.csv')} (1 activities used, 0 not by a CSM role, 2 skipped)`
    );
  });

  it('suggests the layout most activity dates fit, and sets a report footer aside', async () => {
    const f = files({
      'deals.csv': deals,
      'acts.csv':
        'AccountId,ActivityDate,Owner.Name\n001A,1/3/2025,Cara\n001A,1/20/2025,Cara\n001A,2025-01-04,Cara\n\n"Activities"\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\n',
      'mapping.json': JSON.stringify({
        dateFormat: 'YYYY-MM-DD',
        deal: { id: 'Id', closeDate: 'CloseDate', owner: 'Owner.Name', accountId: 'AccountId' },
        fields: { Handoff_Customer_Goals__c: 'Handoff_Customer_Goals__c' }
      })
    });
    const { lines, outcome } = await audit({
      csv: f('deals.csv'),
      activities: f('acts.csv'),
      mapping: f('mapping.json')
    });
    const hint =
      'Activity date ("ActivityDate"): 2 of 3 values are not YYYY-MM-DD but all read as MM/DD/YYYY: set "dateFormat": "MM/DD/YYYY" in the mapping, or leave it out to detect it';
    expect(lines).toContain(`hint: ${hint}`);
    expect(outcome.report?.meta.dateHints).toEqual([hint]);
    expect(outcome.report?.meta.activities).toBe(
      `${f('acts.csv')} (1 activities used, 0 not by a CSM role, 2 skipped; report footer ignored (2 lines))`
    );
  });
});
