// The Jest configuration Stryker runs for the Node-side modules (scripts): the `node` project of the
// repository's jest.config.js on its own (node environment, babel-jest with the TypeScript preset). Stryker's Jest runner
// wraps the test environment of the top-level configuration only, so it cannot be given the
// two-project file; the module's tests are chosen in stryker.config.mjs (jest.config.testMatch).
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../../..');
const { projects, testTimeout } = require(path.join(rootDir, 'jest.config.js'));
const { displayName, ...node } = projects.find((project) => project.displayName === 'node');

module.exports = { ...node, rootDir, testTimeout };
