import { compareStrings } from '../text/compare.js';

/**
 * Which items (a change set's changes) touch which directory, held as numbers only. A pull request
 * adding 100,000 directories kept each directory's name as a Map key (about 7 MB live, and V8 lets
 * a heap grow to a few times what it keeps); here a directory is worked out again from the item
 * that touches it whenever it is needed. Directories come in code-unit order, items in their order.
 */
export class DirectoryIndex {
  /** Touches sorted by directory, then item: touch k is the `ordinals[k]`-th directory item `items[k]` names. */
  private readonly items: Int32Array;
  private readonly ordinals: Int32Array;

  constructor(
    count: number,
    private readonly dirsOf: (item: number) => readonly string[]
  ) {
    const dirs: string[] = [];
    const items: number[] = [];
    const ordinals: number[] = [];
    for (let item = 0; item < count; item++) {
      for (const [ordinal, dir] of dirsOf(item).entries()) {
        dirs.push(dir);
        items.push(item);
        ordinals.push(ordinal);
      }
    }
    // A stable sort of touches made in item order keeps each directory's items in order.
    const order = Array.from(dirs.keys()).sort((a, b) => compareStrings(dirs[a], dirs[b]));
    // An item naming one directory twice (a rename out of it into a folder below it) counts once.
    const kept = order.filter((k, i) => i === 0 || dirs[k] !== dirs[order[i - 1]] || items[k] !== items[order[i - 1]]);
    this.items = Int32Array.from(kept, (k) => items[k]);
    this.ordinals = Int32Array.from(kept, (k) => ordinals[k]);
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
    return this.dirsOf(this.items[k])[this.ordinals[k]];
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
