import { afterEach, describe, expect, it } from '@jest/globals';
import { HubClient, repoInfoUrl, type HubAnswer, type HubClientOptions } from '../../../src/hub/client.js';
import { fixtureSha, startHubServer, type HubServerOptions, type LoopbackHub } from '../../helpers/hub-server.js';
import { EPOCH, fakeClock, type FakeClock } from './fake-clock.js';

const TOKEN = 'hf_TestTokenAbcdefghijklmnopqrstuvwxyz';
const servers: LoopbackHub[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function hub(options: HubServerOptions = {}): Promise<LoopbackHub> {
  const s = await startHubServer(options);
  servers.push(s);
  return s;
}

function client(server: LoopbackHub, clock: FakeClock, options: Partial<HubClientOptions> = {}): HubClient {
  return new HubClient({ endpoint: server.url, clock, random: () => 1, ...options });
}

function found(answer: HubAnswer) {
  if (answer.kind !== 'found') throw new Error(`expected found, got ${JSON.stringify(answer)}`);
  return answer.info;
}

describe('repoInfoUrl', () => {
  it('repeats expand= per field, encodes the revision, and asks datasets without baseModels', () => {
    const url = new URL(
      repoInfoUrl('https://huggingface.co', { type: 'model', id: 'Qwen/Qwen3-4B', revision: 'refs/pr/1' })
    );
    expect(url.pathname).toBe('/api/models/Qwen/Qwen3-4B/revision/refs%2Fpr%2F1');
    expect(url.searchParams.getAll('expand')).toEqual([
      'sha',
      'gated',
      'private',
      'disabled',
      'cardData',
      'tags',
      'siblings',
      'baseModels'
    ]);
    expect(url.search).not.toContain('expand%5B%5D');
    const ds = new URL(repoInfoUrl('https://hub.example/mirror', { type: 'dataset', id: 'tatsu-lab/alpaca' }));
    expect(ds.pathname).toBe('/mirror/api/datasets/tatsu-lab/alpaca');
    expect(ds.searchParams.getAll('expand')).not.toContain('baseModels');
  });
});

describe('HubClient answers', () => {
  it('reads an ungated Apache model: sha, license, base model, tags, files', async () => {
    const s = await hub();
    const info = found(await client(s, fakeClock()).repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' }));
    expect(info).toMatchObject({
      id: 'Qwen/Qwen3-4B',
      sha: fixtureSha('Qwen/Qwen3-4B'),
      gated: false,
      private: false,
      disabled: false,
      license: 'apache-2.0',
      licenses: ['apache-2.0'],
      licenseLink: 'https://huggingface.co/Qwen/Qwen3-4B/blob/main/LICENSE',
      baseModels: ['Qwen/Qwen3-4B-Base'],
      baseModelRelation: 'finetune'
    });
    expect(info.tags).toContain('license:apache-2.0');
    expect(info.siblings).toContain('model-00001-of-00003.safetensors');
    // Only the expanded fields came back (the server narrows like the Hub).
    const sent = new URL(s.requests[0].url, s.url);
    expect(sent.searchParams.getAll('expand')).toContain('cardData');
  });

  it('reads a gated Llama: gated manual, license llama3.1', async () => {
    const s = await hub();
    const info = found(
      await client(s, fakeClock()).repoInfo({ type: 'model', id: 'meta-llama/Llama-3.1-8B-Instruct' })
    );
    expect(info.gated).toBe('manual');
    expect(info.license).toBe('llama3.1');
    expect(info.baseModels).toEqual(['meta-llama/Meta-Llama-3.1-8B']);
  });

  it('follows a rename redirect on the same origin, with the token, and reports the canonical id', async () => {
    const s = await hub();
    const c = client(s, fakeClock(), { token: TOKEN });
    const info = found(await c.repoInfo({ type: 'model', id: 'meta-llama/Meta-Llama-3.1-8B-Instruct' }));
    expect(info.id).toBe('meta-llama/Llama-3.1-8B-Instruct');
    expect(s.requests.map((r) => r.url.split('?')[0])).toEqual([
      '/api/models/meta-llama/Meta-Llama-3.1-8B-Instruct',
      '/api/models/meta-llama/Llama-3.1-8B-Instruct'
    ]);
    expect(s.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  it('reads a quantized mirror whose card names its base', async () => {
    const s = await hub();
    const info = found(
      await client(s, fakeClock()).repoInfo({ type: 'model', id: 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit' })
    );
    expect(info.baseModels).toEqual(['meta-llama/Meta-Llama-3.1-8B-Instruct']);
    expect(info.baseModelRelation).toBe('quantized');
    expect(info.license).toBe('llama3.1');
  });

  it('a private repo is "not found" anonymously (401 RepoNotFound), found with the right token', async () => {
    const s = await hub({ acceptedToken: TOKEN });
    const anonymous = await client(s, fakeClock()).repoInfo({ type: 'model', id: 'acme-corp/internal-llm' });
    expect(anonymous).toMatchObject({ kind: 'not-found', authenticated: false, status: 401 });
    expect(anonymous.kind === 'not-found' && anonymous.detail).toContain('private or gated');
    const info = found(
      await client(s, fakeClock(), { token: TOKEN }).repoInfo({ type: 'model', id: 'acme-corp/internal-llm' })
    );
    expect(info).toMatchObject({
      private: true,
      license: 'other',
      licenseName: 'acme-internal',
      licenseLink: 'LICENSE.md'
    });
  });

  it('a missing repo: 401 with no code when anonymous (proves nothing), 404 RepoNotFound with a token', async () => {
    const s = await hub({ acceptedToken: TOKEN });
    const anonymous = await client(s, fakeClock()).repoInfo({ type: 'model', id: 'nobody/does-not-exist' });
    expect(anonymous).toMatchObject({ kind: 'not-found', authenticated: false, status: 401 });
    const withToken = await client(s, fakeClock(), { token: TOKEN }).repoInfo({
      type: 'model',
      id: 'nobody/does-not-exist'
    });
    expect(withToken).toMatchObject({ kind: 'not-found', authenticated: true, status: 404 });
    expect(withToken.kind === 'not-found' && withToken.detail).not.toContain('private or gated');
  });

  it('a missing revision is revision-not-found; a known tag resolves to its own sha', async () => {
    const s = await hub();
    const c = client(s, fakeClock());
    const missing = await c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B', revision: 'no-such-branch' });
    expect(missing).toMatchObject({ kind: 'revision-not-found', revision: 'no-such-branch' });
    expect(missing.kind === 'revision-not-found' && missing.detail).toContain('Invalid rev id: no-such-branch');
    expect(found(await c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B', revision: 'v1' })).sha).toBe(
      fixtureSha('Qwen/Qwen3-4B@v1')
    );
    expect(s.requests[0].url.split('?')[0]).toBe('/api/models/Qwen/Qwen3-4B/revision/no-such-branch');
  });

  it('a disabled repo (403 "Access to this resource is disabled.") is disabled', async () => {
    const s = await hub();
    expect(await client(s, fakeClock()).repoInfo({ type: 'model', id: 'acme-corp/taken-down' })).toMatchObject({
      kind: 'disabled'
    });
  });

  it('GatedRepo is gated, with whether the token was sent', async () => {
    const s = await hub();
    expect(await client(s, fakeClock()).repoInfo({ type: 'model', id: 'acme-corp/gated-files' })).toMatchObject({
      kind: 'gated',
      authenticated: false
    });
  });

  it('reads a dataset from /api/datasets with its license', async () => {
    const s = await hub();
    const info = found(await client(s, fakeClock()).repoInfo({ type: 'dataset', id: 'tatsu-lab/alpaca' }));
    expect(info).toMatchObject({ id: 'tatsu-lab/alpaca', license: 'cc-by-nc-4.0', baseModels: [] });
    expect(s.requests[0].url.startsWith('/api/datasets/tatsu-lab/alpaca?')).toBe(true);
  });

  it('malformed JSON is unreachable with the reason, and is not retried', async () => {
    const s = await hub();
    const answer = await client(s, fakeClock()).repoInfo({ type: 'model', id: 'flaky/malformed' });
    expect(answer).toMatchObject({ kind: 'unreachable', attempts: 1 });
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/malformed JSON/);
    expect(s.requests).toHaveLength(1);
  });

  it('does not ask about something that is not a Hub id', async () => {
    const s = await hub();
    const answer = await client(s, fakeClock()).repoInfo({ type: 'model', id: '../../api/whoami-v2' });
    expect(answer).toMatchObject({ kind: 'unreachable', attempts: 0 });
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/not asked: .* is not a Hub repo id/);
    expect(s.requests).toHaveLength(0);
  });

  it('a 404 without X-Error-Code (not a Hub API) is unreachable, not "not found"', async () => {
    const s = await hub();
    const wrongEndpoint = new HubClient({ endpoint: `${s.url}/not-the-api`, clock: fakeClock() });
    const answer = await wrongEndpoint.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' });
    expect(answer.kind).toBe('unreachable');
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/is hub-endpoint a Hugging Face Hub API/);
  });
});

describe('HubClient request counts and concurrency', () => {
  it('50 concurrent questions about one id make 1 request', async () => {
    const s = await hub({ latencyMs: 20 });
    const c = client(s, fakeClock());
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' }))
    );
    expect(new Set(answers).size).toBe(1);
    expect(s.requests).toHaveLength(1);
    expect(c.stats()).toMatchObject({ questions: 1, requests: 1 });
  });

  it('(type, id, revision) are distinct questions', async () => {
    const s = await hub();
    const c = client(s, fakeClock());
    await Promise.all([
      c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' }),
      c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B', revision: 'main' }),
      c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B', revision: 'main' }),
      c.repoInfo({ type: 'dataset', id: 'Qwen/Qwen3-4B' })
    ]);
    expect(s.requests).toHaveLength(3);
  });

  it('never has more requests in flight than the limit', async () => {
    const repos = Array.from({ length: 40 }, (_, i) => ({
      type: 'model' as const,
      id: `bench/model-${i}`,
      sha: fixtureSha(`bench/model-${i}`),
      cardData: { license: 'mit' }
    }));
    const s = await hub({ repos, latencyMs: 25 });
    const c = client(s, fakeClock(), { concurrency: 3 });
    const answers = await Promise.all(repos.map((r) => c.repoInfo({ type: 'model', id: r.id })));
    expect(answers.every((a) => a.kind === 'found')).toBe(true);
    expect(s.requests).toHaveLength(40);
    expect(s.peakInFlight()).toBeLessThanOrEqual(3);
    expect(s.peakInFlight()).toBeGreaterThanOrEqual(2);
    expect(c.stats().peakConcurrency).toBe(3);
  });
});

describe('HubClient retries, rate limits and the time budget', () => {
  it('500 then success: one backoff wait, full jitter of the first ceiling', async () => {
    const s = await hub();
    const clock = fakeClock();
    const answer = await client(s, clock, { random: () => 0.5 }).repoInfo({ type: 'model', id: 'flaky/server-error' });
    expect(answer.kind).toBe('found');
    expect(s.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([250]);
  });

  it('backs off exponentially (500, 1000, 2000, 4000 at jitter 1), then gives up as unreachable', async () => {
    const s = await hub();
    const clock = fakeClock();
    const answer = await client(s, clock).repoInfo({ type: 'model', id: 'flaky/always-500' });
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(s.requests).toHaveLength(5);
    expect(answer).toMatchObject({ kind: 'unreachable', attempts: 5 });
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/answered 503.*gave up after 5 attempts/);
  });

  it('caps the backoff ceiling at maxBackoffMs', async () => {
    const s = await hub();
    const clock = fakeClock();
    await client(s, clock, { baseBackoffMs: 1000, maxBackoffMs: 3000 }).repoInfo({
      type: 'model',
      id: 'flaky/always-500'
    });
    expect(clock.sleeps).toEqual([1000, 2000, 3000, 3000]);
  });

  it('on 429 waits what RateLimit says (t=7 → 7 s), then succeeds', async () => {
    const s = await hub();
    const clock = fakeClock();
    const answer = await client(s, clock).repoInfo({ type: 'model', id: 'flaky/rate-limited' });
    expect(answer.kind).toBe('found');
    expect(clock.sleeps).toEqual([7000]);
    expect(s.requests).toHaveLength(2);
  });

  it('on 429 honours a Retry-After HTTP date when it asks for longer than RateLimit', async () => {
    const repos = [
      {
        type: 'model' as const,
        id: 'flaky/retry-after-date',
        sha: fixtureSha('x'),
        behaviour: {
          kind: 'rate-limited' as const,
          times: 1,
          resetSeconds: 5,
          retryAfter: new Date(EPOCH + 30_000).toUTCString()
        }
      }
    ];
    const s = await hub({ repos });
    const clock = fakeClock();
    expect((await client(s, clock).repoInfo({ type: 'model', id: 'flaky/retry-after-date' })).kind).toBe('found');
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('a 429 wait pauses every other request too', async () => {
    const s = await hub();
    // A clock whose sleeps wait until the test lets them go.
    let t = EPOCH;
    const pending: { ms: number; go: () => void }[] = [];
    const clock = { now: () => t, sleep: (ms: number) => new Promise<void>((go) => pending.push({ ms, go })) };
    const c = new HubClient({ endpoint: s.url, clock, random: () => 1 });
    const limited = c.repoInfo({ type: 'model', id: 'flaky/rate-limited' });
    while (pending.length < 1) await new Promise((r) => setTimeout(r, 5));
    const other = c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' });
    while (pending.length < 2) await new Promise((r) => setTimeout(r, 5));
    // Both wait out the 7 s the Hub asked for; the second id has not been sent yet.
    expect(pending.map((p) => p.ms)).toEqual([7000, 7000]);
    expect(s.requests).toHaveLength(1);
    t += 7000;
    pending.forEach((p) => p.go());
    expect((await limited).kind).toBe('found');
    expect((await other).kind).toBe('found');
    expect(s.requests).toHaveLength(3);
  });

  it('a 429 asking for longer than the budget gives up at once, and other ids are not asked either', async () => {
    const repos = [
      {
        type: 'model' as const,
        id: 'flaky/long-limit',
        sha: fixtureSha('y'),
        behaviour: { kind: 'rate-limited' as const, times: 99, resetSeconds: 300 }
      }
    ];
    const s = await hub({ repos });
    const clock = fakeClock();
    const c = client(s, clock, { budgetMs: 60_000 });
    const answer = await c.repoInfo({ type: 'model', id: 'flaky/long-limit' });
    expect(answer).toMatchObject({ kind: 'unreachable', attempts: 1 });
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/wait 300 s, beyond the time budget of 60 s/);
    expect(clock.sleeps).toEqual([]);
    const other = await c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' });
    expect(other.kind).toBe('unreachable');
    expect(s.requests).toHaveLength(1);
  });

  it('stops backing off when the next wait would exceed the total budget', async () => {
    const s = await hub();
    const clock = fakeClock();
    const answer = await client(s, clock, { budgetMs: 1600 }).repoInfo({ type: 'model', id: 'flaky/always-500' });
    expect(clock.sleeps).toEqual([500, 1000]);
    expect(s.requests).toHaveLength(3);
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/exceed the time budget of 1.6 s/);
  });

  it('once the budget is used up, further ids are unreachable without a request', async () => {
    const s = await hub();
    const clock = fakeClock();
    const c = client(s, clock, { budgetMs: 10_000 });
    found(await c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' }));
    clock.advance(10_001);
    const late = await c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B-Base' });
    expect(late).toMatchObject({ kind: 'unreachable', attempts: 0 });
    expect(late.kind === 'unreachable' && late.reason).toMatch(/time budget of 10 s is used up/);
    expect(s.requests).toHaveLength(1);
  });

  it('a stalled connection is cut by the per-request timeout and retried, then unreachable', async () => {
    const s = await hub();
    const clock = fakeClock();
    const started = Date.now();
    const answer = await client(s, clock, { requestTimeoutMs: 150, maxRetries: 1 }).repoInfo({
      type: 'model',
      id: 'flaky/stalled'
    });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer).toMatchObject({ kind: 'unreachable', attempts: 2 });
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/no answer within 150 ms/);
    expect(s.requests).toHaveLength(2);
  });

  it('a body that stops half-way is cut by the same timeout', async () => {
    const s = await hub();
    const answer = await client(s, fakeClock(), { requestTimeoutMs: 150, maxRetries: 0 }).repoInfo({
      type: 'model',
      id: 'flaky/stalled-body'
    });
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/no answer within 150 ms/);
  });

  it('a refused connection is a network error with its cause, retried, never thrown', async () => {
    const s = await hub();
    const endpoint = s.url;
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    const clock = fakeClock();
    const answer = await new HubClient({ endpoint, clock, random: () => 1, maxRetries: 2 }).repoInfo({
      type: 'model',
      id: 'Qwen/Qwen3-4B'
    });
    expect(answer).toMatchObject({ kind: 'unreachable', attempts: 3, hubDown: true });
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/network error: fetch failed \(ECONNREFUSED/);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it('a host name that does not resolve is asked once, and later questions are not sent at all', async () => {
    let requests = 0;
    const dnsFails = (async () => {
      requests++;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND hub.invalid'), { code: 'ENOTFOUND' })
      });
    }) as unknown as typeof fetch;
    const clock = fakeClock();
    const c = new HubClient({ endpoint: 'http://hub.invalid', clock, fetch: dnsFails });
    const first = await c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' });
    expect(first).toMatchObject({ kind: 'unreachable', attempts: 1, hubDown: true });
    expect(first.kind === 'unreachable' && first.reason).toMatch(
      /ENOTFOUND: getaddrinfo ENOTFOUND hub\.invalid\): the host name does not resolve; not asked again$/
    );
    const second = await c.repoInfo({ type: 'model', id: 'meta-llama/Llama-3.1-8B' });
    expect(second).toMatchObject({ kind: 'unreachable', attempts: 0, hubDown: true });
    expect(requests).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('refuses a reply larger than maxBodyBytes', async () => {
    const s = await hub();
    const answer = await client(s, fakeClock(), { maxBodyBytes: 200 }).repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' });
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/larger than 200 bytes/);
  });
});

describe('HubClient and the token', () => {
  it('does not follow a redirect to another origin: unreachable, and the token stays home', async () => {
    const other = await hub();
    const s = await hub({
      repos: [
        {
          type: 'model',
          id: 'acme-corp/moved-out',
          sha: fixtureSha('m'),
          behaviour: { kind: 'redirect', to: `${other.url}/api/models/Qwen/Qwen3-4B` }
        }
      ]
    });
    const c = client(s, fakeClock(), { token: TOKEN });
    const answer = await c.repoInfo({ type: 'model', id: 'acme-corp/moved-out' });
    const host = new URL(other.url).host;
    expect(answer).toEqual({
      kind: 'unreachable',
      reason: `the Hub redirected model repo "acme-corp/moved-out" to another host (${host}); not followed`,
      attempts: 1
    });
    expect(s.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(other.requests).toHaveLength(0);
  });

  it('sends no Authorization header without a token', async () => {
    const s = await hub();
    await client(s, fakeClock()).repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' });
    expect(s.requests[0].headers.authorization).toBeUndefined();
    expect(s.requests[0].headers['user-agent']).toMatch(/^lineage-gate\//);
  });

  it('keeps the token out of reasons even when the server echoes it back', async () => {
    const s = await hub();
    const answer = await client(s, fakeClock(), { token: TOKEN, maxRetries: 1 }).repoInfo({
      type: 'model',
      id: 'flaky/echo-auth'
    });
    expect(answer.kind).toBe('unreachable');
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
    expect(JSON.stringify(answer)).toContain('Bearer ***');
  });

  it('keeps the token out of found answers that echo it (a hostile mirror)', async () => {
    const s = await hub({
      repos: [
        {
          type: 'model',
          id: 'evil/echo',
          sha: fixtureSha('e'),
          tags: [`stolen:${TOKEN}`],
          cardData: { license: TOKEN }
        }
      ]
    });
    const answer = await client(s, fakeClock(), { token: TOKEN }).repoInfo({ type: 'model', id: 'evil/echo' });
    expect(JSON.stringify(answer)).not.toContain(TOKEN);
    expect(found(answer).tags).toContain('stolen:***');
  });

  it('a token the Hub rejects is reported as such, not as a missing repo', async () => {
    const fetchRejecting: typeof fetch = async () =>
      new Response(JSON.stringify({ error: 'Invalid credentials in Authorization header' }), {
        status: 401,
        headers: {
          'content-type': 'application/json',
          'x-error-message': 'Invalid credentials in Authorization header'
        }
      });
    const answer = await new HubClient({
      endpoint: 'https://huggingface.co',
      token: TOKEN,
      fetch: fetchRejecting,
      clock: fakeClock()
    }).repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' });
    expect(answer.kind).toBe('unreachable');
    expect(answer.kind === 'unreachable' && answer.reason).toMatch(/rejected the token/);
  });
});
