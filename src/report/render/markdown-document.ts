import { counted, plural } from '../../text/plural.js';
import { lineageDiagram } from './mermaid.js';
import type { Finding } from '../../findings/finding.js';
import type { Report } from '../report.js';
import {
  ARTIFACT_DETAILS_CLOSE,
  ARTIFACT_DETAILS_OPEN,
  ARTIFACT_TABLE_HEAD,
  artifactDetail,
  artifactRow
} from './artifact-table.js';
import {
  compactFindingItem,
  emptyTally,
  tallyFinding,
  type FindingTally,
  findingItem,
  type MarkdownLinks
} from './markdown-blocks.js';
import { documentFooter, documentHead, groupHeading, layoutChunks, type MarkdownLayout } from './markdown-layout.js';

export interface MarkdownDocumentOptions extends MarkdownLinks {
  /** Upper bound on the UTF-8 size of the result; `Infinity` for none. */
  maxBytes: number;
}

/** A line (or lines) of output that may be left out when the document is too big. */
interface Piece {
  text: string;
  bytes: number;
  kept: boolean;
}

/** A row of the artifact table, with its entry in the details under the table (they go together). */
interface RowPiece extends Piece {
  detail: string;
}

interface FindingPiece extends Piece {
  finding: Finding;
  group: Group;
  /** Set when the item was replaced by its compact form to make room. */
  compacted?: boolean;
}

interface Group {
  heading: Piece;
  items: FindingPiece[];
  kept: number;
}

/** Room kept for the note that says what was left out (its real size is far below this). */
const OMISSION_RESERVE = 1024;
/** Room for the newlines and one-line remarks that join the counted pieces. */
const JOINING_SLACK = 256;

function piece(text: string): Piece {
  return { text, bytes: Buffer.byteLength(text, 'utf8') + 1, kept: true }; // +1: the joining newline
}

function rowPiece(row: string, detail: string): RowPiece {
  return { text: row, detail, bytes: Buffer.byteLength(`${row}\n${detail}\n`, 'utf8'), kept: true };
}

/**
 * No finding item is shorter than this plus the docs base: its head alone is "- ", an icon, the
 * severity in bold, the rule id linked to its page and "at" the file and line.
 */
const MIN_ITEM_BYTES_BESIDES_DOCS = 32;

/** The findings a document of `maxBytes` could show, grouped by artifact, with those artifacts' tallies. */
interface Selection {
  byDir: Map<string, Finding[]>;
  /** Every finding of each artifact that has one kept (a heading counts them all). */
  tallies: Map<string, FindingTally>;
  /** Findings of each kind past what the limit could hold even if every item were compact: never rendered. */
  unconsidered: FindingTally;
  /** Artifacts that owe attribution (a live missing-attribution finding): their table detail says so. */
  owed: Set<string>;
}

/**
 * Two walks over the findings. The first keeps no more of a kind (in report order) than could fit,
 * so a run of a quarter of a million findings builds a summary from a few thousand; the second
 * counts every finding of the artifacts kept, for their headings, and only theirs.
 */
function selectFindings(report: Report, opts: MarkdownDocumentOptions): Selection {
  const cap = Math.ceil(opts.maxBytes / (MIN_ITEM_BYTES_BESIDES_DOCS + opts.docsBase.length));
  const taken = emptyTally();
  const unconsidered = emptyTally();
  const byDir = new Map<string, Finding[]>();
  const owed = new Set<string>();
  for (const f of report.findings) {
    if (f.ruleId === 'missing-attribution' && !f.waived) owed.add(f.artifact);
    const kind = f.waived ? 'waived' : f.severity;
    if (taken[kind] >= cap) {
      unconsidered[kind]++;
      continue;
    }
    taken[kind]++;
    const list = byDir.get(f.artifact);
    if (list) list.push(f);
    else byDir.set(f.artifact, [f]);
  }
  const tallies = new Map<string, FindingTally>([...byDir.keys()].map((dir) => [dir, emptyTally()]));
  for (const f of report.findings) {
    const tally = tallies.get(f.artifact);
    if (tally) tallyFinding(tally, f);
  }
  return { byDir, tallies, unconsidered, owed };
}

function groupByArtifact(report: Report, links: MarkdownLinks, selection: Selection): Group[] {
  const { byDir, tallies } = selection;
  // Artifacts in table order; any finding whose artifact is not in the table comes after.
  const order = new Set<string>();
  for (const a of report.artifacts) {
    if (byDir.has(a.dir)) order.add(a.dir);
    if (order.size === byDir.size) break;
  }
  for (const dir of byDir.keys()) order.add(dir);
  const groups: Group[] = [];
  for (const dir of order) {
    const findings = byDir.get(dir)!;
    const group: Group = {
      heading: piece(groupHeading(dir, tallies.get(dir)!)),
      items: [],
      kept: findings.length
    };
    group.items = findings.map((finding) => ({ ...piece(findingItem(finding, links)), finding, group }));
    groups.push(group);
  }
  return groups;
}

function isLiveError(i: FindingPiece): boolean {
  return !i.finding.waived && i.finding.severity === 'error';
}

/**
 * What to leave out first when over the limit, each class from the bottom of the document up:
 * waived findings, notices, warnings. Then errors are shortened to one line each, then rows of the
 * artifact table go, and errors are left out only as a last resort.
 */
function lowSeverities(groups: Group[]): FindingPiece[] {
  const items = groups.flatMap((g) => g.items).reverse();
  return [
    ...items.filter((i) => i.finding.waived),
    ...items.filter((i) => !i.finding.waived && i.finding.severity === 'notice'),
    ...items.filter((i) => !i.finding.waived && i.finding.severity === 'warning')
  ];
}

function sizeLabel(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${Math.floor(bytes / 1024)} KiB`;
}

/** Errors still shown, but in their compact form. */
function compactedCount(groups: Group[]): number {
  return groups.reduce((n, g) => n + g.items.filter((i) => i.kept && i.compacted).length, 0);
}

function omissionNote(groups: Group[], table: Table, maxBytes: number, unconsidered: FindingTally): string {
  const compacted = compactedCount(groups);
  const dropped = { ...unconsidered };
  for (const g of groups) for (const i of g.items) if (!i.kept) tallyFinding(dropped, i.finding);
  const droppedCount = dropped.error + dropped.warning + dropped.notice + dropped.waived;
  const droppedRows = table.rows.filter((r) => !r.kept).length + table.unbuilt;
  const parts: string[] = [];
  if (droppedCount) {
    const kinds = [
      [dropped.error, 'error'],
      [dropped.warning, 'warning'],
      [dropped.notice, 'notice'],
      [dropped.waived, 'waived finding']
    ] as const;
    const detail = kinds
      .filter(([n]) => n > 0)
      .map(([n, w]) => counted(n, w))
      .join(', ');
    parts.push(`the details of ${counted(droppedCount, 'finding')} (${detail})`);
  }
  if (droppedRows) parts.push(`${droppedRows} of ${table.rows.length + table.unbuilt} rows of the artifact table`);
  const sentences: string[] = [];
  if (parts.length)
    sentences.push(
      `${parts.join(' and ')} ${plural(droppedCount + droppedRows, 'was', 'were')} left out, lowest severity first.`
    );
  if (compacted)
    sentences.push(
      `${counted(compacted, 'error')} ${plural(compacted, 'is', 'are')} ` +
        `shown on one line, without ${plural(compacted, 'its', 'their')} fix.`
    );
  return (
    `> [!NOTE]\n> Shortened to stay under the ${sizeLabel(maxBytes)} limit: ` +
    `${sentences.join(' ')} The counts above include them; the JSON report lists them all.`
  );
}

/** The artifact table: the rows built, and how many more rows there are. */
interface Table {
  rows: RowPiece[];
  /** Rows past the point where the rows alone outgrew the limit: never built, always left out. */
  unbuilt: number;
}

/**
 * The table's rows while they could still fit. Rows are left out from the bottom, so once the rows
 * alone pass `maxBytes` the ones after them can never be shown: they are counted, not built (a scan
 * of 100,000 artifacts built every row and detail of a job summary that holds a few thousand).
 */
function tableOf(report: Report, owed: ReadonlySet<string>, maxBytes: number): Table {
  const rows: RowPiece[] = [];
  let bytes = 0;
  for (const a of report.artifacts) {
    if (bytes > maxBytes) break;
    const row = rowPiece(artifactRow(a), artifactDetail(a, owed.has(a.dir)));
    rows.push(row);
    bytes += row.bytes;
  }
  return { rows, unbuilt: report.artifacts.length - rows.length };
}

/** Replaces an item by its compact form; returns the bytes saved. */
function compact(item: FindingPiece, links: MarkdownLinks): number {
  const short = piece(compactFindingItem(item.finding, links));
  const saved = item.bytes - short.bytes;
  if (saved <= 0) return 0;
  item.text = short.text;
  item.bytes = short.bytes;
  item.compacted = true;
  return saved;
}

/**
 * The report as one Markdown document: verdict, run notes, artifact table, findings by artifact.
 * Kept within `maxBytes` by leaving out findings and rows in `dropOrder`; the verdict always stays.
 */
export function renderMarkdownDocument(report: Report, opts: MarkdownDocumentOptions): string {
  const head = documentHead(report);
  const footer = documentFooter(report);
  const selection = selectFindings(report, opts);
  const table = tableOf(report, selection.owed, opts.maxBytes);
  const { rows, unbuilt } = table;
  const rowCount = rows.length + unbuilt;
  // Rows never built stand for more than the limit: everything else is cut as if they were there.
  const unbuiltBytes = unbuilt > 0 ? opts.maxBytes + 1 : 0;
  // The heading, the table's head and the details' wrapper: counted once, with the first row.
  const detailsOpen = `\n${ARTIFACT_DETAILS_OPEN}\n`;
  const detailsClose = `\n${ARTIFACT_DETAILS_CLOSE}`;
  const tableHead = piece(`\n### Artifacts\n\n${ARTIFACT_TABLE_HEAD}${detailsOpen}${detailsClose}`);
  const groups = groupByArtifact(report, opts, selection);
  const findingsHead = piece('\n### Findings');
  const itemCount = groups.reduce((n, g) => n + g.items.length, 0);

  let keptRows = rowCount;
  let keptItems = itemCount;
  let total =
    Buffer.byteLength(head + footer, 'utf8') +
    JOINING_SLACK +
    (rowCount ? tableHead.bytes + rows.reduce((n, r) => n + r.bytes, 0) + unbuiltBytes : 0) +
    (itemCount
      ? findingsHead.bytes + groups.reduce((n, g) => n + g.heading.bytes + g.items.reduce((m, i) => m + i.bytes, 0), 0)
      : 0);

  const drop = (p: Piece): void => {
    p.kept = false;
    total -= p.bytes;
    if ('group' in p) {
      const { group } = p as FindingPiece;
      if (--group.kept === 0) total -= group.heading.bytes;
      if (--keptItems === 0) total -= findingsHead.bytes;
    } else if (--keptRows === 0) {
      total -= tableHead.bytes;
    }
  };
  if (total > opts.maxBytes) {
    total += OMISSION_RESERVE;
    const errors = groups
      .flatMap((g) => g.items)
      .filter(isLiveError)
      .reverse();
    for (const p of lowSeverities(groups)) {
      if (total <= opts.maxBytes) break;
      drop(p);
    }
    for (const e of errors) {
      if (total <= opts.maxBytes) break;
      total -= compact(e, opts);
    }
    // The rows never built are the table's last: the first rows to go, and they always must.
    if (unbuilt > 0) {
      total -= unbuiltBytes;
      keptRows -= unbuilt;
    }
    for (const p of [...[...rows].reverse(), ...errors]) {
      if (total <= opts.maxBytes) break;
      drop(p);
    }
  }

  // The lineage diagram comes with the table when there is room for it; it is the first thing to go.
  const diagram = lineageDiagram(report);
  const diagramBlock = diagram ? `\n### Lineage\n\n${diagram}` : undefined;
  const showDiagram =
    diagramBlock !== undefined && keptRows > 0 && total + Buffer.byteLength(diagramBlock, 'utf8') <= opts.maxBytes;

  const { unconsidered } = selection;
  const shortened =
    keptRows < rowCount ||
    keptItems < itemCount ||
    compactedCount(groups) > 0 ||
    unconsidered.error + unconsidered.warning + unconsidered.notice + unconsidered.waived > 0;
  const kept = rows.filter((r) => r.kept);
  const layout: MarkdownLayout = {
    head,
    note: shortened ? omissionNote(groups, table, opts.maxBytes, unconsidered) : undefined,
    noArtifacts: rowCount === 0,
    table: keptRows ? { rows: kept.map((r) => r.text), details: kept.map((r) => r.detail) } : undefined,
    diagram: showDiagram ? diagram : undefined,
    noFindings: itemCount === 0 && rowCount > 0,
    groups: keptItems
      ? groups
          .filter((g) => g.kept)
          .map((g) => ({ heading: g.heading.text, items: g.items.filter((i) => i.kept).map((i) => i.text) }))
      : undefined,
    footer
  };
  return [...layoutChunks(layout)].join('');
}
