/**
 * Run after every test file (jest.config.js `setupFilesAfterEnv`): a report large enough to spill
 * writes temporary files, and Jest stops its workers without the `exit` event that removes them.
 */
import { afterAll } from '@jest/globals';
import { removeSpillDirectory } from '../../src/collections/spill.js';

afterAll(() => removeSpillDirectory());
