/** Real-world manifests read the way the gate reads them, for tests that need real records. */
import { readManifest } from '../../../src/formats/read-manifest.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import { realWorldFixtures } from '../formats/real-world.js';

/** The record of the one real-world fixture whose file name starts with `prefix`. */
export function realRecord(prefix: string): LineageRecord {
  const found = realWorldFixtures().filter((f) => f.file.startsWith(prefix));
  if (found.length !== 1) throw new Error(`${found.length} fixtures start with ${prefix}`);
  const result = readManifest(found[0].repoPath, found[0].bytes);
  if (result.kind !== 'record') throw new Error(`${prefix} is not read as a manifest`);
  return result.record;
}

/** The declared upstream ids of a real-world fixture, in file order. */
export function realUpstreamIds(prefix: string): string[] {
  return realRecord(prefix).upstreams.flatMap((u) => (u.id ? [u.id] : []));
}
