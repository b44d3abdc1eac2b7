import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { SortedSpill } from '../../../src/collections/spill.js';
import { take } from '../../../src/collections/sequence.js';

interface Item {
  key: number;
  seq: number;
  text: string;
}

const byKey = (a: Item, b: Item) => a.key - b.key;

function openDescriptors(): number {
  return readdirSync('/proc/self/fd').length;
}

describe('SortedSpill', () => {
  it('walks its items in the order a stable sort gives, however many runs it spilled', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ key: fc.integer({ min: 0, max: 20 }), text: fc.string({ unit: 'grapheme', maxLength: 8 }) }),
          {
            maxLength: 300
          }
        ),
        fc.integer({ min: 1, max: 64 }),
        (raw, runSize) => {
          const items = raw.map((r, seq) => ({ ...r, seq }));
          const spill = new SortedSpill<Item>(byKey, runSize);
          for (const item of items) spill.push(item);
          const expected = [...items].sort(byKey);
          expect(spill.length).toBe(items.length);
          expect([...spill]).toEqual(expected);
          // A second walk reads the same runs again.
          expect([...spill]).toEqual(expected);
          spill.dispose();
        }
      ),
      { numRuns: 150 }
    );
  });

  it('closes the files of a walk stopped early', () => {
    const spill = new SortedSpill<Item>(byKey, 10);
    for (let i = 0; i < 100; i++) spill.push({ key: 100 - i, seq: i, text: '' });
    const before = openDescriptors();
    expect([...take(spill, 3)].map((i) => i.key)).toEqual([1, 2, 3]);
    expect(openDescriptors()).toBe(before);
    spill.dispose();
    expect(spill.length).toBe(0);
    expect([...spill]).toEqual([]);
  });
});

describe('SortedSpill in the order items came (a comparator that ties all)', () => {
  const asCame = () => 0;
  it('gives back what was pushed, in order, across the file and memory', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 200 }), fc.integer({ min: 1, max: 50 }), (generated, limit) => {
        // Items must survive JSON (spill.ts): -0 does not, so the values are made what JSON gives back first.
        const items = JSON.parse(JSON.stringify(generated)) as unknown[];
        const list = new SortedSpill<unknown>(asCame, limit);
        for (const item of items) list.push(item);
        expect(list.length).toBe(items.length);
        expect([...list]).toEqual(items);
        list.dispose();
      }),
      { numRuns: 100 }
    );
  });

  it('decodes characters split across read chunks', () => {
    const list = new SortedSpill<string>(asCame, 1);
    // Lines of 3-byte and 4-byte characters, long enough to cross the 64 KiB reads at every offset.
    const lines = Array.from({ length: 40 }, (_, i) => '…😀'.repeat(5000 + i));
    for (const line of lines) list.push(line);
    expect([...list]).toEqual(lines);
    list.dispose();
  });
});
