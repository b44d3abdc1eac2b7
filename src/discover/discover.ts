import { isDataMixName, readsDataMixBeside } from '../formats/mens-data-mix.js';
import { readdirSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChangeSet } from '../changes/change-set.js';
import { walkFiles } from '../changes/full-scan.js';
import type { Artifact, WeightFile } from '../lineage/artifact.js';
import { isManifestCandidate, MAX_MANIFEST_BYTES, readManifest } from '../formats/read-manifest.js';
import { hasModelfileName, isNamedManifest, nameKind } from '../formats/manifest-names.js';
import { FILE_START } from '../source/span.js';
import { basename, dirname, isNoticeFile, isWeightFile, joinPath } from './file-kinds.js';
import { readBounded } from './read-bounded.js';
import { IS_DIRECTORY } from '../files/open-inside.js';
import { readWeightHeader } from '../weights/read-header.js';
import { readWeightRecord } from '../formats/weight-formats.js';
import { appendAll } from '../collections/append-all.js';

type Status = WeightFile['status'];

/** What is known about one directory before its manifests are read. */
interface DirEntry {
  files: Map<string, Status>;
  removedManifests: Set<string>;
  changed: boolean;
  /** Names the full scan's walk listed as regular files in real directories: opened without a realpath. */
  walked?: Set<string>;
  /** Why the full scan could not list this directory: what it holds was not checked. */
  unlistable?: string;
}

export interface DiscoverOptions {
  workspace: string;
  changeSet: ChangeSet;
  /** Repository-relative path filter (the `paths` input); applies to a full scan's walk. */
  include: (path: string) => boolean;
  /** Told how far the scan got (files seen, artifacts read), for a progress line; never for output. */
  onProgress?: (counts: ScanProgress) => void;
}

export interface ScanProgress {
  files: number;
  artifacts: number;
}

export interface Discovery {
  artifacts: Artifact[];
  /** Manifests read or attempted (records + unreadable). */
  manifestCount: number;
}

function isRelevant(path: string): boolean {
  return isManifestCandidate(path) || isWeightFile(path) || isNoticeFile(path);
}

function entryFor(dirs: Map<string, DirEntry>, dir: string): DirEntry {
  let entry = dirs.get(dir);
  if (!entry) dirs.set(dir, (entry = { files: new Map(), removedManifests: new Set(), changed: false }));
  return entry;
}

/** Returns how many files the walk saw. */
function collectFullScan(opts: DiscoverOptions, dirs: Map<string, DirEntry>): number {
  // A manifest or weight file the walk will not enter (a symlink leading outside the repository, a
  // FIFO) is still listed, so that reading it reports why it was refused instead of dropping it unseen.
  const onSkip = (path: string) => {
    if ((isNamedManifest(path) || isWeightFile(path)) && opts.include(path))
      entryFor(dirs, dirname(path)).files.set(basename(path), 'present');
  };
  // A directory called `adapter_config.json` is where a reader expects a manifest: say it is none.
  const onDirectory = (path: string) => {
    if (isNamedManifest(path) && opts.include(path)) entryFor(dirs, dirname(path)).files.set(basename(path), 'present');
  };
  const onUnlistable = (path: string, reason: string) => {
    if (opts.include(path)) entryFor(dirs, path).unlistable = reason;
  };
  let files = 0;
  for (const { path, link } of walkFiles(opts.workspace, { onSkip, onDirectory, onUnlistable })) {
    opts.onProgress?.({ files: ++files, artifacts: 0 });
    if (!isRelevant(path) || !opts.include(path)) continue;
    const entry = entryFor(dirs, dirname(path));
    const name = basename(path);
    entry.files.set(name, 'present');
    if (!link) (entry.walked ??= new Set()).add(name);
  }
  for (const entry of dirs.values()) entry.changed = true;
  return files;
}

function collectChanges(opts: DiscoverOptions, dirs: Map<string, DirEntry>): void {
  for (const change of opts.changeSet.changes) {
    if (
      change.previousPath &&
      isRelevant(change.previousPath) &&
      dirname(change.previousPath) !== dirname(change.path)
    ) {
      // A manifest moved out of a directory leaves that directory without it.
      const old = entryFor(dirs, dirname(change.previousPath));
      old.changed = true;
      if (isNamedManifest(change.previousPath)) old.removedManifests.add(change.previousPath);
    }
    addManifestNamedDirs(dirs, change.path);
    if (!isRelevant(change.path)) continue;
    const entry = entryFor(dirs, dirname(change.path));
    entry.changed = true;
    if (change.status === 'removed') {
      // Only a manifest's name says what a deleted file was; a deleted YAML of any name is no news.
      if (isNamedManifest(change.path)) entry.removedManifests.add(change.path);
      else if (isManifestCandidate(change.path)) continue;
      else entry.files.set(basename(change.path), 'removed');
    } else {
      entry.files.set(basename(change.path), change.status);
    }
  }
  // A touched directory is judged whole: pull in its untouched manifests, weights and notices.
  for (const [dir, entry] of dirs) addPresentFiles(opts.workspace, dir, entry);
}

/** A change under `a/lineage.yaml/…` puts a directory named like a manifest in `a`: list it to be reported. */
function addManifestNamedDirs(dirs: Map<string, DirEntry>, path: string): void {
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    if (!isNamedManifest(parts[i])) continue;
    const entry = entryFor(dirs, i === 0 ? '.' : parts.slice(0, i).join('/'));
    entry.changed = true;
    if (!entry.files.has(parts[i])) entry.files.set(parts[i], 'present');
  }
}

/** Adds the directory's relevant files not yet listed, as `present`; nothing when it is gone. */
function addPresentFiles(workspace: string, dir: string, entry: DirEntry): void {
  let names: string[];
  try {
    names = readdirSync(join(workspace, dir), { withFileTypes: true })
      .filter((d) => d.isFile() || d.isSymbolicLink() || (d.isDirectory() && isNamedManifest(d.name)))
      .map((d) => d.name);
  } catch {
    return; // the directory was deleted by the change, or is not a directory
  }
  for (const name of names) {
    if (!entry.files.has(name) && isRelevant(joinPath(dir, name))) entry.files.set(name, 'present');
  }
}

/**
 * The artifact in one directory as it is in the checkout, untouched by the change (a parent that
 * a changed artifact derives from); undefined when the directory holds nothing the gate reads.
 */
export function readArtifactDir(workspaceReal: string, workspace: string, dir: string): Artifact | undefined {
  const entry: DirEntry = { files: new Map(), removedManifests: new Set(), changed: false };
  addPresentFiles(workspace, dir, entry);
  if (entry.files.size === 0) return undefined;
  return readArtifact(workspaceReal, workspace, dir, entry);
}

/** How many manifests an artifact has read (or found unreadable): weight headers are not manifests. */
export function manifestsOf(artifact: Artifact): number {
  return artifact.records.filter((r) => r.origin !== 'weights').length + artifact.unreadable.length;
}

/** Names of the directory's files this change leaves in place. */
function presentNames(entry: DirEntry): string[] {
  return [...entry.files].filter(([, status]) => status !== 'removed').map(([name]) => name);
}

function readArtifact(workspaceReal: string, workspace: string, dir: string, entry: DirEntry): Artifact {
  const artifact: Artifact = {
    dir,
    records: [],
    unreadable: [],
    schemaProblems: [],
    weights: [],
    removedManifests: [...entry.removedManifests].sort(),
    changed: entry.changed,
    noticeFiles: []
  };
  // Weights or a manifest other than a README make the directory an artifact's: its Markdown is its card.
  const inArtifact = [...entry.files].some(
    ([name, status]) =>
      status !== 'removed' && (isWeightFile(name) || (nameKind(name) ?? 'model-card') !== 'model-card')
  );
  if (entry.unlistable) {
    const reason =
      `the directory cannot be listed (${entry.unlistable}), so any manifest or weights in it went unchecked: ` +
      'make it readable to the job, or exclude it with the `paths` input';
    artifact.unreadable.push({ path: dir, reason, at: FILE_START });
  }
  for (const [name, status] of [...entry.files].sort(([a], [b]) => a.localeCompare(b))) {
    const path = joinPath(dir, name);
    if (isWeightFile(path)) {
      if (status === 'removed') {
        artifact.weights.push({ path, status });
        continue;
      }
      // The header is evidence to check the manifests against (bounded; tensors are never read).
      const header = readWeightHeader(workspaceReal, join(workspace, path));
      artifact.weights.push({ path, status, header });
      const evidence = readWeightRecord(path, header);
      if (evidence) artifact.records.push(evidence);
      continue;
    }
    if (status === 'removed') continue;
    // A data mix describes a training run's data only beside that run's manifest.
    if (isDataMixName(name) && !readsDataMixBeside(presentNames(entry))) continue;
    if (isNoticeFile(path)) {
      artifact.noticeFiles.push(path);
      continue;
    }
    const read = entry.walked?.has(name)
      ? readBounded(workspaceReal, join(workspaceReal, path), MAX_MANIFEST_BYTES, true)
      : readBounded(workspaceReal, join(workspace, path), MAX_MANIFEST_BYTES);
    // Only content makes a YAML or an extension-less file a manifest: one that cannot be opened is none.
    if ('refused' in read && !isNamedManifest(path) && !hasModelfileName(path)) continue;
    if ('refused' in read) {
      const reason =
        read.refused === IS_DIRECTORY
          ? 'it is a directory named like a manifest, not a file: rename the directory, or put the manifest there'
          : read.refused;
      artifact.unreadable.push({ path, reason, at: FILE_START });
      continue;
    }
    const result = readManifest(path, read.bytes, read.size, { inArtifact });
    if (result.kind === 'record') {
      artifact.records.push(result.record);
      appendAll(artifact.schemaProblems, result.schemaProblems);
    } else if (result.kind === 'unreadable') {
      artifact.unreadable.push(result.problem);
    }
  }
  return artifact;
}

/** The directories a run will read, in order, each read when asked for (so a large run never holds them all). */
export interface DiscoveryPlan {
  /** Every directory the change set or the walk put in the run, sorted. */
  dirs: readonly string[];
  /** Files the change set lists or the walk saw. */
  files: number;
  /** The artifact in one of `dirs`, read now; undefined when it holds nothing the gate reads. */
  read(dir: string): Artifact | undefined;
}

/** Groups the change set (or the walk) by directory; nothing is read yet. */
export async function planDiscovery(opts: DiscoverOptions): Promise<DiscoveryPlan> {
  const entries = new Map<string, DirEntry>();
  const files = opts.changeSet.scope === 'all' ? collectFullScan(opts, entries) : opts.changeSet.changes.length;
  if (opts.changeSet.scope !== 'all') collectChanges(opts, entries);
  const workspaceReal = await realpath(opts.workspace);
  return {
    dirs: [...entries.keys()].sort(),
    files,
    read(dir) {
      const entry = entries.get(dir);
      if (!entry) return undefined;
      // Each directory is read once: what it listed is let go with it.
      entries.delete(dir);
      const artifact = readArtifact(workspaceReal, opts.workspace, dir, entry);
      const empty =
        artifact.records.length === 0 &&
        artifact.unreadable.length === 0 &&
        artifact.weights.length === 0 &&
        artifact.removedManifests.length === 0;
      return empty ? undefined : artifact;
    }
  };
}

/** Groups the change set into artifacts (directories) and reads every manifest in them once. */
export async function discoverArtifacts(opts: DiscoverOptions): Promise<Discovery> {
  const plan = await planDiscovery(opts);
  const artifacts: Artifact[] = [];
  let manifestCount = 0;
  plan.dirs.forEach((dir, i) => {
    const artifact = plan.read(dir);
    opts.onProgress?.({ files: plan.files, artifacts: i + 1 });
    if (!artifact) return;
    manifestCount += manifestsOf(artifact);
    artifacts.push(artifact);
  });
  return { artifacts, manifestCount };
}
