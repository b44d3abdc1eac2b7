import { ConfigError } from '../config-error.js';
import { HubCache } from './cache.js';
import { HubClient } from './client.js';
import { hubEndpoint, hubMode, type Env } from './offline.js';
import { redact } from './safe-text.js';
import type { HubSource } from './verify.js';

export interface HubSetupInput {
  env: Env;
  /** `hub-verify` input text (Action) — empty means the default, true. */
  verify?: string;
  /** CLI `--offline`. */
  offline?: boolean;
  endpoint?: string;
  /** Token from the input/flag; HF_TOKEN is the fallback. Never printed. */
  token?: string;
  /** Cache file, absolute. */
  cachePath?: string;
  /** The workspace: a cache inside it is read and written without following links or opening FIFOs. */
  workspace?: string;
  /** Why the cache file must not be believed (see cache-trust.ts): it then starts empty, unread. */
  cacheDistrust?: string;
  maxDepth?: string;
  /** Test knobs: the run's Hub time budget and each request's deadline (HubClient defaults otherwise). */
  budgetMs?: number;
  requestTimeoutMs?: number;
  log: (message: string) => void;
}

export interface HubSetup {
  /** What the pipeline gets: a client, or why the Hub is not asked. */
  hub: { client: HubSource; maxDepth: number } | { off: string };
  /** The token in use, for the caller to mask (`core.setSecret`). */
  token?: string;
  /** Saves the cache and reports what the client did. */
  finish(): Promise<void>;
}

function depth(text: string | undefined): number {
  if (!text?.trim()) return 5;
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 0 || n > 20)
    throw new ConfigError(`Input \`hub-max-depth\` must be a whole number from 0 to 20; got ${JSON.stringify(text)}.`);
  return n;
}

/** Turns inputs and environment into a Hub client (with its cache), or the reason the Hub is off. */
export async function setUpHub(setup: HubSetupInput): Promise<HubSetup> {
  const early = setup.token?.trim() || setup.env.HF_TOKEN?.trim() || undefined;
  // Every line this module logs passes the mask (cache problems and stats may quote remote text).
  const input = { ...setup, log: (message: string) => setup.log(redact(message, early)) };
  const mode = hubMode(input.env, { hubVerify: input.verify, offline: input.offline });
  const maxDepth = depth(input.maxDepth);
  if (!mode.enabled) return { hub: { off: mode.reason! }, finish: async () => {} };
  const endpoint = hubEndpoint(input.endpoint || undefined, input.env);
  const token = early;
  let cache: HubCache | undefined;
  if (input.cachePath) {
    cache = new HubCache({ path: input.cachePath, workspace: input.workspace });
    if (input.cacheDistrust)
      input.log(`Hub cache: ignoring ${input.cachePath}: ${input.cacheDistrust}; starting empty`);
    else {
      const loaded = await cache.load();
      input.log(
        `Hub cache: ${cache.size} answer(s) from ${input.cachePath}${loaded.problem ? ` (${loaded.problem})` : ''}`
      );
    }
  }
  const client = new HubClient({
    endpoint,
    token,
    cache,
    ...(setup.budgetMs !== undefined ? { budgetMs: setup.budgetMs } : {}),
    ...(setup.requestTimeoutMs !== undefined ? { requestTimeoutMs: setup.requestTimeoutMs } : {})
  });
  return {
    hub: { client, maxDepth },
    token,
    finish: async () => {
      const stats = client.stats();
      input.log(
        `Hub ${endpoint}: ${stats.questions} question(s), ` +
          `${stats.cacheHits} from the cache, ${stats.requests} request(s).`
      );
      if (cache) await cache.save();
    }
  };
}
