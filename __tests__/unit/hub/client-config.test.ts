import { afterEach, describe, expect, it } from '@jest/globals';
import { HubClient, modelConfigUrl, type HubClientOptions, type HubModelConfig } from '../../../src/hub/client.js';
import {
  QWEN25_05B_SHA,
  fixtureSha,
  startHubServer,
  type HubRepo,
  type HubServerOptions,
  type LoopbackHub
} from '../../helpers/hub-server.js';
import { fakeClock, type FakeClock } from './fake-clock.js';

const TOKEN = 'hf_ConfigTestTokenZxcvbnmAsdfghjklQwer';
const QWEN = 'Qwen/Qwen2.5-0.5B';
const servers: LoopbackHub[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function hub(options: HubServerOptions = {}): Promise<LoopbackHub> {
  const s = await startHubServer(options);
  servers.push(s);
  return s;
}

function client(server: LoopbackHub, clock: FakeClock = fakeClock(), options: Partial<HubClientOptions> = {}) {
  return new HubClient({ endpoint: server.url, clock, random: () => 1, ...options });
}

function found(config: HubModelConfig) {
  if (!('found' in config)) throw new Error(`expected found, got ${JSON.stringify(config)}`);
  return config.found;
}

function unavailable(config: HubModelConfig) {
  if ('found' in config) throw new Error(`expected unavailable, got ${JSON.stringify(config)}`);
  return config;
}

const repo = (id: string, extra: Partial<HubRepo>): HubRepo => ({ type: 'model', id, sha: fixtureSha(id), ...extra });
const paths = (s: LoopbackHub) => s.requests.map((r) => r.url.split('?')[0]);

describe('modelConfigUrl', () => {
  it("builds huggingface_hub's resolve URL: revision URL-quoted, main by default, under a mirror's path", () => {
    expect(modelConfigUrl('https://huggingface.co', { id: QWEN })).toBe(
      'https://huggingface.co/Qwen/Qwen2.5-0.5B/resolve/main/config.json'
    );
    expect(modelConfigUrl('https://hub.example/mirror', { id: 'gpt2', revision: 'refs/pr/1' })).toBe(
      'https://hub.example/mirror/gpt2/resolve/refs%2Fpr%2F1/config.json'
    );
  });
});

describe('HubClient.modelConfig', () => {
  it('reads the real Qwen2.5-0.5B config.json through the resolve route and its same-origin redirect', async () => {
    const s = await hub();
    const c = client(s, fakeClock(), { token: TOKEN });
    expect(found(await c.modelConfig({ id: QWEN }))).toEqual({
      hiddenSize: 896,
      numHiddenLayers: 24,
      intermediateSize: 4864,
      vocabSize: 151936,
      numAttentionHeads: 14,
      numKeyValueHeads: 2,
      modelType: 'qwen2'
    });
    expect(paths(s)).toEqual([
      '/Qwen/Qwen2.5-0.5B/resolve/main/config.json',
      `/api/resolve-cache/models/Qwen/Qwen2.5-0.5B/${QWEN25_05B_SHA}/config.json`
    ]);
    // Both hops are the endpoint's origin: the token goes to both.
    expect(s.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(c.stats()).toMatchObject({ questions: 1, requests: 2 });
  });

  it('reads at a pinned sha and at a tag', async () => {
    const s = await hub();
    const c = client(s);
    expect(found(await c.modelConfig({ id: QWEN, revision: QWEN25_05B_SHA })).hiddenSize).toBe(896);
    expect(found(await c.modelConfig({ id: 'Qwen/Qwen3-4B', revision: 'v1' }))).toMatchObject({
      hiddenSize: 2560,
      headDim: 128,
      modelType: 'qwen3'
    });
    expect(paths(s)).toContain(`/api/resolve-cache/models/Qwen/Qwen3-4B/${fixtureSha('Qwen/Qwen3-4B@v1')}/config.json`);
  });

  it('follows a renamed repo on the same origin', async () => {
    const s = await hub({ acceptedToken: TOKEN });
    const c = client(s, fakeClock(), { token: TOKEN });
    expect(found(await c.modelConfig({ id: 'meta-llama/Meta-Llama-3.1-8B-Instruct' })).hiddenSize).toBe(4096);
    expect(paths(s)[1]).toBe('/meta-llama/Llama-3.1-8B-Instruct/resolve/main/config.json');
  });

  it('a missing file is absent (404 EntryNotFound), asked once, not retried', async () => {
    const s = await hub();
    const config = unavailable(await client(s).modelConfig({ id: 'shape/local-base' }));
    expect(config.cause).toBe('absent');
    expect(config.unavailable).toBe(
      'the Hub has no config.json of "shape/local-base"@main (404 EntryNotFound: "Entry not found")'
    );
    expect(s.requests).toHaveLength(1);
  });

  it('a missing revision is absent (404 RevisionNotFound)', async () => {
    const s = await hub();
    const config = unavailable(await client(s).modelConfig({ id: QWEN, revision: 'f'.repeat(40) }));
    expect(config).toMatchObject({ cause: 'absent' });
    expect(config.unavailable).toContain('RevisionNotFound');
  });

  it('a missing repo: denied to an anonymous request (401 proves nothing), absent with a token', async () => {
    const s = await hub({ acceptedToken: TOKEN });
    expect(await client(s).modelConfig({ id: 'nobody/does-not-exist' })).toMatchObject({
      cause: 'denied',
      authenticated: false
    });
    expect(await client(s, fakeClock(), { token: TOKEN }).modelConfig({ id: 'nobody/does-not-exist' })).toMatchObject({
      cause: 'absent'
    });
  });

  it('a gated repo: 401 GatedRepo without a token, 403 with one not granted access, the file with access', async () => {
    const s = await hub({ acceptedToken: TOKEN });
    const id = 'meta-llama/Llama-3.1-8B';
    const anonymous = unavailable(await client(s).modelConfig({ id }));
    expect(anonymous).toMatchObject({ cause: 'denied', authenticated: false });
    expect(anonymous.unavailable).toMatch(/gated and reading it needs a token with access \(401 GatedRepo/);
    const notGranted = unavailable(await client(s, fakeClock(), { token: 'hf_other' }).modelConfig({ id }));
    expect(notGranted).toMatchObject({ cause: 'denied', authenticated: true });
    expect(notGranted.unavailable).toMatch(/403 GatedRepo: "Access to model .* not in the authorized list/);
    expect(found(await client(s, fakeClock(), { token: TOKEN }).modelConfig({ id })).numHiddenLayers).toBe(32);
    // The repo's metadata stays public: gating is about its files.
    expect((await client(s).repoInfo({ type: 'model', id })).kind).toBe('found');
  });

  it('retries a 5xx with backoff, then reads the file', async () => {
    const s = await hub({
      repos: [
        repo('flaky/config-500', { config: { hidden_size: 64 }, configBehaviour: { kind: 'server-error', times: 2 } })
      ]
    });
    const clock = fakeClock();
    const config = await client(s, clock, { random: () => 0.5 }).modelConfig({ id: 'flaky/config-500' });
    expect(found(config)).toEqual({ hiddenSize: 64 });
    expect(clock.sleeps).toEqual([250, 500]);
    expect(paths(s).filter((p) => p.includes('/resolve/'))).toHaveLength(3);
  });

  it('gives up on a 5xx that does not end, as unreachable', async () => {
    const s = await hub({
      repos: [
        repo('flaky/config-503', { config: {}, configBehaviour: { kind: 'server-error', times: 99, status: 503 } })
      ]
    });
    const clock = fakeClock();
    const config = unavailable(await client(s, clock, { maxRetries: 2 }).modelConfig({ id: 'flaky/config-503' }));
    expect(config.cause).toBe('unreachable');
    expect(config.unavailable).toMatch(/answered 503.*gave up after 3 attempts/);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('waits out a 429 for as long as RateLimit says', async () => {
    const s = await hub({
      repos: [
        repo('flaky/config-429', { config: {}, configBehaviour: { kind: 'rate-limited', times: 1, resetSeconds: 5 } })
      ]
    });
    const clock = fakeClock();
    expect(found(await client(s, clock).modelConfig({ id: 'flaky/config-429' }))).toEqual({});
    expect(clock.sleeps).toEqual([5000]);
  });

  it('refuses a body over 1 MiB (declared or streamed) as unreadable, without retrying', async () => {
    const big = `{"hidden_size": 8, "pad": "${'x'.repeat(1024 * 1024)}"}`;
    const s = await hub({ repos: [repo('evil/huge-config', { config: big })] });
    const config = unavailable(await client(s).modelConfig({ id: 'evil/huge-config' }));
    expect(config).toEqual({
      unavailable: `the Hub's reply for config.json of "evil/huge-config"@main is larger than 1048576 bytes`,
      cause: 'unreadable'
    });
    expect(paths(s)).toHaveLength(2);
    const small = unavailable(await client(s, fakeClock(), { maxConfigBytes: 100 }).modelConfig({ id: QWEN }));
    expect(small.unavailable).toMatch(/larger than 100 bytes/);
    // No Content-Length: the stream is cut once it passes the bound.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      }
    });
    const streamed = new HubClient({
      endpoint: 'https://huggingface.co',
      clock: fakeClock(),
      fetch: async () => new Response(endless, { status: 200 })
    });
    expect(unavailable(await streamed.modelConfig({ id: QWEN }))).toMatchObject({ cause: 'unreadable' });
    expect(pulled).toBeLessThan(40);
  });

  it('a stalled answer is cut by the per-request timeout and retried', async () => {
    const s = await hub({ repos: [repo('flaky/config-stall', { config: {}, configBehaviour: { kind: 'stall' } })] });
    const config = await client(s, fakeClock(), { requestTimeoutMs: 100, maxRetries: 1 }).modelConfig({
      id: 'flaky/config-stall'
    });
    expect(unavailable(config).unavailable).toMatch(/no answer within 100 ms \(gave up after 2 attempts\)/);
    expect(unavailable(config).cause).toBe('unreachable');
  });

  it('a body that is not JSON is unreadable, and not retried', async () => {
    const s = await hub({
      repos: [
        repo('evil/html-config', { config: '<!doctype html><html><body>Login</body></html>' }),
        repo('flaky/cut-config', { config: {}, configBehaviour: { kind: 'malformed' } })
      ]
    });
    const c = client(s);
    const html = unavailable(await c.modelConfig({ id: 'evil/html-config' }));
    expect(html.cause).toBe('unreadable');
    expect(html.unavailable).toMatch(/^config.json of "evil\/html-config"@main is not JSON \(/);
    expect(unavailable(await c.modelConfig({ id: 'flaky/cut-config' })).cause).toBe('unreadable');
    expect(paths(s)).toHaveLength(3);
  });

  it('does not follow a redirect to another origin, and the token never leaves the endpoint', async () => {
    const cdn = await hub();
    const s = await hub({
      repos: [
        repo('acme-corp/lfs-config', {
          config: {},
          configBehaviour: { kind: 'redirect', to: `${cdn.url}/xet-bridge-us/abc/config.json?X-Amz-Signature=s` }
        })
      ]
    });
    const config = unavailable(
      await client(s, fakeClock(), { token: TOKEN }).modelConfig({ id: 'acme-corp/lfs-config' })
    );
    const SUBJECT = 'config.json of "acme-corp/lfs-config"@main';
    expect(config).toEqual({
      unavailable: `the Hub redirected ${SUBJECT} to another host (${new URL(cdn.url).host}); not followed`,
      cause: 'unreadable'
    });
    expect(cdn.requests).toHaveLength(0);
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('keeps the token out of reasons when the server echoes it', async () => {
    const s = await hub({ repos: [repo('evil/echo-config', { config: {}, configBehaviour: { kind: 'echo-auth' } })] });
    const config = await client(s, fakeClock(), { token: TOKEN, maxRetries: 0 }).modelConfig({
      id: 'evil/echo-config'
    });
    expect(JSON.stringify(config)).not.toContain(TOKEN);
    expect(JSON.stringify(config)).toContain('Bearer ***');
  });

  it('asks once per (id, revision): concurrent questions share one exchange; main is the default', async () => {
    const s = await hub({ latencyMs: 20 });
    const c = client(s);
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => c.modelConfig({ id: QWEN })),
      c.modelConfig({ id: QWEN, revision: 'main' })
    ]);
    expect(new Set(answers).size).toBe(1);
    await c.modelConfig({ id: QWEN, revision: QWEN25_05B_SHA });
    expect(paths(s).filter((p) => p.includes('/resolve/'))).toEqual([
      '/Qwen/Qwen2.5-0.5B/resolve/main/config.json',
      `/Qwen/Qwen2.5-0.5B/resolve/${QWEN25_05B_SHA}/config.json`
    ]);
    expect(c.stats()).toMatchObject({ questions: 2, requests: 4 });
  });

  it('repo info and config of one id are separate questions, and one time budget covers both', async () => {
    const s = await hub();
    const clock = fakeClock();
    const c = client(s, clock, { budgetMs: 10_000 });
    expect((await c.repoInfo({ type: 'model', id: QWEN })).kind).toBe('found');
    clock.advance(10_001);
    const late = unavailable(await c.modelConfig({ id: QWEN }));
    expect(late.cause).toBe('unreachable');
    expect(late.unavailable).toMatch(/time budget of 10 s is used up/);
    expect(s.requests).toHaveLength(1);
  });

  it('does not ask about what is not a Hub id or revision', async () => {
    const s = await hub();
    const c = client(s);
    expect(await c.modelConfig({ id: '../../api/whoami-v2' })).toMatchObject({ cause: 'not-asked' });
    expect(await c.modelConfig({ id: QWEN, revision: 'a b' })).toMatchObject({ cause: 'not-asked' });
    expect(s.requests).toHaveLength(0);
  });
});
