/**
 * The health check's before/after section (scripts/health/beforeAfter.ts) against a stand-in org:
 * the Baseline row, the launch date and the handoffs since launch, judged against the seed's 20%.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MockError,
  startMock,
  type MockRecord,
  type MockSalesforce
} from '../../lib/__tests__/mockSalesforce.ts';
import {
  LOAD_HINT,
  formatBeforeAfter,
  judge,
  readBeforeAfter,
  type Figure
} from '../beforeAfter.ts';
import { runHealth } from '../cli.ts';

const SINCE = "DAY_ONLY(convertTimezone(Closed_At__c)) >= 2026-03-02 AND Status__c != 'Cancelled'";

interface Org {
  baseline: MockRecord | null;
  launch: string | null;
  handoffs: number;
  complete: number;
  hours: number[];
  days: number[];
}

/** Answers the section's queries from the stand-in org's figures. */
function answer(org: Org): (soql: string) => MockRecord[] {
  return (soql) => {
    if (/FROM Handoff_Metric_Snapshot__c WHERE Unique_Key__c = 'Baseline'/.test(soql)) {
      return org.baseline ? [org.baseline] : [];
    }
    if (/FROM Handoff_Setting__mdt WHERE DeveloperName = 'Default'/.test(soql)) {
      return [{ Hypercare_Start_Date__c: org.launch }];
    }
    const count = /^SELECT COUNT\(Id\) n FROM Handoff__c WHERE (.*)$/.exec(soql);
    if (count) {
      const extra = count[1].replace(SINCE, '').replace(/^ AND /, '');
      const n: Record<string, number> = {
        '': org.handoffs,
        'Complete_At_Close__c = true': org.complete,
        'Hours_To_First_Touch__c != null': org.hours.length,
        'Days_To_Go_Live__c != null': org.days.length
      };
      if (!(extra in n)) {
        throw new Error(`unexpected SOQL ${soql}`);
      }
      return [{ n: n[extra] }];
    }
    const lowest =
      /^SELECT (\w+) FROM Handoff__c WHERE .* AND \1 != null ORDER BY \1 ASC LIMIT (\d+)$/.exec(
        soql
      );
    if (lowest) {
      const values = lowest[1] === 'Hours_To_First_Touch__c' ? org.hours : org.days;
      return [...values]
        .sort((a, b) => a - b)
        .slice(0, Number(lowest[2]))
        .map((v) => ({ [lowest[1]]: v }));
    }
    if (/FROM Handoff_Health_Threshold__mdt/.test(soql)) {
      return [];
    }
    if (/CALENDAR_YEAR\(convertTimezone\(Closed_At__c\)\)/.test(soql)) {
      return [];
    }
    throw new Error(`unexpected SOQL ${soql}`);
  };
}

const BASELINE: MockRecord = {
  Handoffs__c: 100,
  Complete_At_Close__c: 50,
  First_Touch_Median_Hours__c: 48,
  Details__c: JSON.stringify({
    schema: 'handoff-audit-baseline',
    version: 1,
    closeDates: { from: '2025-01-01', to: '2025-12-31' },
    timeToFirstValue: { medianDays: 40, deals: 60 }
  })
};

function byKey(figures: Figure[]): Record<string, Figure> {
  return Object.fromEntries(figures.map((f) => [f.key, f]));
}

describe('readBeforeAfter', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it('without a baseline says how to load it, in one line', async () => {
    mock = await startMock({
      query: answer({
        baseline: null,
        launch: '2026-03-02',
        handoffs: 4,
        complete: 3,
        hours: [],
        days: []
      })
    });
    const section = await readBeforeAfter(mock.connection(), 'acme');
    expect(section.hasBaseline).toBe(false);
    const lines = formatBeforeAfter(section);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      "No baseline loaded: load the audit's baseline.json once with npm run baseline:load -- --file <baseline.json>"
    );
    expect(lines[1]).toContain(LOAD_HINT);
  });

  it('with an improvement of 20% or more on each figure says met, counting from the launch day', async () => {
    mock = await startMock({
      query: answer({
        baseline: BASELINE,
        launch: '2026-03-02',
        handoffs: 10,
        complete: 8,
        hours: [30, 10, 99, 20],
        days: [30, 20, 70]
      })
    });
    const section = await readBeforeAfter(mock.connection(), 'acme');
    expect(section).toMatchObject({
      hasBaseline: true,
      launchDate: '2026-03-02',
      baselineDeals: 100,
      baselinePeriod: '2025-01-01 to 2025-12-31',
      afterHandoffs: 10
    });
    const f = byKey(section.figures);
    // 50% → 80%: +60%
    expect(f.completion).toMatchObject({
      before: 0.5,
      after: 0.8,
      changePercent: 60,
      status: 'met'
    });
    // 48 h → median of 10, 20, 30, 99 = 25 h: (48 − 25) / 48 = +47.9%
    expect(f.firstTouch).toMatchObject({
      before: 48,
      after: 25,
      afterCount: 4,
      changePercent: 47.9,
      status: 'met'
    });
    // 40 days → median of 20, 30, 70 = 30 days: +25%
    expect(f.goLive).toMatchObject({ before: 40, after: 30, changePercent: 25, status: 'met' });
    // the lowest half plus one of the values, from the launch day in the user's time zone
    expect(mock.soql).toContain(
      `SELECT Hours_To_First_Touch__c FROM Handoff__c WHERE ${SINCE} AND Hours_To_First_Touch__c != null ORDER BY Hours_To_First_Touch__c ASC LIMIT 3`
    );
    expect(mock.soql).toContain(
      `SELECT Days_To_Go_Live__c FROM Handoff__c WHERE ${SINCE} AND Days_To_Go_Live__c != null ORDER BY Days_To_Go_Live__c ASC LIMIT 2`
    );
    const text = formatBeforeAfter(section).join('\n');
    expect(text).toContain(
      'Launch (hypercare start): 2026-03-02; baseline: 100 deals, closed 2025-01-01 to 2025-12-31; since launch: 10 handoffs'
    );
    expect(text).toMatch(/Completion at close\s+50\.0%\s+80\.0%\s+\+60\.0%\s+met/);
    expect(text).toMatch(/Median hours to first touch\s+48\.0\s+25\.0\s+\+47\.9%\s+met/);
    expect(text).toMatch(/Median days to go-live\s+40\.0\s+30\.0\s+\+25\.0%\s+met/);
  });

  it('when worse (or better by less than 20%) says not met, with the change signed so that up is better', async () => {
    mock = await startMock({
      query: answer({
        baseline: BASELINE,
        launch: '2026-03-02',
        handoffs: 10,
        complete: 4,
        hours: [60],
        days: [38, 36]
      })
    });
    const f = byKey((await readBeforeAfter(mock.connection(), 'acme')).figures);
    // completion down: 50% → 40% is −20%
    expect(f.completion).toMatchObject({ after: 0.4, changePercent: -20, status: 'not-met' });
    // hours up: 48 → 60 is −25%
    expect(f.firstTouch).toMatchObject({ after: 60, changePercent: -25, status: 'not-met' });
    // days down a little: 40 → 37 is +7.5%, short of 20%
    expect(f.goLive).toMatchObject({ after: 37, changePercent: 7.5, status: 'not-met' });
    expect(
      formatBeforeAfter({ ...(await readBeforeAfter(mock.connection(), 'acme')) }).join('\n')
    ).toMatch(/Completion at close\s+50\.0%\s+40\.0%\s+-20\.0%\s+not met/);
  });

  it('with a baseline without firstTouch or timeToFirstValue has no data for those figures', async () => {
    mock = await startMock({
      query: answer({
        baseline: {
          Handoffs__c: 100,
          Complete_At_Close__c: 50,
          First_Touch_Median_Hours__c: null,
          Details__c: JSON.stringify({ schema: 'handoff-audit-baseline', version: 1 })
        },
        launch: '2026-03-02',
        handoffs: 10,
        complete: 8,
        hours: [10, 20],
        days: [30]
      })
    });
    const section = await readBeforeAfter(mock.connection(), 'acme');
    const f = byKey(section.figures);
    expect(f.completion.status).toBe('met');
    expect(f.firstTouch).toMatchObject({
      before: null,
      after: 15,
      changePercent: null,
      status: 'no-data'
    });
    expect(f.goLive).toMatchObject({
      before: null,
      after: 30,
      changePercent: null,
      status: 'no-data'
    });
    expect(section.baselinePeriod).toBeNull();
    expect(formatBeforeAfter(section).join('\n')).toMatch(
      /Median days to go-live\s+–\s+30\.0\s+–\s+no data/
    );
  });

  it('without a launch date measures nothing since launch and says where to set it', async () => {
    mock = await startMock({
      query: answer({
        baseline: BASELINE,
        launch: null,
        handoffs: 9,
        complete: 9,
        hours: [1],
        days: [1]
      })
    });
    const section = await readBeforeAfter(mock.connection(), 'acme');
    expect(section.figures.map((f) => [f.after, f.status])).toEqual([
      [null, 'no-data'],
      [null, 'no-data'],
      [null, 'no-data']
    ]);
    expect(mock.soql.some((s) => /FROM Handoff__c/.test(s))).toBe(false);
    expect(formatBeforeAfter(section).join('\n')).toContain(
      'No launch date: set Hypercare Start Date in the Handoff Setting Default record.'
    );
  });

  it('in an org without the product says so instead of failing', async () => {
    mock = await startMock({
      query: () => {
        throw new MockError(
          400,
          'INVALID_TYPE',
          "sObject type 'Handoff_Metric_Snapshot__c' is not supported."
        );
      }
    });
    const section = await readBeforeAfter(mock.connection(), 'acme');
    expect(section.available).toBe(false);
    expect(formatBeforeAfter(section)[1]).toMatch(
      /does not have the before\/after fields yet .*npm run baseline:load -- --file <baseline.json>/
    );
  });
});

describe('judge', () => {
  const base: Figure = {
    key: 'goLive',
    label: 'x',
    lowerIsBetter: true,
    before: 40,
    after: 32,
    afterCount: 1,
    changePercent: null,
    status: 'no-data'
  };
  it('meets the target at exactly +20%, not at +19.9%', () => {
    expect(judge(base)).toMatchObject({ changePercent: 20, status: 'met' });
    expect(judge({ ...base, before: 1000, after: 801 })).toMatchObject({
      changePercent: 19.9,
      status: 'not-met'
    });
  });
  it('has no data when before is 0', () => {
    expect(judge({ ...base, before: 0 })).toMatchObject({ changePercent: null, status: 'no-data' });
  });
});

describe('npm run health from an org', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it('prints the before/after section and puts it in the JSON, without changing the exit status', async () => {
    mock = await startMock({
      query: answer({
        baseline: null,
        launch: '2026-03-02',
        handoffs: 0,
        complete: 0,
        hours: [],
        days: []
      })
    });
    const out: string[] = [];
    const outcome = await runHealth({
      org: 'acme',
      connection: mock.connection(),
      now: new Date('2026-05-05T00:00:00Z'),
      out: (t) => out.push(t),
      err: () => undefined
    });
    expect(outcome.exitCode).toBe(0);
    expect(out.join('')).toContain(
      `Before and after launch (target: 20% better than before)\nNo baseline loaded: load the audit's baseline.json once with ${LOAD_HINT}\n`
    );
    const json: string[] = [];
    await runHealth({
      org: 'acme',
      connection: mock.connection(),
      now: new Date('2026-05-05T00:00:00Z'),
      json: true,
      out: (t) => json.push(t),
      err: () => undefined
    });
    expect(JSON.parse(json.join('')).beforeAfter).toMatchObject({
      hasBaseline: false,
      launchDate: '2026-03-02'
    });
  });

  it('has no before/after section from a CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'health-ba-'));
    const file = join(dir, 'h.csv');
    writeFileSync(file, 'Closed_At__c,Complete_At_Close__c\n2026-03-10T10:00:00Z,true\n');
    const out: string[] = [];
    const outcome = await runHealth({ csv: file, out: (t) => out.push(t), err: () => undefined });
    expect(outcome.beforeAfter).toBeUndefined();
    expect(out.join('')).not.toContain('Before and after launch');
  });
});
