const preset = require('../../jest.preset');

// End-to-end specs: the real HTTP server on a real PostgreSQL and Redis; some start
// the built apps (dist/) as child processes, which nx builds before the e2e target.
module.exports = {
  ...preset,
  displayName: 'api-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
};
