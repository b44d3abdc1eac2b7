/**
 * The one layout of the Markdown report (job summary, PR comment, `--format markdown`): its blocks in
 * order and the newlines between them. What goes in each block is chosen elsewhere: by fitting a size
 * limit (markdown-document.ts), or everything, streamed (markdown.ts).
 */
import type { Report } from '../report.js';
import { ARTIFACT_DETAILS_CLOSE, ARTIFACT_DETAILS_OPEN, ARTIFACT_TABLE_HEAD } from './artifact-table.js';
import { findingGroupHeading, runBlock, verdictBlock, type FindingTally } from './markdown-blocks.js';

export const NO_ARTIFACTS =
  'No artifacts were checked: none of the files looked at is a lineage manifest or sits beside weights.';

/** One artifact's findings: its heading (with the blank line around it) and its items. */
export interface FindingGroup {
  heading: string;
  items: Iterable<string>;
}

export interface MarkdownLayout {
  /** Verdict and run notes. */
  head: string;
  /** Says what was left out, when something was. */
  note?: string;
  /** No artifact was checked at all (said in place of the table). */
  noArtifacts: boolean;
  /** The table's rows and, under it, their details; absent when no row is shown. */
  table?: { rows: Iterable<string>; details: Iterable<string> };
  diagram?: string;
  /** Artifacts were checked and none has a finding (said in place of the findings). */
  noFindings: boolean;
  /** Absent when no finding is shown. */
  groups?: Iterable<FindingGroup>;
  footer: string;
}

/** Verdict and run notes: always shown. */
export function documentHead(report: Report): string {
  return `${verdictBlock(report)}\n\n${runBlock(report)}`;
}

export function documentFooter(report: Report): string {
  return `\n<sub>lineage-gate ${report.tool.version} · report schema ${report.schemaVersion}</sub>\n`;
}

/** The heading of one artifact's findings, with the blank lines a group carries. */
export function groupHeading(dir: string, tally: FindingTally): string {
  return `\n${findingGroupHeading(dir, tally)}\n`;
}

/** The document in pieces: the blocks joined by newlines, then the footer. */
export function* layoutChunks(layout: MarkdownLayout): Generator<string> {
  yield layout.head;
  if (layout.note !== undefined) yield `\n\n${layout.note}`;
  if (layout.noArtifacts) yield `\n\n${NO_ARTIFACTS}`;
  else if (layout.table) {
    yield `\n\n### Artifacts\n\n${ARTIFACT_TABLE_HEAD}`;
    for (const row of layout.table.rows) yield `\n${row}`;
    // A blank line after <summary> and before </details>: GitHub parses Markdown between them only then.
    yield `\n\n${ARTIFACT_DETAILS_OPEN}\n`;
    for (const detail of layout.table.details) yield `\n${detail}`;
    yield `\n\n${ARTIFACT_DETAILS_CLOSE}`;
  }
  if (layout.diagram !== undefined) yield `\n\n### Lineage\n\n${layout.diagram}`;
  if (layout.noFindings) yield '\n\nNo findings.';
  else if (layout.groups) {
    yield '\n\n### Findings';
    for (const group of layout.groups) {
      yield `\n${group.heading}`;
      for (const item of group.items) yield `\n${item}`;
    }
  }
  yield `\n${layout.footer}`;
}
