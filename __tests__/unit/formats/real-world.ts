/**
 * The real-world fixtures as the gate would meet them in a repository: each fixture's bytes under
 * the path it had there (SOURCES.tsv `path`), so name-based candidacy is exercised too. MENS
 * fixtures are named after their kind in the corpus; they get the file name MENS writes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REAL_WORLD = fileURLToPath(new URL('../../fixtures/real-world/', import.meta.url));

export interface Fixture {
  /** Path under __tests__/fixtures/real-world, e.g. `peft/002-…json`. */
  file: string;
  /** Path the file had in its repository (MENS: the name MENS gives it). */
  repoPath: string;
  bytes: Buffer;
}

const MENS_NAMES: [RegExp, string][] = [
  [/^training_manifest\./, 'training_manifest.json'],
  [/^adapter_manifest_v3\./, 'adapter_manifest.json'],
  [/^candle_qlora_adapter_meta_v2\./, 'candle_qlora_adapter_meta.json'],
  [/^adapter_card\./, 'adapter_card.json'],
  [/^external_serving_handoff_v1\./, 'external_serving_handoff.json']
];

function repoPathOf(file: string, sourcePath: string): string {
  if (!file.startsWith('mens/')) return sourcePath;
  const name = file.slice('mens/'.length);
  const mapped = MENS_NAMES.find(([re]) => re.test(name));
  return `mens/runs/${name.replace(/\.json$/, '')}/${mapped ? mapped[1] : name}`;
}

/** Every fixture listed in SOURCES.tsv, in file order. */
export function realWorldFixtures(): Fixture[] {
  const rows = readFileSync(join(REAL_WORLD, 'SOURCES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim());
  const seen = new Set<string>();
  const out: Fixture[] = [];
  for (const row of rows) {
    const [file, , path] = row.split('\t');
    if (seen.has(file)) continue;
    seen.add(file);
    out.push({ file, repoPath: repoPathOf(file, path), bytes: readFileSync(join(REAL_WORLD, file)) });
  }
  return out;
}

export function fixture(file: string): Fixture {
  const found = realWorldFixtures().find((f) => f.file === file);
  if (!found) throw new Error(`no fixture ${file}`);
  return found;
}
