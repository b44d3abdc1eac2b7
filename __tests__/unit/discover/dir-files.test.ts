import fc from 'fast-check';
import { DirFiles, type FileStatus } from '../../../src/discover/dir-files.js';

const STATUSES: FileStatus[] = ['added', 'modified', 'removed', 'renamed', 'present'];

describe('DirFiles', () => {
  it('answers as a Map of statuses and a Set of walked names would, below and above its index size', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        name: fc.integer({ min: 0, max: 40 }),
        status: fc.constantFrom(...STATUSES)
      }),
      fc.record({ kind: fc.constant('walk' as const), name: fc.integer({ min: 0, max: 40 }) })
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const files = new DirFiles();
        const model = new Map<string, FileStatus>();
        const walked = new Set<string>();
        for (const o of ops) {
          const name = `f${o.name}.json`;
          if (o.kind === 'set') {
            files.set(name, o.status);
            model.set(name, o.status);
          } else if (model.has(name)) {
            files.markWalked(name);
            walked.add(name);
          }
        }
        expect(files.size).toBe(model.size);
        expect(files.entries()).toEqual([...model]);
        for (let i = 0; i <= 40; i++) {
          const name = `f${i}.json`;
          expect(files.has(name)).toBe(model.has(name));
          expect(files.walked(name)).toBe(walked.has(name));
        }
      }),
      { numRuns: 200 }
    );
  });
});
