import { describe, expect, it } from '@jest/globals';
import { isHubAnswer, repoInfoFromJson } from '../../../src/hub/answer.js';
import { classifyReply } from '../../../src/hub/classify-response.js';

const Q = { type: 'model' as const, id: 'org/name' };

function reply(status: number, headers: Record<string, string> = {}, body = '') {
  return { status, headers: new Headers(headers), body };
}

describe('repoInfoFromJson', () => {
  it('reads a merge card: every base_model of the list, the relation, several licenses', () => {
    const info = repoInfoFromJson(
      {
        _id: '1',
        id: 'sayakpaul/FLUX.1-merged',
        cardData: {
          license: ['other', 'apache-2.0'],
          license_name: 'flux-1-dev-non-commercial-license',
          license_link: 'LICENSE.md',
          base_model: ['black-forest-labs/FLUX.1-dev', 'black-forest-labs/FLUX.1-schnell'],
          base_model_relation: 'merge'
        },
        siblings: [{ rfilename: 'README.md' }, { rfilename: 42 }, 'junk']
      },
      'asked/id'
    )!;
    expect(info.id).toBe('sayakpaul/FLUX.1-merged');
    expect(info.baseModels).toEqual(['black-forest-labs/FLUX.1-dev', 'black-forest-labs/FLUX.1-schnell']);
    expect(info.baseModelRelation).toBe('merge');
    expect(info.licenses).toEqual(['other', 'apache-2.0']);
    expect(info.license).toBeUndefined();
    expect(info.licenseName).toBe('flux-1-dev-non-commercial-license');
    expect(info.siblings).toEqual(['README.md']);
  });

  it("falls back to the Hub's baseModels, then base_model tags, and to license tags, when the card is silent", () => {
    expect(
      repoInfoFromJson({ id: 'a/b', baseModels: { relation: 'adapter', models: [{ id: 'x/y' }] } }, 'a/b')
    ).toMatchObject({ baseModels: ['x/y'], baseModelRelation: 'adapter' });
    const fromTags = repoInfoFromJson(
      { id: 'a/b', tags: ['base_model:x/old', 'base_model:quantized:x/old', 'license:mit'] },
      'a/b'
    )!;
    expect(fromTags).toMatchObject({
      baseModels: ['x/old'],
      baseModelRelation: 'quantized',
      license: 'mit',
      licenses: ['mit']
    });
  });

  it('prefers the card over derived fields (which use renamed ids)', () => {
    const info = repoInfoFromJson(
      {
        id: 'a/b',
        cardData: { base_model: 'meta-llama/Meta-Llama-3.1-8B' },
        tags: ['base_model:meta-llama/Llama-3.1-8B']
      },
      'a/b'
    )!;
    expect(info.baseModels).toEqual(['meta-llama/Meta-Llama-3.1-8B']);
  });

  it('normalises gated and tolerates wrong types', () => {
    expect(repoInfoFromJson({ gated: 'auto' }, 'a/b')).toMatchObject({
      id: 'a/b',
      gated: 'auto',
      private: false,
      disabled: false,
      tags: [],
      siblings: [],
      baseModels: []
    });
    expect(repoInfoFromJson({ gated: true, private: 'yes', tags: 'x' }, 'a/b')).toMatchObject({
      gated: 'manual',
      private: false,
      tags: ['x']
    });
    expect(repoInfoFromJson([], 'a/b')).toBeUndefined();
    expect(repoInfoFromJson(null, 'a/b')).toBeUndefined();
  });

  it('bounds how many base models one card may name', () => {
    const info = repoInfoFromJson(
      { cardData: { base_model: Array.from({ length: 500 }, (_, i) => `m/m${i}`) } },
      'a/b'
    )!;
    expect(info.baseModels).toHaveLength(64);
  });
});

describe('classifyReply (hf_raise_for_status order)', () => {
  it.each([
    [reply(404, { 'x-error-code': 'RevisionNotFound', 'x-error-message': 'Invalid rev id: x' }), 'revision-not-found'],
    [reply(401, { 'x-error-code': 'GatedRepo' }), 'gated'],
    [reply(403, { 'x-error-code': 'GatedRepo' }), 'gated'],
    [reply(403, { 'x-error-message': 'Access to this resource is disabled.' }), 'disabled'],
    [reply(403, {}, JSON.stringify({ error: 'Access to this resource is disabled.' })), 'disabled'],
    [reply(404, { 'x-error-code': 'RepoNotFound' }), 'not-found'],
    [reply(401, { 'x-error-code': 'RepoNotFound' }), 'not-found'],
    [reply(401, { 'x-error-message': 'Invalid username or password.' }), 'not-found'],
    [reply(401, { 'x-error-message': 'Invalid credentials in Authorization header' }), 'unreachable'],
    [reply(404), 'unreachable'],
    [reply(400, {}, JSON.stringify({ error: ['"expand" must be one of …'] })), 'unreachable'],
    [reply(200, {}, '<html>'), 'unreachable'],
    [reply(200, {}, '"a string"'), 'unreachable']
  ])('%# → %s', (r, kind) => {
    const outcome = classifyReply(r, Q, false, 0);
    expect('final' in outcome && outcome.final.kind).toBe(kind);
  });

  it.each([429, 500, 502, 503, 504, 408])('%d is retried', (status) => {
    expect('retry' in classifyReply(reply(status), Q, false, 0)).toBe(true);
  });

  it('a 429 carries the wait the server asked for', () => {
    const outcome = classifyReply(reply(429, { ratelimit: '"api";r=0;t=42' }), Q, false, 0);
    expect(outcome).toMatchObject({ waitMs: 42_000 });
  });

  it('keeps server messages on one short line', () => {
    const outcome = classifyReply(
      reply(500, {}, JSON.stringify({ error: `bad\n::error::injected ${'x'.repeat(500)}` })),
      Q,
      false,
      0
    );
    const reason = 'retry' in outcome ? outcome.retry : '';
    expect(reason).not.toContain('\n');
    expect(reason.length).toBeLessThan(260);
  });
});

describe('isHubAnswer', () => {
  it('accepts what the client produces and rejects wrong shapes', () => {
    const info = repoInfoFromJson({ id: 'a/b', sha: 'f'.repeat(40) }, 'a/b')!;
    expect(isHubAnswer({ kind: 'found', info })).toBe(true);
    expect(isHubAnswer({ kind: 'found', info: { ...info, tags: [1] } })).toBe(false);
    expect(isHubAnswer({ kind: 'not-found', authenticated: false, status: 401, detail: 'x' })).toBe(true);
    expect(isHubAnswer({ kind: 'not-found', status: 401, detail: 'x' })).toBe(false);
    expect(isHubAnswer({ kind: 'exploded' })).toBe(false);
    expect(isHubAnswer('found')).toBe(false);
  });
});
