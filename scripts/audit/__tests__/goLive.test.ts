/**
 * The audit's optional go-live column (issue 17, docs/audit.md "The baseline"): with
 * `deal.goLiveDate` mapped, baseline.json carries `timeToFirstValue` (deals with a go-live not
 * before the close, median and 90th percentile of the days from close), the same in every scope;
 * a go-live that is not a date or is before the close is reported and left out; without the
 * column the key is absent (the goldens keep their shape).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit, type AuditOptions } from '../cli.ts';
import { goLiveFigures } from '../report.ts';

const rules = join(__dirname, 'fixtures', 'rules.json');
const now = new Date('2025-10-01T09:00:00Z');

function temp(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-golive-'));
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const CSV = [
  'Id,CloseDate,Handoff_Customer_Goals__c,Go Live',
  '006000000000001AAA,2025-03-03,Goals,2025-03-13', // 10 days
  '006000000000002AAA,2025-03-04,Goals,2025-03-24', // 20 days
  '006000000000003AAA,2025-03-05,Goals,', // no go-live yet
  '006000000000004AAA,2025-03-06,Goals,soon', // not a date: reported, left out
  '006000000000005AAA,2025-03-07,Goals,2025-03-01', // before the close: reported, left out
  '006000000000006AAA,2025-03-08,Goals,2025-04-17' // 40 days
].join('\n');

function mapping(goLive: boolean): string {
  return temp(
    'mapping.json',
    JSON.stringify({
      deal: { id: 'Id', closeDate: 'CloseDate', ...(goLive ? { goLiveDate: 'Go Live' } : {}) },
      fields: { Handoff_Customer_Goals__c: 'Handoff_Customer_Goals__c' }
    })
  );
}

async function baselineOf(options: Partial<AuditOptions>): Promise<Record<string, unknown>> {
  const out = mkdtempSync(join(tmpdir(), 'audit-golive-out-'));
  const outcome = await runAudit({
    scope: { kind: 'all' },
    rules,
    out,
    now,
    log: () => undefined,
    csv: temp('deals.csv', CSV),
    ...options
  });
  expect(outcome.exitCode).toBe(0);
  return JSON.parse(readFileSync(join(out, 'baseline.json'), 'utf8')) as Record<string, unknown>;
}

describe('time to first value in the baseline', () => {
  it('goLiveFigures: nearest-rank median and 90th percentile', () => {
    expect(goLiveFigures(new Map())).toEqual({ deals: 0, medianDays: null, p90Days: null });
    expect(
      goLiveFigures(
        new Map([
          [10, 1],
          [20, 1],
          [40, 1]
        ])
      )
    ).toEqual({
      deals: 3,
      medianDays: 20,
      p90Days: 40
    });
    expect(
      goLiveFigures(
        new Map([
          [5, 9],
          [90, 1]
        ])
      )
    ).toEqual({ deals: 10, medianDays: 5, p90Days: 5 });
  });

  it.each([
    // Each of the engine's three ways of counting: a log read at the end (all, since), the
    // newest-deals window (last), and deal by deal (--deals).
    ['all deals', { kind: 'all' } as const, false],
    ['the last 6', { kind: 'last', count: 6 } as const, false],
    ['since a day', { kind: 'since', day: Date.UTC(2025, 0, 1) / 86_400_000 } as const, false],
    ['all deals, each listed (--deals)', { kind: 'all' } as const, true]
  ])(
    'with the column mapped (%s): deals, median and p90 of the readable go-lives',
    async (_l, scope, deals) => {
      const baseline = await baselineOf({ mapping: mapping(true), scope, deals });
      expect(baseline.version).toBe(1);
      expect(baseline.deals).toBe(6);
      expect(baseline.timeToFirstValue).toEqual({ deals: 3, medianDays: 20, p90Days: 40 });
    }
  );

  it('reports a go-live that is not a date or is before the close', async () => {
    const out = mkdtempSync(join(tmpdir(), 'audit-golive-out-'));
    const outcome = await runAudit({
      scope: { kind: 'all' },
      rules,
      out,
      now,
      log: () => undefined,
      csv: temp('deals.csv', CSV),
      mapping: mapping(true)
    });
    const messages = (outcome.report?.issueSamples ?? []).map((i) => `${i.row} ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^5 go-live date "soon" is not a valid/),
        '6 go-live date "2025-03-01" is before the close date; left out of the time to first value'
      ])
    );
  });

  it('without the column the key is absent', async () => {
    const baseline = await baselineOf({ mapping: mapping(false) });
    expect(baseline).not.toHaveProperty('timeToFirstValue');
    expect(baseline.deals).toBe(6);
  });
});
