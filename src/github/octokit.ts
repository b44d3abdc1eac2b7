/**
 * The Action's GitHub client: `@actions/github`'s Octokit with the retry and throttling plugins, so
 * a transient 5xx or a rate limit is waited out (a few attempts, bounded waits) instead of becoming
 * a warning, a `git diff` fallback or a missing surface.
 *
 * - plugin-retry: 5xx, 408 and other transient statuses, 2 retries, waiting 1 s then 4 s. 403 and
 *   429 are left to plugin-throttling, which knows which of them are rate limits.
 * - plugin-throttling: a primary (`x-ratelimit-remaining: 0`) or secondary (`retry-after`) rate
 *   limit is retried twice when the wait GitHub asks for is at most MAX_WAIT_SECONDS; a longer one
 *   fails as before (the caller's warning), since a gate should not hold a runner for an hour.
 *   It also paces writes (1 s apart, 3 s for those that notify) as GitHub's best practices ask.
 *
 * `LINEAGE_GATE_INTERNAL_SECOND_MS` (internal, for tests only) says how many milliseconds one
 * second of those waits lasts; the end-to-end tests shrink it so retries stay fast.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type BottleneckType from 'bottleneck';
// @ts-expect-error light.js (the build plugin-throttling uses: no Redis clustering) ships no types of its own
import BottleneckLight from 'bottleneck/light.js';

const Bottleneck = BottleneckLight as typeof BottleneckType;

/** Retries after the first attempt, for transient errors and rate limits alike. */
export const GITHUB_RETRIES = 2;
/** The longest wait GitHub may ask for that is honoured (seconds). */
export const MAX_WAIT_SECONDS = 60;
// Statuses plugin-retry leaves alone: client errors, and 403/429 which plugin-throttling handles.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

export interface GitHubClientOptions {
  token: string;
  baseUrl: string;
  /** Where a retry is announced (one line each). */
  log: (message: string) => void;
  env?: Record<string, string | undefined>;
}

/** Milliseconds in one second of retry waits and write pacing: 1000, or the internal test knob. */
export function secondMs(env: Record<string, string | undefined>): number {
  const n = Number(env.LINEAGE_GATE_INTERNAL_SECOND_MS);
  return env.LINEAGE_GATE_INTERNAL_SECOND_MS && Number.isFinite(n) && n >= 0 && n <= 1000 ? n : 1000;
}

/** Whether a rate limit asking to wait `retryAfter` seconds is worth waiting for, on retry `retryCount`. */
export function waitForRateLimit(retryAfter: number, retryCount: number): boolean {
  return retryCount < GITHUB_RETRIES && retryAfter <= MAX_WAIT_SECONDS;
}

/** Write pacing scaled to the test knob; undefined (the plugin's own groups) at real speed. */
function pacing(second: number): { write: BottleneckType.Group; notifications: BottleneckType.Group } | undefined {
  if (second === 1000) return undefined;
  return {
    write: new Bottleneck.Group({ id: 'lineage-gate-write', maxConcurrent: 1, minTime: second }),
    notifications: new Bottleneck.Group({ id: 'lineage-gate-notifications', maxConcurrent: 1, minTime: 3 * second })
  };
}

export function gitHubClient(o: GitHubClientOptions): ReturnType<typeof getOctokit> {
  const second = secondMs(o.env ?? process.env);
  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const wait = waitForRateLimit(retryAfter, retryCount);
      // The path only: the query and the API's host add nothing to the log line.
      const path = new URL(request.url, 'http://github.invalid').pathname;
      o.log(
        `GitHub ${kind} on ${request.method} ${path}: ` +
          (wait
            ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${GITHUB_RETRIES}).`
            : `not retried (asks to wait ${retryAfter} s; at most ${MAX_WAIT_SECONDS} s, ${GITHUB_RETRIES} retries).`)
      );
      return wait;
    };
  return getOctokit(
    o.token,
    {
      baseUrl: o.baseUrl,
      retry: { retries: GITHUB_RETRIES, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: second },
      throttle: {
        retryAfterBaseValue: second,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        ...pacing(second)
      }
    },
    retry,
    throttling
  );
}
