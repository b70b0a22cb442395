// ESLint 9 flat config. LWC TypeScript uses Salesforce's recommendedTs config (Babel
// parser); the Node scripts and tests use typescript-eslint. Zero warnings allowed.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');

const scope = (configs, files) => configs.map((c) => ({ ...c, files }));

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
      '.cache/**',
      '.sf/**',
      '.sfdx/**',
      'force-app/main/default/lwc/**/*.js',
      'force-app/main/default/staticresources/**',
      '**/*.d.ts'
    ]
  },
  ...scope(lwcConfig.configs.recommendedTs, ['force-app/main/default/lwc/**/*.ts']),
  {
    files: ['force-app/main/default/lwc/**/*.ts'],
    rules: {
      // TypeScript checks undefined identifiers; the Babel-parsed rule misfires on types.
      'no-undef': 'off'
    }
  },
  {
    files: ['force-app/main/default/lwc/**/__tests__/**/*.ts'],
    ...jestPlugin.configs['flat/recommended'],
    languageOptions: {
      ...jestPlugin.configs['flat/recommended'].languageOptions,
      globals: { ...globals.jest, ...globals.node }
    }
  },
  ...scope(tseslint.configs.recommended, ['scripts/**/*.ts', 'force-app/test/**/*.ts']),
  {
    files: ['scripts/**/*.ts', 'force-app/test/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    plugins: { jest: jestPlugin },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['*.js', '.ci/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node }
  }
];
