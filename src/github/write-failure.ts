/**
 * Turns a failed GitHub write into a warning the gate can print. Posting feedback is a courtesy:
 * on fork pull requests and read-only tokens it fails with 403, and that must never change the
 * verdict, so HTTP failures become text and only programming errors propagate.
 */

interface HttpFailure {
  status: number;
  message: string;
  headers: Record<string, string | undefined>;
}

/** Octokit's RequestError and anything shaped like it (a numeric `status`). */
function asHttpFailure(err: unknown): HttpFailure | undefined {
  if (!err || typeof err !== 'object' || typeof (err as { status?: unknown }).status !== 'number') return undefined;
  const e = err as { status: number; message?: unknown; response?: { headers?: Record<string, string | undefined> } };
  return {
    status: e.status,
    message: typeof e.message === 'string' ? e.message : '',
    headers: e.response?.headers ?? {}
  };
}

export interface WriteAttempt {
  /** What was being written, e.g. `the check run`. */
  what: string;
  /** The `permissions:` entry the write needs, e.g. `checks: write`. */
  permission: string;
  /** Reading is needed before some writes (finding the sticky comment); default `write`. */
  verb?: 'read' | 'write';
}

/** A one-line warning for an HTTP failure, or undefined when `err` is not one (then rethrow it). */
export function describeWriteFailure(err: unknown, attempt: WriteAttempt): string | undefined {
  const failure = asHttpFailure(err);
  if (!failure) return undefined;
  const { status, headers } = failure;
  const could = `Could not ${attempt.verb ?? 'write'} ${attempt.what}`;
  if (
    (status === 403 || status === 429) &&
    (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined)
  ) {
    return `${could}: GitHub's API rate limit was reached (HTTP ${status}). The verdict is unchanged.`;
  }
  if (status === 403 || status === 404) {
    return (
      `${could} (HTTP ${status}): the token lacks \`${attempt.permission}\`. ` +
      `Grant it in the job's \`permissions:\`; on pull requests from forks the token is read-only, ` +
      'so post from a `workflow_run` follow-up instead. The verdict is unchanged.'
    );
  }
  // GitHub's messages are fixed strings about the request, not PR content; keep one line.
  const detail = failure.message.split(/\r?\n/, 1)[0].slice(0, 200);
  return `${could} (HTTP ${status}${detail ? `: ${detail}` : ''}). The verdict is unchanged.`;
}
