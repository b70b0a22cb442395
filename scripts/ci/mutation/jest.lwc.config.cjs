// The Jest configuration Stryker runs for the LWC modules: the `lwc` project of the
// repository's jest.config.js on its own (jsdom, the LWC transformer). Stryker's Jest runner
// wraps the test environment of the top-level configuration only, so it cannot be given the
// two-project file; the module's tests are chosen in stryker.config.mjs (jest.config.testMatch).
const path = require('node:path');

const rootDir = path.resolve(__dirname, '../../..');
const { projects, testTimeout } = require(path.join(rootDir, 'jest.config.js'));
const { displayName, ...lwc } = projects.find((project) => project.displayName === 'lwc');

module.exports = { ...lwc, rootDir, testTimeout };
