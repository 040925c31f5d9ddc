// Shared by every project's jest config: swc for speed (type-checking is `npm run typecheck`),
// the tsconfig path aliases, and UTC so that tests do not depend on the machine's zone.
process.env.TZ = 'UTC';

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { swcrc: false, jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false }, target: 'es2022', keepClassNames: true }, module: { type: 'commonjs' } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@forum/db/testing$': `${root}/libs/db/src/testing/index.ts`,
    '^@forum/(common|db|matcher|scheduling|notifications)$': `${root}/libs/$1/src/index.ts`,
  },
  passWithNoTests: true,
};
