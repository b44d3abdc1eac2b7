/**
 * Mutation testing of the rules, the lineage model and the policy (issue #10): `npm run mutate`.
 * Only the unit tests run against mutants — the end-to-end tests drive dist/, which Stryker does not mutate.
 * ts-jest only transpiles (tsconfig `isolatedModules`), so a mutant that does not type-check still runs its tests.
 */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  coverageAnalysis: 'perTest',
  mutate: ['src/rules/**/*.ts', 'src/lineage/**/*.ts', 'src/policy/**/*.ts'],
  ignoreStatic: true,
  concurrency: 2,
  // A mutant that loops for ever is a timeout (counted as detected); waiting long for one only slows the run.
  timeoutMS: 5000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  // Stryker would add `// @ts-nocheck` to every file, and the generated-data freshness tests compare them.
  disableTypeChecks: false
};
