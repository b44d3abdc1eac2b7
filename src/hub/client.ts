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
 * It also reads a model's `config.json` (`modelConfig`) through the same machinery — retries,
 * rate-limit pauses, the time budget, the token rules and once-per-question dedupe — from the
 * file-resolve route `huggingface_hub` builds in `hf_hub_url` (`{endpoint}/{id}/resolve/{revision}/
 * {filename}`, revision URL-quoted). The Hub answers it with a same-origin 307 to
 * `/api/resolve-cache/models/{id}/{sha}/config.json`, which is followed; a redirect to another
 * origin (where LFS/Xet files live) is not: config.json is a plain git file, so such an answer is
 * treated as unreadable rather than chased.
 *
 * The Hub is an untrusted service: no request follows a redirect off the endpoint's origin (a
 * hostile mirror could point at 169.254.169.254 or any internal host), each request has its own
 * deadline (headers and body) cut to what is left of the run's budget, bodies are capped, and a
 * rate-limit wait longer than the budget ends the question at once.
 *
 * The query string repeats `expand=` once per field (`expand=sha&expand=gated…`), as both
 * official clients send it: `huggingface_hub`'s `model_info` passes `params={"expand": [...]}`
 * to requests, which repeats the key, and huggingface.js builds
 * `new URLSearchParams([["expand", k], …])` — not the `expand[]=` form.
 */
import { hubIdProblem } from '../lineage/hub-id.js';
import { counted } from '../text/plural.js';
import { version } from '../version.js';
import { isCacheable, type HubAnswer, type RepoQuery } from './answer.js';
import type { HubCache } from './cache.js';
import { classifyConfigReply, configSubject } from './classify-config-response.js';
import { classifyReply, type HubReply, type ReplyOutcome } from './classify-response.js';
import { Limiter } from './limiter.js';
import { isCacheableConfig, type HubModelConfig, type ModelConfigQuery } from './model-config.js';
import { BodyTooLargeError, readBoundedText } from './read-body.js';
import { backoffDelay } from './retry.js';
import { oneLine, redact, redactJson, remoteExcerpt } from './safe-text.js';

export type { Gated, HubAnswer, HubAnswerKind, HubRepoInfo, RepoQuery, RepoType } from './answer.js';
export type { HubModelConfig, ModelConfigQuery, ModelDimensions } from './model-config.js';

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
  /** One attempt's limit, headers and body included (default 10 s, cut to the budget left); a trickle is cut here. */
  requestTimeoutMs?: number;
  /** First backoff ceiling (default 500 ms), doubled per retry up to `maxBackoffMs` (default 30 s). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Largest reply body accepted (default 8 MiB). */
  maxBodyBytes?: number;
  /** Largest config.json accepted (default 1 MiB; real ones are a few KiB). */
  maxConfigBytes?: number;
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
/** Attempts of one question that may end at their deadline before it is given up. */
const MAX_TIMEOUTS = 2;
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

/** The file-resolve URL of a model's config.json (`huggingface_hub`'s `hf_hub_url`); the id must be valid. */
export function modelConfigUrl(endpoint: string, query: ModelConfigQuery): string {
  const id = query.id.split('/').map(encodeURIComponent).join('/');
  return `${endpoint}/${id}/resolve/${encodeURIComponent(query.revision ?? 'main')}/config.json`;
}

/** One kind of question: where to ask, and how to read what comes back. */
interface Exchange<T> {
  url: string;
  /** Names the question in reasons. */
  subject: string;
  maxBodyBytes: number;
  read(reply: HubReply, authenticated: boolean): ReplyOutcome<T>;
  /**
   * The answer when nothing usable came: `reply` when a reply could not be used, `network` when none
   * came; `hubDown` when not even a connection could be made (see HubAnswer).
   */
  failed(reason: string, how: 'reply' | 'network', attempts: number, hubDown?: true): T;
}

/**
 * Host names that do not resolve: asking again within one run will not help (EAI_AGAIN is DNS's own
 * "try later", but a runner's resolver has already retried), and every question goes to that host.
 */
const DNS_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

function dnsFailed(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' && DNS_FAILURES.has(code);
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
  private readonly maxConfigBytes: number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly cache?: HubCache;
  private readonly inflight = new Map<string, Promise<HubAnswer>>();
  private readonly configs = new Map<string, Promise<HubModelConfig>>();
  private deadline?: number;
  /** Set by a 429: no request leaves before this time (all ids share the Hub's rate limit). */
  private pausedUntil = 0;
  /** Set when the endpoint's host name did not resolve: every later question fails at once with it. */
  private unresolved?: string;
  private readonly counters = { questions: 0, cacheHits: 0, requests: 0 };

  constructor(options: HubClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.origin = new URL(this.endpoint).origin;
    this.token = options.token || undefined;
    this.fetchImpl = options.fetch ?? fetch;
    this.limiter = new Limiter(options.concurrency ?? 8);
    this.maxRetries = options.maxRetries ?? 4;
    this.budgetMs = options.budgetMs ?? 60_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.baseBackoffMs = options.baseBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 8 * 1024 * 1024;
    this.maxConfigBytes = options.maxConfigBytes ?? 1024 * 1024;
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
      answer = redactJson(await this.ask(this.repoExchange(query)), this.token);
    } catch (err) {
      // A bug here must not sink the run: report it as this id's answer.
      answer = {
        kind: 'unreachable',
        reason: remoteExcerpt(`internal error: ${String(err)}`, this.token),
        attempts: 0
      };
    }
    if (isCacheable(answer)) this.cache?.set(cacheKey, answer);
    return answer;
  }

  private repoExchange(query: RepoQuery): Exchange<HubAnswer> {
    return {
      url: repoInfoUrl(this.endpoint, query),
      subject: `${query.type} repo "${query.id}"`,
      maxBodyBytes: this.maxBodyBytes,
      read: (reply, authenticated) => {
        const outcome = classifyReply(reply, query, authenticated, this.clock.now());
        return 'final' in outcome && outcome.final.kind === 'unreachable' ? { fail: outcome.final.reason } : outcome;
      },
      failed: (reason, _how, attempts, hubDown) => ({
        kind: 'unreachable',
        reason,
        attempts,
        ...(hubDown ? { hubDown } : {})
      })
    };
  }

  /** A model's config.json at a revision (default `main`); asked at most once per (id, revision) per client. */
  modelConfig(query: ModelConfigQuery): Promise<HubModelConfig> {
    const asked = { id: query.id, revision: query.revision ?? 'main' };
    const key = `${asked.id}\u0000${asked.revision}`;
    let answer = this.configs.get(key);
    if (!answer) {
      answer = this.configAnswer(asked);
      this.configs.set(key, answer);
    }
    return answer;
  }

  private async configAnswer(query: Required<ModelConfigQuery>): Promise<HubModelConfig> {
    const problem = questionProblem({ type: 'model', ...query });
    if (problem) return { unavailable: `not asked: ${problem}`, cause: 'not-asked' };
    this.counters.questions++;
    const cacheKey = { endpoint: this.endpoint, ...query };
    const cached = this.cache?.getConfig(cacheKey);
    // An anonymous refusal says nothing once a token is available: ask again.
    if (cached && !('cause' in cached && cached.cause === 'denied' && !cached.authenticated && this.token)) {
      this.counters.cacheHits++;
      return cached;
    }
    let answer: HubModelConfig;
    try {
      answer = redactJson(await this.ask(this.configExchange(query)), this.token);
    } catch (err) {
      answer = { unavailable: remoteExcerpt(`internal error: ${String(err)}`, this.token), cause: 'unreachable' };
    }
    if (isCacheableConfig(answer)) this.cache?.setConfig(cacheKey, answer);
    return answer;
  }

  private configExchange(query: Required<ModelConfigQuery>): Exchange<HubModelConfig> {
    return {
      url: modelConfigUrl(this.endpoint, query),
      subject: configSubject(query),
      maxBodyBytes: this.maxConfigBytes,
      read: (reply, authenticated) => classifyConfigReply(reply, query, authenticated, this.clock.now()),
      failed: (reason, how) => ({ unavailable: reason, cause: how === 'reply' ? 'unreadable' : 'unreachable' })
    };
  }

  private async ask<T>(exchange: Exchange<T>): Promise<T> {
    this.deadline ??= this.clock.now() + this.budgetMs;
    const deadline = this.deadline;
    // Replies and network errors are quoted through oneLine (short, no control characters); the
    // token and its prefixes are masked here and, for whole answers, by redactJson — both `redact`.
    const failed = (reason: string, how: 'reply' | 'network', attempts: number, hubDown?: true): T =>
      exchange.failed(redact(reason, this.token), how, attempts, hubDown);
    if (this.unresolved) return failed(this.unresolved, 'network', 0, true);
    let lastReason = '';
    // Whether every attempt so far failed before any reply: the endpoint itself is out of reach.
    let noReply = true;
    let attempts = 0;
    let timeouts = 0;
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      const pause = this.pausedUntil - this.clock.now();
      if (pause > 0) {
        if (this.clock.now() + pause > deadline) {
          const asked = `the Hub asks to wait ${Math.ceil(pause / 1000)} s`;
          const beyond = `beyond the time budget of ${this.budgetMs / 1000} s`;
          return failed(`${lastReason || 'rate-limited by the Hub'}: ${asked}, ${beyond}`, 'network', attempts);
        }
        await this.clock.sleep(pause);
      }
      const remaining = deadline - this.clock.now();
      if (remaining <= 0)
        return failed(
          `${lastReason ? `${lastReason}; ` : ''}the time budget of ${this.budgetMs / 1000} s is used up`,
          'network',
          attempts
        );

      attempts++;
      // The deadline is taken when the request leaves, not when it queued: waiting for a slot spends budget too.
      const outcome = await this.limiter.run(() =>
        this.attempt(exchange, Math.max(1, Math.min(this.requestTimeoutMs, deadline - this.clock.now())))
      );
      if ('final' in outcome) return outcome.final;
      if ('fail' in outcome) return failed(outcome.fail, 'reply', attempts);
      lastReason = outcome.retry;
      noReply &&= outcome.network === true;
      if (outcome.noRetry) {
        this.unresolved ??= `${lastReason}: the host name does not resolve; not asked again`;
        return failed(this.unresolved, 'network', attempts, true);
      }
      if (attempt === this.maxRetries) break;
      // A server that trickled past one deadline is likely to again: one more try, not a budget's worth.
      if ('timedOut' in outcome && ++timeouts >= MAX_TIMEOUTS) {
        return failed(`${lastReason}, ${timeouts} times; not asked again`, 'network', attempts);
      }
      if (outcome.waitMs !== undefined) {
        // The server said how long: every request waits, not just this one.
        this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + outcome.waitMs);
        continue;
      }
      const wait = backoffDelay(attempt, this.random, this.baseBackoffMs, this.maxBackoffMs);
      if (this.clock.now() + wait > deadline) {
        return failed(
          `${lastReason}; another try would exceed the time budget of ${this.budgetMs / 1000} s`,
          'network',
          attempts
        );
      }
      await this.clock.sleep(wait);
    }
    return failed(
      `${lastReason} (gave up after ${counted(attempts, 'attempt')})`,
      'network',
      attempts,
      noReply || undefined
    );
  }

  /**
   * One exchange with the Hub, following redirects on the endpoint's origin only (renamed repos
   * answer 307 there); the token therefore never leaves that origin.
   */
  private async attempt<T>(exchange: Exchange<T>, timeoutMs: number): Promise<ReplyOutcome<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let url = new URL(exchange.url);
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
          // An unparseable Location is a broken reply, not a transient failure: do not retry it.
          const next = URL.canParse(location, url.href) ? new URL(location, url) : undefined;
          if (!next) return { fail: `the Hub redirected ${exchange.subject} to an unreadable location` };
          if (next.protocol !== 'https:' && next.protocol !== 'http:') {
            return { fail: `the Hub redirected ${exchange.subject} to a non-HTTP URL (${oneLine(next.protocol, 20)})` };
          }
          if (next.origin !== this.origin) {
            // Name the host only: the rest of the URL (paths, signed queries) is the server's text.
            const host = oneLine(next.host, 100);
            return { fail: `the Hub redirected ${exchange.subject} to another host (${host}); not followed` };
          }
          url = next;
          continue;
        }
        const body = await readBoundedText(response, exchange.maxBodyBytes);
        return exchange.read({ status: response.status, headers: response.headers, body }, authenticated);
      }
      return { fail: `more than ${MAX_REDIRECTS} redirects for ${exchange.subject}` };
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        return { fail: `the Hub's reply for ${exchange.subject} is larger than ${err.maxBytes} bytes` };
      }
      if (controller.signal.aborted) {
        const cut =
          timeoutMs < this.requestTimeoutMs ? `, what was left of the time budget of ${this.budgetMs / 1000} s` : '';
        return { retry: `no answer within ${timeoutMs} ms${cut}`, timedOut: true };
      }
      return { retry: oneLine(networkReason(err)), network: true, ...(dnsFailed(err) ? { noRetry: true } : {}) };
    } finally {
      clearTimeout(timer);
    }
  }
}
