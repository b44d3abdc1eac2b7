import type { Report } from '../report.js';
import type { MarkdownLinks } from './markdown-blocks.js';
import { renderMarkdownDocument } from './markdown-document.js';

export interface MarkdownOptions extends MarkdownLinks {
  /** Bound the size (e.g. to fit a PR comment); unbounded by default. */
  maxBytes?: number;
}

/** `--format markdown`: the same document as the job summary, without GitHub's size cap unless asked. */
export function renderMarkdown(report: Report, opts: MarkdownOptions): string {
  return renderMarkdownDocument(report, { ...opts, maxBytes: opts.maxBytes ?? Infinity });
}
