/**
 * For Stryker (see stryker.config.mjs): the unit tests of the mutated folders. Each mutant's run loads
 * every file listed here (and runs only the tests that covered it), so the list decides the speed:
 * LINEAGE_GATE_MUTATION_TESTS (comma-separated globs from the project root) narrows it for a run over a
 * few files. jest's --findRelatedTests is slower still: it walks the whole suite's import graph each run.
 */
import base from './jest.config.js';

const narrowed = process.env.LINEAGE_GATE_MUTATION_TESTS?.split(',').map((glob) => `<rootDir>/${glob.trim()}`);

export default {
  ...base,
  testMatch: narrowed ?? ['<rootDir>/__tests__/unit/{rules,lineage,policy}/**/*.test.ts']
};
