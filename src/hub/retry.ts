/**
 * When to try again: exponential backoff with full jitter for transient failures, and the
 * server's own word (`Retry-After`, `RateLimit`) for 429s.
 */

/**
 * Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): a uniformly random
 * wait in [0, min(cap, base · 2^attempt)). `attempt` is 0 for the first retry.
 */
export function backoffDelay(attempt: number, random: () => number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  const r = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling * r);
}

const MAX_WAIT_SECONDS = 366 * 24 * 3600;

/** `Retry-After`: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  // Capped at a year: a 400-digit value would otherwise become Infinity and read as "Infinity s".
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_WAIT_SECONDS) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * The Hub's `RateLimit: "api";r=<remaining>;t=<seconds until the window resets>` (IETF
 * draft-ietf-httpapi-ratelimit-headers form). Returns the wait in ms, or undefined.
 */
export function parseRateLimitReset(value: string | null): number | undefined {
  if (value === null) return undefined;
  const match = /(?:^|[;,\s])t=(\d+)(?=$|[;,\s])/.exec(value);
  return match ? Math.min(Number(match[1]), MAX_WAIT_SECONDS) * 1000 : undefined;
}

/** How long a 429 asks us to wait: the longer of what `Retry-After` and `RateLimit` say. */
export function rateLimitWait(headers: Headers, nowMs: number): number | undefined {
  const waits = [
    parseRetryAfter(headers.get('retry-after'), nowMs),
    parseRateLimitReset(headers.get('ratelimit'))
  ].filter((w): w is number => w !== undefined);
  return waits.length ? Math.max(...waits) : undefined;
}
