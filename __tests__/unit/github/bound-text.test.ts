import { describe, expect, it } from '@jest/globals';
import { cutToLength, cutToUtf8Bytes, shortenMarkdown } from '../../../src/github/bound-text.js';

describe('cutToLength', () => {
  it('never splits a surrogate pair', () => {
    expect(cutToLength('ab😀cd', 3)).toBe('ab');
    expect(cutToLength('ab😀cd', 4)).toBe('ab😀');
    expect(cutToLength('abc', 5)).toBe('abc');
  });
});

describe('cutToUtf8Bytes', () => {
  it('cuts on a character boundary under the byte cap', () => {
    expect(cutToUtf8Bytes('aéb', 2)).toBe('a');
    expect(cutToUtf8Bytes('aéb', 3)).toBe('aé');
    expect(cutToUtf8Bytes('a😀', 4)).toBe('a');
    expect(cutToUtf8Bytes('plain', 10)).toBe('plain');
  });
});

describe('shortenMarkdown', () => {
  it('returns short text unchanged and long text within the limit ending with the note', () => {
    expect(shortenMarkdown('short', 10, '!')).toBe('short');
    const text = 'line one\nline two\nline three\n';
    // A cut inside "line two" drops the partial line; a cut right at its end keeps it.
    expect(shortenMarkdown(text, 20, ' [cut]')).toBe('line one [cut]');
    expect(shortenMarkdown(text, 23, ' [cut]')).toBe('line one\nline two [cut]');
  });

  it('closes a ~~~ fence with the same fence', () => {
    const out = shortenMarkdown(`~~~~\n${'x\n'.repeat(100)}~~~~\n`, 50, '\nnote');
    expect(out.endsWith('x\n~~~~\nnote')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(50);
  });
});
