/**
 * Text that comes back from the Hub (error headers, bodies, network error causes) ends up in
 * findings and logs: keep it to one short line, and make sure the token can never ride along —
 * not whole, and not cut short either (a server may echo the Authorization header truncated).
 */

const MAX_MESSAGE = 200;
/** A run of this many leading characters of the token is treated as the token. */
export const MIN_SECRET_PREFIX = 8;
const MASK = '***';

/** One line, no control characters, at most 200 characters. */
export function oneLine(text: string, max = MAX_MESSAGE): string {
  const flat = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** One secret, or several (the Action holds a GitHub token and maybe a Hub token). */
export type Secrets = string | undefined | readonly (string | undefined)[];

/**
 * Replaces each token and every run of 8 or more of its leading characters in `text` (the whole
 * token when it is shorter). Prefixes matter: an excerpt or a proxy may cut the echo anywhere.
 */
export function redact(text: string, secrets: Secrets): string {
  if (typeof secrets !== 'string') return (secrets ?? []).reduce<string>((t, s) => redact(t, s), text);
  const secret = secrets;
  if (!secret) return text;
  const min = Math.min(MIN_SECRET_PREFIX, secret.length);
  const head = secret.slice(0, min);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(head); at !== -1; at = text.indexOf(head, at)) {
    let end = at + min;
    while (end - at < secret.length && text[end] === secret[end - at]) end++;
    out += `${text.slice(from, at)}${MASK}`;
    from = at = end;
  }
  return out + text.slice(from);
}

/** A short, sanitised, token-free excerpt of remote text: the one way such text is quoted. */
export function remoteExcerpt(text: string, secret: Secrets, max = MAX_MESSAGE): string {
  // Mask before cutting (a whole echo) and after (an echo the cut left as a prefix shorter than the run).
  return redact(oneLine(redact(text, secret), max), secret);
}

/**
 * Deep copy of a JSON value with the tokens (and their prefixes) removed from every string, keys
 * included. Only arrays and plain objects are walked; anything else is kept as it is.
 */
export function redactJson<T>(value: T, secret: Secrets): T {
  if (!(typeof secret === 'string' ? secret : secret?.some(Boolean))) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, secret);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k, secret), walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
