// The modules `npm run test:mutation` mutates (issue 18): for each, the file(s) Stryker mutates,
// the tests that must kill the mutants, the Jest environment they run in (`lwc`: jsdom and the
// LWC transformer; `node`: babel-jest), the tsconfig the TypeScript checker compiles mutants
// with, and the break threshold (percent of valid mutants killed). A module whose tests run long
// may set timeoutMS (default 20 s on top of Stryker's own estimate): a mutant cut off by the
// timeout counts as detected, so a timeout shorter than a slow survivor's run on a loaded
// machine would pass a survivor off as killed. Read by stryker.config.mjs and
// scripts/ci/mutation/run.ts.

const LWC = 'force-app/main/default/lwc';

/** @type {Record<string, {mutate: string[], tests: string[], jest: 'lwc' | 'node', tsconfig: string, breakAt: number, timeoutMS?: number}>} */
export const MODULES = {
  handoffRules: {
    mutate: [`${LWC}/handoffRules/handoffRules.ts`],
    tests: [`${LWC}/handoffRules/__tests__/handoffRules.test.ts`],
    jest: 'lwc',
    tsconfig: 'tsconfig.json',
    breakAt: 90
  },
  handoffPrefill: {
    mutate: [`${LWC}/handoffPrefill/handoffPrefill.ts`],
    tests: [`${LWC}/handoffPrefill/__tests__/handoffPrefill.test.ts`],
    jest: 'lwc',
    tsconfig: 'tsconfig.json',
    breakAt: 85
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
    tests: [
      `${LWC}/handoffMetrics/__tests__/handoffMetrics.test.ts`,
      `${LWC}/handoffMetrics/__tests__/handoffMetricsBoundaries.test.ts`
    ],
    jest: 'lwc',
    tsconfig: 'tsconfig.json',
    breakAt: 85
  },
  auditScorer: {
    mutate: ['scripts/audit/scorer.ts'],
    tests: ['scripts/audit/__tests__/scorer.test.ts'],
    jest: 'node',
    tsconfig: 'scripts/tsconfig.json',
    breakAt: 85,
    // Its tests compare 3,000 generated deals per config with evaluate() (about 8 s net): at a
    // load average of 15-20, 21 of the first 82 mutants passed 20 s and were counted as killed.
    timeoutMS: 60000
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
    tests: ['scripts/health/__tests__/metrics.test.ts', 'scripts/health/__tests__/health.test.ts'],
    jest: 'node',
    tsconfig: 'scripts/tsconfig.json',
    breakAt: 85
  }
};
