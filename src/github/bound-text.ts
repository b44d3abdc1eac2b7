/**
 * Cuts text to a limit measured in UTF-16 code units (what GitHub's character limits count at
 * most), never inside a surrogate pair.
 */
export function cutToLength(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose partner would be cut off
  return text.slice(0, end);
}

/** Cuts text to at most `maxBytes` of UTF-8, on a character boundary. */
export function cutToUtf8Bytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1; // back off continuation bytes
  return bytes.subarray(0, end).toString('utf8');
}

/**
 * Shortens Markdown to `max` characters including `note`, cutting at a line end when one is near
 * and closing a code fence left open, so the note renders as prose and not inside a code block.
 */
export function shortenMarkdown(text: string, max: number, note: string): string {
  if (text.length <= max) return text;
  let room = max - note.length;
  for (;;) {
    let kept = cutToLength(text, Math.max(0, room));
    // Drop a partial last line (a half table row reads as broken), unless the cut fell on a line end.
    const lineEnd = kept.lastIndexOf('\n');
    const cutMidLine = text[kept.length] !== '\n';
    if (cutMidLine && lineEnd > 0 && lineEnd >= kept.length - 2000) kept = kept.slice(0, lineEnd);
    const open = openFence(kept);
    const result = `${kept}${open ? `\n${open}` : ''}${note}`;
    if (result.length <= max || room <= 0) return result;
    room -= result.length - max; // make room for the closing fence and cut again
  }
}

/** The fence (e.g. "```") of a code block still open at the end of `text`, if any. */
function openFence(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (open === undefined) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
  }
  return open;
}
