// `npm run check:ai`: the offline checks of the optional AI draft, force-app-ai (docs/ai-draft.md,
// "Tests"), kept apart from force-app's so that every force-app check stays as it is:
//   1. Salesforce's Apex compiler (scripts/ci/apex-compile.ts) compiles force-app-ai's classes
//      together with force-app's, as the org has them after both deploys (the AI classes
//      implement the core's HandoffAiDrafter and read its labels); the compiler's system-class
//      stubs include ConnectApi.EinsteinLLM and its input and output classes;
//   2. the platform's metadata rules (scripts/ci/check-metadata-rules.ts) on force-app-ai;
//   3. `sf project convert source --root-dir force-app-ai` (scripts/ci/convert-source.ts).
// The Metadata API schema check is ../shared/tools/check-metadata force-app-ai (.ci/run).
// None of this runs the prompt template: that needs an org with Prompt Builder.
//
// Usage: tsx scripts/ci/check-ai.ts
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compileApex } from './apex-compile';
import { displayPath, elapsed, formatProblem, plural, repoRoot, runCli, UsageError } from './lib';

export const AI_ROOT = 'force-app-ai';
const AI_PACKAGE = path.join(repoRoot, AI_ROOT, 'main', 'default');
const CORE_PACKAGE = path.join(repoRoot, 'force-app', 'main', 'default');

/** Runs another check script of this folder with tsx; its exit status. */
function runScript(script: string, args: readonly string[]): number {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, [path.join(__dirname, script), ...args], {
    cwd: repoRoot,
    stdio: 'inherit'
  });
  if (run.error) throw new UsageError(`cannot run ${script}: ${run.error.message}`);
  return run.status ?? 1;
}

function main(argv: readonly string[]): number {
  if (argv.length > 0) throw new UsageError(`unknown argument ${argv[0]} (no arguments)`);
  const start = Date.now();
  if (!existsSync(AI_PACKAGE)) throw new UsageError(`${displayPath(AI_PACKAGE)} not found`);
  let failures = 0;

  const [result] = compileApex([AI_PACKAGE], { dependencies: [CORE_PACKAGE] });
  for (const problem of result.errors) console.error(formatProblem(problem));
  for (const internal of result.internal) {
    console.error(`${displayPath(AI_PACKAGE)}: the compiler failed inside: ${internal}`);
  }
  console.log(
    `Apex compiler (jorje): ${plural(result.files, 'class', 'classes')} compiled under ` +
      `${displayPath(AI_PACKAGE)} with ${displayPath(CORE_PACKAGE)}, ` +
      `${plural(result.errors.length, 'compile error')}`
  );
  failures += result.errors.length + result.internal.length;

  if (runScript('check-metadata-rules.ts', [AI_ROOT]) !== 0) failures++;
  if (runScript('convert-source.ts', ['--root-dir', AI_ROOT]) !== 0) failures++;

  console.log(`check-ai: ${failures === 0 ? 'passed' : 'FAILED'} in ${elapsed(start)}`);
  return failures === 0 ? 0 : 1;
}

if (require.main === module) runCli('check-ai', () => main(process.argv.slice(2)));
