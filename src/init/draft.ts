/**
 * `lineage-gate init`: the lineage.yaml an artifact's own files support — upstreams with their
 * evidence class and where each claim was read, the license, the attribution owed, datasets and
 * weight digests — with a marked `TODO(lineage-gate)` comment for everything nothing says. Only
 * what a file states is written as a value: an inference stays a comment until a person confirms it.
 */
import { isFullSha } from '../lineage/hub-id.js';
import { posix } from 'node:path';
import type { Artifact } from '../lineage/artifact.js';
import type { LineageRecord, UpstreamRef } from '../lineage/record.js';
import type { LicenseKnowledge } from '../licenses/knowledge.js';
import { defaultEffectivePolicy } from '../policy/defaults.js';
import { artifactLicense, isResolvable, manifestRecords, rankedRecords } from '../rules/artifact-facts.js';
import { licenseOfUpstream, upstreamLicensesOf } from '../rules/upstream-licenses.js';
import type { RuleContext } from '../rules/rule.js';

export const SCHEMA_URL =
  'https://raw.githubusercontent.com/lineage-gate/lineage-gate/main/schemas/lineage.schema.json';
const TODO = '# TODO(lineage-gate):';

/** Relation values of the formats, as the lineage manifest's `relation`. */
const RELATIONS: Record<string, string> = {
  adapter: 'adapter',
  lora: 'adapter',
  qlora: 'adapter',
  dora: 'adapter',
  merge: 'merge',
  quantized: 'quantized',
  finetune: 'finetune',
  full: 'finetune'
};

/** A YAML scalar: JSON's double-quoted strings are valid YAML and escape everything. */
function scalar(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A comment line's text: one line, no control characters, bounded. */
function commentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function placeOf(ref: { source: { path: string; field: string; at: { line: number } } }, dir: string): string {
  const file = posix.relative(dir === '.' ? '' : dir, ref.source.path) || ref.source.path;
  return `${file}:${ref.source.at.line} ${ref.source.field}`;
}

function relationOf(records: readonly LineageRecord[]): string | undefined {
  for (const record of records) {
    const value = record.relation?.value.toLowerCase();
    if (value && RELATIONS[value]) return RELATIONS[value];
    // PEFT writes the method (`LORA`, `IA3` …): every PEFT method makes an adapter.
    if (value && record.format === 'peft-adapter-config') return 'adapter';
  }
  return undefined;
}

interface DraftInput {
  artifact: Artifact;
  knowledge: LicenseKnowledge;
  /** sha256 of each weight file (repository path → hex), or why not. */
  digests: ReadonlyMap<string, string | { unverifiable: string }>;
}

function upstreamLines(input: DraftInput, ctx: RuleContext, records: LineageRecord[]): string[] {
  const { artifact } = input;
  const lines: string[] = [];
  const seen = new Set<string>();
  const refs: { ref: UpstreamRef; record: LineageRecord }[] = records.flatMap((record) =>
    record.upstreams.map((ref) => ({ ref, record }))
  );
  for (const { ref, record } of refs) {
    if (!isResolvable(ref) || !ref.id || seen.has(ref.id.toLowerCase())) continue;
    seen.add(ref.id.toLowerCase());
    const revision = refs.map((r) => r.ref).find((r) => r.id?.toLowerCase() === ref.id!.toLowerCase() && r.revision);
    lines.push(`  - id: ${scalar(ref.id)}`);
    if (revision?.revision && isFullSha(revision.revision)) lines.push(`    revision: ${scalar(revision.revision)}`);
    else lines.push(`    ${TODO} pin the 40-hex commit of ${commentText(ref.id)} the artifact was trained on`);
    lines.push(`    relation: ${scalar(ref.role)}`);
    lines.push(`    evidence: ${scalar(ref.evidence)}`);
    lines.push(`    source: ${scalar(placeOf(ref, artifact.dir))}`);
    const license = licenseOfUpstream(ref, record, ctx);
    if (license?.via === 'declared') lines.push(`    license: ${scalar(license.license)}`);
    else if (license) {
      lines.push(`    ${TODO} confirm the license: ${commentText(`${license.license}, from ${license.source}`)}`);
      lines.push(`    # license: ${scalar(license.license)}`);
    }
  }
  for (const link of artifact.parents ?? []) {
    if (link.state !== 'artifact') continue;
    lines.push(`  - path: ${scalar(link.raw)}`);
    lines.push(`    relation: base`);
  }
  for (const { ref } of refs) {
    if (isResolvable(ref) || (artifact.parents ?? []).some((l) => l.source === ref.source)) continue;
    lines.push(`  ${TODO} ${commentText(`${placeOf(ref, artifact.dir)} names ${JSON.stringify(ref.raw)}`)},`);
    lines.push(`  #   which is not a Hub id: add the upstream's id (org/name) and revision here`);
  }
  return lines;
}

function licenseLines(artifact: Artifact): string[] {
  const license = artifactLicense(artifact);
  if (!license) {
    return [
      `${TODO} nothing in this directory states the artifact's license: set a Hub/SPDX id,`,
      '# license: apache-2.0'
    ];
  }
  if (license.id && !license.name && !license.link) return [`license: ${scalar(license.id)}`];
  return [
    'license:',
    ...(license.id ? [`  id: ${scalar(license.id)}`] : []),
    ...(license.name ? [`  name: ${scalar(license.name)}`] : []),
    ...(license.link ? [`  link: ${scalar(license.link)}`] : [])
  ];
}

function attributionLines(artifact: Artifact, ctx: RuleContext): string[] {
  const carried = artifact.records.map((r) => r.attribution?.text).find((t) => t && t.trim());
  const owed = upstreamLicensesOf(ctx).find((u) => u.entry?.attribution?.text);
  if (carried) return ['attribution:', `  text: ${scalar(carried)}`, ...(owed ? ['  required: true'] : [])];
  if (!owed) return [];
  const why = `${owed.id} is under the ${owed.entry!.display}, which asks for this notice (from ${owed.source}).`;
  return [
    `# ${commentText(why)}`,
    '# Show it where the artifact is distributed, too.',
    'attribution:',
    `  text: ${scalar(owed.entry!.attribution!.text!)}`,
    '  required: true'
  ];
}

function datasetLines(records: LineageRecord[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const d of records.flatMap((r) => r.datasets)) {
    const key = (d.id ?? d.raw).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    if (!d.id) {
      lines.push(`  ${TODO} ${commentText(`${JSON.stringify(d.raw)} is not a Hub dataset id: name the dataset's id`)}`);
      continue;
    }
    if (!d.revision && !d.license) {
      lines.push(`  - ${scalar(d.id)}`);
      continue;
    }
    lines.push(`  - id: ${scalar(d.id)}`);
    if (d.revision) lines.push(`    revision: ${scalar(d.revision)}`);
    if (d.license) lines.push(`    license: ${scalar(d.license)}`);
  }
  return lines;
}

function trainingLines(records: LineageRecord[]): string[] {
  const facts = records.map((r) => r.training ?? {});
  const method = facts.map((f) => f.method?.value).find((v) => v !== undefined);
  const framework = facts.map((f) => f.framework?.value).find((v) => v !== undefined);
  const runId = facts.map((f) => f.runId?.value).find((v) => v !== undefined);
  const lines = [
    ...(method !== undefined ? [`  method: ${scalar(String(method).toLowerCase())}`] : []),
    ...(framework !== undefined ? [`  framework: ${scalar(String(framework))}`] : []),
    ...(runId !== undefined ? [`  run_id: ${scalar(String(runId))}`] : [])
  ];
  return lines.length > 0 ? ['training:', ...lines] : [];
}

function weightLines(input: DraftInput): string[] {
  const lines: string[] = [];
  for (const weight of input.artifact.weights) {
    if (weight.status === 'removed') continue;
    const file = posix.relative(input.artifact.dir === '.' ? '' : input.artifact.dir, weight.path);
    const digest = input.digests.get(weight.path);
    if (typeof digest === 'string') {
      lines.push(`  - path: ${scalar(file)}`, `    sha256: ${scalar(digest)}`);
    } else {
      lines.push(`  ${TODO} ${commentText(`${file}: ${digest?.unverifiable ?? 'not hashed'}`)}`);
    }
  }
  return lines;
}

export interface Draft {
  text: string;
  upstreams: number;
  weights: number;
  /** Places marked `TODO(lineage-gate)` for a person to fill in. */
  todos: number;
}

/** The lineage.yaml text for one artifact, and what it holds. */
export function draftLineageManifest(input: DraftInput): Draft {
  const { artifact } = input;
  const ctx: RuleContext = {
    artifact,
    policy: defaultEffectivePolicy(),
    knowledge: input.knowledge,
    upstreamLicenseMappings: []
  };
  const records = rankedRecords(artifact.records);
  const sources = manifestRecords(artifact).map((r) => posix.basename(r.path));
  const name = records.find((r) => r.name)?.name?.value ?? posix.basename(artifact.dir === '.' ? '' : artifact.dir);
  const relation = relationOf(records);
  const upstreams = upstreamLines(input, ctx, records);
  const datasets = datasetLines(records);
  const weights = weightLines(input);
  const entries = (lines: string[]) => lines.filter((l) => l.startsWith('  - ')).length;
  const body = [
    `# Written by \`lineage-gate init\` from ` +
      `${sources.length > 0 ? commentText(sources.join(', ')) : 'the weight files'}.`,
    '# Check every value; fill in or delete each TODO(lineage-gate). Docs: docs/lineage-manifest.md',
    'schema: 1',
    ...(name ? [`name: ${scalar(name)}`] : []),
    relation ? `relation: ${scalar(relation)}` : `${TODO} how it derives: adapter, finetune, merge, quantized …`,
    ...(upstreams.some((l) => l.startsWith('  - '))
      ? ['upstreams:', ...upstreams]
      : [
          `${TODO} nothing here names an upstream model: add \`upstreams: [{ id: org/name, revision: <sha> }]\``,
          ...upstreams
        ]),
    ...licenseLines(artifact),
    ...attributionLines(artifact, ctx),
    ...(datasets.some((l) => l.startsWith('  - ')) ? ['datasets:', ...datasets] : datasets),
    ...trainingLines(records),
    ...(weights.some((l) => l.startsWith('  - ')) ? ['weights:', ...weights] : weights),
    ''
  ];
  return {
    text: [`# yaml-language-server: $schema=${SCHEMA_URL}`, ...body].join('\n'),
    upstreams: entries(upstreams),
    weights: entries(weights),
    todos: body.filter((l) => l.includes(TODO)).length
  };
}
