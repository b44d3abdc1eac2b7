/**
 * Turns one HTTP reply of the file-resolve route (`/{id}/resolve/{revision}/config.json`) into a
 * config answer, or into "try again". Same order as `classifyReply` (huggingface_hub's
 * `hf_raise_for_status`), with the codes this route adds: `EntryNotFound` (404) for a file the
 * revision does not have, and `GatedRepo` (401/403) for a gated repo whose metadata is public but
 * whose files need granted access.
 */
import {
  DISABLED_MESSAGE,
  INVALID_TOKEN_MESSAGE,
  serverMessage,
  type HubReply,
  type ReplyOutcome
} from './classify-response.js';
import { dimensionsFromConfig, type HubModelConfig, type ModelConfigQuery } from './model-config.js';
import { rateLimitWait } from './retry.js';
import { oneLine } from './safe-text.js';

type ConfigOutcome = ReplyOutcome<HubModelConfig>;

/** `config.json of "Qwen/Qwen2.5-0.5B"@main`, for reasons. */
export function configSubject(query: ModelConfigQuery): string {
  return `config.json of "${query.id}"@${query.revision ?? 'main'}`;
}

function quoted(message: string | undefined): string {
  return message ? `: "${message}"` : '';
}

function final(unavailable: string, cause: 'absent' | 'unreachable'): ConfigOutcome {
  return { final: { unavailable, cause } };
}

function denied(unavailable: string, authenticated: boolean): ConfigOutcome {
  return { final: { unavailable, cause: 'denied', authenticated } };
}

export function classifyConfigReply(
  reply: HubReply,
  query: ModelConfigQuery,
  authenticated: boolean,
  nowMs: number
): ConfigOutcome {
  const { status } = reply;
  const subject = configSubject(query);
  if (status >= 200 && status < 300) {
    let json: unknown;
    try {
      json = JSON.parse(reply.body);
    } catch (err) {
      return { fail: `${subject} is not JSON (${oneLine((err as Error).message, 80)})` };
    }
    const found = dimensionsFromConfig(json);
    return found ? { final: { found } } : { fail: `${subject} is JSON but not an object` };
  }

  const code = reply.headers.get('x-error-code')?.trim();
  const message = serverMessage(reply);
  const what = `${status}${code ? ` ${code}` : ''}${quoted(message)}`;
  if (code === 'EntryNotFound') return final(`the Hub has no ${subject} (${what})`, 'absent');
  if (code === 'RevisionNotFound') return final(`the Hub has no revision for ${subject} (${what})`, 'absent');
  if (code === 'GatedRepo') {
    const need = authenticated ? 'the token has not been granted access' : 'reading it needs a token with access';
    return denied(`${subject}: the repo is gated and ${need} (${what})`, authenticated);
  }
  if (message === DISABLED_MESSAGE)
    return denied(`${subject}: the repo is disabled on the Hub (${what})`, authenticated);
  if (status === 401 && message === INVALID_TOKEN_MESSAGE) {
    return final(`the Hub rejected the token (${what}): check hub-token`, 'unreachable');
  }
  if (status === 401) {
    // Missing, private and gated look alike to an anonymous request.
    return denied(`${subject}: the Hub answered ${what}; the repo is missing, private or gated`, authenticated);
  }
  if (code === 'RepoNotFound') return final(`the Hub has no repo for ${subject} (${what})`, 'absent');
  if (status === 429)
    return { retry: `rate-limited by the Hub (${what})`, waitMs: rateLimitWait(reply.headers, nowMs) };
  if (status === 408 || status >= 500) return { retry: `the Hub answered ${what}` };
  if (status === 404) {
    return final(
      `the endpoint answered 404 without an X-Error-Code for ${subject}: is hub-endpoint a Hugging Face Hub?`,
      'unreachable'
    );
  }
  return final(`the Hub answered ${what} for ${subject}`, 'unreachable');
}
