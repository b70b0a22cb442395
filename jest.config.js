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
  testTimeout: 60000
};
