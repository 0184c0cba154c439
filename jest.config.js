/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/tests/helpers/jsdom-setup.ts'],
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
};
