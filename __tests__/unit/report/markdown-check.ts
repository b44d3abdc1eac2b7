/** Helpers that read rendered Markdown the way a GFM parser would, for the assertions only. */

/** Removes code spans (their content is never parsed as Markdown or HTML). */
export function withoutCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)|(`+) \2/g, '');
}

/** Cells of a table row, split where GFM splits: at pipes not escaped with a backslash. */
export function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

export function tableRows(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| Status |'));
  if (start < 0) return [];
  const rows: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i]);
  return rows;
}

/** The nested list items of one artifact in the details under the table (`Manifests: …`, `Attribution: …`). */
export function artifactDetail(markdown: string, dir: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`- \`${dir}\``));
  if (start < 0) return [];
  const items: string[] = [];
  for (let i = start + 1; i < lines.length && lines[i].startsWith('  - '); i++) items.push(lines[i].slice(4));
  return items;
}
