/**
 * Hidden markers that tie a review comment (or a line of a review's body) to one finding's
 * fingerprint, so later runs neither repeat a finding nor leave a fixed one looking open. PR
 * content cannot forge them: everything it supplies is rendered with `<` escaped.
 */

/** Marks the gate's reviews, so their bodies are read back on later runs. */
export const REVIEW_MARKER = '<!-- lineage-gate:review -->';

const OPEN = /<!-- lineage-gate:finding ([0-9a-f]{32}) -->/g;
const OPEN_LINE = /<!-- lineage-gate:finding ([0-9a-f]{32}) -->/;

export function openMarker(fingerprint: string): string {
  return `<!-- lineage-gate:finding ${fingerprint} -->`;
}

function resolvedMarker(fingerprint: string): string {
  return `<!-- lineage-gate:resolved ${fingerprint} -->`;
}

const RESOLVED = /<!-- lineage-gate:resolved [0-9a-f]{32} -->/;

/** Whether a text shows a finding the gate has marked resolved. */
export function hasResolvedMarker(text: string): boolean {
  return RESOLVED.test(text);
}

/** Fingerprints of the findings a text still shows as open (resolved ones carry another marker). */
export function openFingerprints(text: string): string[] {
  return [...text.matchAll(OPEN)].map((m) => m[1]);
}

function resolvedNote(sha: string | undefined): string {
  return `✅ **Resolved**${sha ? ` at ${sha.slice(0, 7)}` : ''}: lineage-gate no longer reports this finding.`;
}

/** An inline comment rewritten to say its finding is fixed, keeping the original text folded. */
export function resolveCommentBody(body: string, fingerprint: string, sha: string | undefined): string {
  const original = body.split(openMarker(fingerprint)).join('').trim();
  return [
    resolvedMarker(fingerprint),
    resolvedNote(sha),
    '',
    '<details><summary>Original finding</summary>',
    '',
    original,
    '',
    '</details>'
  ].join('\n');
}

/**
 * A review body with the list items of fixed findings struck through and marked resolved. Each
 * finding is one line (`- <marker> …`), so striking the rest of the line is safe Markdown.
 */
export function resolveBodyLines(body: string, fixed: ReadonlySet<string>, sha: string | undefined): string {
  return body
    .split('\n')
    .map((line) => {
      const fingerprint = OPEN_LINE.exec(line)?.[1];
      if (!fingerprint || !fixed.has(fingerprint)) return line;
      const item = line.replace(/^- /, '').replace(openMarker(fingerprint), '').trim();
      return `- ${resolvedMarker(fingerprint)}~~${item}~~<br>${resolvedNote(sha)}`;
    })
    .join('\n');
}
