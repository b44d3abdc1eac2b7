import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../src/heap-growth.js';

describe('limitHeapGrowth', () => {
  it('sets V8 heap growth to 1.5 × what the last full collection kept', () => {
    const set: string[] = [];
    expect(limitHeapGrowth([], process.versions, (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--heap-growing-percent=50']);
    expect(HEAP_GROWING_PERCENT).toBe(50);
  });

  it.each([['--heap-growing-percent=200'], ['--heap_growing_percent=10'], ['--heap-growing-percent']])(
    'leaves a factor node was started with (%s) alone',
    (arg) => {
      const set: string[] = [];
      expect(limitHeapGrowth(['--enable-source-maps', arg], process.versions, (flags) => set.push(flags))).toBe(false);
      expect(set).toEqual([]);
    }
  );

  it('is not fooled by other flags that start alike', () => {
    const set: string[] = [];
    expect(limitHeapGrowth(['--heap-growing-percentage-note'], process.versions, (flags) => set.push(flags))).toBe(
      true
    );
    expect(set).toHaveLength(1);
  });

  it.each(['deno', 'bun', 'electron'])('leaves V8 alone under %s, whose flags may be frozen', (runtime) => {
    const set: string[] = [];
    const versions = { ...process.versions, [runtime]: '2.0.0' };
    expect(limitHeapGrowth([], versions, (flags) => set.push(flags))).toBe(false);
    expect(set).toEqual([]);
  });
});
