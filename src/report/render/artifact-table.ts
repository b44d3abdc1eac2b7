import { TOOL_URI } from '../../findings/rule-meta.js';
import { isFullSha } from '../../lineage/hub-id.js';
import type { ReportArtifact, ReportUpstream } from '../report.js';
import { clip, escapeTableCell, inlineCode, safeMarkdown } from './escape.js';

/**
 * The artifact table of the summary and the PR comment, and the details under it. The table is
 * sized for a PR comment (~760 px): status first, one short line per artifact, each upstream named
 * once; the evidence behind each upstream, the manifests and the attribution go in a `<details>`.
 */

// Caps on what one PR-supplied value or list may cost, so no single entry can eat the document.
const MAX_VALUE = 300;
const MAX_LIST = 20;
/** Upstreams named in one table cell before "+N more": the details list them all. */
const MAX_CELL_UPSTREAMS = 3;
/** A license's human name in the table; the details show it whole. */
const MAX_CELL_LICENSE_NAME = 40;
/** Attribution notices are a sentence or two; the details show their start, the manifests the rest. */
const MAX_ATTRIBUTION = 120;

/** Where the pedigree id is defined, linked from each artifact's entry. */
const PEDIGREE_DOC = `${TOOL_URI}/blob/main/docs/pedigree.md`;

export const ARTIFACT_TABLE_HEAD = '| Status | Artifact | Upstream | License |\n| --- | --- | --- | --- |';
export const ARTIFACT_DETAILS_OPEN = '<details><summary>Manifests, upstream evidence and attribution</summary>';
export const ARTIFACT_DETAILS_CLOSE = '</details>';

function code(value: string): string {
  return inlineCode(clip(value, MAX_VALUE));
}

/** At most MAX_LIST entries, then how many more there were. */
function capped(entries: string[], separator: string): string {
  const shown = entries.slice(0, MAX_LIST);
  if (entries.length > MAX_LIST) shown.push(`…and ${entries.length - MAX_LIST} more`);
  return shown.length ? shown.join(separator) : '—';
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

/** The same upstream claimed by several manifests (or at several revisions) is one upstream. */
function upstreamKey(u: ReportUpstream): string {
  return u.id ? `id:${u.id.toLowerCase()}` : `raw:${u.raw ?? ''}`;
}

function groupedUpstreams(artifact: ReportArtifact): ReportUpstream[][] {
  const groups = new Map<string, ReportUpstream[]>();
  for (const u of artifact.upstreams) groups.set(upstreamKey(u), [...(groups.get(upstreamKey(u)) ?? []), u]);
  return [...groups.values()];
}

function upstreamName(u: ReportUpstream): string {
  const named = u.id ?? u.raw;
  return named === null || named.trim() === '' ? '*empty*' : code(named);
}

/** Revision as written, and which commit the Hub says a moving branch or tag meant today. */
function revisionText(u: ReportUpstream): string | undefined {
  if (!u.revision) return undefined;
  const today = u.hub?.sha && u.revision !== u.hub.sha ? ` → ${shortRevision(u.hub.sha)}` : '';
  return `${shortRevision(u.revision)}${today}`;
}

function upstreamFacts(u: ReportUpstream): string {
  const revision = revisionText(u);
  const license = u.license ? [`license ${u.license.id} (${u.license.via}, ${u.license.evidence})`] : [];
  const ancestors = u.hub?.status === 'found' ? u.hub.ancestors : [];
  const ancestry = ancestors.length ? `, from ${ancestors.map((a) => a.id).join(' ← ')}` : '';
  const hub = u.hub
    ? [u.hub.status === 'found' ? `on the Hub${u.hub.gated ? ', gated' : ''}${ancestry}` : `Hub: ${u.hub.status}`]
    : [];
  const facts = [u.kind, u.evidence, ...(u.role === 'base' ? [] : [u.role]), ...license, ...hub].map((f) =>
    safeMarkdown(f)
  );
  return [...(revision ? [code(`@${revision}`)] : []), ...facts].join(', ');
}

function licenseText(license: ReportArtifact['license'], maxName: number): string {
  if (!license || (!license.id && !license.name)) return '*none*';
  const id = license.id ? code(license.id) : '';
  const name = license.name ? safeMarkdown(clip(license.name, maxName)) : '';
  return id && name ? `${id} (${name})` : id || name;
}

/** One line of the table: status, directory, each upstream once, license. */
export function artifactRow(artifact: ReportArtifact): string {
  const status = artifact.status === 'pass' ? '✅ pass' : '❌ fail';
  const names = groupedUpstreams(artifact).map((group) => upstreamName(group[0]));
  const shown = names.slice(0, MAX_CELL_UPSTREAMS);
  if (names.length > MAX_CELL_UPSTREAMS) shown.push(`+${names.length - MAX_CELL_UPSTREAMS} more`);
  const cells = [
    status,
    code(artifact.dir),
    shown.length ? shown.join(', ') : '—',
    licenseText(artifact.license, MAX_CELL_LICENSE_NAME)
  ];
  return `| ${cells.map(escapeTableCell).join(' | ')} |`;
}

/** The attribution text the artifact carries; "owed" when a license asks for one and none is there. */
export function attributionText(attribution: string | null, owed: boolean): string {
  if (attribution) return safeMarkdown(clip(attribution.replace(/\s+/g, ' ').trim(), MAX_ATTRIBUTION));
  return owed ? '❌ owed, missing' : '—';
}

/**
 * The artifact's entry in the details: manifests, each upstream once with everything known about
 * each claim of it, license and attribution. `attributionOwed`: a live missing-attribution finding.
 */
export function artifactDetail(artifact: ReportArtifact, attributionOwed = false): string {
  const manifests = artifact.manifests.map(
    (m) => `${code(withinDir(artifact.dir, m.path))} (${safeMarkdown(m.format)})`
  );
  const upstreams = groupedUpstreams(artifact).map(
    (group) => `  - Upstream ${upstreamName(group[0])}: ${[...new Set(group.map(upstreamFacts))].join('; ')}`
  );
  return [
    `- ${code(artifact.dir)}`,
    `  - Manifests: ${capped(manifests, ', ')}`,
    ...upstreams.slice(0, MAX_LIST),
    ...(upstreams.length > MAX_LIST ? [`  - …and ${upstreams.length - MAX_LIST} more upstreams`] : []),
    `  - License: ${licenseText(artifact.license, MAX_VALUE)}`,
    `  - Attribution: ${attributionText(artifact.attribution, attributionOwed)}`,
    `  - Pedigree: ${code(artifact.pedigree)} ([what it binds](${PEDIGREE_DOC}))`
  ].join('\n');
}
