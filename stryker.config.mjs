// Mutation testing (issue 18): how much of the shared TypeScript modules' behaviour the tests
// pin. One module per run, chosen by MUTATION_MODULE; `npm run test:mutation` runs them all in
// turn (scripts/ci/mutation/run.ts) and `npm run test:mutation -- <module>` runs one.
// Each module is mutated alone and tested by its own tests in its own Jest environment (jsdom
// for the LWC modules, node for the scripts), with the TypeScript checker discarding mutants
// that do not compile. Reports: reports/mutation/<module>/index.html (+ mutation.json).
// Equivalent mutants are marked in the source with `// Stryker disable next-line <mutator>: <why>`.

import { MODULES } from './scripts/ci/mutation/modules.mjs';

const name = process.env.MUTATION_MODULE;
const module = MODULES[name];
if (!module) {
  throw new Error(
    `MUTATION_MODULE must name one of: ${Object.keys(MODULES).join(', ')} (got ${name === undefined ? 'nothing' : `"${name}"`}). Run \`npm run test:mutation -- <module>\`.`
  );
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: module.mutate,
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: `scripts/ci/mutation/jest.${module.jest}.config.cjs`,
    config: { testMatch: module.tests.map((file) => `<rootDir>/${file}`) },
    enableFindRelatedTests: false
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: module.tsconfig,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Two shared cores: one test process and one checker.
  concurrency: 1,
  timeoutMS: module.timeoutMS ?? 20000,
  thresholds: { high: 95, low: module.breakAt, break: module.breakAt },
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // The sandbox needs the sources, tests, data and docs (tests read them), not the caches, nor
  // the browser harness (its own tsconfig and DOM types; no mutated module's test reads it).
  ignorePatterns: [
    '/.cache',
    '/.ci/out',
    '/reports',
    '/coverage',
    '/.sf',
    '/.sfdx',
    '/scripts/browser'
  ],
  // Incremental: a rerun tests only the mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: `reports/mutation/${name}/stryker-incremental.json`
};
