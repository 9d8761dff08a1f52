const swcrc = JSON.parse(require('node:fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

/** What every project shares: the TypeScript transform and the path aliases. */
const base = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/data/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  // Nest 12 ships ES modules only. Node 20 loads them through require(esm), but Jest's own module
  // runtime cannot before Node 24.9, so Jest transforms them to CommonJS like our sources.
  // Jest's CommonJS runtime has no dynamic import() without --experimental-vm-modules: Nest's
  // lazy `import('class-validator')` becomes a require() here (the built service keeps import()).
  // jose (OIDC tokens, ADR 31) is ESM-only as well.
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcrc, swcrc: false, module: { ...swcrc.module, ignoreDynamic: false } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose)/)'],
  moduleNameMapper: {
    '^@domain/(.*)$': '<rootDir>/domain/$1',
    '^@libs/([^/]+)$': '<rootDir>/libs/$1/src',
    '^@infra/(.*)$': '<rootDir>/infra/$1',
    '^@apps/([^/]+)$': '<rootDir>/apps/$1/src',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { ...base, displayName: 'all', testMatch: ['**/*.spec.ts'] },
    // The whole back-office e2e suite once more, on the EventStoreDB adapter (through the wire double).
    {
      ...base,
      displayName: 'e2e on eventstoredb',
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'],
      globals: { E2E_EVENT_STORE: 'eventstoredb' },
    },
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // A bound for a hung test, not a speed check: the suite must pass on a busy two-core machine
  // (issue 14), where a case that takes 2 s alone can take ten times that.
  testTimeout: 120_000,
  // Both cores: Jest's default (cores − 1) leaves one of CI's two idle while each test file waits on
  // its own server, SQLite file or browser. 9 minutes instead of 13.5 for the same 3,300 tests.
  maxWorkers: 2,
};
