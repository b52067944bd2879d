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
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
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
