// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.nx/', '.data/', 'coverage/', '**/*.js', '**/*.mjs', '**/*.cjs', 'apps/web/dist/', 'apps/web/src/gql/', 'apps/web/src/routeTree.gen.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through loadConfig (libs/common) and inject APP_CONFIG.',
        },
      ],
    },
  },
  {
    // Entry points and test support are where the environment is read.
    files: ['libs/common/src/config/**', 'apps/*/e2e/**', 'libs/db/src/testing/**', 'libs/db/src/typeorm-cli.data-source.ts', 'apps/*/src/main.ts', 'bench/**', 'apps/web/*.config.*'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Apps and libraries never lean on the benchmark harness.
    files: ['apps/**', 'libs/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/bench/*', '**/bench'], message: 'bench/ is the benchmark harness; shared test data lives in libs/db/src/testing.' }] }],
    },
  },
  {
    // The matcher is plain TypeScript that can be lifted into another project: no framework, no database.
    files: ['libs/matcher/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'ioredis', 'bullmq', '@forum/db', '@forum/scheduling', '@forum/common'], message: 'libs/matcher takes plain data and returns plain data: no Nest, TypeORM or I/O.' }] },
      ],
    },
  },
  {
    // TypeORM's migration:generate output, kept as generated.
    files: ['migrations/**'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
);
