// The settings every jest project shares (unit, integration, e2e), used as each project's `preset` in
// package.json, where the projects keep only what differs: their folder, setup and module mappings.
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
