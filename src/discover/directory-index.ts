import { compareStrings } from '../text/compare.js';

/** Something with a path, and maybe the path it had before (a change). */
export interface Pathed {
  path: string;
  previousPath?: string;
}

/**
 * Which items (a change set's changes) touch which directory, held as numbers only. A pull request
 * adding 100,000 directories kept each directory's name as a Map key to the end (about 7 MB live,
 * and V8 lets a heap grow to a few times what it keeps). Every directory an item touches is `.` or
 * a leading part of one of its paths, so a touch is kept as the item and that part's length, and
 * the name is sliced again when needed. Directories come in code-unit order, items in their order.
 */
export class DirectoryIndex<T extends Pathed> {
  /** Touches sorted by directory, then item. */
  private readonly items: Int32Array;
  /** The touch's directory: its length in the item's `path`, minus its length in `previousPath`, 0 for `.`. */
  private readonly prefixes: Int32Array;

  /** `dirsOf` names the directories an item touches; each must be `.` or a leading part of one of its paths. */
  constructor(
    private readonly sources: readonly T[],
    dirsOf: (item: T, index: number) => Iterable<string>
  ) {
    // The names are held only while the index is built.
    const byDir = new Map<string, number[]>();
    for (const [item, source] of sources.entries()) {
      for (const dir of dirsOf(source, item)) {
        const items = byDir.get(dir);
        if (!items) byDir.set(dir, [item]);
        else if (items[items.length - 1] !== item) items.push(item); // an item naming one directory twice counts once
      }
    }
    let count = 0;
    for (const items of byDir.values()) count += items.length;
    this.items = new Int32Array(count);
    this.prefixes = new Int32Array(count);
    let k = 0;
    for (const dir of [...byDir.keys()].sort(compareStrings)) {
      for (const item of byDir.get(dir)!) {
        this.items[k] = item;
        this.prefixes[k++] = prefixOf(dir, sources[item]);
      }
    }
  }

  /** Whether any item touches this directory. */
  has(dir: string): boolean {
    const k = this.firstAtOrAfter(dir);
    return k < this.items.length && this.dirAt(k) === dir;
  }

  /** The items touching this directory, in order (none when it is untouched). */
  itemsOf(dir: string): number[] {
    const found: number[] = [];
    for (let k = this.firstAtOrAfter(dir); k < this.items.length && this.dirAt(k) === dir; k++)
      found.push(this.items[k]);
    return found;
  }

  /** Every touched directory once, in order, with the items touching it. */
  *directories(): Generator<{ dir: string; items: number[] }> {
    let group: { dir: string; items: number[] } | undefined;
    for (let k = 0; k < this.items.length; k++) {
      const dir = this.dirAt(k);
      if (group?.dir === dir) {
        group.items.push(this.items[k]);
        continue;
      }
      if (group) yield group;
      group = { dir, items: [this.items[k]] };
    }
    if (group) yield group;
  }

  private dirAt(k: number): string {
    const prefix = this.prefixes[k];
    const source = this.sources[this.items[k]];
    if (prefix === 0) return '.';
    return prefix > 0 ? source.path.slice(0, prefix) : source.previousPath!.slice(0, -prefix);
  }

  /** The first touch whose directory does not sort before `dir` (binary search). */
  private firstAtOrAfter(dir: string): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.dirAt(middle) < dir) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Where `dir` lies in the item's paths (see `prefixes`). */
function prefixOf(dir: string, source: Pathed): number {
  if (dir === '.') return 0;
  if (leads(dir, source.path)) return dir.length;
  if (source.previousPath !== undefined && leads(dir, source.previousPath)) return -dir.length;
  throw new TypeError(`${dir} is not a directory of ${source.path}`);
}

function leads(dir: string, path: string): boolean {
  return path.length > dir.length && path.startsWith(dir) && path[dir.length] === '/';
}
