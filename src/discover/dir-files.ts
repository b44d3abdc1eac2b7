/**
 * The files of one directory the run will read, and how the change set touched each. A full scan
 * lists a directory per manifest, often holding one file: a Map and two Sets per directory (or even
 * two small arrays, which V8 gives room for 16) were most of a 100,000-manifest walk's memory. So a
 * lone name is kept as a string, statuses only when one is not `present`, and a Map index only when
 * a directory holds many files.
 */
import type { WeightFile } from '../lineage/artifact.js';

export type FileStatus = WeightFile['status'];

/** Past this many names, lookups go through a Map instead of a scan. */
const INDEX_FROM = 16;

/** One name as itself, more as an array. */
type Names = string | string[] | undefined;

function added(names: Names, name: string): Names {
  if (names === undefined) return name;
  if (typeof names === 'string') return [names, name];
  names.push(name);
  return names;
}

function listed(names: Names): readonly string[] {
  return names === undefined ? [] : typeof names === 'string' ? [names] : names;
}

export class DirFiles {
  private names: Names;
  /** Statuses other than `present`. */
  private statuses?: Map<string, FileStatus>;
  /** Names the full scan's walk listed as regular files in real directories: opened without a realpath. */
  private walkedNames: Names;
  private index?: Set<string>;
  private walkedIndex?: Set<string>;

  get size(): number {
    return listed(this.names).length;
  }

  has(name: string): boolean {
    const names = this.names;
    if (names === undefined) return false;
    if (typeof names === 'string') return names === name;
    if (this.index) return this.index.has(name);
    if (names.length < INDEX_FROM) return names.includes(name);
    this.index = new Set(names);
    return this.index.has(name);
  }

  set(name: string, status: FileStatus): void {
    if (!this.has(name)) {
      this.names = added(this.names, name);
      this.index?.add(name);
    }
    if (status !== 'present') (this.statuses ??= new Map()).set(name, status);
    else this.statuses?.delete(name);
  }

  /** Records that the walk listed `name` (already set) as a regular file in a real directory. */
  markWalked(name: string): void {
    this.walkedNames = added(this.walkedNames, name);
    this.walkedIndex?.add(name);
  }

  walked(name: string): boolean {
    const walked = this.walkedNames;
    if (walked === undefined) return false;
    if (typeof walked === 'string') return walked === name;
    // Asked once per name after the walk: a directory of many files is looked up through a Set.
    if (walked.length < INDEX_FROM) return walked.includes(name);
    this.walkedIndex ??= new Set(walked);
    return this.walkedIndex.has(name);
  }

  /** Each name with its status, in the order first set. */
  entries(): [string, FileStatus][] {
    return listed(this.names).map((name) => [name, this.statuses?.get(name) ?? 'present']);
  }
}
