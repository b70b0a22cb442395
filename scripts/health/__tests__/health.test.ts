/**
 * The health check: monthly counts from a CSV export or from org aggregates (through real
 * jsforce against the local stand-in), thresholds from the org, a file or the defaults, and
 * the exit status schedulers read: 0 no flag, 3 a flag is up, 1 error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  MockError,
  startMock,
  type MockRecord,
  type MockSalesforce
} from '../../lib/__tests__/mockSalesforce.ts';
import { EXIT_FLAG, parseHealthArgs, runHealth } from '../cli.ts';

const root = resolve(__dirname, '../../..');
const sink = () => {
  const text: string[] = [];
  return { text, write: (t: string) => void text.push(t) };
};

describe('health check from a CSV export', () => {
  it('flags the sample: completion below 85% in the last two months (exit 3)', async () => {
    const out = sink();
    const err = sink();
    const outcome = await runHealth({
      csv: join(root, 'data/sample-handoffs.csv'),
      out: out.write,
      err: err.write
    });
    expect(outcome.exitCode).toBe(EXIT_FLAG);
    expect(outcome.asOf).toBe('2025-09');
    expect(outcome.flags.filter((f) => f.up).map((f) => f.threshold.developerName)).toEqual([
      'Completion_Rate_Monthly'
    ]);
    expect(out.text.join('')).toMatch(
      /RED FLAG {2}Handoff completion rate below 85% for 2 months in a row \(2025-08: 80%, 2025-09: 80%\)/
    );
    // the bad row is reported with its row number; the cancelled handoff is left out
    expect(err.text.join('')).toMatch(/row 252: Closed_At__c "TBD" is not a date; skipped/);
    expect(outcome.periods.reduce((n, p) => n + p.handoffs, 0)).toBe(249);
  });

  it('says no flag (exit 0) for a month that is healthy', async () => {
    const out = sink();
    const outcome = await runHealth({
      csv: join(root, 'data/sample-handoffs.csv'),
      asOf: '2025-06',
      out: out.write,
      err: () => undefined
    });
    expect(outcome.exitCode).toBe(0);
    expect(out.text.join('')).toMatch(/No red flag \(exit status 0\)/);
  });

  it('takes thresholds from a file and prints JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'health-'));
    const file = join(dir, 'thresholds.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          DeveloperName: 'Strict',
          Metric__c: 'Completion_Rate',
          Comparator__c: 'Below',
          Threshold__c: 95,
          Consecutive_Periods__c: 3,
          Period__c: 'Month',
          Unit__c: 'Percent',
          Active__c: true
        }
      ])
    );
    const out = sink();
    const outcome = await runHealth({
      csv: join(root, 'data/sample-handoffs.csv'),
      thresholds: file,
      json: true,
      out: out.write,
      err: () => undefined
    });
    const json = JSON.parse(out.text.join('')) as {
      flagUp: boolean;
      flags: Array<{ developerName: string; streak: number }>;
    };
    expect(outcome.exitCode).toBe(EXIT_FLAG);
    expect(json.flagUp).toBe(true);
    expect(json.flags).toEqual([expect.objectContaining({ developerName: 'Strict', streak: 12 })]);
  });

  it('exits 1 on bad input or options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'health-'));
    const file = join(dir, 'h.csv');
    writeFileSync(file, 'Name,Status__c\nHO-1,New\n');
    const err = sink();
    expect((await runHealth({ csv: file, out: () => undefined, err: err.write })).exitCode).toBe(1);
    expect(err.text.join('')).toMatch(/no Closed_At__c column/);
    expect(
      (await runHealth({ csv: file, asOf: '2025-13', out: () => undefined, err: () => undefined }))
        .exitCode
    ).toBe(1);
    expect((await runHealth({ out: () => undefined, err: () => undefined })).exitCode).toBe(1);
    expect(parseHealthArgs(['--csv', 'x', '--months', '6'])).toMatchObject({ csv: 'x', months: 6 });
  });
});

/**
 * Handoffs in the org: six months, completion falling under 85% in the last two, and in those two
 * the quality score falling to 3 (half the ratings below 3) and go-lives taking 40 days, not 20.
 */
function handoffs(): MockRecord[] {
  const out: MockRecord[] = [];
  const plan: Array<[string, number, number, number]> = [
    ['2025-04', 20, 19, 2],
    ['2025-05', 20, 18, 1],
    ['2025-06', 20, 19, 2],
    ['2025-07', 20, 18, 3],
    ['2025-08', 20, 16, 2],
    ['2025-09', 20, 15, 5]
  ];
  for (const [month, n, complete, escalated] of plan) {
    const late = month >= '2025-08';
    for (let i = 0; i < n; i++) {
      const closeDay = `${month}-${String(1 + i).padStart(2, '0')}`;
      const goLive = new Date(`${closeDay}T00:00:00Z`);
      goLive.setUTCDate(goLive.getUTCDate() + (late ? 40 : 20));
      out.push({
        Closed_At__c: `${month}-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`,
        Status__c: i === 0 ? 'Accepted' : 'Complete',
        Complete_At_Close__c: i < complete,
        Escalation_Count__c: i < escalated ? 1 : 0,
        Exception_Used__c: i === n - 1,
        Return_Count__c: 0,
        Repeat_Ask_Count__c: 0,
        Hours_To_First_Touch__c: i % 4 === 0 ? null : 20 + i,
        Quality_Score__c: i % 5 === 4 ? null : late && i % 2 === 0 ? 2 : 4,
        Go_Live_Date__c: i % 3 === 0 ? goLive.toISOString().slice(0, 10) : null
      });
    }
  }
  out.push({
    Closed_At__c: '2025-09-15T10:00:00.000Z',
    Status__c: 'Cancelled',
    Complete_At_Close__c: false,
    Escalation_Count__c: 9
  });
  return out;
}

function aggregate(soql: string, thresholds: MockRecord[] | 'missing'): MockRecord[] {
  // the before/after section (beforeAfter.test.ts): no baseline, no launch date here
  if (/FROM (Handoff_Metric_Snapshot__c|Handoff_Setting__mdt) WHERE/.test(soql)) {
    return [];
  }
  if (/FROM Handoff_Health_Threshold__mdt/.test(soql)) {
    if (thresholds === 'missing') {
      throw new MockError(
        400,
        'INVALID_TYPE',
        "sObject type 'Handoff_Health_Threshold__mdt' is not supported."
      );
    }
    return thresholds;
  }
  const m =
    /Closed_At__c >= (\S+) AND Closed_At__c < (\S+) AND Status__c != 'Cancelled'(.*?)GROUP BY/.exec(
      soql
    );
  if (!m || !/CALENDAR_YEAR\(convertTimezone\(Closed_At__c\)\)/.test(soql)) {
    throw new Error(`unexpected SOQL ${soql}`);
  }
  const [, from, to, extra] = m;
  const filters: Record<string, (r: MockRecord) => boolean> = {
    'Complete_At_Close__c = true': (r) => r.Complete_At_Close__c === true,
    'Escalation_Count__c > 0': (r) => Number(r.Escalation_Count__c) > 0,
    'Exception_Used__c = true': (r) => r.Exception_Used__c === true,
    'Return_Count__c > 0': (r) => Number(r.Return_Count__c) > 0,
    'Repeat_Ask_Count__c > 0': (r) => Number(r.Repeat_Ask_Count__c) > 0,
    'Hours_To_First_Touch__c != null': (r) =>
      r.Hours_To_First_Touch__c !== null && r.Hours_To_First_Touch__c !== undefined,
    'Quality_Score__c >= 1 AND Quality_Score__c <= 5': (r) => Number(r.Quality_Score__c ?? 0) >= 1,
    'Quality_Score__c >= 1 AND Quality_Score__c < 3': (r) =>
      Number(r.Quality_Score__c ?? 0) >= 1 && Number(r.Quality_Score__c) < 3,
    'Go_Live_Date__c != null': (r) => !!r.Go_Live_Date__c
  };
  const byDay = /Close_Date__c, DAY_ONLY\(Closed_At__c\), Go_Live_Date__c LIMIT/.test(soql);
  const summed = /SUM\(Quality_Score__c\)/.test(soql)
    ? 'Quality_Score__c'
    : 'Hours_To_First_Touch__c';
  const condition = extra.trim().replace(/^AND /, '');
  const keep = condition === '' ? () => true : filters[condition];
  if (!keep) {
    throw new Error(`unexpected filter ${condition}`);
  }
  const groups = new Map<string, MockRecord[]>();
  for (const r of handoffs()) {
    const at = String(r.Closed_At__c);
    if (r.Status__c === 'Cancelled' || at < from.replace('Z', '') || at >= to || !keep(r)) {
      continue;
    }
    const key = byDay ? `${at.slice(0, 10)}|${String(r.Go_Live_Date__c)}` : at.slice(0, 7);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].map(([key, rows]) => ({
    y: Number(key.slice(0, 4)),
    m: Number(key.slice(5, 7)),
    ...(byDay ? { d: key.slice(0, 10), g: key.slice(11) } : {}),
    n: rows.length,
    c: rows.length,
    s: rows.reduce((sum, r) => sum + Number(r[summed] ?? 0), 0)
  }));
}

describe('health check from an org', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it('reads monthly aggregates of Handoff__c and raises the completion flag (defaults when no threshold type)', async () => {
    mock = await startMock({ query: (soql) => aggregate(soql, 'missing') });
    const out = sink();
    const outcome = await runHealth({
      org: 'acme',
      connection: mock.connection(),
      now: new Date('2025-10-05T00:00:00Z'),
      months: 6,
      out: out.write,
      err: () => undefined
    });
    expect(outcome.exitCode).toBe(EXIT_FLAG);
    expect(outcome.asOf).toBe('2025-09');
    expect(outcome.thresholdSource).toMatch(
      /defaults \(Handoff_Health_Threshold__mdt not deployed\)/
    );
    const sep = outcome.periods.find((p) => p.period === '2025-09');
    expect(sep).toMatchObject({
      handoffs: 20,
      completeAtClose: 15,
      escalated: 5,
      exceptions: 1,
      firstTouchCount: 15
    });
    expect(outcome.flags.filter((f) => f.up).map((f) => f.threshold.developerName)).toEqual([
      'Completion_Rate_Monthly',
      'Escalation_Rate_Monthly'
    ]);
    // aggregate queries only: no handoff rows are fetched
    expect(
      mock.soql.filter((q) => /FROM Handoff__c/.test(q)).every((q) => /GROUP BY/.test(q))
    ).toBe(true);
  });

  it("uses the org's threshold records", async () => {
    const thresholds = [
      {
        DeveloperName: 'Loose',
        Metric__c: 'Completion_Rate',
        Comparator__c: 'Below',
        Threshold__c: 50,
        Target__c: 90,
        Unit__c: 'Percent',
        Consecutive_Periods__c: 2,
        Period__c: 'Month',
        Hypercare_Week__c: null,
        Action__c: 'Talk to Sales',
        Active__c: true
      }
    ];
    mock = await startMock({ query: (soql) => aggregate(soql, thresholds) });
    const outcome = await runHealth({
      org: 'acme',
      connection: mock.connection(),
      now: new Date('2025-10-05T00:00:00Z'),
      out: () => undefined,
      err: () => undefined
    });
    expect(outcome.thresholdSource).toBe('Handoff_Health_Threshold__mdt in the org');
    expect(outcome.exitCode).toBe(0);
  });

  it("raises the quality and go-live flags of the org's threshold records and prints them", async () => {
    const record = (name: string, comparator: string, threshold: number, unit: string) => ({
      DeveloperName: name,
      Metric__c: name,
      Comparator__c: comparator,
      Threshold__c: threshold,
      Target__c: null,
      Unit__c: unit,
      Consecutive_Periods__c: 2,
      Period__c: 'Month',
      Hypercare_Week__c: null,
      Action__c: `Act on ${name}`,
      Active__c: true
    });
    const thresholds = [
      record('Days_To_Go_Live', 'Above', 30, 'Days'),
      record('Quality_Below_3_Share', 'Above', 20, 'Percent'),
      record('Quality_Score_Average', 'Below', 3.5, 'Score')
    ];
    mock = await startMock({ query: (soql) => aggregate(soql, thresholds) });
    const out = sink();
    const outcome = await runHealth({
      org: 'acme',
      connection: mock.connection(),
      now: new Date('2025-10-05T00:00:00Z'),
      months: 6,
      out: out.write,
      err: () => undefined
    });
    expect(outcome.exitCode).toBe(EXIT_FLAG);
    // August and September: 16 rated each, 8 of them 2 and 8 of them 4; go-lives 40 days on
    expect(outcome.periods.find((p) => p.period === '2025-09')).toMatchObject({
      qualityRated: 16,
      qualityScoreSum: 48,
      qualityBelow3: 8,
      goLiveCount: 7,
      goLiveMedianDays: 40
    });
    expect(outcome.periods.find((p) => p.period === '2025-07')).toMatchObject({
      qualityRated: 16,
      qualityScoreSum: 64,
      qualityBelow3: 0,
      goLiveMedianDays: 20
    });
    expect(outcome.flags.map((f) => [f.threshold.developerName, f.up, f.streak])).toEqual([
      ['Days_To_Go_Live', true, 2],
      ['Quality_Below_3_Share', true, 2],
      ['Quality_Score_Average', true, 2]
    ]);
    const text = out.text.join('');
    expect(text).toContain(
      'RED FLAG  Median days from close to go-live above 30 d for 2 months in a row (2025-08: 40 d, 2025-09: 40 d)'
    );
    expect(text).toContain(
      'RED FLAG  Share of quality scores below 3 above 20% for 2 months in a row (2025-08: 50%, 2025-09: 50%)'
    );
    expect(text).toContain(
      'RED FLAG  Average handoff quality score below 3.5 for 2 months in a row (2025-08: 3, 2025-09: 3)'
    );
    expect(text).toContain('Action: Act on Quality_Score_Average');
    // the table has a column per rule, the months' values in it
    expect(text).toMatch(/Month\s+Handoffs\s+Median days from close to go-live/);
    expect(text).toMatch(/2025-07\s+20\s+20 d\s+0%\s+4\n/);
    expect(outcome.exitCode).toBe(3);
  });

  it('exits 1 with a clear message on an expired session', async () => {
    mock = await startMock({ token: 'fresh', query: (soql) => aggregate(soql, 'missing') });
    const err = sink();
    const outcome = await runHealth({
      org: 'acme',
      connection: mock.connection('stale'),
      out: () => undefined,
      err: err.write
    });
    expect(outcome.exitCode).toBe(1);
    expect(err.text.join('')).toMatch(/INVALID_SESSION_ID.*sf org login web --alias acme/);
  });
});
