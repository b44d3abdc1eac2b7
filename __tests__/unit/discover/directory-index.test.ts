/** The change set's directory index answers as a Map of directory → items would, holding numbers only. */
import fc from 'fast-check';
import { DirectoryIndex, type Pathed } from '../../../src/discover/directory-index.js';
import { FC_RUNS } from '../../helpers/timed.js';

interface Item extends Pathed {
  touches: string[];
}

const build = (items: Item[]) => new DirectoryIndex(items, (item) => item.touches);

/** The plain reference: each directory's items in order, each item once. */
function reference(items: Item[]): Map<string, number[]> {
  const byDir = new Map<string, number[]>();
  items.forEach(({ touches }, item) => {
    for (const dir of touches) {
      const list = byDir.get(dir) ?? [];
      if (list.at(-1) !== item) list.push(item);
      byDir.set(dir, list);
    }
  });
  return byDir;
}

/** `.` and every leading directory of the paths: what an item may touch. */
function candidates(...paths: (string | undefined)[]): string[] {
  const dirs = ['.'];
  for (const path of paths) {
    const parts = path?.split('/') ?? [];
    for (let i = 1; i < parts.length; i++) dirs.push(parts.slice(0, i).join('/'));
  }
  return dirs;
}

const segment = fc.constantFrom('a', 'b', 'B', 'ab', 'a b', 'é', 'lineage.yaml', 'z-1', 'z.1');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const item: fc.Arbitrary<Item> = fc
  .record({ path, previousPath: fc.option(path, { nil: undefined }), picks: fc.array(fc.nat(), { maxLength: 4 }) })
  .map(({ path, previousPath, picks }) => {
    const dirs = candidates(path, previousPath);
    return { path, ...(previousPath ? { previousPath } : {}), touches: picks.map((p) => dirs[p % dirs.length]) };
  });

describe('DirectoryIndex', () => {
  it('lists directories in code-unit order, each with its items in order', () => {
    const items: Item[] = [
      { path: 'b/x', touches: ['b'] },
      { path: 'b/y', previousPath: 'a/y', touches: ['a', 'b'] },
      { path: 'a/b/z', touches: ['a/b'] },
      { path: 'b/w', previousPath: 'a/v', touches: ['b', 'a'] },
      { path: 'r', touches: ['.'] }
    ];
    const index = build(items);
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
    const index = build([{ path: 'a/x/y', previousPath: 'a/z', touches: ['a', 'a/x', 'a'] }]);
    expect(index.itemsOf('a')).toEqual([0]);
  });

  it('refuses a directory that is not one of the item’s own', () => {
    expect(() => build([{ path: 'a/x', touches: ['b'] }])).toThrow('b is not a directory of a/x');
    expect(() => build([{ path: 'ab/x', touches: ['a'] }])).toThrow('a is not a directory of ab/x');
  });

  it('answers as a Map of directory to items would', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), path, (items, probe) => {
        const expected = reference(items);
        const index = build(items);
        const listed = [...index.directories()];
        expect(listed.map((g) => g.dir)).toEqual([...expected.keys()].sort());
        for (const { dir, items: found } of listed) expect(found).toEqual(expected.get(dir));
        for (const dir of [probe, ...candidates(probe)]) {
          expect(index.has(dir)).toBe(expected.has(dir));
          expect(index.itemsOf(dir)).toEqual(expected.get(dir) ?? []);
        }
      }),
      { numRuns: FC_RUNS }
    );
  });
});
