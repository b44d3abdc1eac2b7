import { counted } from '../../text/plural.js';
import { waivedPrefix } from './annotations.js';
import type { Finding, Severity } from '../../findings/finding.js';
import type { Report } from '../report.js';
import { clip, gateProse, inlineCode } from './escape.js';

/** Where links in the Markdown point. Without `repoUrl` and `sha`, locations are plain text. */
export interface MarkdownLinks {
  /** Base URL of the rule pages; a rule links to `${docsBase}/<id>.md`. */
  docsBase: string;
  /** E.g. `https://github.com/owner/repo`. */
  repoUrl?: string;
  /** Commit the findings were made at (the pull request's head). */
  sha?: string;
  /** URLs in messages the gate vouches for (its license sources): shown as links; any other URL is inert text. */
  isOwnUrl?: (url: string) => boolean;
}

// Caps on what one PR-supplied value or list may cost, so no single entry can eat the summary.
const MAX_VALUE = 300;
const MAX_PROSE = 4000;
const MAX_NOTES = 50;

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const WAIVED_ICON = '🔕';

/** `a, b and c`, for counts in prose. */
function listing(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function failOnSentence(failOn: Report['failOn']): string {
  if (failOn === 'never') return 'Fail-on is `never`: findings are reported but never fail the gate.';
  if (failOn === 'warning') return 'Fail-on is `warning`: any warning or error that is not waived fails the gate.';
  return 'Fail-on is `error`: any error that is not waived fails the gate.';
}

/** Heading with the verdict, the counts, and what fail-on was; never left out. */
export function verdictBlock(report: Report): string {
  const { counts } = report;
  const mark = report.result === 'pass' ? '✅' : '❌';
  const tally = listing([
    counted(counts.errors, 'error'),
    counted(counts.warnings, 'warning'),
    counted(counts.notices, 'notice')
  ]);
  const waived = counts.waived > 0 ? ` (${counted(counts.waived, 'finding')} waived)` : '';
  return [
    `## ${mark} Lineage gate: ${report.result}`,
    '',
    `**${tally}** in ${counted(counts.artifacts, 'artifact')} ` +
      `(${counted(counts.manifests, 'manifest')})${waived}. ${failOnSentence(report.failOn)}`
  ].join('\n');
}

/** How the files were chosen and anything unusual about the run (fallbacks, fetches). */
export function runBlock(report: Report): string {
  const lines = [`**Files:** ${gateProse(clip(report.run.changeSource, MAX_PROSE))}`];
  const notes = report.run.notes;
  for (const note of notes.slice(0, MAX_NOTES)) lines.push(`- ${gateProse(clip(note, MAX_PROSE))}`);
  if (notes.length > MAX_NOTES) lines.push(`- …and ${counted(notes.length - MAX_NOTES, 'more note')}`);
  return lines.join('\n');
}

function code(value: string): string {
  return inlineCode(clip(value, MAX_VALUE));
}

/** Percent-encodes a path segment, including the characters that end a Markdown link destination. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Link to the lines at the commit; Markdown files need `?plain=1` for line anchors to work. */
export function blobUrl(repoUrl: string, sha: string, finding: Pick<Finding, 'path' | 'line' | 'endLine'>): string {
  const path = finding.path.split('/').map(encodeSegment).join('/');
  const plain = /\.(md|markdown)$/i.test(finding.path) ? '?plain=1' : '';
  const lines = finding.endLine > finding.line ? `#L${finding.line}-L${finding.endLine}` : `#L${finding.line}`;
  return `${repoUrl.replace(/\/+$/, '')}/blob/${encodeSegment(sha)}/${path}${plain}${lines}`;
}

/** How much of a message a compact item keeps. */
const MAX_COMPACT_MESSAGE = 160;

/** `- ❌ **error** [rule](page) at [path:line](blob)`: what every rendering of a finding starts with. */
function findingHead(finding: Finding, links: MarkdownLinks): string {
  const icon = finding.waived ? WAIVED_ICON : ICON[finding.severity];
  const severity = finding.waived ? `${finding.severity}, waived` : finding.severity;
  const docsBase = links.docsBase.replace(/\/+$/, '');
  const rule = `[${inlineCode(finding.ruleId)}](${docsBase}/${encodeSegment(finding.ruleId)}.md)`;
  const where = code(`${finding.path}:${finding.line}`);
  const location = links.repoUrl && links.sha ? `[${where}](${blobUrl(links.repoUrl, links.sha, finding)})` : where;
  return `- ${icon} **${severity}** ${rule} at ${location}`;
}

/** One finding as a single-line list item: severity, rule (linked to its page), location, message, fix. */
export function findingItem(finding: Finding, links: MarkdownLinks): string {
  const message = gateProse(clip(`${waivedPrefix(finding)}${finding.message}`, MAX_PROSE), links.isOwnUrl);
  const fix = gateProse(clip(finding.fix, MAX_PROSE), links.isOwnUrl);
  return `${findingHead(finding, links)} — ${message}<br>**Fix:** ${fix}`;
}

/** The same item cut short, for documents that cannot hold every finding whole: the start of the message, no fix. */
export function compactFindingItem(finding: Finding, links: MarkdownLinks): string {
  return (
    `${findingHead(finding, links)} — ` +
    `${gateProse(clip(`${waivedPrefix(finding)}${finding.message}`, MAX_COMPACT_MESSAGE), links.isOwnUrl)}`
  );
}

/** How many findings of each kind one artifact has (waived ones counted apart). */
export interface FindingTally {
  error: number;
  warning: number;
  notice: number;
  waived: number;
}

export function emptyTally(): FindingTally {
  return { error: 0, warning: 0, notice: 0, waived: 0 };
}

export function tallyFinding(tally: FindingTally, f: Finding): void {
  if (f.waived) tally.waived++;
  else tally[f.severity]++;
}

/** Heading of one artifact's findings, with that artifact's tally. */
export function findingGroupHeading(dir: string, tally: FindingTally): string {
  const parts = (['error', 'warning', 'notice'] as const).filter((s) => tally[s] > 0).map((s) => counted(tally[s], s));
  if (tally.waived > 0) parts.push(`${tally.waived} waived`);
  return `#### ${code(dir)} — ${parts.join(', ')}`;
}
