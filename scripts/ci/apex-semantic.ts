// Offline Apex semantic check: apex-ls (Apex Dev Tools' language server, shipped inside the
// Code Analyzer PMD engine's Java libraries) type-checks every class and trigger against the
// project's own objects, fields and classes: unknown fields on custom objects, unknown methods,
// incompatible types. The syntax check cannot see any of these; before this, only a deploy did.
// It is lenient on custom fields of standard objects: the metadata cross-reference tests cover
// those (force-app/test/metadata/crossReference.test.ts).
//
// Usage: tsx scripts/ci/apex-semantic.ts
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Problem, elapsed, formatProblem, plural, repoRoot, runCli, UsageError } from './lib';

const JAVA_LIB = path.join(
  repoRoot,
  'node_modules',
  '@salesforce',
  'code-analyzer-pmd-engine',
  'dist',
  'java-lib'
);

/**
 * Parses apex-ls text output: a file path line, then `Error: line L at C1-C2: message` or
 * `Missing: …` lines for it. Warnings and unused-member notes are not failures.
 */
export function parseApexLsOutput(output: string): Problem[] {
  const problems: Problem[] = [];
  let file: string | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const issue = /^(Error|Missing): line (\d+) at (\d+)(?:-\d+)?: (.*)$/.exec(line);
    if (issue && file) {
      problems.push({
        file,
        line: Number(issue[2]),
        column: Number(issue[3]) + 1,
        message: `${issue[1]}: ${issue[4]}`
      });
    } else if (/^\/.*\.(cls|trigger)$/.test(line)) {
      file = line;
    }
  }
  return problems;
}

function main(): number {
  const start = Date.now();
  if (!existsSync(JAVA_LIB)) {
    throw new UsageError(`apex-ls not found in ${JAVA_LIB}: run npm ci`);
  }
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error) {
    throw new UsageError(
      'Java 11+ is required (apt-get install -y openjdk-17-jre-headless) to run apex-ls'
    );
  }
  const run = spawnSync(
    'java',
    [
      '-cp',
      `${JAVA_LIB}/*`,
      'io.github.apexdevtools.apexls.CheckForIssues',
      '--nocache',
      '--workspace',
      repoRoot
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  );
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const problems = parseApexLsOutput(output);
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length === 0 && run.status !== 0) {
    // A non-zero status with nothing we could parse: show what apex-ls said.
    console.error(output.trim());
    return 1;
  }
  console.log(`apex-ls: ${plural(problems.length, 'semantic error')} (${elapsed(start)})`);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) runCli('apex-semantic', main);
