/** Every test file starts its own Strapi on its own database; files run one at a time. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  testTimeout: 120000,
  // Strapi leaves timers that close after destroy(); do not wait for them.
  forceExit: true,
};
