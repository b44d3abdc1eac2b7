/**
 * The Hugging Face Hub client: asks `/api/models/{id}` (or `/api/datasets/{id}`) once per
 * unique (type, id, revision), with bounded concurrency, retries, rate-limit waits and a total
 * time budget, and never throws for one id — a question it cannot get answered becomes an
 * `unreachable` answer with the reason.
 *
 * Why not `@huggingface/hub` (huggingface.js)? Its `modelInfo({ name, revision, hubUrl,
 * accessToken, additionalFields, fetch })` can point at a custom endpoint and take a custom
 * fetch, but (packages/hub/src/lib/model-info.ts, error.ts):
 * - its errors (`createApiError`) keep the status and body but drop `X-Error-Code` and
 *   `X-Error-Message`, the only way to tell RepoNotFound from RevisionNotFound, GatedRepo or a
 *   disabled repo, and a 401 from a bad token — the distinctions the gate's findings rest on;
 * - it always adds its own expand keys (pipeline_tag, downloads, likes, …), always goes through
 *   `/revision/HEAD`, and its `additionalFields` type has no `baseModels`;
 * - it has no retries, backoff, 429 handling, timeout, concurrency limit or dedupe: everything
 *   below would be needed anyway, wrapped around one URL template and one `JSON.parse`;
 * - it would add a dependency to the bundle for that.
 * So this is a small typed client on Node's global `fetch`; no new dependency is needed.
 *
 * The query string repeats `expand=` once per field (`expand=sha&expand=gated…`), as both
 * official clients send it: `huggingface_hub`'s `model_info` passes `params={"expand": [...]}`
 * to requests, which repeats the key, and huggingface.js builds
 * `new URLSearchParams([["expand", k], …])` — not the `expand[]=` form.
 */
import { hubIdProblem } from '../lineage/hub-id.js';
import { version } from '../version.js';
import { isCacheable, type HubAnswer, type RepoQuery } from './answer.js';
import type { HubCache } from './cache.js';
import { classifyReply, type AttemptOutcome } from './classify-response.js';
import { Limiter } from './limiter.js';
import { BodyTooLargeError, readBoundedText } from './read-body.js';
import { backoffDelay } from './retry.js';
import { oneLine, redact, redactJson } from './safe-text.js';

export type { Gated, HubAnswer, HubAnswerKind, HubRepoInfo, RepoQuery, RepoType } from './answer.js';

/** Time as the client sees it; tests inject one that does not really sleep. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};

export interface HubClientOptions {
  /** Base URL, already validated and without a trailing `/` (see `hubEndpoint`). */
  endpoint: string;
  /** Sent as `Authorization: Bearer` to the endpoint's origin only. */
  token?: string;
  fetch?: typeof fetch;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Retries after the first attempt, for 5xx, 429, timeouts and network errors (default 4). */
  maxRetries?: number;
  /** Total time the client may spend waiting on the Hub, from its first request (default 60 s). */
  budgetMs?: number;
  /** One attempt's limit, headers and body included (default 15 s); a stalled connection is cut here. */
  requestTimeoutMs?: number;
  /** First backoff ceiling (default 500 ms), doubled per retry up to `maxBackoffMs` (default 30 s). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Largest reply body accepted (default 8 MiB). */
  maxBodyBytes?: number;
  clock?: Clock;
  /** Uniform [0, 1) source for jitter (default Math.random). */
  random?: () => number;
  cache?: HubCache;
}

/** What the client did, for the run's summary and for benchmarks. */
export interface HubClientStats {
  /** Distinct questions asked (after dedupe). */
  questions: number;
  /** Questions answered from the cache file. */
  cacheHits: number;
  /** HTTP requests sent, retries and redirect hops included. */
  requests: number;
  /** Highest number of requests in flight at once. */
  peakConcurrency: number;
}

export const MODEL_EXPAND = [
  'sha',
  'gated',
  'private',
  'disabled',
  'cardData',
  'tags',
  'siblings',
  'baseModels'
] as const;
// `baseModels` is not an expandable dataset property (huggingface_hub's ExpandDatasetProperty_T).
export const DATASET_EXPAND = ['sha', 'gated', 'private', 'disabled', 'cardData', 'tags', 'siblings'] as const;

const MAX_REDIRECTS = 5;
const MAX_REVISION_LENGTH = 256;

/** The repo-info URL for a query (the id must already be valid). */
export function repoInfoUrl(endpoint: string, query: RepoQuery): string {
  const collection = query.type === 'dataset' ? 'datasets' : 'models';
  const id = query.id.split('/').map(encodeURIComponent).join('/');
  const revision = query.revision === undefined ? '' : `/revision/${encodeURIComponent(query.revision)}`;
  const expand = new URLSearchParams(
    (query.type === 'dataset' ? DATASET_EXPAND : MODEL_EXPAND).map((field): [string, string] => ['expand', field])
  );
  return `${endpoint}/api/${collection}/${id}${revision}?${expand.toString()}`;
}

function questionProblem(query: RepoQuery): string | undefined {
  if (query.type !== 'model' && query.type !== 'dataset') return `unknown repo type ${JSON.stringify(query.type)}`;
  const idProblem = typeof query.id === 'string' ? hubIdProblem(query.id) : 'is not a string';
  if (idProblem) return `${JSON.stringify(query.id)} is not a Hub repo id (it ${idProblem})`;
  if (query.revision !== undefined) {
    const r = query.revision;
    // eslint-disable-next-line no-control-regex
    if (typeof r !== 'string' || r.length === 0 || r.length > MAX_REVISION_LENGTH || /[\u0000-\u0020\u007f]/.test(r)) {
      return `revision ${JSON.stringify(r)} is not a revision the Hub could have`;
    }
  }
  return undefined;
}

function keyOf(query: RepoQuery): string {
  return `${query.type}\u0000${query.id}\u0000${query.revision ?? ''}`;
}

/** `fetch failed` says nothing: add the cause's code/message (ECONNREFUSED, UND_ERR_SOCKET …). */
function networkReason(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e.cause ? ` (${[e.cause.code, e.cause.message].filter(Boolean).join(': ')})` : '';
  return `network error: ${e.message ?? String(err)}${cause}`;
}

export class HubClient {
  readonly endpoint: string;
  private readonly origin: string;
  private readonly token?: string;
  private readonly fetchImpl: typeof fetch;
  private readonly limiter: Limiter;
  private readonly maxRetries: number;
  private readonly budgetMs: number;
  private readonly requestTimeoutMs: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxBodyBytes: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly cache?: HubCache;
  private readonly inflight = new Map<string, Promise<HubAnswer>>();
  private deadline?: number;
  /** Set by a 429: no request leaves before this time (all ids share the Hub's rate limit). */
  private pausedUntil = 0;
  private readonly counters = { questions: 0, cacheHits: 0, requests: 0 };

  constructor(options: HubClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.origin = new URL(this.endpoint).origin;
    this.token = options.token || undefined;
    this.fetchImpl = options.fetch ?? fetch;
    this.limiter = new Limiter(options.concurrency ?? 8);
    this.maxRetries = options.maxRetries ?? 4;
    this.budgetMs = options.budgetMs ?? 60_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.baseBackoffMs = options.baseBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.cache = options.cache;
  }

  stats(): HubClientStats {
    return { ...this.counters, peakConcurrency: this.limiter.peak };
  }

  /** The Hub's answer for one repo; the same question is asked at most once per client. */
  repoInfo(query: RepoQuery): Promise<HubAnswer> {
    const key = keyOf(query);
    let answer = this.inflight.get(key);
    if (!answer) {
      answer = this.answer({
        type: query.type,
        id: query.id,
        ...(query.revision !== undefined ? { revision: query.revision } : {})
      });
      this.inflight.set(key, answer);
    }
    return answer;
  }

  private async answer(query: RepoQuery): Promise<HubAnswer> {
    const problem = questionProblem(query);
    if (problem) return { kind: 'unreachable', reason: `not asked: ${problem}`, attempts: 0 };
    this.counters.questions++;
    const cacheKey = { endpoint: this.endpoint, ...query };
    const cached = this.cache?.get(cacheKey);
    // An anonymous "not found" says nothing once a token is available: ask again.
    if (cached && !(cached.kind === 'not-found' && !cached.authenticated && this.token)) {
      this.counters.cacheHits++;
      return cached;
    }
    let answer: HubAnswer;
    try {
      answer = redactJson(await this.ask(query), this.token);
    } catch (err) {
      // A bug here must not sink the run: report it as this id's answer.
      answer = {
        kind: 'unreachable',
        reason: redact(`internal error: ${oneLine(String(err))}`, this.token),
        attempts: 0
      };
    }
    if (isCacheable(answer)) this.cache?.set(cacheKey, answer);
    return answer;
  }

  private unreachable(reason: string, attempts: number): HubAnswer {
    return { kind: 'unreachable', reason: redact(reason, this.token), attempts };
  }

  private async ask(query: RepoQuery): Promise<HubAnswer> {
    this.deadline ??= this.clock.now() + this.budgetMs;
    const deadline = this.deadline;
    let lastReason = '';
    let attempts = 0;
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      const pause = this.pausedUntil - this.clock.now();
      if (pause > 0) {
        if (this.clock.now() + pause > deadline) {
          return this.unreachable(
            `${lastReason || 'rate-limited by the Hub'}: the Hub asks to wait ${Math.ceil(pause / 1000)} s, beyond the time budget of ${this.budgetMs / 1000} s`,
            attempts
          );
        }
        await this.clock.sleep(pause);
      }
      const remaining = deadline - this.clock.now();
      if (remaining <= 0)
        return this.unreachable(
          `${lastReason ? `${lastReason}; ` : ''}the time budget of ${this.budgetMs / 1000} s is used up`,
          attempts
        );

      attempts++;
      const outcome = await this.limiter.run(() => this.attempt(query, Math.min(this.requestTimeoutMs, remaining)));
      if ('final' in outcome) {
        const final = outcome.final;
        return final.kind === 'unreachable' ? this.unreachable(final.reason, attempts) : final;
      }
      lastReason = outcome.retry;
      if (attempt === this.maxRetries) break;
      if (outcome.waitMs !== undefined) {
        // The server said how long: every request waits, not just this one.
        this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + outcome.waitMs);
        continue;
      }
      const wait = backoffDelay(attempt, this.random, this.baseBackoffMs, this.maxBackoffMs);
      if (this.clock.now() + wait > deadline) {
        return this.unreachable(
          `${lastReason}; another try would exceed the time budget of ${this.budgetMs / 1000} s`,
          attempts
        );
      }
      await this.clock.sleep(wait);
    }
    return this.unreachable(`${lastReason} (gave up after ${attempts} attempts)`, attempts);
  }

  /** One exchange with the Hub, following redirects; the token goes to the endpoint's origin only. */
  private async attempt(query: RepoQuery, timeoutMs: number): Promise<AttemptOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let url = new URL(repoInfoUrl(this.endpoint, query));
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const authenticated = Boolean(this.token) && url.origin === this.origin;
        const headers: Record<string, string> = { accept: 'application/json', 'user-agent': `lineage-gate/${version}` };
        if (authenticated) headers.authorization = `Bearer ${this.token}`;
        this.counters.requests++;
        const response = await this.fetchImpl(url, {
          method: 'GET',
          headers,
          redirect: 'manual',
          signal: controller.signal
        });
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          // Renamed repos (`meta-llama/Meta-Llama-3.1-8B` → `meta-llama/Llama-3.1-8B`) answer 307.
          await response.body?.cancel().catch(() => undefined);
          const next = new URL(location, url);
          if (next.protocol !== 'https:' && next.protocol !== 'http:') {
            return {
              final: {
                kind: 'unreachable',
                reason: `the Hub redirected to a non-HTTP URL (${next.protocol})`,
                attempts: 1
              }
            };
          }
          url = next;
          continue;
        }
        const body = await readBoundedText(response, this.maxBodyBytes);
        return classifyReply(
          { status: response.status, headers: response.headers, body },
          query,
          authenticated,
          this.clock.now()
        );
      }
      return {
        final: {
          kind: 'unreachable',
          reason: `more than ${MAX_REDIRECTS} redirects for ${query.type} repo "${query.id}"`,
          attempts: 1
        }
      };
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        return {
          final: {
            kind: 'unreachable',
            reason: `the Hub's reply for "${query.id}" is larger than ${err.maxBytes} bytes`,
            attempts: 1
          }
        };
      }
      if (controller.signal.aborted) return { retry: `no answer within ${timeoutMs} ms` };
      return { retry: oneLine(networkReason(err)) };
    } finally {
      clearTimeout(timer);
    }
  }
}
