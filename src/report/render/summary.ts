import type { Report } from '../report.js';
import type { MarkdownLinks } from './markdown-blocks.js';
import { renderMarkdownDocument } from './markdown-document.js';

/** GitHub's cap on one step's job summary (`GITHUB_STEP_SUMMARY`). */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

export interface SummaryOptions extends MarkdownLinks {
  /** Lower the cap (tests, or a summary that shares the step with other output). */
  maxBytes?: number;
}

/** Markdown for the job summary, never over GitHub's per-step cap; the verdict is always kept. */
export function renderSummary(report: Report, opts: SummaryOptions): string {
  return renderMarkdownDocument(report, {
    ...opts,
    maxBytes: Math.min(opts.maxBytes ?? SUMMARY_MAX_BYTES, SUMMARY_MAX_BYTES)
  });
}
