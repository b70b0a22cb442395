// Mutation testing (issue 18): how much of the shared TypeScript modules' behaviour the tests
// pin. One module per run, chosen by MUTATION_MODULE; `npm run test:mutation` runs them all in
// turn (scripts/ci/mutation/run.ts) and `npm run test:mutation -- <module>` runs one.
// Each module is mutated alone and tested by its own tests in its own Jest environment (jsdom
// for the LWC modules, node for the scripts), with the TypeScript checker discarding mutants
// that do not compile. Reports: reports/mutation/<module>/index.html (+ mutation.json).
// Equivalent mutants are marked in the source with `// Stryker disable next-line <mutator>: <why>`.

const LWC = 'force-app/main/default/lwc';

/** @type {Record<string, {mutate: string[], tests: string[], jest: 'lwc' | 'node', tsconfig: string, breakAt: number}>} */
export const MODULES = {
  handoffRules: {
    mutate: [`${LWC}/handoffRules/handoffRules.ts`],
    tests: [`${LWC}/handoffRules/__tests__/handoffRules.test.ts`],
    jest: 'lwc',
    tsconfig: 'tsconfig.json',
    breakAt: 90
  },
  handoffSummary: {
    mutate: [`${LWC}/handoffSummary/handoffSummary.ts`],
    tests: [`${LWC}/handoffSummary/__tests__/handoffSummary.test.ts`],
    jest: 'lwc',
    tsconfig: 'tsconfig.json',
    breakAt: 85
  },
  handoffMetrics: {
    mutate: [`${LWC}/handoffMetrics/handoffMetrics.ts`],
    tests: [`${LWC}/handoffMetrics/__tests__/handoffMetrics.test.ts`],
    jest: 'lwc',
    tsconfig: 'tsconfig.json',
    breakAt: 85
  },
  auditScorer: {
    mutate: ['scripts/audit/scorer.ts'],
    tests: ['scripts/audit/__tests__/scorer.test.ts'],
    jest: 'node',
    tsconfig: 'scripts/tsconfig.json',
    breakAt: 85
  },
  auditMapping: {
    mutate: ['scripts/audit/mapping.ts'],
    tests: ['scripts/audit/__tests__/mapping.test.ts'],
    jest: 'node',
    tsconfig: 'scripts/tsconfig.json',
    breakAt: 85
  },
  csv: {
    mutate: ['scripts/lib/csv.ts'],
    tests: ['scripts/lib/__tests__/csv.test.ts'],
    jest: 'node',
    tsconfig: 'scripts/tsconfig.json',
    breakAt: 85
  },
  healthRedFlags: {
    mutate: ['scripts/health/metrics.ts'],
    tests: ['scripts/health/__tests__/health.test.ts', 'scripts/lib/__tests__/redFlags.test.ts'],
    jest: 'node',
    tsconfig: 'scripts/tsconfig.json',
    breakAt: 85
  }
};

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
  timeoutMS: 20000,
  thresholds: { high: 95, low: module.breakAt, break: module.breakAt },
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // The sandbox needs the sources, tests and configuration, not the docs, data or caches.
  ignorePatterns: [
    '/docs',
    '/data',
    '/config',
    '/.cache',
    '/.ci',
    '/reports',
    '/coverage',
    '/.sf',
    '/.sfdx'
  ],
  incremental: false
};
