/**
 * The health check's inputs, each read directly: monthly counts from a CSV export of Handoff__c
 * (which cells count, which are reported, in which order the months come back), the org's
 * aggregate queries (their exact SOQL, the window and its day of margin), and thresholds from a
 * JSON file or the org's Handoff_Health_Threshold__mdt records (both spellings, defaults, every
 * refusal with its message).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_THRESHOLDS } from '../../lib/redFlags.ts';
import { SalesforceError } from '../../lib/salesforce.ts';
import {
  MockError,
  startMock,
  type MockRecord,
  type MockSalesforce
} from '../../lib/__tests__/mockSalesforce.ts';
import {
  countsFromCsv,
  countsFromOrg,
  thresholdsFromFile,
  thresholdsFromOrg,
  type HealthIssue
} from '../metrics.ts';

const dir = mkdtempSync(join(tmpdir(), 'health-metrics-'));
let fileCount = 0;
function file(text: string, ext = 'csv'): string {
  const path = join(dir, `f${++fileCount}.${ext}`);
  writeFileSync(path, text);
  return path;
}

async function read(text: string) {
  const issues: HealthIssue[] = [];
  const path = file(text);
  const result = await countsFromCsv(path, (i) => issues.push(i));
  return { ...result, issues, path };
}

const zero = {
  handoffs: 0,
  completeAtClose: 0,
  firstTouchCount: 0,
  firstTouchHoursSum: 0,
  escalated: 0,
  exceptions: 0,
  returned: 0,
  repeatAsked: 0
};

describe('countsFromCsv', () => {
  // Header in its own case and spacing, columns in another order, one column not read.
  const csv = [
    'Name, closed_at__c ,STATUS__C,Complete_At_Close__c,Exception_Used__c,Hours_To_First_Touch__c,Escalation_Count__c,Return_Count__c,Repeat_Ask_Count__c',
    'A,2025-03-10,Complete,true,Yes,10,2,0,0',
    'B,2025-01-05T23:30:00.000Z,Accepted,1,false,0,0,1,',
    'C,2025-01-20,New,yes,,  ,x,,3',
    'D,2025-02-01,Complete,y, x ,-1,-2,0,0',
    'E,2025-02-14, CANCELLED ,true,true,5,1,1,1',
    'F,TBD,Complete,true,true,5,1,1,1',
    'G,2025-02-28,Complete,x,0,abc,1,1,1',
    'H,2025-03-31,Complete, TRUE ,no,2.5,0,0,0',
    'I,2025-03-01,Complete,false,,,,,',
    'K,2025-03-15',
    ''
  ].join('\n');

  it('counts each month, oldest first, from the cells that say so', async () => {
    const { periods } = await read(csv);
    expect(periods).toEqual([
      {
        ...zero,
        period: '2025-01',
        handoffs: 2,
        completeAtClose: 2,
        firstTouchCount: 1,
        returned: 1,
        repeatAsked: 1
      },
      {
        ...zero,
        period: '2025-02',
        handoffs: 2,
        completeAtClose: 2,
        exceptions: 1,
        escalated: 1,
        returned: 1,
        repeatAsked: 1
      },
      {
        ...zero,
        period: '2025-03',
        handoffs: 3,
        completeAtClose: 2,
        exceptions: 1,
        firstTouchCount: 2,
        firstTouchHoursSum: 12.5,
        escalated: 1
      }
    ]);
  });

  it('counts the rows read and the handoffs used (cancelled and undated ones are not)', async () => {
    const { rows, used } = await read(csv);
    expect([rows, used]).toEqual([9, 7]);
  });

  it('reports each bad cell and malformed record by its row, and what was done with it', async () => {
    const { issues } = await read(csv);
    expect(issues).toEqual([
      { row: 4, message: 'Escalation_Count__c "x" is not a number; read as 0' },
      { row: 5, message: 'Hours_To_First_Touch__c "-1" is not a number of hours; left out' },
      { row: 7, message: 'Closed_At__c "TBD" is not a date; skipped' },
      { row: 8, message: 'Hours_To_First_Touch__c "abc" is not a number of hours; left out' },
      { row: 11, message: expect.stringMatching(/column/) as string }
    ]);
  });

  it('names the count column in the message of each unreadable count', async () => {
    const { issues, periods } = await read(
      'Closed_At__c,Return_Count__c,Repeat_Ask_Count__c\n2025-04-01,one,2\n2025-04-02,0,?\n'
    );
    expect(issues).toEqual([
      { row: 2, message: 'Return_Count__c "one" is not a number; read as 0' },
      { row: 3, message: 'Repeat_Ask_Count__c "?" is not a number; read as 0' }
    ]);
    expect(periods).toEqual([{ ...zero, period: '2025-04', handoffs: 2, repeatAsked: 1 }]);
  });

  it('reads a file with only the close date: every handoff counts, nothing else', async () => {
    const { periods, rows, used, issues } = await read('Closed_At__c\n2025-05-02\n2025-05-31\n');
    expect(periods).toEqual([{ ...zero, period: '2025-05', handoffs: 2 }]);
    expect([rows, used, issues]).toEqual([2, 2, []]);
  });

  it('refuses a file without the close-date column, naming the file and the column', async () => {
    const path = file('Name,Status__c\nHO-1,New\n');
    const failure = countsFromCsv(path, () => undefined);
    await expect(failure).rejects.toThrow(new Error(`${path} has no Closed_At__c column`));
    await expect(failure).rejects.toMatchObject({ code: 'BAD_CSV' });
    await expect(failure).rejects.toBeInstanceOf(SalesforceError);
  });

  it('reads the quality score and the days to go-live per month when the file has them', async () => {
    const { periods, issues } = await read(
      [
        'Closed_At__c,Quality_Score__c,Days_To_Go_Live__c',
        '2025-04-01,2,10',
        '2025-04-02,5,',
        '2025-04-03,4.5,30',
        '2025-04-04,,40',
        '2025-04-05,0,abc',
        '2025-05-01,1,7',
        '2025-05-02,3,-2',
        '2025-06-01,,'
      ].join('\n')
    );
    expect(issues).toEqual([
      { row: 4, message: 'Quality_Score__c "4.5" is not a score from 1 to 5; left out' },
      { row: 6, message: 'Quality_Score__c "0" is not a score from 1 to 5; left out' },
      { row: 6, message: 'Days_To_Go_Live__c "abc" is not a number of days; left out' }
    ]);
    expect(periods).toEqual([
      {
        ...zero,
        period: '2025-04',
        handoffs: 5,
        qualityRated: 2,
        qualityScoreSum: 7,
        qualityBelow3: 1,
        goLiveCount: 3,
        goLiveMedianDays: 30
      },
      {
        ...zero,
        period: '2025-05',
        handoffs: 2,
        qualityRated: 2,
        qualityScoreSum: 4,
        qualityBelow3: 1,
        goLiveCount: 2,
        goLiveMedianDays: 2.5
      },
      // a month without a rating or a go-live: zero rated and no median, not "unknown"
      {
        ...zero,
        period: '2025-06',
        handoffs: 1,
        qualityRated: 0,
        qualityScoreSum: 0,
        qualityBelow3: 0,
        goLiveCount: 0,
        goLiveMedianDays: null
      }
    ]);
  });

  it('returns no month for a file with a header only', async () => {
    expect(await read('Closed_At__c,Status__c\n')).toMatchObject({ periods: [], rows: 0, used: 0 });
  });
});

const WHERE =
  "WHERE Closed_At__c >= 2025-03-31T00:00:00Z AND Closed_At__c < 2025-07-02T00:00:00Z AND Status__c != 'Cancelled'";
const GROUP =
  'GROUP BY CALENDAR_YEAR(convertTimezone(Closed_At__c)), CALENDAR_MONTH(convertTimezone(Closed_At__c))';
const SELECT =
  'SELECT CALENDAR_YEAR(convertTimezone(Closed_At__c)) y, CALENDAR_MONTH(convertTimezone(Closed_At__c)) m,';

/** The aggregate rows the stand-in org answers, by the filter that ends the WHERE clause. */
const ANSWERS: Record<string, MockRecord[]> = {
  '': [
    { y: 2025, m: 6, n: 5 },
    { y: 2025, m: 3, n: 9 },
    { y: 2025, m: 4, n: 4 },
    { y: 2025, m: 7, n: 8 }
  ],
  'Complete_At_Close__c = true': [
    { y: 2025, m: 4, n: 3 },
    { y: 2025, m: 6, n: 4 }
  ],
  'Escalation_Count__c > 0': [{ y: 2025, m: 4, n: 1 }],
  'Exception_Used__c = true': [{ y: 2025, m: 6, n: 2 }],
  'Return_Count__c > 0': [{ y: 2025, m: 4, n: 2 }],
  'Repeat_Ask_Count__c > 0': [
    { y: 2025, m: 6, n: 1 },
    { y: 2025, m: 3, n: 7 }
  ],
  'Hours_To_First_Touch__c != null': [
    { y: 2025, m: 6, c: 5, s: 100 },
    { y: 2025, m: 4, c: 3, s: 61.5 },
    { y: 2025, m: 7, c: 1, s: 1 }
  ],
  'Quality_Score__c >= 1 AND Quality_Score__c <= 5': [
    { y: 2025, m: 4, c: 3, s: 7 },
    { y: 2025, m: 7, c: 2, s: 10 }
  ],
  'Quality_Score__c >= 1 AND Quality_Score__c < 3': [{ y: 2025, m: 4, n: 2 }],
  // one close day of April with go-lives 20 (twice) and 40 days later; June: 10 days, once
  'Go_Live_Date__c != null': [
    { y: 2025, m: 4, d: '2025-04-10', g: '2025-04-30', n: 2 },
    { y: 2025, m: 4, d: '2025-04-10', g: '2025-05-20', n: 1 },
    { y: 2025, m: 6, d: '2025-06-30', g: '2025-07-10', n: 1 },
    { y: 2025, m: 3, d: '2025-03-31', g: '2025-04-01', n: 5 }
  ]
};

const QUALITY = 'Quality_Score__c >= 1 AND Quality_Score__c <= 5';
const BELOW_3 = 'Quality_Score__c >= 1 AND Quality_Score__c < 3';
const GO_LIVE_GROUP = `${GROUP}, Close_Date__c, DAY_ONLY(Closed_At__c), Go_Live_Date__c LIMIT 2000`;

/** The measures issue 17 adds, on a month that has none of them. */
const noOutcome = {
  qualityRated: 0,
  qualityScoreSum: 0,
  qualityBelow3: 0,
  goLiveCount: 0,
  goLiveMedianDays: null
};

function answer(soql: string): MockRecord[] {
  const m = /Status__c != 'Cancelled' (?:AND (.*?) )?GROUP BY/.exec(soql);
  const rows = m ? ANSWERS[m[1] ?? ''] : undefined;
  if (!rows) {
    throw new Error(`unexpected SOQL ${soql}`);
  }
  return rows;
}

describe('countsFromOrg', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it('runs one aggregate query per measure over the window with a day of margin each side', async () => {
    mock = await startMock({ query: answer });
    await countsFromOrg(mock.connection(), '2025-04', '2025-06', 'acme');
    expect(mock.soql).toEqual([
      `${SELECT} COUNT(Id) n FROM Handoff__c ${WHERE} ${GROUP}`,
      `${SELECT} COUNT(Id) n FROM Handoff__c ${WHERE} AND Complete_At_Close__c = true ${GROUP}`,
      `${SELECT} COUNT(Id) n FROM Handoff__c ${WHERE} AND Escalation_Count__c > 0 ${GROUP}`,
      `${SELECT} COUNT(Id) n FROM Handoff__c ${WHERE} AND Exception_Used__c = true ${GROUP}`,
      `${SELECT} COUNT(Id) n FROM Handoff__c ${WHERE} AND Return_Count__c > 0 ${GROUP}`,
      `${SELECT} COUNT(Id) n FROM Handoff__c ${WHERE} AND Repeat_Ask_Count__c > 0 ${GROUP}`,
      `${SELECT} COUNT(Hours_To_First_Touch__c) c, SUM(Hours_To_First_Touch__c) s FROM Handoff__c ${WHERE} AND Hours_To_First_Touch__c != null ${GROUP}`,
      `${SELECT} COUNT(Quality_Score__c) c, SUM(Quality_Score__c) s FROM Handoff__c ${WHERE} AND ${QUALITY} ${GROUP}`,
      `${SELECT} COUNT(Id) n FROM Handoff__c ${WHERE} AND ${BELOW_3} ${GROUP}`,
      `${SELECT} Close_Date__c k, DAY_ONLY(Closed_At__c) d, Go_Live_Date__c g, COUNT(Id) n FROM Handoff__c ${WHERE} AND Go_Live_Date__c != null ${GO_LIVE_GROUP}`
    ]);
  });

  it('keeps the months from..to (both included), oldest first, each measure in its place', async () => {
    mock = await startMock({ query: answer });
    const periods = await countsFromOrg(mock.connection(), '2025-04', '2025-06', 'acme');
    expect(periods).toEqual([
      {
        ...zero,
        period: '2025-04',
        handoffs: 4,
        completeAtClose: 3,
        escalated: 1,
        returned: 2,
        firstTouchCount: 3,
        firstTouchHoursSum: 61.5,
        // scores 7 over 3, two below 3; go-lives 20, 20 and 40 days after the close day
        qualityRated: 3,
        qualityScoreSum: 7,
        qualityBelow3: 2,
        goLiveCount: 3,
        goLiveMedianDays: 20
      },
      {
        ...zero,
        ...noOutcome,
        period: '2025-06',
        handoffs: 5,
        completeAtClose: 4,
        exceptions: 2,
        repeatAsked: 1,
        firstTouchCount: 5,
        firstTouchHoursSum: 100,
        goLiveCount: 1,
        goLiveMedianDays: 10
      }
    ]);
  });

  it('counts the go-live days from the close day, each group as often as it holds handoffs', async () => {
    mock = await startMock({
      query: (soql) =>
        /Go_Live_Date__c != null/.test(soql)
          ? [
              { y: 2025, m: 5, d: '2025-05-01', g: '2025-05-31', n: 1 },
              { y: 2025, m: 5, d: '2025-05-02', g: '2025-05-12', n: 3 },
              { y: 2025, m: 5, d: '2025-05-20', g: '2025-06-19', n: 2 }
            ]
          : /'Cancelled' GROUP BY/.test(soql)
            ? [{ y: 2025, m: 5, n: 6 }]
            : []
    });
    const [may] = await countsFromOrg(mock.connection(), '2025-05', '2025-05', 'acme');
    // 10, 10, 10, 30, 30, 30 days: the median of six is the mean of the middle two
    expect(may).toMatchObject({ period: '2025-05', handoffs: 6, goLiveCount: 6 });
    expect(may.goLiveMedianDays).toBe(20);
  });

  it('counts the go-live days from Close_Date__c when stamped, the GMT day only when it is blank', async () => {
    const goLives = (rows: MockRecord[]) => (soql: string) =>
      /Go_Live_Date__c != null/.test(soql)
        ? rows
        : /'Cancelled' GROUP BY/.test(soql)
          ? [{ y: 2025, m: 4, n: 3 }]
          : [];
    mock = await startMock({
      query: goLives([
        // closed late on 30 April in the user's zone, 1 May in GMT: 31 days (the GMT day: 30)
        { y: 2025, m: 4, k: '2025-04-30', d: '2025-05-01', g: '2025-05-31', n: 1 },
        // a go-live on the close day: 0 days (the GMT day: -1)
        { y: 2025, m: 4, k: '2025-04-29', d: '2025-04-30', g: '2025-04-29', n: 1 }
      ])
    });
    const [stamped] = await countsFromOrg(mock.connection(), '2025-04', '2025-04', 'acme');
    expect(stamped).toMatchObject({ goLiveCount: 2, goLiveMedianDays: 15.5 });
    await mock.stop();
    // an older handoff without Close_Date__c: from the GMT day of Closed_At__c
    mock = await startMock({
      query: goLives([{ y: 2025, m: 4, k: null, d: '2025-04-02', g: '2025-04-12', n: 3 }])
    });
    const [older] = await countsFromOrg(mock.connection(), '2025-04', '2025-04', 'acme');
    expect(older).toMatchObject({ goLiveCount: 3, goLiveMedianDays: 10 });
  });

  it('keeps the measures without a value and says so in an org without the issue-17 fields', async () => {
    const notes: string[] = [];
    mock = await startMock({
      query: (soql) => {
        if (/Quality_Score__c|Go_Live_Date__c/.test(soql)) {
          throw new MockError(400, 'INVALID_FIELD', 'No such column on entity Handoff__c');
        }
        return answer(soql);
      }
    });
    const periods = await countsFromOrg(mock.connection(), '2025-04', '2025-06', 'acme', (t) =>
      notes.push(t)
    );
    expect(periods.map((p) => p.handoffs)).toEqual([4, 5]);
    for (const p of periods) {
      expect(p.qualityRated).toBeUndefined();
      expect(p.goLiveCount).toBeUndefined();
    }
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/no Quality_Score__c .*the quality rules have no data/);
    expect(notes[1]).toMatch(/no Go_Live_Date__c .*the days to go-live rule has no data/);
  });

  it('leaves the go-live median without a value when the answer holds the most groups one batch can', async () => {
    const notes: string[] = [];
    const full = Array.from({ length: 2000 }, (_, i) => ({
      y: 2025,
      m: 4,
      d: '2025-04-01',
      g: `2025-04-01`,
      n: 1 + (i % 2)
    }));
    mock = await startMock({
      query: (soql) => (/Go_Live_Date__c != null/.test(soql) ? full : answer(soql))
    });
    const periods = await countsFromOrg(mock.connection(), '2025-04', '2025-06', 'acme', (t) =>
      notes.push(t)
    );
    expect(periods[0].goLiveCount).toBeUndefined();
    expect(periods[0].qualityRated).toBe(3);
    expect(notes).toEqual([expect.stringMatching(/More than 2000 close and go-live day pairs/)]);
  });

  it('stops on any other failure of an issue-17 read', async () => {
    mock = await startMock({
      query: (soql) => {
        if (/Go_Live_Date__c/.test(soql)) {
          throw new MockError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        }
        return answer(soql);
      }
    });
    await expect(countsFromOrg(mock.connection(), '2025-04', '2025-06', 'acme')).rejects.toThrow(
      /INVALID_SESSION_ID.*sf org login web --alias acme/
    );
  });

  it('cuts a window across a year end, with the margin day in the previous year', async () => {
    mock = await startMock({ query: () => [] });
    expect(await countsFromOrg(mock.connection(), '2025-01', '2025-12', 'acme')).toEqual([]);
    expect(mock.soql[0]).toContain(
      'WHERE Closed_At__c >= 2024-12-31T00:00:00Z AND Closed_At__c < 2026-01-02T00:00:00Z AND'
    );
  });

  it('names the org alias in the log-in hint when a count query fails on the session', async () => {
    mock = await startMock({
      query: () => {
        throw new MockError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
      }
    });
    await expect(countsFromOrg(mock.connection(), '2025-04', '2025-06', 'acme')).rejects.toThrow(
      /INVALID_SESSION_ID.*sf org login web --alias acme/
    );
  });

  it('names the org alias in the log-in hint when the first-touch query fails on the session', async () => {
    mock = await startMock({
      query: (soql) => {
        if (/SUM\(Hours_To_First_Touch__c\)/.test(soql)) {
          throw new MockError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        }
        return answer(soql);
      }
    });
    await expect(countsFromOrg(mock.connection(), '2025-04', '2025-06', 'acme')).rejects.toThrow(
      /INVALID_SESSION_ID.*sf org login web --alias acme/
    );
  });
});

/** A full threshold as the evaluator reads it. */
const FULL = {
  developerName: 'Strict_Completion',
  metric: 'Completion_Rate',
  comparator: 'Below',
  threshold: 95,
  target: 98,
  unit: 'Percent',
  consecutivePeriods: 3,
  period: 'Month',
  hypercareWeek: null,
  action: 'Talk to Sales',
  active: true
};

/** The same threshold with the custom metadata's field names. */
const RECORD = {
  DeveloperName: 'Strict_Completion',
  Metric__c: 'Completion_Rate',
  Comparator__c: 'Below',
  Threshold__c: 95,
  Target__c: 98,
  Unit__c: 'Percent',
  Consecutive_Periods__c: 3,
  Period__c: 'Month',
  Hypercare_Week__c: null,
  Action__c: 'Talk to Sales',
  Active__c: true
};

describe('thresholdsFromFile', () => {
  const json = (value: unknown) => file(JSON.stringify(value), 'json');

  it("reads a list with the metadata's field names or with the evaluator's", () => {
    expect(thresholdsFromFile(json([RECORD]))).toEqual([FULL]);
    expect(thresholdsFromFile(json([FULL]))).toEqual([FULL]);
  });

  it('reads a list under "thresholds"', () => {
    expect(thresholdsFromFile(json({ thresholds: [RECORD, FULL] }))).toEqual([FULL, FULL]);
  });

  it('fills what a record leaves out: its metric as its name, Percent, 1 month, active', () => {
    expect(
      thresholdsFromFile(
        json([{ Metric__c: 'Escalation_Rate', Comparator__c: 'Above', Threshold__c: 20 }])
      )
    ).toEqual([
      {
        developerName: 'Escalation_Rate',
        metric: 'Escalation_Rate',
        comparator: 'Above',
        threshold: 20,
        target: null,
        unit: 'Percent',
        consecutivePeriods: 1,
        period: 'Month',
        hypercareWeek: null,
        action: null,
        active: true
      }
    ]);
  });

  it('reads blank and null numbers as no value, and numbers written as text as numbers', () => {
    const [t] = thresholdsFromFile(
      json([
        {
          ...RECORD,
          Threshold__c: '85',
          Target__c: '',
          Consecutive_Periods__c: '',
          Hypercare_Week__c: ''
        }
      ])
    );
    expect([t.threshold, t.target, t.consecutivePeriods, t.hypercareWeek]).toEqual([
      85,
      null,
      1,
      null
    ]);
    const [u] = thresholdsFromFile(
      json([{ ...FULL, target: null, consecutivePeriods: null, hypercareWeek: 4 }])
    );
    expect([u.target, u.consecutivePeriods, u.hypercareWeek]).toEqual([null, 1, 4]);
    const [v] = thresholdsFromFile(json([{ ...FULL, target: undefined }]));
    expect(v.target).toBeNull();
  });

  it('reads a threshold switched off in either spelling as inactive, and only false as off', () => {
    const off = thresholdsFromFile(
      json([
        { ...RECORD, Active__c: false },
        { ...FULL, active: false },
        { ...FULL, active: 'false' }
      ])
    );
    expect(off.map((t) => t.active)).toEqual([false, false, true]);
  });

  it('refuses a threshold without a number, naming the file and the entry', () => {
    for (const bad of [undefined, null, '', 'high']) {
      const path = json([FULL, { ...RECORD, Threshold__c: bad }]);
      expect(() => thresholdsFromFile(path)).toThrow(
        new Error(`${path}[1]: a threshold needs a numeric Threshold__c`)
      );
    }
  });

  it('refuses a comparator other than Below or Above', () => {
    for (const bad of [undefined, '', 'below', 'Sideways']) {
      const path = json([{ ...RECORD, Comparator__c: bad }]);
      expect(() => thresholdsFromFile(path)).toThrow(
        new Error(`${path}[0]: Comparator__c must be Below or Above`)
      );
    }
  });

  it('refuses a threshold without a metric', () => {
    for (const bad of [undefined, '']) {
      const path = json([{ ...RECORD, Metric__c: bad }]);
      expect(() => thresholdsFromFile(path)).toThrow(
        new Error(`${path}[0]: a threshold needs a Metric__c`)
      );
    }
  });

  it('refuses a file that is not a list of thresholds, or not JSON, naming it', () => {
    for (const bad of ['{"rules": []}', 'null', '42', '{"thresholds": {}}']) {
      const path = file(bad, 'json');
      expect(() => thresholdsFromFile(path)).toThrow(
        new Error(`${path}: expected a list of thresholds (or {"thresholds": [...]})`)
      );
    }
    const path = file('{ not json', 'json');
    expect(() => thresholdsFromFile(path)).toThrow(`${path} is not a JSON file: `);
  });
});

describe('thresholdsFromOrg', () => {
  let mock: MockSalesforce;
  afterEach(async () => mock?.stop());

  it("reads the org's records in DeveloperName order", async () => {
    mock = await startMock({ query: () => [RECORD, { ...RECORD, DeveloperName: 'Z' }] });
    expect(await thresholdsFromOrg(mock.connection(), 'acme')).toEqual({
      thresholds: [FULL, { ...FULL, developerName: 'Z' }],
      source: 'Handoff_Health_Threshold__mdt in the org'
    });
    expect(mock.soql).toEqual([
      'SELECT DeveloperName, Metric__c, Comparator__c, Threshold__c, Target__c, Unit__c, Consecutive_Periods__c, Period__c, Hypercare_Week__c, Action__c, Active__c FROM Handoff_Health_Threshold__mdt ORDER BY DeveloperName'
    ]);
  });

  it('falls back to the seed defaults when the org holds no record', async () => {
    mock = await startMock({ query: () => [] });
    expect(await thresholdsFromOrg(mock.connection(), 'acme')).toEqual({
      thresholds: DEFAULT_THRESHOLDS,
      source: 'defaults (the org has no threshold records)'
    });
  });

  it('falls back to the seed defaults when the type is not deployed', async () => {
    mock = await startMock({
      query: () => {
        throw new MockError(400, 'INVALID_TYPE', "sObject type 'X' is not supported.");
      }
    });
    expect(await thresholdsFromOrg(mock.connection(), 'acme')).toEqual({
      thresholds: DEFAULT_THRESHOLDS,
      source: 'defaults (Handoff_Health_Threshold__mdt not deployed)'
    });
  });

  it('stops on any other failure rather than judge the org by the defaults', async () => {
    mock = await startMock({
      query: () => {
        throw new MockError(400, 'INVALID_FIELD', "No such column 'Unit__c'");
      }
    });
    await expect(thresholdsFromOrg(mock.connection(), 'acme')).rejects.toMatchObject({
      code: 'INVALID_FIELD'
    });
  });

  it('refuses a record it cannot read, naming it by its position', async () => {
    mock = await startMock({ query: () => [RECORD, { ...RECORD, Comparator__c: 'Equals' }] });
    await expect(thresholdsFromOrg(mock.connection(), 'acme')).rejects.toThrow(
      new Error('Handoff_Health_Threshold__mdt[1]: Comparator__c must be Below or Above')
    );
  });
});
