/**
 * `lineage-gate init`: writes a lineage.yaml into every artifact directory under the given
 * directories, drafted from what its files say (src/init/draft.ts). Never overwrites without
 * `force`, never writes through a symbolic link, and checks each file it writes against the
 * gate's own schema before it counts as written.
 */
import { closeSync, constants, openSync, realpathSync, writeSync } from 'node:fs';
import { join, sep } from 'node:path';
import { discoverArtifacts } from '../discover/discover.js';
import { linkArtifacts } from '../discover/relatives.js';
import { readManifest } from '../formats/read-manifest.js';
import type { Artifact } from '../lineage/artifact.js';
import { LicenseKnowledge } from '../licenses/knowledge.js';
import { sha256OfFile } from '../weights/digest.js';
import { draftLineageManifest, type Draft } from './draft.js';
import { counted } from '../text/plural.js';
import { underDirectories } from '../changes/paths-filter.js';

export interface InitOptions {
  /** The repository (or directory) root paths are relative to. */
  root: string;
  /** Repository-relative directories to look under (`''` for the root). */
  dirs: string[];
  force: boolean;
}

export interface InitOutcome {
  dir: string;
  path: string;
  written: boolean;
  /** What was written (`3 upstreams, 2 weights, 1 TODO`) or why nothing was. */
  note: string;
}

async function weightDigests(
  artifact: Artifact,
  root: string
): Promise<Map<string, string | { unverifiable: string }>> {
  const rootReal = realpathSync.native(root);
  const out = new Map<string, string | { unverifiable: string }>();
  for (const weight of artifact.weights) {
    if (weight.status === 'removed') continue;
    const digest = await sha256OfFile(rootReal, join(root, weight.path));
    out.set(weight.path, 'sha256' in digest ? digest.sha256 : digest);
  }
  return out;
}

/** Creates (or with `force` truncates) a regular file inside the root, never through a symlink. */
function writeNew(rootReal: string, absolute: string, text: string, force: boolean): string | undefined {
  const dirReal = realpathSync.native(join(absolute, '..'));
  if (dirReal !== rootReal && !dirReal.startsWith(rootReal + sep)) return 'its directory leads outside the repository';
  const flags =
    constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | (force ? constants.O_TRUNC : constants.O_EXCL);
  let fd: number;
  try {
    fd = openSync(absolute, flags, 0o644);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EEXIST') return 'lineage.yaml exists (use --force to replace it)';
    if (code === 'ELOOP') return 'lineage.yaml is a symbolic link; it is not written through';
    return `it cannot be written (${code ?? (err as Error).message})`;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return undefined;
}

function summary(draft: Draft): string {
  const count = (n: number, word: string) => counted(n, word);
  return (
    `${count(draft.upstreams, 'upstream')}, ` +
    `${count(draft.weights, 'weight digest')}, ${count(draft.todos, 'TODO')}`
  );
}

/** Drafts and writes one lineage.yaml per artifact directory found under `dirs`. */
export async function initLineage(opts: InitOptions): Promise<InitOutcome[]> {
  const include = underDirectories(opts.dirs);
  const changeSet = { scope: 'all' as const, changes: [], source: 'init', notes: [] };
  const { artifacts } = await discoverArtifacts({ workspace: opts.root, changeSet, include });
  linkArtifacts(artifacts, { workspace: opts.root, changeSet, include });
  const knowledge = LicenseKnowledge.builtin();
  const rootReal = realpathSync.native(opts.root);
  const outcomes: InitOutcome[] = [];
  for (const artifact of artifacts) {
    const path = artifact.dir === '.' ? 'lineage.yaml' : `${artifact.dir}/lineage.yaml`;
    const other = artifact.records.find((r) => r.format === 'lineage-manifest' && r.path !== path);
    if (other && !opts.force) {
      outcomes.push({ dir: artifact.dir, path, written: false, note: `${other.path} is its lineage manifest already` });
      continue;
    }
    const draft = draftLineageManifest({ artifact, knowledge, digests: await weightDigests(artifact, opts.root) });
    const read = readManifest(path, Buffer.from(draft.text));
    if (read.kind !== 'record' || read.schemaProblems.length > 0) {
      // A draft that fails the gate's own schema is a bug in the drafting, never the user's to fix.
      throw new Error(`the drafted ${path} does not pass the lineage schema: ${JSON.stringify(read)}`);
    }
    const refused = writeNew(rootReal, join(opts.root, path), draft.text, opts.force);
    outcomes.push({ dir: artifact.dir, path, written: !refused, note: refused ?? summary(draft) });
  }
  return outcomes;
}
