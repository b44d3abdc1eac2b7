import { describe, expect, it } from '@jest/globals';
import { redact, redactJson, remoteExcerpt } from '../../../src/hub/safe-text.js';

const TOKEN = 'hf_SafeTextTokenAbcdefghijklmnop';

describe('redact', () => {
  it('masks the token and every run of 8+ of its leading characters, not shorter ones', () => {
    expect(redact(`a ${TOKEN} b`, TOKEN)).toBe('a *** b');
    expect(redact(`cut: ${TOKEN.slice(0, 8)}| ${TOKEN.slice(0, 20)}…`, TOKEN)).toBe('cut: ***| ***…');
    expect(redact(`short ${TOKEN.slice(0, 7)}`, TOKEN)).toBe(`short ${TOKEN.slice(0, 7)}`);
    expect(redact(`${TOKEN}${TOKEN}x`, TOKEN)).toBe('******x');
  });

  it('masks a token shorter than 8 characters whole, and leaves text alone without one', () => {
    expect(redact('a abc12 b', 'abc12')).toBe('a *** b');
    expect(redact(`a ${TOKEN}`, undefined)).toBe(`a ${TOKEN}`);
  });

  it('masks every secret of a list (the GitHub token and the Hub token), skipping empty ones', () => {
    const github = 'ghs_SafeTextGithubToken0123456789';
    expect(redact(`${github.slice(0, 12)} / ${TOKEN.slice(0, 9)}`, [github, undefined, '', TOKEN])).toBe('*** / ***');
    expect(redact('plain', [])).toBe('plain');
  });
});

describe('remoteExcerpt', () => {
  it('is one line of at most 200 characters, without control characters or the token', () => {
    const text = `\u001b[31m${TOKEN}\r\n${'x'.repeat(180)} ${TOKEN.slice(0, 30)}`;
    const excerpt = remoteExcerpt(text, TOKEN);
    expect(excerpt.length).toBeLessThanOrEqual(200);
    // eslint-disable-next-line no-control-regex
    expect(excerpt).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(excerpt).not.toContain(TOKEN.slice(0, 8));
  });
});

describe('redactJson', () => {
  it('masks every string and key, deep', () => {
    const value = { [TOKEN]: [`x ${TOKEN.slice(0, 10)}`, 1, null, { k: TOKEN }] };
    expect(redactJson(value, TOKEN)).toEqual({ '***': ['x ***', 1, null, { k: '***' }] });
  });

  it('walks plain objects and arrays only, and returns the value itself when there is no secret', () => {
    const when = new Date(0);
    const value = { when, list: [TOKEN] };
    const masked = redactJson(value, [undefined, TOKEN]);
    expect(masked.when).toBe(when);
    expect(masked.list).toEqual(['***']);
    expect(redactJson(value, [undefined, ''])).toBe(value);
  });
});
