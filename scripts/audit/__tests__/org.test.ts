/**
 * The audit from an org, against the local Salesforce stand-in through real jsforce: the last
 * N deals by REST, everything by REST pages or by a Bulk API 2.0 job above the threshold (the
 * same numbers either way, and the same as from a CSV of the same deals), Tasks and Events
 * for the first CSM activity, fields the org lacks, and errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvLine } from '../../lib/csv.ts';
import {
  startMock,
  type MockRecord,
  type MockSalesforce
} from '../../lib/__tests__/mockSalesforce.ts';
import { HANDOFF_FIELDS } from '../../lib/fields.ts';
import { mulberry32 } from '../synth.ts';
import { runAudit, type AuditOptions } from '../cli.ts';
import type { AuditReport } from '../report.ts';

const HANDOFF = HANDOFF_FIELDS.map((f) => f.apiName);

/** Deterministic closed-won deals as the REST API returns them (relationships nested). */
function makeDeals(n: number): MockRecord[] {
  const rnd = mulberry32(11);
  return Array.from({ length: n }, (_, i) => {
    const record: MockRecord = {
      Id: `0065g000000${String(i + 1).padStart(4, '0')}AAA`,
      Name: `Deal ${i + 1}`,
      AccountId: `0015g000000${String((i % 20) + 1).padStart(4, '0')}AAA`,
      Account: { Name: `Account ${(i % 20) + 1}`, NumberOfEmployees: [20, 250, 1500, null][i % 4] },
      Owner: { Name: ['Ava Reed', 'Ben Ortiz', 'Cara Diaz'][i % 3] },
      OwnerId: `0055g00000000${i % 3}AAA`,
      Amount: [8000, 30000, 120000, null][(i * 7) % 4],
      CloseDate: `2025-0${1 + (i % 9)}-${String(1 + ((i * 3) % 28)).padStart(2, '0')}`,
      Type: i % 5 === 0 ? 'Renewal' : 'New Customer',
      StageName: 'Closed Won',
      Handoff_Segment_Override__c: i === 7 ? 'Enterprise' : null,
      IsWon: true
    };
    for (const f of HANDOFF) {
      record[f] =
        rnd() < 0.6 ? (f === 'Handoff_Target_Go_Live__c' ? '2025-12-01' : `${f} text`) : null;
    }
    return record;
  });
}

const DEALS = makeDeals(40);

/** Activities: a CSM touch 1–5 days after close for two deals in three, an AE touch on close. */
const TASKS: MockRecord[] = DEALS.flatMap((d, i) => {
  const close = Date.parse(`${String(d.CloseDate)}T00:00:00Z`);
  const day = (n: number): string => new Date(close + n * 86_400_000).toISOString().slice(0, 10);
  const out: MockRecord[] = [
    { AccountId: d.AccountId, OwnerId: d.OwnerId, ActivityDate: day(0), CreatedDate: null }
  ];
  if (i % 3 !== 2) {
    out.push({
      AccountId: d.AccountId,
      OwnerId: '0055g0000000CSMAAA',
      ActivityDate: day(1 + (i % 5)),
      CreatedDate: null
    });
  }
  return out;
});

function inList(soql: string): Set<string> {
  const m = /AccountId IN \(([^)]*)\)/.exec(soql);
  return new Set((m ? m[1] : '').split(',').map((s) => s.trim().replace(/'/g, '')));
}

/** Answers the queries the audit sends, as an org would. */
function answer(soql: string): MockRecord[] {
  if (/FROM Opportunity/.test(soql)) {
    let rows = DEALS.filter((d) => d.IsWon === true);
    const since = /CloseDate >= (\d{4}-\d{2}-\d{2})/.exec(soql);
    if (since) {
      rows = rows.filter((d) => String(d.CloseDate) >= since[1]);
    }
    if (/ORDER BY CloseDate DESC, Id DESC/.test(soql)) {
      rows = [...rows].sort(
        (a, b) =>
          String(b.CloseDate).localeCompare(String(a.CloseDate)) ||
          String(b.Id).localeCompare(String(a.Id))
      );
    }
    const limit = /LIMIT (\d+)/.exec(soql);
    return limit ? rows.slice(0, Number(limit[1])) : rows;
  }
  if (/FROM (Task|Event)/.test(soql)) {
    const accounts = inList(soql);
    const [from, to] = [...soql.matchAll(/ActivityDate [<>]= (\d{4}-\d{2}-\d{2})/g)].map(
      (m) => m[1]
    );
    return /FROM Task/.test(soql)
      ? TASKS.filter(
          (t) =>
            accounts.has(String(t.AccountId)) &&
            String(t.ActivityDate) >= from &&
            String(t.ActivityDate) <= to
        )
      : [];
  }
  throw new Error(`unexpected SOQL ${soql}`);
}

const DESCRIBE = [
  { name: 'Id' },
  { name: 'Name' },
  { name: 'AccountId', relationshipName: 'Account' },
  { name: 'OwnerId', relationshipName: 'Owner' },
  { name: 'Amount' },
  { name: 'CloseDate' },
  { name: 'Type' },
  { name: 'StageName' },
  { name: 'Handoff_Segment_Override__c' },
  ...HANDOFF.map((name) => ({ name }))
];

const rules = join(__dirname, 'fixtures', 'rules.json');
const now = new Date('2025-10-01T09:00:00Z');

async function auditOrg(
  mock: MockSalesforce,
  options: Partial<AuditOptions>
): Promise<{ report: AuditReport; message: string; exitCode: number }> {
  const outcome = await runAudit({
    org: 'acme',
    connection: mock.connection(),
    scope: { kind: 'all' },
    rules,
    out: mkdtempSync(join(tmpdir(), 'org-audit-')),
    now,
    quiet: true,
    bulkPollMs: 1,
    ...options
  });
  return {
    report: outcome.report as AuditReport,
    message: outcome.message,
    exitCode: outcome.exitCode
  };
}

/** The numbers that must not depend on how the deals were fetched. */
function numbers(r: AuditReport): unknown {
  return {
    audited: r.audited,
    complete: r.complete,
    average: r.averageCompleteness,
    fields: r.fields.map((f) => [
      f.label,
      f.filled,
      f.applicable,
      f.required,
      f.requiredMissing,
      f.verdict
    ]),
    segments: r.segments.map((s) => [s.name, s.deals, s.complete, s.completenessSum]),
    owners: r.owners.map((s) => [s.name, s.deals, s.complete, s.completenessSum]),
    months: r.months.map((s) => [s.name, s.deals, s.complete])
  };
}

describe('audit from an org', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it('defaults to the last 15 closed-won deals in one ordered REST query, with their first CSM activity', async () => {
    mock = await startMock({ query: answer, describe: { Opportunity: DESCRIBE } });
    const { report, exitCode } = await auditOrg(mock, { scope: { kind: 'last', count: 15 } });
    expect(exitCode).toBe(0);
    expect(report.audited).toBe(15);
    const opportunitySoql = mock.soql.filter((q) => /FROM Opportunity/.test(q));
    expect(opportunitySoql).toHaveLength(1);
    expect(opportunitySoql[0]).toMatch(
      /WHERE IsWon = true ORDER BY CloseDate DESC, Id DESC LIMIT 15$/
    );
    expect(opportunitySoql[0]).toMatch(
      /SELECT Id, OwnerId, AccountId, CloseDate, Name, Account\.Name, Owner\.Name/
    );
    const newest = [...DEALS].sort(
      (a, b) =>
        String(b.CloseDate).localeCompare(String(a.CloseDate)) ||
        String(b.Id).localeCompare(String(a.Id))
    );
    expect(report.deals?.map((d) => d.id)).toEqual(newest.slice(0, 15).map((d) => d.Id));
    // Tasks and Events for the window's accounts, and a CSM touch found for most deals
    expect(mock.soql.filter((q) => /FROM (Task|Event) WHERE AccountId IN/.test(q))).toHaveLength(2);
    const touch = report.touch?.rows[0];
    expect(touch?.looked).toBe(15);
    expect(touch?.withActivity).toBeGreaterThanOrEqual(8);
    expect(touch?.medianDays).toBeGreaterThanOrEqual(1);
  });

  it('reads every deal by REST pages under the threshold and by a Bulk API job above it, with the same numbers as a CSV', async () => {
    mock = await startMock({
      pageSize: 7,
      bulkPageSize: 9,
      bulkPolls: 2,
      query: answer,
      describe: { Opportunity: DESCRIBE }
    });
    const rest = await auditOrg(mock, { bulkThreshold: 1000 });
    expect(mock.soql[0]).toBe('SELECT COUNT() FROM Opportunity WHERE IsWon = true');
    expect(mock.requests.filter((r) => /\/query\/01g/.test(r.path)).length).toBeGreaterThanOrEqual(
      5
    );
    expect(rest.report.audited).toBe(40);

    const bulk = await auditOrg(mock, { bulkThreshold: 10 });
    expect(mock.requests.some((r) => r.method === 'POST' && r.path.endsWith('/jobs/query'))).toBe(
      true
    );
    expect(mock.requests.filter((r) => r.path.includes('/results')).length).toBe(5);
    expect(bulk.report.audited).toBe(40);
    expect(numbers(bulk.report)).toEqual(numbers(rest.report));

    // the same deals as a CSV export in the default mapping's columns
    const columns = [
      'Id',
      'Name',
      'AccountId',
      'Account.Name',
      'Account.NumberOfEmployees',
      'Amount',
      'CloseDate',
      'Type',
      'StageName',
      'Owner.Name',
      'Handoff_Segment_Override__c',
      ...HANDOFF
    ];
    const dir = mkdtempSync(join(tmpdir(), 'org-csv-'));
    const file = join(dir, 'deals.csv');
    const get = (r: MockRecord, path: string): unknown =>
      path
        .split('.')
        .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as MockRecord)[k] : null), r);
    writeFileSync(
      file,
      `${[csvLine(columns), ...DEALS.map((d) => csvLine(columns.map((c) => get(d, c))))].join('\n')}\n`
    );
    const fromCsv = await runAudit({
      csv: file,
      scope: { kind: 'all' },
      rules,
      out: join(dir, 'out'),
      now,
      quiet: true
    });
    expect(numbers(fromCsv.report as AuditReport)).toEqual(numbers(rest.report));
  });

  it('audits since a date', async () => {
    mock = await startMock({ query: answer, describe: { Opportunity: DESCRIBE } });
    const { report } = await auditOrg(mock, {
      scope: { kind: 'since', day: Date.parse('2025-06-01T00:00:00Z') / 86_400_000 }
    });
    expect(mock.soql[0]).toBe(
      'SELECT COUNT() FROM Opportunity WHERE IsWon = true AND CloseDate >= 2025-06-01'
    );
    expect(report.audited).toBe(DEALS.filter((d) => String(d.CloseDate) >= '2025-06-01').length);
  });

  it('pages newest first and stops once the last N deals of a segment are settled', async () => {
    mock = await startMock({ pageSize: 5, query: answer, describe: { Opportunity: DESCRIBE } });
    const { report } = await auditOrg(mock, {
      scope: { kind: 'last', count: 3 },
      segment: 'Enterprise'
    });
    expect(report.audited).toBe(3);
    expect(report.segments.map((s) => s.name)).toEqual(['Enterprise']);
    const pages = mock.requests.filter(
      (r) =>
        /\/query(\?|\/01g)/.test(r.path) && !/FROM%20(Task|Event)|FROM\+(Task|Event)/.test(r.path)
    );
    expect(pages.length).toBeLessThan(8); // 40 deals in pages of 5 would be 8
  });

  it('counts a mapped field the org lacks as not captured, and leaves it out of the query', async () => {
    const lacking = DESCRIBE.filter(
      (f) => f.name !== 'Handoff_Risks__c' && f.name !== 'Handoff_Segment_Override__c'
    );
    mock = await startMock({ query: answer, describe: { Opportunity: lacking } });
    const { report } = await auditOrg(mock, {});
    expect(mock.soql.join('\n')).not.toMatch(/Handoff_Risks__c|Handoff_Segment_Override__c/);
    expect(report.fields.find((f) => f.label === 'Risks')?.verdict).toBe('Not captured');
    expect(
      report.issueSamples
        .filter((i) => i.kind === 'column-not-in-file')
        .map((i) => [i.row, i.message])
    ).toEqual([
      [0, 'Opportunity has no field "Handoff_Segment_Override__c" in this org; it counts as blank'],
      [0, 'Opportunity has no field "Handoff_Risks__c" in this org; it counts as blank']
    ]);
  });

  it('stops with a clear message on an expired session', async () => {
    mock = await startMock({ token: 'fresh', query: answer, describe: { Opportunity: DESCRIBE } });
    const outcome = await runAudit({
      org: 'acme',
      connection: mock.connection('stale'),
      scope: { kind: 'last', count: 15 },
      rules,
      out: mkdtempSync(join(tmpdir(), 'org-audit-')),
      quiet: true
    });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toMatch(
      /session for acme has expired or is invalid \(INVALID_SESSION_ID\).*sf org login web --alias acme/
    );
  });

  it('stops with a clear message when the API limit is used up', async () => {
    mock = await startMock({ query: answer, describe: { Opportunity: DESCRIBE } });
    mock.inject({
      match: /\/query\?/,
      status: 403,
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.'
    });
    const { exitCode, message } = await auditOrg(mock, { scope: { kind: 'last', count: 15 } });
    expect(exitCode).toBe(1);
    expect(message).toMatch(
      /API request limit is used up \(REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded\.\).*--csv/
    );
  });
});
