/** The change set's directory index answers as a Map of directory → items would, holding numbers only. */
import fc from 'fast-check';
import { DirectoryIndex } from '../../../src/discover/directory-index.js';
import { FC_RUNS } from '../../helpers/timed.js';

/** The plain reference: each directory's items in order, each item once. */
function reference(touches: string[][]): Map<string, number[]> {
  const byDir = new Map<string, number[]>();
  touches.forEach((dirs, item) => {
    for (const dir of dirs) {
      const items = byDir.get(dir) ?? [];
      if (items.at(-1) !== item) items.push(item);
      byDir.set(dir, items);
    }
  });
  return byDir;
}

const dirName = fc.constantFrom('.', 'a', 'a/b', 'a/b/c', 'ab', 'b', 'B', 'é', 'a b', 'z/lineage.yaml');

describe('DirectoryIndex', () => {
  it('lists directories in code-unit order, each with its items in order', () => {
    const touches = [['b'], ['a', 'b'], ['a/b'], ['b', 'a'], ['.']];
    const index = new DirectoryIndex(touches.length, (i) => touches[i]);
    expect([...index.directories()]).toEqual([
      { dir: '.', items: [4] },
      { dir: 'a', items: [1, 3] },
      { dir: 'a/b', items: [2] },
      { dir: 'b', items: [0, 1, 3] }
    ]);
    expect(index.has('a')).toBe(true);
    expect(index.has('a/')).toBe(false);
    expect(index.has('c')).toBe(false);
    expect(index.itemsOf('b')).toEqual([0, 1, 3]);
    expect(index.itemsOf('zz')).toEqual([]);
  });

  it('counts an item that names a directory twice once', () => {
    const touches = [['a', 'a/x', 'a']];
    const index = new DirectoryIndex(1, (i) => touches[i]);
    expect(index.itemsOf('a')).toEqual([0]);
  });

  it('answers as a Map of directory to items would', () => {
    fc.assert(
      fc.property(fc.array(fc.array(dirName, { maxLength: 4 }), { maxLength: 30 }), dirName, (touches, probe) => {
        const expected = reference(touches);
        const index = new DirectoryIndex(touches.length, (i) => touches[i]);
        const listed = [...index.directories()];
        expect(listed.map((g) => g.dir)).toEqual([...expected.keys()].sort());
        for (const { dir, items } of listed) expect(items).toEqual(expected.get(dir));
        expect(index.has(probe)).toBe(expected.has(probe));
        expect(index.itemsOf(probe)).toEqual(expected.get(probe) ?? []);
      }),
      { numRuns: FC_RUNS }
    );
  });
});
