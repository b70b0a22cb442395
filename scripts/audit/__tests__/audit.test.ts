/**
 * The audit from CSV: every kind of bad input reported with its row while the rest is audited,
 * the exit status, the scope options, a customer export through a mapping, and the shipped
 * sample (the README's main command).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAuditArgs, runAudit, type AuditOptions } from '../cli.ts';
import { parseDay } from '../../lib/dates.ts';
import { AuditEngine } from '../engine.ts';

const root = resolve(__dirname, '../../..');
const fixture = (name: string): string => join(__dirname, 'fixtures', name);
const rules = fixture('rules.json');
const now = new Date('2025-10-01T09:00:00Z');

function outDir(): string {
  return mkdtempSync(join(tmpdir(), 'audit-test-'));
}

async function audit(options: Partial<AuditOptions>) {
  const lines: string[] = [];
  const outcome = await runAudit({
    scope: { kind: 'all' },
    rules,
    out: outDir(),
    now,
    log: (l) => lines.push(l),
    ...options
  });
  return { outcome, lines };
}

describe('bad input', () => {
  it('reports every malformed row with its row number and audits the rest', async () => {
    const { outcome, lines } = await audit({ csv: fixture('bad-input.csv') });
    expect(outcome.exitCode).toBe(0);
    const report = outcome.report;
    if (!report) {
      throw new Error(outcome.message);
    }
    const issues = report.issueSamples
      .filter((i) => i.kind !== 'column-not-in-file')
      .map((i) => [i.row, i.kind, i.severity]);
    expect(issues).toEqual([
      [1, 'unknown-column', 'warning'],
      [3, 'unterminated-quote', 'error'],
      [4, 'text-after-quote', 'error'],
      [5, 'stray-quote', 'warning'],
      [6, 'missing-column', 'error'],
      [7, 'extra-column', 'error'],
      [8, 'missing-id', 'error'],
      [9, 'duplicate-id', 'error'],
      [10, 'duplicate-id', 'error'],
      [11, 'bad-close-date', 'error'],
      [12, 'bad-close-date', 'error'],
      [13, 'bad-close-date', 'error'],
      [14, 'bad-amount', 'warning'],
      [15, 'bad-employees', 'warning'],
      [16, 'bad-date', 'warning']
    ]);
    // the mapped columns the file lacks are named in one warning on the header row
    const missing = report.issueSamples.filter((i) => i.kind === 'column-not-in-file');
    expect(missing).toHaveLength(1);
    expect(missing[0].row).toBe(1);
    expect(missing[0].message).toMatch(
      /^the mapping \(data\/mapping.default.json\) names 14 columns this file does not have: "AccountId" \(account id\), "Account.Name" \(account name\), .*"Handoff_Scope__c" \(Scope\), .*; they are read as blank — fix the mapping or export them$/
    );
    expect(report.issueSamples.find((i) => i.row === 9)?.message).toBe(
      'duplicate id: row 2 has the same id; this row is skipped'
    );
    // rows 2, 5, 14, 15, 16, 18 and 20 are audited; 10 rows skipped
    expect(report.audited).toBe(7);
    expect(report.skipped).toBe(10);
    expect(report.rowsRead).toBe(17);
    // the problems are on stderr too, with their rows
    expect(lines).toContain(
      'deals row 11: error: close date "2025-02-30" is not a valid YYYY-MM-DD date; the row is skipped'
    );
    // no per-deal list for --all unless asked
    expect(outcome.files.some((f) => f.endsWith('deals.csv'))).toBe(false);
    // and every one is in issues.csv
    const issuesCsv = readFileSync(
      outcome.files.find((f) => f.endsWith('issues.csv')) as string,
      'utf8'
    );
    expect(issuesCsv.trim().split('\n')).toHaveLength(1 + report.issueTotal);
  });

  it('reads amounts with currency signs and separators, and multi-line values', async () => {
    const { outcome } = await audit({ csv: fixture('bad-input.csv'), deals: true });
    const deals = readFileSync(
      outcome.files.find((f) => f.endsWith('deals.csv')) as string,
      'utf8'
    );
    expect(deals).toContain(
      '18,006A00000000016AAA,"Multi\nline name",,Ben,2025-03-16,1250000,Renewal,Expansion,Enterprise,'
    );
  });

  it('exits non-zero only when nothing usable remains', async () => {
    const dir = outDir();
    const allBad = join(dir, 'all-bad.csv');
    writeFileSync(
      allBad,
      'Id,CloseDate,Handoff_Customer_Goals__c\n,2025-01-01,x\n006A,not a date,x\n006A,2025-13-01,x\n'
    );
    const { outcome } = await audit({ csv: allBad });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toMatch(
      /Nothing to audit: every row had bad input \(read 3 rows, skipped 3\)/
    );
    expect(outcome.report?.issueTotal).toBeGreaterThanOrEqual(3);
  });

  it('names the missing id or close date column', async () => {
    const dir = outDir();
    const file = join(dir, 'no-id.csv');
    writeFileSync(file, 'Opportunity,CloseDate\nA,2025-01-01\n');
    const { outcome } = await audit({ csv: file });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toMatch(
      /lacks the column "Id" the mapping \(data\/mapping.default.json\) names/
    );
  });

  it('fails clearly on an empty file, a missing file, an unknown segment and conflicting options', async () => {
    const dir = outDir();
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await audit({ csv: empty })).outcome.message).toMatch(/has no header row/);
    expect((await audit({ csv: join(dir, 'nope.csv') })).outcome.message).toMatch(/No such file/);
    const seg = await audit({ csv: fixture('golden-deals.csv'), segment: 'Strategic' });
    expect(seg.outcome.exitCode).toBe(1);
    expect(seg.outcome.message).toBe(
      'Unknown segment "Strategic"; the rules\' segments are Enterprise, Mid-Market, SMB'
    );
    expect(() => parseAuditArgs(['--csv', 'x.csv', '--all', '--since', '2025-01-01'])).toThrow(
      /only one of/
    );
    expect(() => parseAuditArgs(['--csv', 'x.csv', '--since', '2025-02-30'])).toThrow(/YYYY-MM-DD/);
    expect(() => parseAuditArgs(['--csv', 'x.csv', '--bogus'])).toThrow(/bogus/);
  });
});

describe('duplicate ids in the streaming scopes', () => {
  it('finds them at the end with the same results as looking each id up on arrival', async () => {
    const dir = outDir();
    const file = join(dir, 'dups.csv');
    const header =
      'Id,Owner.Name,CloseDate,Amount,Type,Handoff_Customer_Goals__c,Handoff_Commitments__c';
    const rows = [
      '006A1,Ava,2025-01-05,150000,New Customer,Goals,', // 2
      '006A2,Ben,2024-12-01,9000,New Customer,,Commitments', // 3: before --since
      '006A3,Ava,2025-02-01,30000,Renewal,Goals,Commitments', // 4
      '006A1,Cara,2025-03-01,9000,New Customer,Goals,Commitments', // 5: dup of 2 (audited)
      '006A2,Cara,2025-03-02,9000,New Customer,Goals,', // 6: dup of 3 (which was filtered)
      '006A4,Ben,2025-03-03,40000,New Customer,,', // 7
      '006A3,Ben,2024-11-11,40000,New Customer,,', // 8: dup of 4, and itself before --since
      '006A1,Ava,2025-04-01,150000,New Customer,,' // 9: dup of 2 again
    ];
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
    for (const scope of [
      { kind: 'all' } as const,
      { kind: 'since', day: parseDay('2025-01-01') } as const
    ]) {
      const deferred = (await audit({ csv: file, scope })).outcome.report;
      const immediate = (await audit({ csv: file, scope, deals: true })).outcome.report;
      if (!deferred || !immediate) {
        throw new Error('no report');
      }
      const summary = (r: typeof deferred) => ({
        audited: r.audited,
        skipped: r.skipped,
        filtered: r.filtered,
        complete: r.complete,
        average: r.averageCompleteness,
        range: r.closeRange,
        fields: r.fields.map((f) => [f.filled, f.applicable, f.required, f.requiredMissing]),
        owners: r.owners.map((o) => [o.name, o.deals, o.complete, o.completenessSum, o.topMissing]),
        months: r.months.map((o) => [o.name, o.deals, o.complete]),
        issues: r.issueSamples.map((i) => [i.row, i.kind, i.message])
      });
      expect(summary(deferred)).toEqual(summary(immediate));
      expect(
        deferred.issueSamples.filter((i) => i.kind === 'duplicate-id').map((i) => i.row)
      ).toEqual([5, 6, 8, 9]);
    }
  });
});

describe('the end-of-run count', () => {
  it('gives the same groups whether it counts by (group, score) tables or row by row', async () => {
    const tables = (await audit({ csv: fixture('golden-deals.csv') })).outcome.report;
    const saved = AuditEngine.pairTableLimit;
    AuditEngine.pairTableLimit = 0;
    try {
      const rows = (await audit({ csv: fixture('golden-deals.csv') })).outcome.report;
      const groups = (r: typeof rows) => [r?.owners, r?.months, r?.segments];
      expect(groups(rows)).toEqual(groups(tables));
      expect(rows?.owners.length).toBeGreaterThan(2);
    } finally {
      AuditEngine.pairTableLimit = saved;
    }
  });
});

describe('scope', () => {
  it('defaults to the last 15 closed-won deals', () => {
    expect(parseAuditArgs(['--csv', 'x.csv'])).toMatchObject({
      scope: { kind: 'last', count: 15 },
      out: 'reports/audit'
    });
  });

  it('keeps only the newest N deals, newest first', async () => {
    const { outcome } = await audit({
      csv: fixture('golden-deals.csv'),
      scope: { kind: 'last', count: 5 }
    });
    const report = outcome.report;
    expect(report?.audited).toBe(5);
    expect(report?.deals?.map((d) => d.closeDate)).toEqual([
      '2025-05-26',
      '2025-05-19',
      '2025-05-12',
      '2025-05-05',
      '2025-04-28'
    ]);
    expect(report?.filtered.outsideWindow).toBe(16);
  });

  it('audits deals closed on or after --since', async () => {
    const { outcome } = await audit({
      csv: fixture('golden-deals.csv'),
      scope: { kind: 'since', day: parseDay('2025-04-01') }
    });
    expect(outcome.report?.audited).toBe(8);
    expect(outcome.report?.filtered.beforeSince).toBe(13);
  });

  it('audits one segment with --segment', async () => {
    const { outcome } = await audit({ csv: fixture('golden-deals.csv'), segment: 'enterprise' });
    const report = outcome.report;
    expect(report?.segments.map((s) => s.name)).toEqual(['Enterprise']);
    expect(report?.audited).toBe(report?.segments[0].deals);
    expect(report?.filtered.otherSegment).toBeGreaterThan(0);
  });
});

describe('a customer export through a mapping', () => {
  it('reads US dates, currency amounts, several source columns per field, and only won stages', async () => {
    const { outcome } = await audit({
      csv: join(root, 'data/sample-customer-export.csv'),
      mapping: join(root, 'data/mapping.sample-export.json')
    });
    expect(outcome.exitCode).toBe(0);
    const report = outcome.report;
    if (!report) {
      throw new Error(outcome.message);
    }
    expect(report.filtered.notWon).toBeGreaterThan(0);
    const byLabel = new Map(report.fields.map((f) => [f.label, f]));
    expect(byLabel.get('Customer Goals')?.columns).toEqual(['Success Criteria', 'Description']);
    expect(byLabel.get('Commitments')?.verdict).toBe('Not captured');
    expect(byLabel.get('Champion')?.verdict).not.toBe('Not captured');
    const kinds = report.issueSamples.map((i) => [i.row, i.kind]);
    expect(kinds).toContainEqual([1, 'unknown-column']);
    expect(kinds).toContainEqual([11, 'bad-close-date']);
    expect(kinds).toContainEqual([7, 'bad-date']);
  });
});

describe('the shipped sample (the README command)', () => {
  it('audits data/sample-closed-won.csv with its activities, reporting the deliberate bad rows', async () => {
    const { outcome } = await audit({
      csv: join(root, 'data/sample-closed-won.csv'),
      activities: join(root, 'data/sample-activities.csv'),
      rules: undefined,
      scope: { kind: 'last', count: 15 }
    });
    expect(outcome.exitCode).toBe(0);
    const report = outcome.report;
    if (!report) {
      throw new Error(outcome.message);
    }
    expect(report.audited).toBe(15);
    expect(report.rowsRead).toBeGreaterThanOrEqual(100);
    expect(report.issueCounts.map((c) => c.kind)).toEqual([
      'unterminated-quote',
      'missing-column',
      'unknown-column',
      'missing-id',
      'duplicate-id',
      'bad-close-date',
      'bad-amount',
      'bad-employees',
      'bad-date'
    ]);
    expect(report.touch?.rows[0].looked).toBe(15);
    const names = outcome.files.map((f) => f.split(/[\\/]/).pop());
    expect(names).toEqual(
      expect.arrayContaining([
        'audit.md',
        'audit.html',
        'fields.csv',
        'segments.csv',
        'aes.csv',
        'months.csv',
        'first-touch.csv',
        'deals.csv',
        'issues.csv'
      ])
    );
  });
});
