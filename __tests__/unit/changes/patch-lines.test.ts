import { describe, expect, it } from '@jest/globals';
import { headLinesOfPatch, lineInRanges } from '../../../src/changes/patch-lines.js';
import { toChange } from '../../../src/changes/diff-entry.js';

describe('headLinesOfPatch', () => {
  it('takes the head-side range of every hunk, context lines included', () => {
    const patch = [
      '@@ -1,3 +1,4 @@',
      ' {',
      '+  "r": 8,',
      '   "peft_type": "LORA"',
      ' }',
      '@@ -40 +41,2 @@ def f():',
      '-a',
      '+b',
      '+c'
    ].join('\n');
    expect(headLinesOfPatch(patch)).toEqual([
      [1, 4],
      [41, 42]
    ]);
  });

  it('reads a count-less header as one line and skips pure deletions', () => {
    expect(headLinesOfPatch('@@ -3 +3 @@\n-a\n+b')).toEqual([[3, 3]]);
    expect(headLinesOfPatch('@@ -5,2 +4,0 @@\n-a\n-b')).toEqual([]);
  });

  it('ignores lines that only look like headers inside a hunk', () => {
    expect(headLinesOfPatch('@@ -1 +1,2 @@\n+ @@ -9 +9,9 @@\n+x')).toEqual([[1, 2]]);
  });
});

describe('lineInRanges', () => {
  it('is inclusive at both ends', () => {
    const ranges = [[2, 4] as const];
    expect([1, 2, 4, 5].map((l) => lineInRanges(l, ranges))).toEqual([false, true, true, false]);
  });
});

describe('toChange keeps the diff lines', () => {
  it('for added and modified files with a patch, not for removed files or entries without one', () => {
    expect(toChange({ filename: 'a/x.json', status: 'added', patch: '@@ -0,0 +1,3 @@\n+a\n+b\n+c' })).toEqual({
      path: 'a/x.json',
      status: 'added',
      diffLines: [[1, 3]]
    });
    expect(toChange({ filename: 'a/x.json', status: 'removed', patch: '@@ -1,3 +0,0 @@\n-a\n-b\n-c' })).toEqual({
      path: 'a/x.json',
      status: 'removed'
    });
    expect(toChange({ filename: 'a/w.safetensors', status: 'modified' })).toEqual({
      path: 'a/w.safetensors',
      status: 'modified'
    });
  });
});
