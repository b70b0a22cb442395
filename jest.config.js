// Two Jest projects: Lightning Web Components (jsdom, the LWC transformer) and the
// Node-side TypeScript (jsforce scripts, metadata cross-reference and formula tests).
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const lwcMocks = {
  '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
  '^lightning/platformShowToastEvent$':
    '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent'
};

module.exports = {
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      roots: ['<rootDir>/force-app/main/default/lwc'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      moduleNameMapper: lwcMocks
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/force-app/test', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform: {
        '^.+\\.ts$': [
          'babel-jest',
          {
            presets: [
              ['@babel/preset-env', { targets: { node: 'current' } }],
              '@babel/preset-typescript'
            ]
          }
        ]
      },
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' }
    }
  ],
  testTimeout: 60000,
  // One worker per core. Jest's default leaves a core to itself (one worker on a 2-core CI
  // machine, so every suite ran in turn); the slowest suites mostly wait on child processes
  // (the deploy script, the docs' snippets), so two workers on two cores took 137 s instead of
  // 164 s for the whole suite, measured on the CI machine (Dec 2026).
  maxWorkers: '100%'
};
