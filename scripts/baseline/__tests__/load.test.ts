/**
 * The baseline loader (scripts/baseline): the file checks name the key that is wrong, the row
 * maps the audit's counts onto the snapshot fields as the contract says, a second load is
 * refused (saying when the first was loaded) unless --replace, and the CLI's exit statuses. The
 * connection is a fake that keeps the rows in memory and records what was asked.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, runBaselineLoad, EXIT_ALREADY_LOADED } from '../cli.ts';
import {
  BASELINE_KEY,
  baselineRow,
  loadBaseline,
  readBaselineFile,
  type BaselineConnection
} from '../load.ts';

const GOLDEN = join(__dirname, '..', '..', 'audit', '__tests__', 'golden', 'all', 'baseline.json');
const golden = (): Record<string, unknown> =>
  JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;

interface Stored {
  Id: string;
  CreatedDate: string;
  [field: string]: unknown;
}

/** A connection that stores snapshot rows by Unique_Key__c. */
function fakeConnection(existing: Stored[] = []) {
  const rows = new Map(existing.map((r) => [String(r.Unique_Key__c), r]));
  const queries: string[] = [];
  const upserts: Array<{ record: Record<string, unknown>; extId: string }> = [];
  const conn: BaselineConnection = {
    query: <T>(soql: string) => {
      queries.push(soql);
      const key = /Unique_Key__c = '([^']+)'/.exec(soql)?.[1];
      const row = key === undefined ? undefined : rows.get(key);
      return Promise.resolve({ records: (row ? [row] : []) as T[] });
    },
    sobject: (type: string) => ({
      upsert: (record: Record<string, unknown>, extId: string) => {
        expect(type).toBe('Handoff_Metric_Snapshot__c');
        upserts.push({ record, extId });
        const key = String(record[extId]);
        const before = rows.get(key);
        const id = before?.Id ?? `a0X00000000000${rows.size + 1}AAA`;
        rows.set(key, {
          ...(before ?? { CreatedDate: '2026-05-04T10:00:00.000+0000' }),
          ...record,
          Id: id
        });
        return Promise.resolve({ success: true, id });
      }
    })
  };
  return { conn, rows, queries, upserts };
}

function writeTemp(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
  const file = join(dir, 'baseline.json');
  writeFileSync(file, content);
  return file;
}

describe('baselineRow: the file checks', () => {
  const row = (json: unknown) => baselineRow(json, 'b.json', JSON.stringify(json));

  it.each([
    ['not an object', [], 'b.json: not a JSON object'],
    [
      'another schema',
      { ...golden(), schema: 'handoff-audit' },
      '"schema" must be "handoff-audit-baseline"'
    ],
    ['a later version', { ...golden(), version: 2 }, '"version" 2 is not supported'],
    [
      'no generatedAt',
      { ...golden(), generatedAt: undefined },
      '"generatedAt" must be an ISO 8601 time'
    ],
    [
      'deals not a count',
      { ...golden(), deals: -1 },
      '"deals" must be a whole number of 0 or more (got -1)'
    ],
    [
      'deals as text',
      { ...golden(), deals: '40' },
      '"deals" must be a whole number of 0 or more (got "40")'
    ],
    ['no completion', { ...golden(), completion: null }, '"completion" must be an object'],
    [
      'complete missing',
      { ...golden(), completion: { completeRate: 0.5 } },
      '"completion.complete" must be a whole number of 0 or more (got nothing)'
    ],
    [
      'more complete than deals',
      { ...golden(), deals: 3, completion: { complete: 4 } },
      '"completion.complete" (4) is more than "deals" (3)'
    ],
    [
      'a bad close date',
      { ...golden(), closeDates: { from: '03/01/2025', to: '2025-03-10' } },
      '"closeDates.from" must be a date as YYYY-MM-DD (got "03/01/2025")'
    ],
    [
      'first touch without its counts',
      { ...golden(), firstTouch: { medianDays: 2 } },
      '"firstTouch.withActivity" must be a whole number'
    ],
    [
      'a negative median',
      { ...golden(), firstTouch: { withActivity: 3, within2Days: 1, medianDays: -2 } },
      '"firstTouch.medianDays" must be a number of 0 or more, or null (got -2)'
    ],
    [
      'time to first value not an object',
      { ...golden(), timeToFirstValue: 12 },
      '"timeToFirstValue" must be an object or null (got 12)'
    ],
    [
      'time to first value without deals',
      { ...golden(), timeToFirstValue: { medianDays: 30, p90Days: 60 } },
      '"timeToFirstValue.deals" must be a whole number'
    ]
  ])('%s', (_label, json, message) => {
    expect(() => row(json)).toThrow(message);
  });

  it('maps the audit golden onto the snapshot fields as the contract says', () => {
    const json = golden();
    const text = JSON.stringify(json, null, 2);
    const completion = json.completion as { complete: number };
    const touch = json.firstTouch as {
      withActivity: number;
      medianDays: number;
      within2Days: number;
    };
    expect(baselineRow(json, 'b.json', text)).toEqual({
      Unique_Key__c: 'Baseline',
      Period_Type__c: 'Baseline',
      Period_Start__c: (json.closeDates as { from: string }).from,
      Handoffs__c: json.deals,
      Complete_At_Close__c: completion.complete,
      First_Touch_Count__c: touch.withActivity,
      First_Touch_Median_Hours__c: touch.medianDays * 24,
      First_Touch_Within_SLA__c: touch.within2Days,
      Computed_At__c: new Date(String(json.generatedAt)).toISOString(),
      Details__c: text
    });
  });

  it('without activity data or close dates: no first-touch figures, the period starts on the audit day', () => {
    const json: Record<string, unknown> = {
      ...golden(),
      firstTouch: null,
      closeDates: null,
      timeToFirstValue: null
    };
    const r = row(json);
    expect(r.First_Touch_Count__c).toBeNull();
    expect(r.First_Touch_Median_Hours__c).toBeNull();
    expect(r.First_Touch_Within_SLA__c).toBeNull();
    expect(r.Period_Start__c).toBe(String(json.generatedAt).slice(0, 10));
  });

  it('a half-day median becomes 12 hours; a file from before the go-live column (no timeToFirstValue) loads', () => {
    const json = { ...golden(), firstTouch: { withActivity: 2, within2Days: 2, medianDays: 0.5 } };
    delete (json as Record<string, unknown>).timeToFirstValue;
    expect(row(json).First_Touch_Median_Hours__c).toBe(12);
  });

  it('refuses a file larger than Details__c holds', () => {
    const json = golden();
    expect(() => baselineRow(json, 'b.json', 'x'.repeat(131_073))).toThrow(
      'more than Details__c holds (131,072)'
    );
  });
});

describe('readBaselineFile', () => {
  it('names a file that is not JSON', () => {
    const file = writeTemp('{ "schema": ');
    expect(() => readBaselineFile(file)).toThrow(`${file}: not valid JSON`);
  });

  it('names a file that does not exist', () => {
    expect(() => readBaselineFile('/nonexistent/baseline.json')).toThrow(
      '/nonexistent/baseline.json: cannot be read (ENOENT)'
    );
  });

  it('reads a file with a byte-order mark and keeps the whole text for Details__c', () => {
    const text = readFileSync(GOLDEN, 'utf8');
    const file = writeTemp(`\uFEFF${text}`);
    expect(readBaselineFile(file).Details__c).toBe(text);
  });
});

describe('loadBaseline', () => {
  const row = () => readBaselineFile(GOLDEN);

  it('upserts the row on Unique_Key__c when none is loaded', async () => {
    const fake = fakeConnection();
    const outcome = await loadBaseline(fake.conn, row(), false);
    expect(outcome).toMatchObject({ loaded: true, replaced: false });
    expect(fake.upserts).toHaveLength(1);
    expect(fake.upserts[0].extId).toBe('Unique_Key__c');
    expect(fake.upserts[0].record).toMatchObject({
      Unique_Key__c: BASELINE_KEY,
      Period_Type__c: 'Baseline'
    });
    expect(fake.queries[0]).toContain("Unique_Key__c = 'Baseline'");
  });

  it('refuses a second load, saying when the first was loaded, and writes nothing', async () => {
    const fake = fakeConnection();
    await loadBaseline(fake.conn, row(), false);
    const second = await loadBaseline(fake.conn, { ...row(), Handoffs__c: 1 }, false);
    expect(second.loaded).toBe(false);
    expect(second.message).toContain('already loaded (on 2026-05-04T10:00:00.000+0000');
    expect(second.message).toContain('--replace');
    expect(fake.upserts).toHaveLength(1);
    expect(fake.rows.get('Baseline')?.Handoffs__c).toBe(row().Handoffs__c);
  });

  it('--replace overwrites the same row and says which one it replaced', async () => {
    const fake = fakeConnection([
      {
        Id: 'a0X000000000001AAA',
        CreatedDate: '2026-01-02T08:00:00.000+0000',
        Unique_Key__c: 'Baseline',
        Handoffs__c: 7
      }
    ]);
    const outcome = await loadBaseline(fake.conn, row(), true);
    expect(outcome).toMatchObject({ loaded: true, replaced: true, id: 'a0X000000000001AAA' });
    expect(outcome.message).toContain('replaced (the one loaded on 2026-01-02T08:00:00.000+0000)');
    expect(fake.rows.size).toBe(1);
    expect(fake.rows.get('Baseline')?.Handoffs__c).toBe(row().Handoffs__c);
  });

  it('a failed upsert is an error', async () => {
    const fake = fakeConnection();
    fake.conn.sobject = () => ({
      upsert: () =>
        Promise.resolve({
          success: false,
          errors: [{ message: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' }]
        })
    });
    await expect(loadBaseline(fake.conn, row(), false)).rejects.toThrow(
      'FIELD_CUSTOM_VALIDATION_EXCEPTION'
    );
  });
});

describe('npm run baseline:load', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, o: (t: string) => out.push(t), e: (t: string) => err.push(t) };
  };

  it('exits 0 on a load, 2 on a refused second load, 0 with --replace', async () => {
    const fake = fakeConnection();
    const c = capture();
    expect(await runBaselineLoad({ file: GOLDEN, connection: fake.conn, out: c.o, err: c.e })).toBe(
      0
    );
    expect(c.out.join('')).toContain('Baseline loaded');
    expect(await runBaselineLoad({ file: GOLDEN, connection: fake.conn, out: c.o, err: c.e })).toBe(
      EXIT_ALREADY_LOADED
    );
    expect(c.err.join('')).toContain('already loaded');
    expect(
      await runBaselineLoad({
        file: GOLDEN,
        connection: fake.conn,
        replace: true,
        out: c.o,
        err: c.e
      })
    ).toBe(0);
    expect(c.out.join('')).toContain('Baseline replaced');
  });

  it('exits 1 on a bad file, naming the key, before connecting', async () => {
    const file = writeTemp(JSON.stringify({ ...golden(), version: 3 }));
    const fake = fakeConnection();
    const c = capture();
    expect(await runBaselineLoad({ file, connection: fake.conn, out: c.o, err: c.e })).toBe(1);
    expect(c.err.join('')).toContain('"version" 3 is not supported');
    expect(fake.queries).toEqual([]);
  });

  it('exits 1 without --file, with the usage', async () => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((t) => {
      writes.push(String(t));
      return true;
    });
    try {
      expect(await main([])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(writes.join('')).toContain('--file <baseline.json> is required');
    expect(writes.join('')).toContain('Usage: npm run baseline:load');
  });
});
