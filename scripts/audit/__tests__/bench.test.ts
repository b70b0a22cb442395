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
import { measureAudit, measureParse } from '../bench.ts';
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
