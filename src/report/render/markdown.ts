import { mapped, runsOf } from '../../collections/sequence.js';
import { SortedSpill } from '../../collections/spill.js';
import type { Finding } from '../../findings/finding.js';
import { compareStrings } from '../../text/compare.js';
import { spillLimits } from '../build.js';
import type { Report } from '../report.js';
import { artifactDetail, artifactRow } from './artifact-table.js';
import { emptyTally, findingItem, tallyFinding, type MarkdownLinks } from './markdown-blocks.js';
import { renderMarkdownDocument } from './markdown-document.js';
import { documentFooter, documentHead, groupHeading, layoutChunks, type FindingGroup } from './markdown-layout.js';
import { lineageDiagram } from './mermaid.js';

export interface MarkdownOptions extends MarkdownLinks {
  /** Bound the size (e.g. to fit a PR comment); unbounded by default. */
  maxBytes?: number;
}

/** `--format markdown`: the same document as the job summary, without GitHub's size cap unless asked. */
export function renderMarkdown(report: Report, opts: MarkdownOptions): string {
  return [...renderMarkdownChunks(report, opts)].join('');
}

/**
 * renderMarkdown in pieces. Without a size limit nothing is left out, so the document is written as
 * it is made, an artifact at a time: a scan of 100,000 manifests writes 230 MB of it, and a million
 * would pass what one string may hold. A limited document is fitted whole (it is small by definition).
 */
export function renderMarkdownChunks(report: Report, opts: MarkdownOptions): Iterable<string> {
  if (opts.maxBytes !== undefined) return [renderMarkdownDocument(report, { ...opts, maxBytes: opts.maxBytes })];
  return wholeDocument(report, opts);
}

function* wholeDocument(report: Report, links: MarkdownLinks): Generator<string> {
  const rowCount = report.artifacts.length;
  const placed = placeFindings(report);
  try {
    yield* layoutChunks({
      head: documentHead(report),
      noArtifacts: rowCount === 0,
      table: rowCount
        ? { rows: mapped(report.artifacts, artifactRow), details: details(report, placed.owed) }
        : undefined,
      diagram: rowCount ? lineageDiagram(report) : undefined,
      noFindings: report.findings.length === 0 && rowCount > 0,
      groups: report.findings.length ? groups(placed.findings, links) : undefined,
      footer: documentFooter(report)
    });
  } finally {
    placed.findings.dispose();
    placed.owed.dispose();
  }
}

/** A finding and where its group goes: its artifact's row, or after every row in the order first met. */
interface Placed {
  at: number;
  finding: Finding;
}

/**
 * The findings in document order (each artifact's in table order, those of a directory with no row
 * after them, each group in report order), and the rows whose artifact owes attribution (a live
 * missing-attribution finding): found by sorting both lists by directory and walking them side by
 * side, through spills, so that neither list is held.
 */
function placeFindings(report: Report): { findings: SortedSpill<Placed>; owed: SortedSpill<number> } {
  const limit = spillLimits().findings;
  const rows = new SortedSpill<{ dir: string; row: number }>((a, b) => compareStrings(a.dir, b.dir), limit);
  let row = 0;
  for (const a of report.artifacts) rows.push({ dir: a.dir, row: row++ });
  // A stable sort: each directory's findings stay in report order, numbered to place a directory with no row.
  const byDir = new SortedSpill<{ n: number; f: Finding }>((a, b) => compareStrings(a.f.artifact, b.f.artifact), limit);
  let n = 0;
  for (const f of report.findings) byDir.push({ n: n++, f });

  const findings = new SortedSpill<Placed>((a, b) => a.at - b.at, limit);
  const owed = new SortedSpill<number>((a, b) => a - b, limit);
  const rowsInOrder = rows[Symbol.iterator]();
  let nextRow = rowsInOrder.next();
  let dir: string | undefined;
  let at = 0;
  try {
    for (const { n: first, f } of byDir) {
      if (f.artifact !== dir) {
        dir = f.artifact;
        while (!nextRow.done && compareStrings(nextRow.value.dir, dir) < 0) nextRow = rowsInOrder.next();
        at = !nextRow.done && nextRow.value.dir === dir ? nextRow.value.row : report.artifacts.length + first;
      }
      if (f.ruleId === 'missing-attribution' && !f.waived && at < report.artifacts.length) owed.push(at);
      findings.push({ at, finding: f });
    }
  } finally {
    rows.dispose();
    byDir.dispose();
  }
  return { findings, owed };
}

/** Each row's details, told whether its artifact owes attribution (`owed` holds rows in order, maybe twice). */
function* details(report: Report, owed: Iterable<number>): Generator<string> {
  const owing = owed[Symbol.iterator]();
  let next = owing.next();
  let row = 0;
  for (const a of report.artifacts) {
    while (!next.done && next.value < row) next = owing.next();
    yield artifactDetail(a, !next.done && next.value === row);
    row++;
  }
}

/** One artifact's findings at a time (a group is one artifact's, so it is held to count them for its heading). */
function* groups(placed: Iterable<Placed>, links: MarkdownLinks): Generator<FindingGroup> {
  for (const run of runsOf(placed, (a, b) => a.at === b.at)) {
    const tally = emptyTally();
    for (const p of run) tallyFinding(tally, p.finding);
    yield {
      heading: groupHeading(run[0].finding.artifact, tally),
      items: run.map((p) => findingItem(p.finding, links))
    };
  }
}
