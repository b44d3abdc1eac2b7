/**
 * Text that comes back from the Hub (error messages, network error causes) ends up in findings
 * and logs: keep it to one short line, and make sure the token can never ride along.
 */

const MAX_MESSAGE = 200;

/** One line, no control characters, at most 200 characters. */
export function oneLine(text: string, max = MAX_MESSAGE): string {
  const flat = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Replaces every occurrence of `secret` in `text` (a server may echo the Authorization header back). */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('***');
}

/** Deep copy of a JSON value with `secret` removed from every string (keys included). */
export function redactJson<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  const serialised = JSON.stringify(value);
  // Tokens are URL-safe ASCII, so their JSON encoding is themselves; check both to be sure.
  const encoded = JSON.stringify(secret).slice(1, -1);
  if (!serialised.includes(secret) && !serialised.includes(encoded)) return value;
  return JSON.parse(redact(redact(serialised, encoded), secret)) as T;
}
