/**
 * The digest stage: the sha256 of every file a manifest declares a digest for and of every weight
 * file of the run's artifacts — each hashed once, streamed, two at a time — because the pedigree id
 * and the attestation's subjects bind the weights by their bytes. LFS pointers give their oid for
 * free, so a checkout without LFS content hashes nothing.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Artifact } from '../lineage/artifact.js';
import { declaredFilePath } from '../lineage/declared-file.js';
import { sha256OfFile } from '../weights/digest.js';
import type { WeightDigest } from '../weights/header.js';

/** Files hashed at once: hashing is disk- and CPU-bound, and the machine may have two cores. */
const CONCURRENCY = 2;

function wantedPaths(artifact: Artifact): Set<string> {
  const paths = new Set<string>();
  for (const record of artifact.records) {
    if (record.origin === 'weights') continue;
    for (const declared of record.digests) {
      const path = declaredFilePath(record.path, declared.file);
      if (path !== undefined) paths.add(path);
    }
  }
  for (const weight of artifact.weights) if (weight.status !== 'removed') paths.add(weight.path);
  return paths;
}

/** Sets `fileDigests` on every artifact and `digest` on the weights that have one. */
export async function computeDigests(artifacts: readonly Artifact[], workspace: string): Promise<void> {
  const workspaceReal = realpathSync.native(workspace);
  const jobs: { artifact: Artifact; path: string }[] = [];
  for (const artifact of artifacts) {
    const digests = new Map<string, WeightDigest>();
    artifact.fileDigests = digests;
    for (const weight of artifact.weights) {
      if (weight.header?.kind === 'lfs-pointer') {
        const digest: WeightDigest = { sha256: weight.header.oid, via: 'lfs-pointer', size: weight.header.size };
        digests.set(weight.path, digest);
      }
    }
    for (const path of wantedPaths(artifact)) if (!digests.has(path)) jobs.push({ artifact, path });
  }
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const { artifact, path } = jobs[next++];
      const digest = await sha256OfFile(workspaceReal, join(workspace, path));
      (artifact.fileDigests as Map<string, WeightDigest>).set(path, digest);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, worker));
  for (const artifact of artifacts) {
    for (const weight of artifact.weights) {
      const digest = artifact.fileDigests?.get(weight.path);
      if (digest) weight.digest = digest;
    }
  }
}
