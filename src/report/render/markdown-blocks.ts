import { isFullSha } from '../../lineage/hub-id.js';
import { waivedPrefix } from './annotations.js';
import type { Finding, Severity } from '../finding.js';
import type { Report, ReportArtifact, ReportUpstream } from '../report.js';
import { clip, escapeTableCell, gateProse, inlineCode, safeMarkdown } from './escape.js';

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
const MAX_LIST = 20;
const MAX_NOTES = 50;

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
const WAIVED_ICON = '🔕';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

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
    plural(counts.errors, 'error'),
    plural(counts.warnings, 'warning'),
    plural(counts.notices, 'notice')
  ]);
  const waived = counts.waived > 0 ? ` (${plural(counts.waived, 'finding')} waived)` : '';
  return [
    `## ${mark} Lineage gate: ${report.result}`,
    '',
    `**${tally}** in ${plural(counts.artifacts, 'artifact')} ` +
      `(${plural(counts.manifests, 'manifest')})${waived}. ${failOnSentence(report.failOn)}`
  ].join('\n');
}

/** How the files were chosen and anything unusual about the run (fallbacks, fetches). */
export function runBlock(report: Report): string {
  const lines = [`**Files:** ${gateProse(clip(report.run.changeSource, MAX_PROSE))}`];
  const notes = report.run.notes;
  for (const note of notes.slice(0, MAX_NOTES)) lines.push(`- ${gateProse(clip(note, MAX_PROSE))}`);
  if (notes.length > MAX_NOTES) lines.push(`- …and ${plural(notes.length - MAX_NOTES, 'more note')}`);
  return lines.join('\n');
}

export const ARTIFACT_TABLE_HEAD =
  '| Artifact | Manifests | Upstreams | License | Attribution | Status |\n| --- | --- | --- | --- | --- | --- |';

/** At most MAX_LIST entries, then how many more there were. */
function capped(entries: string[]): string {
  const shown = entries.slice(0, MAX_LIST);
  if (entries.length > MAX_LIST) shown.push(`…and ${entries.length - MAX_LIST} more`);
  return shown.length ? shown.join('<br>') : '—';
}

function code(value: string): string {
  return inlineCode(clip(value, MAX_VALUE));
}

/** Manifest path relative to its artifact's directory, which the row already names. */
function withinDir(dir: string, path: string): string {
  if (dir === '.' || dir === '') return path;
  return path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : path;
}

/** 40-hex commits shortened like git does; branch and tag names stay whole. */
function shortRevision(revision: string): string {
  return isFullSha(revision) ? revision.slice(0, 12) : revision;
}

function upstreamCell(u: ReportUpstream): string {
  // A branch or tag moves: show which commit the Hub says it meant today.
  const today = u.hub?.sha && u.revision !== u.hub.sha ? ` → ${shortRevision(u.hub.sha)}` : '';
  const named = u.id ? `${u.id}${u.revision ? `@${shortRevision(u.revision)}` : ''}${u.revision ? today : ''}` : u.raw;
  const shown = named === null || named.trim() === '' ? '*empty*' : code(named);
  const license = u.license ? [`license ${u.license.id} (${u.license.via}, ${u.license.evidence})`] : [];
  const ancestors = u.hub?.status === 'found' ? u.hub.ancestors : [];
  const ancestry = ancestors.length ? `, from ${ancestors.map((a) => a.id).join(' ← ')}` : '';
  const hub = u.hub
    ? [u.hub.status === 'found' ? `on the Hub${u.hub.gated ? ', gated' : ''}${ancestry}` : `Hub: ${u.hub.status}`]
    : [];
  const facts = [u.kind, u.evidence, ...(u.role === 'base' ? [] : [u.role]), ...license, ...hub]
    .map((f) => safeMarkdown(f))
    .join(', ');
  return `${shown} (${facts})`;
}

function licenseCell(license: ReportArtifact['license']): string {
  if (!license || (!license.id && !license.name)) return '*none*';
  const id = license.id ? code(license.id) : '';
  const name = license.name ? safeMarkdown(clip(license.name, MAX_VALUE)) : '';
  return id && name ? `${id} (${name})` : id || name;
}

/** Attribution notices are a sentence or two; the table shows their start, the manifests the rest. */
const MAX_ATTRIBUTION = 120;

/** The attribution text the artifact carries; "owed" when a license asks for one and none is there. */
function attributionCell(attribution: string | null, owed: boolean): string {
  if (attribution) return safeMarkdown(clip(attribution.replace(/\s+/g, ' ').trim(), MAX_ATTRIBUTION));
  return owed ? '❌ owed, missing' : '—';
}

/** One row of the artifact table; `attributionOwed`: a missing-attribution finding is live on it. */
export function artifactRow(artifact: ReportArtifact, attributionOwed = false): string {
  const manifests = artifact.manifests.map(
    (m) => `${code(withinDir(artifact.dir, m.path))} (${safeMarkdown(m.format)})`
  );
  const upstreams = [...new Set(artifact.upstreams.map(upstreamCell))];
  const status = artifact.status === 'pass' ? '✅ pass' : '❌ fail';
  const cells = [
    code(artifact.dir),
    capped(manifests),
    capped(upstreams),
    licenseCell(artifact.license),
    attributionCell(artifact.attribution, attributionOwed),
    status
  ];
  return `| ${cells.map(escapeTableCell).join(' | ')} |`;
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

/** Heading of one artifact's findings, with that artifact's tally. */
export function findingGroupHeading(dir: string, findings: readonly Finding[]): string {
  const live = findings.filter((f) => !f.waived);
  const parts = (['error', 'warning', 'notice'] as const)
    .map((s) => [s, live.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => plural(n, s));
  const waived = findings.length - live.length;
  if (waived > 0) parts.push(`${waived} waived`);
  return `#### ${code(dir)} — ${parts.join(', ')}`;
}
