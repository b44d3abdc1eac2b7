/**
 * Escaping for text that comes from pull requests (paths, ids, quoted manifest values) before it
 * is placed into Markdown (job summary, `--format markdown`) or a terminal.
 */

/**
 * Characters that can hide or reorder what a reader sees (C0/C1 controls other than line breaks
 * and tab, bidi overrides and isolates, BOM): shown as `<U+202E>` instead of acting.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function revealInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/g;

/**
 * Escapes text for inline Markdown: nothing in it can open markup, a link, raw HTML or a new block.
 * Line breaks become `<br>` so the text stays inside the paragraph, list item or cell it was put in.
 * `|` becomes an entity rather than `\|`, so a preceding backslash cannot turn it back into a
 * table-cell separator in any GFM parser.
 */
export function escapeMarkdown(text: string): string {
  return revealInvisible(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]()#~!{}]/g, '\\$&')
    .replace(/\|/g, '&#124;') // after the backslash escapes, which would break the entity's `#`
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.')
    .replace(/\t/g, ' ')
    .replace(LINE_BREAK, '<br>');
}

/**
 * Makes already-rendered Markdown safe inside a table cell: a raw `|` would end the cell, a line
 * break the row. GFM honours `\|` even inside code spans, and removes the backslash there.
 */
export function escapeTableCell(markdown: string): string {
  return markdown.replace(LINE_BREAK, '<br>').replace(/\|/g, '\\|');
}

/**
 * Stops `@user`, `@org/team` and `@everyone` from notifying anyone: a zero-width space after the
 * `@` keeps the text readable but no longer a mention.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, '@\u200B');
}

/** Escaped, mention-free Markdown for any untrusted prose. */
export function safeMarkdown(text: string): string {
  return neutraliseMentions(escapeMarkdown(text));
}

/**
 * A code span that shows `text` verbatim, whatever backticks it holds: the fence is one backtick
 * longer than the longest run inside, and padded with a space where CommonMark would otherwise
 * merge a leading/trailing backtick into the fence or strip a meaningful space. Line breaks become
 * spaces (as CommonMark does inside code spans) so a blank line cannot end the span early.
 */
export function inlineCode(text: string): string {
  const body = revealInvisible(text).replace(LINE_BREAK, ' ').replace(/\t/g, ' ');
  if (body === '') return '` `';
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(body) && body.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Shortens text to at most `max` characters (bounds what one value can cost in a rendering). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1; // never split a surrogate pair
  return `${text.slice(0, end)}…`;
}

/** A code span the gate wrote around a name or value (`base_model`, `licenses.deny`): one line, no backticks. */
const GATE_CODE_SPAN = /`([^`\n]+)`/g;
/** A bare https URL in a message; trailing sentence punctuation is not part of it. */
const BARE_URL = /https:\/\/[^\s<>"'`\\]+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** Plain text of a message: escaped; URLs the gate does not vouch for become inert code, not broken links. */
function proseText(text: string, isOwnUrl: (url: string) => boolean): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BARE_URL)) {
    const url = m[0].replace(TRAILING_PUNCTUATION, '');
    out += safeMarkdown(text.slice(last, m.index));
    // `<url>` keeps a URL whole (no escapes inside it, which GitHub would turn into %5C); only the gate's own.
    out += isOwnUrl(url) ? `<${url}>` : inlineCode(url);
    last = m.index + url.length;
  }
  return out + safeMarkdown(text.slice(last));
}

/**
 * A finding's message or fix: the gate's wording with values from the pull request spliced in. The
 * gate's own code spans stay code spans (their content verbatim, as `inlineCode` shows it: inert
 * whatever a PR value put there) and its own URLs (`isOwnUrl`: the license sources it ships) stay
 * links; everything else is escaped as PR content. An unpaired backtick is escaped like any other.
 */
export function gateProse(text: string, isOwnUrl: (url: string) => boolean = () => false): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(GATE_CODE_SPAN)) {
    out += proseText(text.slice(last, m.index), isOwnUrl) + inlineCode(m[1]);
    last = m.index + m[0].length;
  }
  return out + proseText(text.slice(last), isOwnUrl);
}
