/**
 * The training-tool config fixtures (issue #11) as the gate would meet them: each file's bytes under
 * the path it had in its repository (SOURCES.tsv `path`). JUDGEMENTS.md says what each one declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest } from '../../../src/formats/read-manifest.js';
import type { LineageRecord } from '../../../src/lineage/record.js';

const DIR = fileURLToPath(new URL('../../fixtures/real-world-configs/', import.meta.url));

export interface ConfigFixture {
  /** Path under real-world-configs, e.g. `mergekit/001-…yml`. */
  file: string;
  repoPath: string;
  bytes: Buffer;
}

export function configFixtures(tool?: string): ConfigFixture[] {
  return readFileSync(join(DIR, 'SOURCES.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split('\t'))
    .filter(([file]) => !tool || file.startsWith(`${tool}/`))
    .map(([file, , path]) => ({ file, repoPath: path, bytes: readFileSync(join(DIR, file)) }));
}

export function configFixture(prefix: string): ConfigFixture {
  const found = configFixtures().find((f) => f.file.startsWith(prefix));
  if (!found) throw new Error(`no fixture ${prefix}`);
  return found;
}

/** The record a fixture reads to (under its repository path, or `asPath`); throws when it is none. */
export function recordOfFixture(prefix: string, asPath?: string): LineageRecord {
  const f = configFixture(prefix);
  const result = readManifest(asPath ?? f.repoPath, f.bytes);
  if (result.kind !== 'record') throw new Error(`${prefix}: expected a record, got ${JSON.stringify(result)}`);
  if (result.schemaProblems.length > 0) throw new Error(`${prefix}: ${JSON.stringify(result.schemaProblems)}`);
  return result.record;
}

/** `role raw@line` for each upstream, the compact shape JUDGEMENTS.md can be compared with. */
export function upstreamRows(record: LineageRecord): string[] {
  return record.upstreams.map((u) => `${u.role} ${u.raw}@${u.source.at.line}`);
}
