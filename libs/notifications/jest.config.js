const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: require('./project.json').name,
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
