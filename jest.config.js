/** One jest project over every workspace; sources run through swc, no build needed. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testMatch: ['<rootDir>/packages/**/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  // Suites that need a database server are left out, not skipped, when its URL is unset;
  // `npm test` then prints one line naming them and how to run them (scripts/untested-backends.js).
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    ...(process.env.KAERU_TEST_POSTGRES_URL ? [] : ['<rootDir>/test/storage/postgres\\.contract\\.test\\.ts$', '<rootDir>/test/multi-process/']),
    ...(process.env.KAERU_TEST_MYSQL_URL ? [] : ['<rootDir>/test/storage/mysql\\.contract\\.test\\.ts$']),
  ],
  moduleNameMapper: {
    '^@kaeru/core$': '<rootDir>/packages/core/src/index.ts',
    '^@kaeru/core/testing$': '<rootDir>/packages/core/src/testing/index.ts',
    '^@kaeru/storage-memory$': '<rootDir>/packages/storage/memory/src/index.ts',
    '^@kaeru/storage-typeorm$': '<rootDir>/packages/storage/typeorm/src/index.ts',
    '^@kaeru/adapter-console$': '<rootDir>/packages/adapters/console/src/index.ts',
    '^@kaeru/adapter-slack$': '<rootDir>/packages/adapters/slack/src/index.ts',
    '^@kaeru/adapter-teams$': '<rootDir>/packages/adapters/teams/src/index.ts',
    '^@kaeru/server$': '<rootDir>/packages/server/src/index.ts',
    '^kaeru$': '<rootDir>/packages/cli/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
};
