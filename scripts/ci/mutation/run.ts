/**
 * `npm run test:mutation [-- <module> ...]`: Stryker over the shared TypeScript modules, one
 * module at a time (scripts/ci/mutation/modules.mjs holds the list, each module's tests, Jest environment and
 * break threshold). Prints each module's mutation score and run time; exits non-zero when a
 * module falls below its threshold or Stryker fails. Reports: reports/mutation/<module>/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface MutantResult {
  status: string;
}
interface MutationReport {
  files: Record<string, { mutants: MutantResult[] }>;
}
interface ModuleSummary {
  module: string;
  exitCode: number;
  seconds: number;
  score: number | null;
  counts: Record<string, number>;
}

const root = path.resolve(__dirname, '..', '..', '..');

/** The score Stryker breaks on: detected ÷ valid (killed + timeout over those plus survived and no coverage). */
export function scoreOf(report: MutationReport): {
  score: number | null;
  counts: Record<string, number>;
} {
  const counts: Record<string, number> = {};
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
    }
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { score: valid === 0 ? null : (100 * detected) / valid, counts };
}

async function main(): Promise<void> {
  const { MODULES } = (await import(
    path.join(root, 'scripts', 'ci', 'mutation', 'modules.mjs')
  )) as {
    MODULES: Record<string, { breakAt: number }>;
  };
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in MODULES));
  if (unknown.length > 0) {
    console.error(
      `Unknown module ${unknown.join(', ')}: choose from ${Object.keys(MODULES).join(', ')}.`
    );
    process.exit(2);
  }
  const names = wanted.length > 0 ? wanted : Object.keys(MODULES);
  const summaries: ModuleSummary[] = [];
  for (const module of names) {
    console.log(`\n== Mutation testing ${module} ==`);
    const started = Date.now();
    const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MUTATION_MODULE: module }
    });
    const seconds = Math.round((Date.now() - started) / 1000);
    const reportFile = path.join(root, 'reports', 'mutation', module, 'mutation.json');
    const { score, counts } = existsSync(reportFile)
      ? scoreOf(JSON.parse(readFileSync(reportFile, 'utf8')) as MutationReport)
      : { score: null, counts: {} };
    summaries.push({ module, exitCode: run.status ?? 1, seconds, score, counts });
  }
  console.log('\nmodule | score | break | survived | no coverage | run time | result');
  for (const s of summaries) {
    const score = s.score === null ? 'n/a' : `${s.score.toFixed(2)}%`;
    const result = s.exitCode === 0 ? 'ok' : 'FAILED';
    console.log(
      `${s.module} | ${score} | ${MODULES[s.module].breakAt}% | ${s.counts.Survived ?? 0} | ${s.counts.NoCoverage ?? 0} | ${s.seconds} s | ${result}`
    );
  }
  if (summaries.some((s) => s.exitCode !== 0)) {
    process.exit(1);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
