import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubAnswer } from '../../../src/hub/answer.js';
import { DEFAULT_TTL_MS, HubCache } from '../../../src/hub/cache.js';
import { HubClient } from '../../../src/hub/client.js';
import { QWEN25_05B_SHA, fixtureSha, startHubServer, type LoopbackHub } from '../../helpers/hub-server.js';
import { fakeClock, type FakeClock } from './fake-clock.js';

const TOKEN = 'hf_CacheTestTokenQwertyuiopAsdfghjkl';
let dir: string;
let server: LoopbackHub;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-cache-'));
  server = await startHubServer({ acceptedToken: TOKEN });
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(
  clock: FakeClock,
  path: string,
  ids: { id: string; revision?: string; type?: 'model' | 'dataset' }[],
  token?: string
) {
  const cache = new HubCache({ path, clock });
  const load = await cache.load();
  const client = new HubClient({ endpoint: server.url, token, clock, cache, random: () => 1, maxRetries: 0 });
  const answers = await Promise.all(
    ids.map((q) =>
      client.repoInfo({ type: q.type ?? 'model', id: q.id, ...(q.revision ? { revision: q.revision } : {}) })
    )
  );
  await cache.save();
  return { load, answers, stats: client.stats(), cache };
}

const IDS = [
  { id: 'Qwen/Qwen3-4B' },
  { id: 'meta-llama/Llama-3.1-8B-Instruct' },
  { id: 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit' },
  { id: 'Qwen/Qwen3-4B', revision: 'no-such-branch' },
  { id: 'acme-corp/taken-down' },
  { id: 'acme-corp/gated-files' },
  { id: 'tatsu-lab/alpaca', type: 'dataset' as const }
];

describe('HubCache with the client', () => {
  it('a second client with the same cache file makes 0 requests and gives the same answers', async () => {
    const path = join(dir, 'nested', 'hub-cache.json');
    const clock = fakeClock();
    const first = await run(clock, path, IDS);
    expect(first.load.problem).toBe('no cache file yet');
    const requestsAfterFirst = server.requests.length;
    expect(requestsAfterFirst).toBeGreaterThanOrEqual(IDS.length);

    clock.advance(60_000);
    const second = await run(clock, path, IDS);
    expect(second.load).toEqual({ entries: IDS.length });
    expect(server.requests.length).toBe(requestsAfterFirst);
    expect(second.stats).toMatchObject({ requests: 0, cacheHits: IDS.length });
    expect(second.answers).toEqual(first.answers);
  });

  it('entries expire after the TTL (24 h by default)', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    await run(clock, path, [{ id: 'Qwen/Qwen3-4B' }]);
    clock.advance(DEFAULT_TTL_MS);
    expect((await run(clock, path, [{ id: 'Qwen/Qwen3-4B' }])).stats.requests).toBe(0);
    clock.advance(1);
    expect((await run(clock, path, [{ id: 'Qwen/Qwen3-4B' }])).stats.requests).toBe(1);
  });

  it('found answers for a 40-hex revision never expire; negative ones for a sha do', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const pinned = { id: 'Qwen/Qwen3-4B', revision: fixtureSha('Qwen/Qwen3-4B') };
    const missingSha = { id: 'Qwen/Qwen3-4B', revision: 'f'.repeat(40) };
    const first = await run(clock, path, [pinned, missingSha]);
    expect(first.answers.map((a) => a.kind)).toEqual(['found', 'revision-not-found']);
    clock.advance(365 * DEFAULT_TTL_MS);
    const later = await run(clock, path, [pinned, missingSha]);
    expect(later.stats).toMatchObject({ cacheHits: 1, requests: 1 });
    expect(server.requestsFor('model', 'Qwen/Qwen3-4B').filter((r) => r.url.includes(pinned.revision))).toHaveLength(1);
  });

  it('never stores unreachable answers', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const first = await run(clock, path, [{ id: 'flaky/malformed' }]);
    expect(first.answers[0].kind).toBe('unreachable');
    expect(first.cache.size).toBe(0);
    const second = await run(clock, path, [{ id: 'flaky/malformed' }]);
    expect(second.stats.requests).toBe(1);
  });

  it('an anonymous "not found" is asked again once a token is given', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const anonymous = await run(clock, path, [{ id: 'acme-corp/internal-llm' }]);
    expect(anonymous.answers[0]).toMatchObject({ kind: 'not-found', authenticated: false });
    const withToken = await run(clock, path, [{ id: 'acme-corp/internal-llm' }], TOKEN);
    expect(withToken.stats.requests).toBe(1);
    expect(withToken.answers[0].kind).toBe('found');
  });

  it("keys by endpoint: a mirror's answers do not stand in for another endpoint's", async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const cache = new HubCache({ path, clock });
    const answer: HubAnswer = { kind: 'disabled', detail: 'x' };
    cache.set({ endpoint: 'https://hf-mirror.com', type: 'model', id: 'a/b' }, answer);
    expect(cache.get({ endpoint: 'https://huggingface.co', type: 'model', id: 'a/b' })).toBeUndefined();
    expect(cache.get({ endpoint: 'https://hf-mirror.com', type: 'dataset', id: 'a/b' })).toBeUndefined();
    expect(
      cache.get({ endpoint: 'https://hf-mirror.com', type: 'model', id: 'a/b', revision: 'main' })
    ).toBeUndefined();
    expect(cache.get({ endpoint: 'https://hf-mirror.com', type: 'model', id: 'a/b' })).toEqual(answer);
  });

  it('never writes the token, even when the Hub echoed it', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    await server.close();
    server = await startHubServer({
      acceptedToken: TOKEN,
      repos: [{ type: 'model', id: 'evil/echo', sha: fixtureSha('e'), tags: [`token:${TOKEN}`] }]
    });
    const { answers } = await run(
      clock,
      path,
      [...IDS, { id: 'acme-corp/internal-llm' }, { id: 'evil/echo' }, { id: 'nobody/missing' }],
      TOKEN
    );
    expect(answers.filter((a) => a.kind === 'found').length).toBeGreaterThan(3);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.slice(3));
    expect(text).toContain('token:***');
  });
});

describe('HubCache file handling', () => {
  it('starts empty on a corrupt file and says why', async () => {
    const path = join(dir, 'c.json');
    await writeFile(path, '{"format":"lineage-gate-hub-cache","version":1,"entries":[');
    const cache = new HubCache({ path });
    expect(await cache.load()).toEqual({ entries: 0, problem: 'the cache file is not valid JSON; starting empty' });
    await writeFile(path, JSON.stringify({ hello: 'world' }));
    expect((await cache.load()).problem).toMatch(/not a lineage-gate-hub-cache file of version 1/);
  });

  it('drops malformed entries and keeps the rest', async () => {
    const path = join(dir, 'c.json');
    const good = {
      key: { endpoint: 'https://huggingface.co', type: 'model', id: 'a/b' },
      storedAt: Date.now(),
      answer: { kind: 'disabled', detail: 'x' }
    };
    const entries = [
      good,
      { ...good, answer: { kind: 'unreachable', reason: 'x', attempts: 1 } },
      { ...good, storedAt: 'yesterday' },
      { ...good, key: { endpoint: 'x', type: 'space', id: 'a/b' } },
      null
    ];
    await writeFile(path, JSON.stringify({ format: 'lineage-gate-hub-cache', version: 1, entries }));
    const cache = new HubCache({ path });
    expect(await cache.load()).toEqual({ entries: 1, problem: '4 malformed cache entries were ignored' });
  });

  it('ignores a file larger than the limit', async () => {
    const path = join(dir, 'c.json');
    await writeFile(path, 'x'.repeat(2000));
    expect((await new HubCache({ path, maxFileBytes: 1000 }).load()).problem).toMatch(/larger than 1000 bytes/);
  });

  it('saves atomically (no temp file left) and keeps only the newest maxEntries', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const cache = new HubCache({ path, clock, maxEntries: 3 });
    for (let i = 0; i < 5; i++) {
      cache.set(
        { endpoint: 'https://huggingface.co', type: 'model', id: `org/m${i}` },
        { kind: 'disabled', detail: `${i}` }
      );
      clock.advance(1000);
    }
    await cache.save();
    expect(await readdir(dir)).toEqual(['c.json']);
    const reloaded = new HubCache({ path, clock });
    expect(await reloaded.load()).toEqual({ entries: 3 });
    expect(reloaded.get({ endpoint: 'https://huggingface.co', type: 'model', id: 'org/m0' })).toBeUndefined();
    expect(reloaded.get({ endpoint: 'https://huggingface.co', type: 'model', id: 'org/m4' })).toEqual({
      kind: 'disabled',
      detail: '4'
    });
  });

  it('refuses to keep unreachable answers', () => {
    const cache = new HubCache({ path: join(dir, 'c.json') });
    expect(
      cache.set({ endpoint: 'e', type: 'model', id: 'a/b' }, { kind: 'unreachable', reason: 'x', attempts: 1 })
    ).toBe(false);
    expect(cache.size).toBe(0);
  });
});

describe('HubCache and config.json answers', () => {
  const QWEN = 'Qwen/Qwen2.5-0.5B';

  async function ask(clock: FakeClock, path: string, questions: { id: string; revision?: string }[], token?: string) {
    const cache = new HubCache({ path, clock });
    const load = await cache.load();
    const client = new HubClient({ endpoint: server.url, token, clock, cache, random: () => 1, maxRetries: 0 });
    const answers = await Promise.all(questions.map((q) => client.modelConfig(q)));
    await cache.save();
    return { load, answers, stats: client.stats(), cache };
  }

  it('a second client with the same cache file asks nothing and gives the same answers', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const questions = [
      { id: QWEN },
      { id: QWEN, revision: QWEN25_05B_SHA },
      { id: 'shape/local-base' },
      { id: 'meta-llama/Llama-3.1-8B' }
    ];
    const first = await ask(clock, path, questions);
    expect(first.answers.map((a) => ('found' in a ? 'found' : a.cause))).toEqual([
      'found',
      'found',
      'absent',
      'denied'
    ]);
    const before = server.requests.length;
    clock.advance(60_000);
    const second = await ask(clock, path, questions);
    expect(second.load).toEqual({ entries: 4 });
    expect(second.stats).toMatchObject({ requests: 0, cacheHits: 4 });
    expect(second.answers).toEqual(first.answers);
    expect(server.requests.length).toBe(before);
  });

  it('a config found at a 40-hex revision never expires; at a branch, or absent, it expires after a TTL', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const questions = [{ id: QWEN, revision: QWEN25_05B_SHA }, { id: QWEN }, { id: 'shape/local-base' }];
    await ask(clock, path, questions);
    clock.advance(DEFAULT_TTL_MS);
    expect((await ask(clock, path, questions)).stats.requests).toBe(0);
    clock.advance(365 * DEFAULT_TTL_MS);
    const later = await ask(clock, path, questions);
    expect(later.stats).toMatchObject({ cacheHits: 1 });
    expect(server.fileRequestsFor(QWEN).filter((r) => r.url.includes(`/resolve/${QWEN25_05B_SHA}/`))).toHaveLength(1);
  });

  it('never stores answers about the network or an unusable reply', async () => {
    await server.close();
    server = await startHubServer({
      repos: [
        { type: 'model', id: 'evil/html', sha: fixtureSha('h'), config: '<html>' },
        {
          type: 'model',
          id: 'flaky/cfg',
          sha: fixtureSha('f'),
          config: {},
          configBehaviour: { kind: 'server-error', times: 9 }
        }
      ]
    });
    const path = join(dir, 'c.json');
    const first = await ask(fakeClock(), path, [{ id: 'evil/html' }, { id: 'flaky/cfg' }]);
    expect(first.answers.map((a) => ('cause' in a ? a.cause : 'found'))).toEqual(['unreadable', 'unreachable']);
    expect(first.cache.size).toBe(0);
  });

  it('an anonymous refusal (gated, or 401) is asked again once a token is given', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const id = 'meta-llama/Llama-3.1-8B';
    expect((await ask(clock, path, [{ id }])).answers[0]).toMatchObject({ cause: 'denied', authenticated: false });
    const withToken = await ask(clock, path, [{ id }], TOKEN);
    expect(withToken.stats.cacheHits).toBe(0);
    expect('found' in withToken.answers[0]).toBe(true);
  });

  it('keeps config answers in their own list: a file without one still loads; edited entries are dropped', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    await ask(clock, path, [{ id: QWEN }]);
    const doc = JSON.parse(await readFile(path, 'utf8'));
    expect(doc).toMatchObject({ format: 'lineage-gate-hub-cache', version: 1, entries: [] });
    expect(doc.configs).toEqual([
      {
        key: { endpoint: server.url, id: QWEN, revision: 'main' },
        storedAt: clock.now(),
        answer: { found: expect.objectContaining({ hiddenSize: 896 }) }
      }
    ]);
    // A file written before config answers existed: no `configs` at all.
    await writeFile(path, JSON.stringify({ format: 'lineage-gate-hub-cache', version: 1, entries: [] }));
    expect(await new HubCache({ path }).load()).toEqual({ entries: 0 });
    const good = doc.configs[0];
    const configs = [
      good,
      { ...good, answer: { unavailable: 'x', cause: 'unreachable' } },
      { ...good, answer: { found: { hiddenSize: 'big' } } },
      { ...good, key: { endpoint: 'e', id: QWEN } },
      null
    ];
    await writeFile(path, JSON.stringify({ format: 'lineage-gate-hub-cache', version: 1, entries: [], configs }));
    const cache = new HubCache({ path, clock });
    expect(await cache.load()).toEqual({ entries: 1, problem: '4 malformed cache entries were ignored' });
    expect(cache.getConfig({ endpoint: server.url, id: QWEN, revision: 'main' })).toEqual(good.answer);
    expect(cache.getConfig({ endpoint: 'https://hf-mirror.com', id: QWEN, revision: 'main' })).toBeUndefined();
  });

  it('maxEntries bounds repo and config answers together, newest first', async () => {
    const path = join(dir, 'c.json');
    const clock = fakeClock();
    const cache = new HubCache({ path, clock, maxEntries: 2 });
    cache.set({ endpoint: 'e', type: 'model', id: 'org/old' }, { kind: 'disabled', detail: 'x' });
    clock.advance(1000);
    cache.setConfig({ endpoint: 'e', id: 'org/a', revision: 'main' }, { found: { hiddenSize: 1 } });
    clock.advance(1000);
    cache.set({ endpoint: 'e', type: 'model', id: 'org/new' }, { kind: 'disabled', detail: 'y' });
    expect(
      cache.setConfig({ endpoint: 'e', id: 'org/b', revision: 'main' }, { unavailable: 'x', cause: 'unreachable' })
    ).toBe(false);
    await cache.save();
    const reloaded = new HubCache({ path, clock });
    expect(await reloaded.load()).toEqual({ entries: 2 });
    expect(reloaded.get({ endpoint: 'e', type: 'model', id: 'org/old' })).toBeUndefined();
    expect(reloaded.getConfig({ endpoint: 'e', id: 'org/a', revision: 'main' })).toEqual({ found: { hiddenSize: 1 } });
  });
});

describe('HubCache against hostile files', () => {
  const entry = (storedAt: number) => ({
    key: { endpoint: 'https://huggingface.co', type: 'model', id: 'a/b' },
    storedAt,
    answer: { kind: 'disabled', detail: 'x' }
  });

  it('drops entries dated in the future: they would never expire', async () => {
    const clock = fakeClock();
    const path = join(dir, 'c.json');
    const entries = [
      entry(clock.now()),
      { ...entry(clock.now() + 365 * 24 * 3600 * 1000), key: { ...entry(0).key, id: 'c/d' } }
    ];
    await writeFile(path, JSON.stringify({ format: 'lineage-gate-hub-cache', version: 1, entries }));
    expect(await new HubCache({ path, clock }).load()).toEqual({
      entries: 1,
      problem: '1 cache entry dated in the future ignored'
    });
  });

  it('refuses a FIFO without waiting for a writer, inside or outside a workspace', async () => {
    const { execFileSync } = await import('node:child_process');
    const path = join(dir, 'fifo.json');
    execFileSync('mkfifo', [path]);
    expect((await new HubCache({ path }).load()).problem).toMatch(/not a regular file/);
    expect((await new HubCache({ path, workspace: dir }).load()).problem).toMatch(/not a regular file/);
  });

  it('inside a workspace, does not follow a link out, and does not save through a linked directory', async () => {
    const { mkdir, symlink } = await import('node:fs/promises');
    const { realpathSync } = await import('node:fs');
    const workspace = realpathSync(dir);
    const outside = await mkdtemp(join(tmpdir(), 'hub-cache-out-'));
    await writeFile(
      join(outside, 'c.json'),
      JSON.stringify({ format: 'lineage-gate-hub-cache', version: 1, entries: [] })
    );
    await symlink(join(outside, 'c.json'), join(workspace, 'linked.json'));
    const linked = new HubCache({ path: join(workspace, 'linked.json'), workspace });
    expect((await linked.load()).problem).toMatch(/points outside the repository/);
    await mkdir(join(workspace, 'sub'));
    await symlink(outside, join(workspace, 'sub/cache'));
    const through = new HubCache({ path: join(workspace, 'sub/cache/c2.json'), workspace });
    await expect(through.save()).rejects.toThrow(/sub\/cache is a symbolic link/);
    expect(await readdir(outside)).toEqual(['c.json']);
    await rm(outside, { recursive: true, force: true });
  });
});
