/**
 * Turns one HTTP reply of the repo-info API into an answer, or into "try again". The order of
 * the checks follows `huggingface_hub`'s `hf_raise_for_status` (utils/_http.py): the
 * `X-Error-Code` header first (RevisionNotFound, GatedRepo), then the disabled-repo message,
 * then RepoNotFound — which the Hub also signals with a bare 401 to anonymous requests for
 * missing, private and gated repos alike, unless the message says the token itself is bad.
 */
import { repoInfoFromJson, type HubAnswer, type RepoQuery } from './answer.js';
import { rateLimitWait } from './retry.js';
import { oneLine } from './safe-text.js';

/** The message the Hub sends (as `X-Error-Message`) for a repo taken down by moderation. */
export const DISABLED_MESSAGE = 'Access to this resource is disabled.';
/** The Hub's 401 message for a token it does not accept (not a verdict about the repo). */
export const INVALID_TOKEN_MESSAGE = 'Invalid credentials in Authorization header';

/** A final answer, or a transient failure worth another attempt (with the server's requested wait, if any). */
export type AttemptOutcome = { final: HubAnswer } | { retry: string; waitMs?: number };

/** What one exchange came to: a final answer, a reply that cannot be used, or a transient failure. */
export type ReplyOutcome<T> =
  | { final: T }
  | { fail: string }
  // `network`: no reply came (connection-level failure); `noRetry`: asking again cannot help (DNS).
  | { retry: string; waitMs?: number; timedOut?: true; network?: true; noRetry?: true };

export interface HubReply {
  status: number;
  headers: Headers;
  body: string;
}

/** The Hub's own message (`X-Error-Message`, else the body's `error`), as one short line. */
export function serverMessage(reply: HubReply): string | undefined {
  const header = reply.headers.get('x-error-message');
  if (header) return oneLine(header);
  try {
    const json: unknown = JSON.parse(reply.body);
    if (json && typeof json === 'object' && 'error' in json) {
      const error = (json as { error: unknown }).error;
      if (typeof error === 'string') return oneLine(error);
      if (Array.isArray(error)) return oneLine(error.filter((e) => typeof e === 'string').join('; '));
    }
  } catch {
    // not JSON: no message
  }
  return undefined;
}

function describe(query: RepoQuery): string {
  return `${query.type} repo "${query.id}"`;
}

function quoted(message: string | undefined): string {
  return message ? `: "${message}"` : '';
}

function unreachable(reason: string): AttemptOutcome {
  return { final: { kind: 'unreachable', reason, attempts: 1 } };
}

export function classifyReply(
  reply: HubReply,
  query: RepoQuery,
  authenticated: boolean,
  nowMs: number
): AttemptOutcome {
  const { status } = reply;
  if (status >= 200 && status < 300) {
    let json: unknown;
    try {
      json = JSON.parse(reply.body);
    } catch (err) {
      return unreachable(
        `the Hub's reply for ${describe(query)} is malformed JSON (${oneLine((err as Error).message, 80)})`
      );
    }
    const info = repoInfoFromJson(json, query.id);
    if (!info) return unreachable(`the Hub's reply for ${describe(query)} is JSON but not an object`);
    return { final: { kind: 'found', info } };
  }

  const code = reply.headers.get('x-error-code')?.trim();
  const message = serverMessage(reply);
  if (code === 'RevisionNotFound') {
    return {
      final: {
        kind: 'revision-not-found',
        revision: query.revision ?? '',
        detail:
          `${describe(query)} has no revision "${query.revision ?? ''}" ` +
          `(${status} RevisionNotFound${quoted(message)})`
      }
    };
  }
  if (code === 'GatedRepo') {
    return {
      final: {
        kind: 'gated',
        authenticated,
        detail:
          `${describe(query)} is gated${authenticated ? ' and the token has not been granted access' : ''} ` +
          `(${status} GatedRepo${quoted(message)})`
      }
    };
  }
  if (message === DISABLED_MESSAGE) {
    return {
      final: { kind: 'disabled', detail: `${describe(query)} is disabled on the Hub (${status}${quoted(message)})` }
    };
  }
  if (status === 401 && message === INVALID_TOKEN_MESSAGE) {
    return unreachable(`the Hub rejected the token (401${quoted(message)}): check hub-token`);
  }
  if (code === 'RepoNotFound' || status === 401) {
    const what = `${status}${code ? ` ${code}` : ''}`;
    const detail = authenticated
      ? `the Hub has no ${describe(query)}, or the token cannot see it (${what})`
      : status === 401
        ? `the Hub answered ${what} to an anonymous request: ${describe(query)} ` +
          `does not exist, or it is private or gated (set hub-token to tell which)`
        : `the Hub has no ${describe(query)} (${what})`;
    return { final: { kind: 'not-found', authenticated, status, detail } };
  }
  if (status === 429) {
    return { retry: `rate-limited by the Hub (429${quoted(message)})`, waitMs: rateLimitWait(reply.headers, nowMs) };
  }
  if (status === 408 || status >= 500) {
    return { retry: `the Hub answered ${status}${quoted(message)}` };
  }
  if (status === 404) {
    // A 404 without the Hub's error code is not a verdict about the repo: most often the
    // endpoint is not a Hub API at all (a wrong hub-endpoint, a proxy's own page).
    return unreachable(
      `the endpoint answered 404 without an X-Error-Code for ` +
        `${describe(query)}: is hub-endpoint a Hugging Face Hub API?`
    );
  }
  return unreachable(`the Hub answered ${status}${code ? ` ${code}` : ''}${quoted(message)} for ${describe(query)}`);
}
