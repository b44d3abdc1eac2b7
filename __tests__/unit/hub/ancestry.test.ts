import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { resolveAncestry } from '../../../src/hub/ancestry.js';
import { HubClient } from '../../../src/hub/client.js';
import { fixtureSha, startHubServer, type LoopbackHub } from '../../helpers/hub-server.js';
import { fakeClock } from './fake-clock.js';

let server: LoopbackHub;
let client: HubClient;

beforeEach(async () => {
  server = await startHubServer();
  client = new HubClient({ endpoint: server.url, clock: fakeClock() });
});

afterEach(async () => {
  await server.close();
});

describe('resolveAncestry', () => {
  it('resolves a quantized mirror to the gated Llama it was made from, through renamed ids', async () => {
    const result = await resolveAncestry(client, 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit');
    expect(result.root.answer.kind).toBe('found');
    expect(result.root.revision).toBe(fixtureSha('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit'));
    expect(result.chain.map(({ id, depth, child, relation }) => ({ id, depth, child, relation }))).toEqual([
      {
        id: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
        depth: 1,
        child: 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit',
        relation: 'quantized'
      },
      {
        id: 'meta-llama/Meta-Llama-3.1-8B',
        depth: 2,
        child: 'meta-llama/Meta-Llama-3.1-8B-Instruct',
        relation: 'finetune'
      }
    ]);
    const [instruct, base] = result.chain;
    expect(instruct.via).toBe('base_model');
    expect(instruct.answer).toMatchObject({
      kind: 'found',
      info: { id: 'meta-llama/Llama-3.1-8B-Instruct', gated: 'manual', license: 'llama3.1' }
    });
    expect(instruct.revision).toBe(fixtureSha('meta-llama/Llama-3.1-8B-Instruct'));
    expect(base.answer).toMatchObject({ kind: 'found', info: { id: 'meta-llama/Llama-3.1-8B', license: 'llama3.1' } });
    expect(result.cycles).toEqual([]);
    expect(result.depthLimit).toBeUndefined();
    // One question per distinct repo (plus the Hub's two rename redirects).
    expect(client.stats()).toMatchObject({ questions: 3, requests: 5 });
  });

  it('follows every parent of a merge', async () => {
    const result = await resolveAncestry(client, 'acme-corp/qwen-llama-merge');
    expect(result.chain.map((l) => [l.id, l.depth])).toEqual([
      ['Qwen/Qwen3-4B', 1],
      ['meta-llama/Llama-3.1-8B-Instruct', 1],
      ['Qwen/Qwen3-4B-Base', 2],
      ['meta-llama/Meta-Llama-3.1-8B', 2]
    ]);
    expect(result.chain[0].relation).toBe('merge');
    expect(client.stats().questions).toBe(5);
  });

  it('a repo reached under its old name and, deeper, under its new one is asked once', async () => {
    await server.close();
    server = await startHubServer({
      repos: [
        {
          type: 'model',
          id: 'acme-corp/two-names',
          sha: fixtureSha('t'),
          cardData: { base_model: ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'acme-corp/middle'] }
        },
        {
          type: 'model',
          id: 'acme-corp/middle',
          sha: fixtureSha('m'),
          cardData: { base_model: 'META-LLAMA/llama-3.1-8b-instruct' }
        }
      ]
    });
    client = new HubClient({ endpoint: server.url, clock: fakeClock() });
    const result = await resolveAncestry(client, 'acme-corp/two-names');
    expect(result.chain.map((l) => l.id)).toEqual([
      'meta-llama/Meta-Llama-3.1-8B-Instruct',
      'acme-corp/middle',
      'meta-llama/Meta-Llama-3.1-8B'
    ]);
    expect(server.requestsFor('model', 'meta-llama/Llama-3.1-8B-Instruct')).toHaveLength(1);
    expect(result.cycles).toEqual([]);
  });

  it('reports a cycle and stops', async () => {
    const result = await resolveAncestry(client, 'loop/a');
    expect(result.cycles).toEqual([['loop/a', 'loop/b', 'loop/a']]);
    expect(result.chain.map((l) => l.id)).toEqual(['loop/b']);
    expect(server.requests).toHaveLength(2);
  });

  it('reports a card that names itself as its base', async () => {
    const result = await resolveAncestry(client, 'loop/self');
    expect(result.cycles).toEqual([['loop/self', 'loop/self']]);
    expect(result.chain).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('a diamond (two parents sharing a base) is not a cycle, and the shared base is asked once', async () => {
    const result = await resolveAncestry(client, 'shape/diamond');
    expect(result.cycles).toEqual([]);
    expect(result.chain.map((l) => l.id)).toEqual(['shape/left', 'shape/right', 'shape/bottom']);
    expect(server.requestsFor('model', 'shape/bottom')).toHaveLength(1);
  });

  it('stops at maxDepth and says what was left unexplored', async () => {
    const result = await resolveAncestry(client, 'chain/level-0', { maxDepth: 3 });
    expect(result.chain.map((l) => l.id)).toEqual(['chain/level-1', 'chain/level-2', 'chain/level-3']);
    expect(result.depthLimit).toEqual({ maxDepth: 3, unexplored: [{ id: 'chain/level-4', child: 'chain/level-3' }] });
    expect(server.requests).toHaveLength(4);
  });

  it('walks 5 levels by default', async () => {
    const result = await resolveAncestry(client, 'chain/level-0');
    expect(result.chain).toHaveLength(5);
    expect(result.depthLimit?.unexplored).toEqual([{ id: 'chain/level-6', child: 'chain/level-5' }]);
  });

  it('does not ask about a base_model that is not a Hub id (a local path in an auto-generated card)', async () => {
    const result = await resolveAncestry(client, 'shape/local-base');
    expect(result.chain).toEqual([
      expect.objectContaining({
        id: '/Users/a58/Downloads/pretrain_model/Qwen/Qwen1.5-0.5B-Chat',
        depth: 1,
        problem: expect.stringMatching(/^not a Hub id/)
      })
    ]);
    expect(result.chain[0].answer).toBeUndefined();
    expect(server.requests).toHaveLength(1);
  });

  it('asks the root at its pinned revision and keeps a root that is not found', async () => {
    const pinned = await resolveAncestry(client, 'Qwen/Qwen3-4B', { revision: 'v1' });
    expect(pinned.root.revision).toBe(fixtureSha('Qwen/Qwen3-4B@v1'));
    expect(server.requests[0].url.split('?')[0]).toBe('/api/models/Qwen/Qwen3-4B/revision/v1');
    const missing = await resolveAncestry(client, 'nobody/nothing-here');
    expect(missing.root.answer.kind).toBe('not-found');
    expect(missing.chain).toEqual([]);
  });

  it('shares the client across walks: ancestors already asked cost nothing', async () => {
    await resolveAncestry(client, 'Qwen/Qwen3-4B');
    const before = server.requests.length;
    await resolveAncestry(client, 'acme-corp/qwen-llama-merge');
    expect(server.requestsFor('model', 'Qwen/Qwen3-4B-Base')).toHaveLength(1);
    expect(server.requests.length - before).toBe(4);
  });
});
