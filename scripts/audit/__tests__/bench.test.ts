/**
 * The benchmark's correctness on a small generated set: the generator is deterministic, and
 * parsing alone and the full audit see the same rows, all audited, with the memoised scores
 * equal to direct evaluations.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvFile } from '../../lib/csv.ts';
import { evaluate } from '../../lib/evaluator.ts';
import { loadRuleConfig } from '../../lib/ruleConfig.ts';
import { benchChecks, measureAudit, measureParse, type PhaseResult } from '../bench.ts';
import { runAudit } from '../cli.ts';
import { SYNTH_COLUMNS, writeSyntheticDeals } from '../synth.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('bench:audit on a small set', () => {
  const file = join(dir, 'deals.csv');
  beforeAll(() => {
    writeSyntheticDeals(file, { rows: 3000, seed: 42 });
  });

  it('generates the same bytes for the same seed, and other bytes for another', () => {
    const again = join(dir, 'again.csv');
    const other = join(dir, 'other.csv');
    writeSyntheticDeals(again, { rows: 3000, seed: 42 });
    writeSyntheticDeals(other, { rows: 3000, seed: 43 });
    expect(sha(again)).toBe(sha(file));
    expect(sha(other)).not.toBe(sha(file));
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(SYNTH_COLUMNS.join(','));
  });

  it('parses and audits the same number of rows, every one audited', async () => {
    const parse = await measureParse(file);
    const audit = await measureAudit(file, join(dir, 'out'));
    expect(parse.rows).toBe(3000);
    expect(audit.rows).toBe(3000);
    expect(audit.audited).toBe(3000);
    expect(audit.seconds).toBeGreaterThan(0);
    expect(audit.maxRssMb).toBeGreaterThan(0);
  });

  it('gives the totals a direct evaluate() of every row gives', async () => {
    const { config } = loadRuleConfig();
    let complete = 0;
    let sum = 0;
    let header: string[] = [];
    await parseCsvFile(file, {
      header: true,
      onRecord: (f) => {
        if (header.length === 0) {
          header = f;
          return;
        }
        const col = (name: string): string => f[header.indexOf(name)];
        const values: Record<string, unknown> = {};
        header
          .filter((h) => h.startsWith('Handoff_') && h !== 'Handoff_Segment_Override__c')
          .forEach((h) => (values[h] = col(h) || null));
        const e = evaluate(
          {
            amount: col('Amount') === '' ? null : Number(col('Amount')),
            employees:
              col('Account.NumberOfEmployees') === ''
                ? null
                : Number(col('Account.NumberOfEmployees')),
            type: col('Type') || null,
            segmentOverride: col('Handoff_Segment_Override__c') || null,
            values
          },
          config
        );
        complete += e.complete ? 1 : 0;
        sum += e.completeness;
      }
    });
    const outcome = await runAudit({
      csv: file,
      scope: { kind: 'all' },
      out: join(dir, 'out2'),
      quiet: true
    });
    expect(outcome.report?.complete).toBe(complete);
    expect(outcome.report?.averageCompleteness).toBe(Math.round(sum / 3000));
  });
});

describe('bench:audit checks', () => {
  const phase = (
    p: 'parse' | 'audit',
    seconds: number,
    cpuSeconds: number,
    rows = 100
  ): PhaseResult => ({
    phase: p,
    seconds,
    cpuSeconds,
    rows,
    audited: p === 'audit' ? rows : undefined,
    maxRssMb: 150
  });
  const limits = { maxSeconds: 10, maxRssMb: 300, maxRatio: 2 };
  const failing = (parse: PhaseResult[], audit: PhaseResult[]) =>
    benchChecks(parse, audit, 100, limits)
      .checks.filter((c) => !c.ok)
      .map((c) => `${c.name}: ${c.value}`);

  it('passes when the audit takes at most twice the parse, by wall and by CPU time', () => {
    expect(failing([phase('parse', 1.5, 1.4)], [phase('audit', 2.9, 2.7)])).toEqual([]);
  });

  it('fails on the CPU-time ratio even when a busy machine hides it in wall time, and the other way round', () => {
    expect(failing([phase('parse', 3, 1)], [phase('audit', 4, 2.5)])).toEqual([
      'audit / parse ≤ 2× (CPU time): 2.50×'
    ]);
    expect(failing([phase('parse', 1, 1.5)], [phase('audit', 2.5, 2)])).toEqual([
      'audit / parse ≤ 2× (wall time): 2.50×'
    ]);
  });

  it('takes the medians of the runs, and checks time, memory and row counts', () => {
    const parse = [phase('parse', 1, 1), phase('parse', 9, 9), phase('parse', 1.2, 1.2)];
    const audit = [phase('audit', 2, 2), phase('audit', 2.2, 2.2), phase('audit', 30, 30)];
    const r = benchChecks(parse, audit, 100, limits);
    expect([r.ratio, r.cpuRatio]).toEqual([2.2 / 1.2, 2.2 / 1.2]);
    expect(
      failing([phase('parse', 5, 5, 99)], [{ ...phase('audit', 11, 9), maxRssMb: 301 }])
    ).toEqual([
      'audit time ≤ 10 s: 11.00 s',
      'audit peak RSS ≤ 300 MB: 301 MB',
      'audit / parse ≤ 2× (wall time): 2.20×',
      'same row count parsed and audited: mismatch'
    ]);
  });
});
