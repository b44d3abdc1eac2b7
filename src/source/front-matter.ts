/** The YAML front matter of a Markdown file and the prose after it. */
export interface FrontMatter {
  yaml: string;
  /** 1-based line of the first YAML line (the line after the opening `---`). */
  yamlStartLine: number;
  body: string;
  bodyStartLine: number;
}

/** Front matter opened by `---` on `line` and never closed: its metadata must not be dropped unseen. */
export interface UnclosedFrontMatter {
  unclosedAt: number;
}

/**
 * Splits `---`-delimited front matter. Real cards may start with blank lines and
 * use CRLF, so both are tolerated; anything else before `---` means no front matter.
 */
export function extractFrontMatter(text: string): FrontMatter | UnclosedFrontMatter | undefined {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (i >= lines.length || lines[i].replace(/\r$/, '').trimEnd() !== '---') return undefined;
  const open = i;
  for (let j = open + 1; j < lines.length; j++) {
    const line = lines[j].replace(/\r$/, '').trimEnd();
    if (line === '---' || line === '...') {
      return {
        yaml: lines.slice(open + 1, j).join('\n'),
        yamlStartLine: open + 2,
        body: lines.slice(j + 1).join('\n'),
        bodyStartLine: j + 2
      };
    }
  }
  return { unclosedAt: open + 1 };
}

/** Offset of the first lone CR (a line break only classic Mac OS writes), or -1. */
export function firstLoneCr(text: string): number {
  return text.search(/\r(?!\n)/);
}
