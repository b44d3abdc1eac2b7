/**
 * The Hub as an untrusted, possibly failing service: redirects off the origin, trickling
 * servers, huge bodies, day-long rate limits, echoed tokens and fanning-out cards. Each case
 * runs on the real clock against a loopback server and must end quickly, as an unreachable
 * answer with a clear reason, with no token (or 8+ character prefix of it) anywhere in it.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { ancestryNotes } from '../../../src/hub/ancestry-notes.js';
import { nodeAllowance, resolveAncestry } from '../../../src/hub/ancestry.js';
import { HubClient, systemClock, type Clock, type HubAnswer, type HubClientOptions } from '../../../src/hub/client.js';
import {
  fanOutRepos,
  fixtureSha,
  startHubServer,
  type Behaviour,
  type HubRepo,
  type LoopbackHub
} from '../../helpers/hub-server.js';

const TOKEN = 'hf_HostileTestTokenAbcdefghijklmnopqrstu';
const servers: LoopbackHub[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function hub(repos: HubRepo[] = []): Promise<LoopbackHub> {
  const s = await startHubServer({ repos });
  servers.push(s);
  return s;
}

const hostile = (id: string, behaviour: Behaviour, configBehaviour?: Behaviour): HubRepo => ({
  type: 'model',
  id,
  sha: fixtureSha(id),
  behaviour,
  config: {},
  ...(configBehaviour ? { configBehaviour } : {})
});

function client(s: LoopbackHub, options: Partial<HubClientOptions> = {}): HubClient {
  return new HubClient({ endpoint: s.url, token: TOKEN, baseBackoffMs: 10, ...options });
}

/** No token, and no run of its first 8 or more characters. */
function expectNoToken(text: string): void {
  expect(text).not.toContain(TOKEN.slice(0, 8));
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

function reasonOf(answer: HubAnswer): string {
  if (answer.kind !== 'unreachable') throw new Error(`expected unreachable, got ${JSON.stringify(answer)}`);
  expectNoToken(JSON.stringify(answer));
  return answer.reason;
}

describe('redirects leave the endpoint only as an answer, never as a request', () => {
  it('repo info redirected to another loopback server: unreachable, the host named, nothing sent there', async () => {
    const other = await hub();
    const s = await hub([
      hostile('evil/elsewhere', { kind: 'redirect', to: `${other.url}/api/models/Qwen/Qwen3-4B?x=1` })
    ]);
    const reason = reasonOf(await client(s).repoInfo({ type: 'model', id: 'evil/elsewhere' }));
    expect(reason).toBe(
      `the Hub redirected model repo "evil/elsewhere" to another host (${new URL(other.url).host}); not followed`
    );
    expect(other.requests).toHaveLength(0);
  });

  it('repo info and config.json redirected to the link-local metadata address: not followed', async () => {
    const metadata = 'http://169.254.169.254/latest/meta-data/iam/security-credentials/?sig=secret';
    const s = await hub([
      hostile('evil/metadata', { kind: 'redirect', to: metadata }),
      { ...hostile('evil/metadata-config2', { kind: 'redirect', to: '/' }, { kind: 'redirect', to: metadata }) }
    ]);
    const c = client(s, { requestTimeoutMs: 500 });
    const { value, ms } = await timed(() => c.repoInfo({ type: 'model', id: 'evil/metadata' }));
    expect(reasonOf(value)).toBe(
      'the Hub redirected model repo "evil/metadata" to another host (169.254.169.254); not followed'
    );
    const config = await c.modelConfig({ id: 'evil/metadata-config2' });
    expect(config).toEqual({
      unavailable:
        'the Hub redirected config.json of "evil/metadata-config2"@main ' +
        'to another host (169.254.169.254); not followed',
      cause: 'unreadable'
    });
    expect(ms).toBeLessThan(400);
  });
});

describe('unreadable redirects', () => {
  it('a Location that is no URL ends the question at once, without retries', async () => {
    const s = await hub([hostile('evil/bad-location', { kind: 'redirect', to: 'http://[not a host/' })]);
    const reason = reasonOf(await client(s).repoInfo({ type: 'model', id: 'evil/bad-location' }));
    expect(reason).toBe('the Hub redirected model repo "evil/bad-location" to an unreadable location');
    expect(s.requests).toHaveLength(1);
  });
});

describe('slow and oversized replies are cut by the deadline and the cap', () => {
  it('headers sent one byte at a time: each attempt cut at its deadline, the question within the budget', async () => {
    const s = await hub([hostile('slow/headers', { kind: 'trickle-headers', intervalMs: 20 })]);
    const c = client(s, { requestTimeoutMs: 200, budgetMs: 5000 });
    const { value, ms } = await timed(() => c.repoInfo({ type: 'model', id: 'slow/headers' }));
    // Two deadlines missed end the question: a trickling server does not get the whole budget.
    expect(reasonOf(value)).toBe('no answer within 200 ms, 2 times; not asked again');
    expect(s.requestsFor('model', 'slow/headers')).toHaveLength(2);
    expect(ms).toBeLessThan(1500);
  });

  it('a body sent one byte at a time: cut the same way (the deadline covers the body)', async () => {
    const s = await hub([hostile('slow/body', { kind: 'trickle-body', intervalMs: 5 })]);
    const c = client(s, { requestTimeoutMs: 200, budgetMs: 1000 });
    const { value, ms } = await timed(() => c.repoInfo({ type: 'model', id: 'slow/body' }));
    expect(reasonOf(value)).toMatch(/^no answer within \d+ ms/);
    expect(ms).toBeLessThan(2500);
  });

  it('the per-request deadline is cut to what is left of the budget', async () => {
    const s = await hub([hostile('slow/headers', { kind: 'trickle-headers', intervalMs: 20 })]);
    // The clock says 100 ms of the budget went before the request, whatever this machine's pace: the
    // deadline is then exactly the 200 ms left (a real clock made the message flake between 299 and 300).
    let reads = 0;
    const clock: Clock = { now: () => (reads++ === 0 ? 0 : 100), sleep: systemClock.sleep };
    const c = client(s, { requestTimeoutMs: 60_000, budgetMs: 300, maxRetries: 0, clock });
    const { value, ms } = await timed(() => c.repoInfo({ type: 'model', id: 'slow/headers' }));
    expect(reasonOf(value)).toMatch(/^no answer within 200 ms, what was left of the time budget of 0.3 s/);
    expect(ms).toBeLessThan(1500);
  });

  it('a request that queued for a slot gets only what is left of the budget', async () => {
    const s = await hub([
      hostile('slow/one', { kind: 'trickle-headers', intervalMs: 20 }),
      hostile('slow/two', { kind: 'trickle-headers', intervalMs: 20 })
    ]);
    const c = client(s, { concurrency: 1, requestTimeoutMs: 400, budgetMs: 500, maxRetries: 0 });
    const { value, ms } = await timed(() =>
      Promise.all(['slow/one', 'slow/two'].map((id) => c.repoInfo({ type: 'model', id })))
    );
    expect(reasonOf(value[0])).toMatch(/^no answer within 400 ms/);
    expect(reasonOf(value[1])).toMatch(/^no answer within \d+ ms, what was left of the time budget of 0.5 s/);
    expect(ms).toBeLessThan(750);
  });

  it('a Content-Length of a terabyte is refused without reading the body', async () => {
    const s = await hub([hostile('big/length', { kind: 'huge-length', bytes: 1e12 })]);
    const { value, ms } = await timed(() => client(s).repoInfo({ type: 'model', id: 'big/length' }));
    expect(reasonOf(value)).toBe(`the Hub's reply for model repo "big/length" is larger than ${8 * 1024 * 1024} bytes`);
    expect(ms).toBeLessThan(1000);
  });

  it('an endless body is cut at the cap', async () => {
    const s = await hub([hostile('big/body', { kind: 'trickle-body', intervalMs: 1 })]);
    const c = client(s, { maxBodyBytes: 64, requestTimeoutMs: 5000 });
    const { value, ms } = await timed(() => c.repoInfo({ type: 'model', id: 'big/body' }));
    expect(reasonOf(value)).toMatch(/larger than 64 bytes/);
    expect(ms).toBeLessThan(2000);
  });
});

describe('rate limits longer than the budget', () => {
  it('a 429 with Retry-After: 86400 gives up at once, saying the rate limit', async () => {
    const s = await hub([
      {
        ...hostile('busy/day', { kind: 'rate-limited', times: 99, resetSeconds: 7, retryAfter: '86400' }),
        cardData: { license: 'mit' }
      }
    ]);
    const c = client(s);
    const { value, ms } = await timed(() => c.repoInfo({ type: 'model', id: 'busy/day' }));
    expect(reasonOf(value)).toMatch(
      /^rate-limited by the Hub \(429: ".*"\): the Hub asks to wait 86400 s, beyond the time budget of 60 s$/
    );
    // Every later question shares the pause: no request, no wait.
    const later = await timed(() => c.repoInfo({ type: 'model', id: 'Qwen/Qwen3-4B' }));
    expect(reasonOf(later.value)).toMatch(/86400 s/);
    expect(ms + later.ms).toBeLessThan(1000);
    expect(s.requests).toHaveLength(1);
  });
});

describe('remote text is a short, sanitised, masked excerpt', () => {
  const cases: [string, Behaviour][] = [
    ['the whole token in X-Error-Message', { kind: 'echo-token', where: 'header' }],
    ['the token cut after 12 characters in X-Error-Message', { kind: 'echo-token', where: 'header', cut: 12 }],
    ['the token in a text body that is not JSON', { kind: 'echo-token', where: 'body' }],
    ['the token cut after 9 characters in a text body', { kind: 'echo-token', where: 'body', cut: 9 }]
  ];
  it.each(cases)('%s', async (_title, behaviour) => {
    const s = await hub([hostile('echo/token', behaviour)]);
    const { value, ms } = await timed(() => client(s, { maxRetries: 1 }).repoInfo({ type: 'model', id: 'echo/token' }));
    const reason = reasonOf(value);
    expect(reason).toContain('***');
    // eslint-disable-next-line no-control-regex
    expect(reason).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(reason.length).toBeLessThan(400);
    expect(ms).toBeLessThan(1000);
  });
});

describe('ancestry fan-out', () => {
  it('caps one walk at 64 repos and says so', async () => {
    const s = await hub(fanOutRepos('fan', 6, 3));
    const { value, ms } = await timed(() => resolveAncestry(client(s), 'fan/r', { maxDepth: 10 }));
    expect(value.nodeLimit).toMatchObject({ maxNodes: 64, scope: 'walk' });
    expect(value.nodeLimit!.skipped).toBe(1 + 6 + 36 + 216 - 64);
    expect(value.nodeLimit!.unexplored).toHaveLength(10);
    expect(value.chain).toHaveLength(63);
    const [note] = ancestryNotes([{ id: 'fan/r', answer: value.root.answer, ancestry: value }]);
    expect(note).toMatch(/^The Hub ancestry of fan\/r was cut at 64 repos per upstream: 195 base model name\(s\) /);
    expect(s.requests.length).toBeLessThanOrEqual(64);
    expect(ms).toBeLessThan(5000);
  });

  it('caps all walks of a run together', async () => {
    const s = await hub([...fanOutRepos('one', 6, 2), ...fanOutRepos('two', 6, 2)]);
    const allowance = nodeAllowance(50);
    const c = client(s);
    const first = await resolveAncestry(c, 'one/r', { maxDepth: 10, allowance });
    const second = await resolveAncestry(c, 'two/r', { maxDepth: 10, allowance });
    expect(first.nodeLimit).toBeUndefined();
    expect(second.nodeLimit).toMatchObject({ maxNodes: 50, scope: 'run' });
    expect(s.requests.length).toBeLessThanOrEqual(50);
  });
});
