import fc from 'fast-check';
import { mapped, runsOf } from '../../../src/collections/sequence.js';
import { FC_RUNS } from '../../helpers/timed.js';

describe('runsOf', () => {
  it('cuts a list into runs of consecutive items that belong together, losing and adding nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 30 }), (items) => {
        const runs = [...runsOf(items, (a, b) => a === b)];
        expect(runs.flat()).toEqual(items);
        for (const run of runs) expect(new Set(run).size).toBe(1);
        for (let i = 1; i < runs.length; i++) expect(runs[i][0]).not.toBe(runs[i - 1][0]);
      }),
      { numRuns: FC_RUNS }
    );
  });

  it('compares with the run’s first item and reads the list once, lazily', () => {
    let read = 0;
    const items = mapped([1, 2, 3, 10, 11], (n) => (read++, n));
    const runs = runsOf(items, (first, next) => next - first < 5);
    expect(runs.next().value).toEqual([1, 2, 3]);
    expect(read).toBe(4);
    expect([...runs]).toEqual([[10, 11]]);
  });
});
