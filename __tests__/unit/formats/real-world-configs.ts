/**
 * The real-world training-tool configs (__tests__/fixtures/real-world-configs): each fixture's text
 * and the path it had in its repository (SOURCES.tsv `path`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REAL_WORLD_CONFIGS = fileURLToPath(new URL('../../fixtures/real-world-configs/', import.meta.url));

export interface ConfigFixture {
  /** Path under __tests__/fixtures/real-world-configs, e.g. `axolotl/001-…yml`. */
  file: string;
  /** Path the file had in its repository. */
  repoPath: string;
  text: string;
}

/** Every fixture listed in SOURCES.tsv, in file order. */
export function configFixtures(): ConfigFixture[] {
  return readFileSync(join(REAL_WORLD_CONFIGS, 'SOURCES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((row) => {
      const [file, , repoPath] = row.split('\t');
      return { file, repoPath, text: readFileSync(join(REAL_WORLD_CONFIGS, file), 'utf8') };
    });
}

/** The fixtures of one tool's folder (`axolotl`, `mergekit` …). */
export function configFixturesOf(tool: string): ConfigFixture[] {
  return configFixtures().filter((f) => f.file.startsWith(`${tool}/`));
}
