import { compareNames, compareStrings } from '../text/compare.js';
import { isDataMixName, readsDataMixBeside } from '../formats/mens-data-mix.js';
import { readdirSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { Change, ChangeSet } from '../changes/change-set.js';
import { walkFiles } from '../changes/full-scan.js';
import { unreachedDirectories, type PathFilter } from '../changes/paths-filter.js';
import type { Artifact } from '../lineage/artifact.js';
import { DirFiles } from './dir-files.js';
import { DirectoryIndex } from './directory-index.js';
import { isManifestCandidate, MAX_MANIFEST_BYTES, readManifest } from '../formats/read-manifest.js';
import { hasModelfileName, isNamedManifest, nameKind } from '../formats/manifest-names.js';
import { FILE_START } from '../source/span.js';
import { basename, dirname, isNoticeFile, isWeightFile, joinPath } from './file-kinds.js';
import { readBounded } from './read-bounded.js';
import { IS_DIRECTORY } from '../files/open-inside.js';
import { readWeightHeader } from '../weights/read-header.js';
import { readWeightRecord } from '../formats/weight-formats.js';
import { appendAll } from '../collections/append-all.js';

/** What is known about one directory before its manifests are read. */
interface DirEntry {
  files: DirFiles;
  /** Manifests the change removed or moved away (a full scan has none). */
  removedManifests?: Set<string>;
  changed: boolean;
  /** Why the full scan could not list this directory: what it holds was not checked. */
  unlistable?: string;
}

export interface DiscoverOptions {
  workspace: string;
  changeSet: ChangeSet;
  /** Repository-relative path filter (the `paths` input); applies to a full scan's walk. */
  include: PathFilter;
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
  if (!entry) dirs.set(dir, (entry = { files: new DirFiles(), changed: false }));
  return entry;
}

/**
 * A full scan's artifacts as the walk finishes each directory (depth first, a directory after the
 * ones below it): only the directories on the walk's path are held, so memory does not grow with
 * the tree. The report sorts them by directory.
 */
function* fullScanArtifacts(opts: DiscoverOptions, workspaceReal: string): Generator<Artifact> {
  const open = new Map<string, DirEntry>();
  const finished: string[] = [];
  // A manifest or weight file the walk will not enter (a symlink leading outside the repository, a
  // FIFO) is still listed, so that reading it reports why it was refused instead of dropping it unseen.
  const onSkip = (path: string) => {
    if ((isNamedManifest(path) || isWeightFile(path)) && opts.include(path))
      entryFor(open, dirname(path)).files.set(basename(path), 'present');
  };
  // A directory called `adapter_config.json` is where a reader expects a manifest: say it is none.
  const onDirectory = (path: string) => {
    if (isNamedManifest(path) && opts.include(path)) entryFor(open, dirname(path)).files.set(basename(path), 'present');
  };
  const onUnlistable = (path: string, reason: string) => {
    if (opts.include(path)) entryFor(open, path).unlistable = reason;
  };
  const onLeave = (path: string) => finished.push(path || '.');
  let files = 0;
  let read = 0;
  const ready = function* (): Generator<Artifact> {
    for (let dir = finished.shift(); dir !== undefined; dir = finished.shift()) {
      const entry = open.get(dir);
      if (!entry) continue;
      open.delete(dir);
      entry.changed = true;
      const artifact = readArtifact(workspaceReal, opts.workspace, dir, entry);
      opts.onProgress?.({ files, artifacts: ++read });
      if (!isEmpty(artifact)) yield artifact;
    }
  };
  for (const { path, link } of walkFiles(opts.workspace, {
    ignore: unreachedDirectories(opts.include),
    onSkip,
    onDirectory,
    onUnlistable,
    onLeave
  })) {
    // Directories the walk left before reaching this file are read first.
    yield* ready();
    opts.onProgress?.({ files: ++files, artifacts: read });
    if (!isRelevant(path) || !opts.include(path)) continue;
    const entry = entryFor(open, dirname(path));
    const name = basename(path);
    entry.files.set(name, 'present');
    if (!link) entry.files.markWalked(name);
  }
  yield* ready();
}

/** Tells a directory a change touches, and how it alters that directory's entry. */
type Touch = (dir: string, apply: (entry: DirEntry) => void) => void;

/** Narrows changeEffects to what a caller needs. */
interface EffectsScope {
  /** Only what the change does to this directory: replaying a directory's changes then costs each path once. */
  within?: string;
  /**
   * How many leading characters of the path the change before it shares: the folders named like
   * manifests in that part were touched already, and touching them again changes nothing.
   */
  seen?: number;
}

/** What one change does to each directory it touches, in the order it does it. */
function changeEffects(change: Change, touch: Touch, { within, seen = 0 }: EffectsScope = {}): void {
  const previous = change.previousPath;
  if (previous && isRelevant(previous) && dirname(previous) !== dirname(change.path)) {
    // A manifest moved out of a directory leaves that directory without it.
    touch(dirname(previous), (old) => {
      old.changed = true;
      if (isNamedManifest(previous)) (old.removedManifests ??= new Set()).add(previous);
    });
  }
  // A change under `a/lineage.yaml/…` puts a directory named like a manifest in `a`: list it to be reported.
  for (const { dir, name, end } of foldersNamedLikeManifests(change.path, within)) {
    if (end < seen) continue;
    touch(dir, (entry) => {
      entry.changed = true;
      if (!entry.files.has(name)) entry.files.set(name, 'present');
    });
  }
  if (!isRelevant(change.path)) return;
  touch(dirname(change.path), (entry) => {
    entry.changed = true;
    if (change.status !== 'removed') entry.files.set(basename(change.path), change.status);
    // Only a manifest's name says what a deleted file was; a deleted YAML of any name is no news.
    else if (isNamedManifest(change.path)) (entry.removedManifests ??= new Set()).add(change.path);
    else if (!isManifestCandidate(change.path)) entry.files.set(basename(change.path), 'removed');
  });
}

/** A folder on a path's way: the directory holding it, its name, and where the name ends (at its `/`). */
interface FolderOnPath {
  dir: string;
  name: string;
  end: number;
}

/**
 * The folders on a path's way that are named like manifests, each with the directory holding it
 * (only the one directly in `within`, when given). Directories are sliced from the path, not joined
 * from its parts: a path thousands of bytes deep may pass hundreds of such folders.
 */
function* foldersNamedLikeManifests(path: string, within?: string): Generator<FolderOnPath> {
  let start = 0;
  if (within !== undefined && within !== '.') {
    if (!(path.charCodeAt(within.length) === SLASH && path.startsWith(within))) return;
    start = within.length + 1;
  }
  for (let end = path.indexOf('/', start); end !== -1; start = end + 1, end = path.indexOf('/', start)) {
    const name = path.slice(start, end);
    if (isNamedManifest(name)) yield { dir: start === 0 ? '.' : path.slice(0, start - 1), name, end };
    if (within !== undefined) return;
  }
}

/** The directories a change touches, in the order changeEffects names them. */
function touchedDirectories(change: Change, seen: number): string[] {
  const dirs: string[] = [];
  changeEffects(change, (dir) => dirs.push(dir), { seen });
  return dirs;
}

const SLASH = 0x2f;

/** How many leading characters two paths share. */
function sharedLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** One directory's entry: what the changes that touch it did to its files, replayed in order. */
function entryOf(dir: string, indexes: readonly number[], changes: readonly Change[]): DirEntry {
  const entry: DirEntry = { files: new DirFiles(), changed: false };
  for (const i of indexes) {
    changeEffects(
      changes[i],
      (touched, apply) => {
        if (touched === dir) apply(entry);
      },
      { within: dir }
    );
  }
  return entry;
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
  const entry: DirEntry = { files: new DirFiles(), changed: false };
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
  return entry.files
    .entries()
    .filter(([, status]) => status !== 'removed')
    .map(([name]) => name);
}

function readArtifact(workspaceReal: string, workspace: string, dir: string, entry: DirEntry): Artifact {
  const artifact: Artifact = {
    dir,
    records: [],
    unreadable: [],
    schemaProblems: [],
    weights: [],
    removedManifests: [...(entry.removedManifests ?? [])].sort(),
    changed: entry.changed,
    noticeFiles: []
  };
  // Weights or a manifest other than a README make the directory an artifact's: its Markdown is its card.
  const inArtifact = entry.files
    .entries()
    .some(
      ([name, status]) =>
        status !== 'removed' && (isWeightFile(name) || (nameKind(name) ?? 'model-card') !== 'model-card')
    );
  if (entry.unlistable) {
    const unchecked = 'so any manifest or weights in it went unchecked';
    const reason = `the directory cannot be listed (${entry.unlistable}), ${unchecked}`;
    const fix = 'Make the directory readable to the job, or exclude it with the `paths` input.';
    artifact.unreadable.push({ path: dir, reason, at: FILE_START, fix });
  }
  for (const [name, status] of entry.files.entries().sort(([a], [b]) => compareNames(a, b))) {
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
    const read = entry.files.walked(name)
      ? readBounded(workspaceReal, join(workspaceReal, path), MAX_MANIFEST_BYTES, true)
      : readBounded(workspaceReal, join(workspace, path), MAX_MANIFEST_BYTES);
    // Only content makes a YAML or an extension-less file a manifest: one that cannot be opened is none.
    if ('refused' in read && !isNamedManifest(path) && !hasModelfileName(path)) continue;
    if ('refused' in read) {
      artifact.unreadable.push({ path, at: FILE_START, ...refusal(read.refused) });
      continue;
    }
    const result = readManifest(path, read.bytes, read.size, { inArtifact });
    if (result.kind === 'record') {
      artifact.records.push(result.record);
      appendAll(artifact.schemaProblems, result.schemaProblems);
    } else if (result.kind === 'unreadable') {
      artifact.unreadable.push(result.problem);
    } else if (result.plainCard && nameKind(name) === 'model-card') {
      (artifact.plainCards ??= []).push({ path, ...result.plainCard });
    }
  }
  return artifact;
}

/** Why a manifest's file could not be opened, and how to mend that (making it parse would not help). */
function refusal(refused: string): { reason: string; fix: string } {
  return refused === IS_DIRECTORY
    ? {
        reason: 'it is a directory named like a manifest, not a file',
        fix: 'Rename the directory, or put the manifest there as a file.'
      }
    : { reason: refused, fix: 'Commit the manifest as a regular file inside the repository, or remove it.' };
}

function isEmpty(artifact: Artifact): boolean {
  return (
    artifact.records.length === 0 &&
    artifact.unreadable.length === 0 &&
    artifact.weights.length === 0 &&
    artifact.removedManifests.length === 0
  );
}

/**
 * A change set's directories, each with what the change did to its files: listed before any
 * manifest is read (the change set is bounded by the pull request), read in directory order.
 */
export class ChangedDirectories {
  /** The changes touching each directory; an entry is made only when its directory is read. */
  private readonly index: DirectoryIndex<Change>;

  constructor(private readonly opts: DiscoverOptions) {
    const { changes } = opts.changeSet;
    this.index = new DirectoryIndex(changes, (change, i) =>
      touchedDirectories(change, i === 0 ? 0 : sharedLength(changes[i - 1].path, change.path))
    );
  }

  /** Whether the change touches this directory (its artifact, if any, is of the run). */
  has(dir: string): boolean {
    return this.index.has(dir);
  }

  /** The artifacts, in directory order; directories left without anything the gate reads are skipped. */
  *artifacts(workspaceReal: string): Generator<Artifact> {
    let read = 0;
    for (const { dir, items } of this.index.directories()) {
      const artifact = this.readEntry(workspaceReal, dir, entryOf(dir, items, this.opts.changeSet.changes));
      this.opts.onProgress?.({ files: this.opts.changeSet.changes.length, artifacts: ++read });
      if (!isEmpty(artifact)) yield artifact;
    }
  }

  /** The artifact in one touched directory as the change leaves it (the same each time it is read). */
  read(workspaceReal: string, dir: string): Artifact {
    return this.readEntry(workspaceReal, dir, entryOf(dir, this.index.itemsOf(dir), this.opts.changeSet.changes));
  }

  private readEntry(workspaceReal: string, dir: string, entry: DirEntry): Artifact {
    // A touched directory is judged whole: pull in its untouched manifests, weights and notices.
    addPresentFiles(this.opts.workspace, dir, entry);
    return readArtifact(workspaceReal, this.opts.workspace, dir, entry);
  }
}

/**
 * The run's artifacts, each read as it is reached: a change set's in directory order, a full scan's
 * as its walk finishes each directory (see fullScanArtifacts). Empty directories are left out.
 */
export async function* discover(opts: DiscoverOptions, changed?: ChangedDirectories): AsyncGenerator<Artifact> {
  const workspaceReal = await realpath(opts.workspace);
  yield* opts.changeSet.scope === 'all'
    ? fullScanArtifacts(opts, workspaceReal)
    : (changed ?? new ChangedDirectories(opts)).artifacts(workspaceReal);
}

/** Groups the change set into artifacts (directories) and reads every manifest in them once, in directory order. */
export async function discoverArtifacts(opts: DiscoverOptions): Promise<Discovery> {
  const artifacts: Artifact[] = [];
  let manifestCount = 0;
  for await (const artifact of discover(opts)) {
    manifestCount += manifestsOf(artifact);
    artifacts.push(artifact);
  }
  artifacts.sort((a, b) => compareStrings(a.dir, b.dir));
  return { artifacts, manifestCount };
}
