/** The parts every policy problem message is made of: the "did you mean" guess, the setting's name, the value shown. */
import { didYouMean, suggestion } from '../../../src/policy/did-you-mean.js';
import { show, subject } from '../../../src/policy/located.js';

describe('didYouMean', () => {
  it.each<[string, string[], string | undefined]>([
    // punctuation left out counts once
    ['apache2', ['mit', 'apache-2.0'], 'apache-2.0'],
    ['pinned_revisions', ['pinned-revisions', 'evidence'], 'pinned-revisions'],
    ['Pinned-Revisons', ['pinned-revisions'], 'pinned-revisions'],
    // one substitution, insertion or deletion
    ['evidance', ['evidence'], 'evidence'],
    ['evdence', ['evidence'], 'evidence'],
    ['evvidence', ['evidence'], 'evidence'],
    // the candidate comes back as it is written
    ['MIT', ['MIT'], 'MIT'],
    ['xyz', ['apache-2.0', 'mit'], undefined],
    ['', ['mit'], undefined]
  ])('%j among %j: %j', (word, candidates, want) => {
    expect(didYouMean(word, candidates)).toBe(want);
  });

  it('allows at least two edits, and a third of the word beyond that', () => {
    // 6 letters: 2 edits
    expect(didYouMean('abcdef', ['abcdXY'])).toBe('abcdXY');
    expect(didYouMean('abcdef', ['abcXYZ'])).toBeUndefined();
    // 9 letters: 3 edits
    expect(didYouMean('abcdefghi', ['abcdefXYZ'])).toBe('abcdefXYZ');
    expect(didYouMean('abcdefghi', ['abcdeWXYZ'])).toBeUndefined();
    // 10 letters: 4 edits (a third, rounded up)
    expect(didYouMean('abcdefghij', ['abcdefWXYZ'])).toBe('abcdefWXYZ');
  });

  it('takes the closest candidate, the first of equally close ones', () => {
    expect(didYouMean('evidence', ['evidenXX', 'evidenXe', 'evidenYe'])).toBe('evidenXe');
  });

  it('does not compare words longer than 200 characters', () => {
    expect(didYouMean('a'.repeat(200), ['a'.repeat(199)])).toBe('a'.repeat(199));
    expect(didYouMean('a'.repeat(201), ['a'.repeat(200)])).toBeUndefined();
  });

  it('is worded as a parenthesis, quoted as the caller asks', () => {
    expect(suggestion('evidance', ['evidence'])).toBe(' (did you mean evidence?)');
    expect(suggestion('evidance', ['evidence'], (s) => `\`${s}\``)).toBe(' (did you mean `evidence`?)');
    expect(suggestion('xyz', ['evidence'])).toBe('');
  });
});

describe('show', () => {
  it('writes the value as JSON, cut to 60 characters', () => {
    expect(show('mit')).toBe('"mit"');
    expect(show(3)).toBe('3');
    expect(show(undefined)).toBe('undefined');
    expect(show('x'.repeat(58))).toBe(`"${'x'.repeat(58)}"`);
    expect(show('x'.repeat(59))).toBe(`"${'x'.repeat(58)}…`);
  });
});

describe('subject', () => {
  it.each<[(string | number)[], string]>([
    [[], 'the policy'],
    [['require', 'evidence'], '`require.evidence`'],
    [['waivers', 1, 'expires'], '`expires` of waiver 2'],
    [['waivers', 0], 'waiver 1'],
    [['overrides', 2, 'rules', 'missing-license'], '`rules.missing-license` of override 3'],
    [['overrides', 'x'], '`overrides.x`'],
    [['licenses', 'knowledge', 0, 'id'], '`id` of license knowledge entry 1'],
    [['licenses', 'knowledge', 4], 'license knowledge entry 5'],
    [['licenses', 'knowledge'], '`licenses.knowledge`'],
    [['licenses', 'allow', 0], '`licenses.allow[0]`']
  ])('%j is %s', (path, want) => {
    expect(subject(path)).toBe(want);
  });
});
