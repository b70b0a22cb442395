/**
 * `npm run bench:audit`: generates a million synthetic deals (deterministic seed) into a temp
 * file, then times parsing alone and the full audit with the same parser, each in a fresh
 * process (so each peak RSS is its own), and fails when the audit takes more than 10 s, peaks
 * above 300 MB, or takes more than twice as long as parsing alone — by wall time and by CPU time
 * (`process.cpuUsage`, which a busy shared machine does not inflate the way it does wall time).
 *
 *   npm run bench:audit                     # 1,000,000 rows, 3 runs each, medians
 *   npm run bench:audit -- --rows 200000 --runs 1
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_ERROR, UsageError, intOption, parseCli } from '../lib/cli.ts';
import { parseCsvFile } from '../lib/csv.ts';
import { runAudit } from './cli.ts';
import { writeSyntheticDeals } from './synth.ts';

/** One timed phase. */
export interface PhaseResult {
  phase: 'parse' | 'audit';
  seconds: number;
  /** CPU time (user + system, all threads) over the same span */
  cpuSeconds: number;
  /** audit: how many times the rule evaluator ran */
  evaluations?: number;
  rows: number;
  audited?: number;
  maxRssMb: number;
}

function maxRssMb(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Parses the file with the audit's parser, counting data rows. */
export async function measureParse(file: string): Promise<PhaseResult> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  let rows = -1; // the header
  await parseCsvFile(file, {
    header: true,
    onRecord: () => {
      rows++;
    }
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { phase: 'parse', seconds, cpuSeconds: cpuSince(cpu), rows, maxRssMb: maxRssMb() };
}

/** Runs the full audit (every deal, all reports) on the file. */
export async function measureAudit(file: string, out: string): Promise<PhaseResult> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const outcome = await runAudit({ csv: file, scope: { kind: 'all' }, out, quiet: true });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (outcome.exitCode !== 0 || !outcome.report) {
    throw new Error(`audit failed: ${outcome.message}`);
  }
  return {
    phase: 'audit',
    seconds,
    cpuSeconds: cpuSince(cpu),
    evaluations: outcome.evaluations,
    rows: outcome.report.rowsRead,
    audited: outcome.report.audited,
    maxRssMb: maxRssMb()
  };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function runChild(phase: 'parse' | 'audit', file: string, out: string): PhaseResult {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, __filename, '--phase', phase, '--file', file, '--out', out],
    { encoding: 'utf8', maxBuffer: 1 << 20 }
  );
  if (child.status !== 0) {
    throw new Error(`${phase} run failed (${child.status}): ${child.stderr}`);
  }
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as PhaseResult;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The benchmark's limits. */
export interface BenchLimits {
  maxSeconds: number;
  maxRssMb: number;
  maxRatio: number;
}

/** One pass/fail line of the benchmark. */
export interface BenchCheck {
  name: string;
  ok: boolean;
  value: string;
}

/**
 * The checks on the runs' medians: the audit's time and peak memory, its ratio to parsing alone
 * by wall time and by CPU time, and that both saw every row.
 */
export function benchChecks(
  parse: readonly PhaseResult[],
  audit: readonly PhaseResult[],
  rows: number,
  limits: BenchLimits
): { checks: BenchCheck[]; ratio: number; cpuRatio: number; auditSeconds: number; rssMb: number } {
  const auditSeconds = median(audit.map((p) => p.seconds));
  const ratio = auditSeconds / median(parse.map((p) => p.seconds));
  const cpuRatio = median(audit.map((p) => p.cpuSeconds)) / median(parse.map((p) => p.cpuSeconds));
  const rssMb = Math.max(...audit.map((a) => a.maxRssMb));
  const sameRows =
    parse.every((p) => p.rows === rows) &&
    audit.every((a) => a.rows === rows && a.audited === rows);
  return {
    ratio,
    cpuRatio,
    auditSeconds,
    rssMb,
    checks: [
      {
        name: `audit time ≤ ${limits.maxSeconds} s`,
        ok: auditSeconds <= limits.maxSeconds,
        value: `${auditSeconds.toFixed(2)} s`
      },
      {
        name: `audit peak RSS ≤ ${limits.maxRssMb} MB`,
        ok: rssMb <= limits.maxRssMb,
        value: `${rssMb} MB`
      },
      {
        name: `audit / parse ≤ ${limits.maxRatio}× (wall time)`,
        ok: ratio <= limits.maxRatio,
        value: `${ratio.toFixed(2)}×`
      },
      {
        name: `audit / parse ≤ ${limits.maxRatio}× (CPU time)`,
        ok: cpuRatio <= limits.maxRatio,
        value: `${cpuRatio.toFixed(2)}×`
      },
      {
        name: 'same row count parsed and audited',
        ok: sameRows,
        value: sameRows ? `${rows}` : 'mismatch'
      }
    ]
  };
}

/** The command-line entry point. */
export async function main(argv: string[]): Promise<number> {
  let v;
  try {
    v = parseCli(argv, {
      rows: { type: 'string' },
      runs: { type: 'string' },
      seed: { type: 'string' },
      fill: { type: 'string' },
      keep: { type: 'boolean' },
      phase: { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string' },
      'max-seconds': { type: 'string' },
      'max-rss': { type: 'string' },
      'max-ratio': { type: 'string' }
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return EXIT_ERROR;
  }
  if (v.phase) {
    // A child run: one phase, one JSON line.
    if (!v.file || !v.out || (v.phase !== 'parse' && v.phase !== 'audit')) {
      throw new UsageError('--phase parse|audit needs --file and --out');
    }
    const result =
      v.phase === 'parse' ? await measureParse(v.file) : await measureAudit(v.file, v.out);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  }
  const rows = intOption(v.rows, 'rows', 1_000_000);
  const runs = intOption(v.runs, 'runs', 3);
  const seed = intOption(v.seed, 'seed', 42, 0);
  const maxSeconds = Number(v['max-seconds'] ?? 10);
  const maxRss = Number(v['max-rss'] ?? 300);
  const maxRatio = Number(v['max-ratio'] ?? 2);
  const dir = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
  const file = join(dir, 'deals.csv');
  try {
    const t0 = Date.now();
    const fill = v.fill === 'independent' ? 'independent' : 'sections';
    writeSyntheticDeals(file, { rows, seed, fill });
    const size = statSync(file).size;
    process.stderr.write(
      `Generated ${rows.toLocaleString('en-US')} deals (${(size / (1 << 20)).toFixed(0)} MB, seed ${seed}, ${fill} fill) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`
    );
    const parse: PhaseResult[] = [];
    const audit: PhaseResult[] = [];
    for (let r = 0; r < runs; r++) {
      parse.push(runChild('parse', file, join(dir, 'out')));
      audit.push(runChild('audit', file, join(dir, 'out')));
      process.stderr.write(
        `run ${r + 1}: parse ${parse[r].seconds.toFixed(2)} s (cpu ${parse[r].cpuSeconds.toFixed(2)} s, ${parse[r].maxRssMb} MB), ` +
          `audit ${audit[r].seconds.toFixed(2)} s (cpu ${audit[r].cpuSeconds.toFixed(2)} s, ${audit[r].maxRssMb} MB, ${audit[r].evaluations} evaluations)\n`
      );
    }
    const parseS = median(parse.map((p) => p.seconds));
    const parseCpu = median(parse.map((p) => p.cpuSeconds));
    const auditCpu = median(audit.map((p) => p.cpuSeconds));
    const parseRss = Math.max(...parse.map((a) => a.maxRssMb));
    const {
      checks,
      ratio,
      cpuRatio,
      auditSeconds: auditS,
      rssMb: rss
    } = benchChecks(parse, audit, rows, { maxSeconds, maxRssMb: maxRss, maxRatio });
    process.stdout.write(
      [
        `Audit benchmark: ${rows.toLocaleString('en-US')} deals, ${(size / (1 << 20)).toFixed(0)} MB CSV, Node ${process.version}, median of ${runs}`,
        `  parse only : ${parseS.toFixed(2)} s (CPU ${parseCpu.toFixed(2)} s), peak RSS ${parseRss} MB`,
        `  full audit : ${auditS.toFixed(2)} s (CPU ${auditCpu.toFixed(2)} s), peak RSS ${rss} MB`,
        `  ratio      : ${ratio.toFixed(2)}× by wall time, ${cpuRatio.toFixed(2)}× by CPU time`,
        `  evaluator  : ${audit[0].evaluations} evaluations for ${rows.toLocaleString('en-US')} deals (the rest memoised)`,
        ...checks.map((c) => `  ${c.ok ? 'PASS' : 'FAIL'} ${c.name}: ${c.value}`)
      ].join('\n') + '\n'
    );
    return checks.every((c) => c.ok) ? 0 : EXIT_ERROR;
  } finally {
    if (!v.keep) {
      rmSync(dir, { recursive: true, force: true });
    } else {
      process.stderr.write(`Kept ${dir}\n`);
    }
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = EXIT_ERROR;
    }
  );
}
