/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/data/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testMatch: ['**/*.spec.ts'],
  // Nest 12 ships ES modules only. Node 20 loads them through require(esm), but Jest's own module
  // runtime cannot before Node 24.9, so Jest transforms them to CommonJS like our sources.
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: {
    '^@domain/(.*)$': '<rootDir>/domain/$1',
    '^@libs/([^/]+)$': '<rootDir>/libs/$1/src',
    '^@infra/(.*)$': '<rootDir>/infra/$1',
  },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30000,
};
