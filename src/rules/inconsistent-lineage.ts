import { isFullSha } from '../lineage/hub-id.js';
import { isPlaceholderLicense } from '../licenses/placeholder.js';
import { licenseKey } from '../licenses/license-ids.js';
import type { LineageRecord, SourceRef, TrainingKey, UpstreamRef } from '../lineage/record.js';
import type { FindingDraft, Rule, RuleContext } from './rule.js';
import { anchorRecord, isResolvable, quote, rankedRecords, where } from './artifact-facts.js';
import { sameUpstream } from './upstream-identity.js';

/** Training facts that must agree wherever two manifests (or a manifest and the weights) state them. */
const COMPARED_FACTS: readonly TrainingKey[] = ['rank', 'alpha', 'dModel', 'vocab', 'layers', 'heads', 'runId'];
const FACT_NAMES: Record<string, string> = {
  rank: 'LoRA rank',
  alpha: 'LoRA alpha',
  dModel: 'hidden size (d_model)',
  vocab: 'vocabulary size',
  layers: 'layer count',
  heads: 'attention head count',
  runId: 'training run id'
};

/** Where a value was read, for a message: a manifest's field, or the header key of a weight file. */
function place(source: SourceRef, record: LineageRecord): string {
  return record.origin === 'weights' ? `the header of ${source.path} (\`${source.field}\`)` : where(source);
}

function idsOf(record: LineageRecord): UpstreamRef[] {
  return record.upstreams.filter((r) => isResolvable(r) && r.id);
}

function draft(at: SourceRef, message: string, fix: string, subject: string): FindingDraft {
  return { path: at.path, at: at.at, message, fix, subject };
}

const FIX_UPSTREAM =
  'Make them agree: correct the one that is wrong (the weights are evidence of what was really trained), ' +
  'or, if the artifact derives from both, list both (e.g. as `upstreams` in a lineage.yaml).';

/**
 * The sets of records that must agree. Files kept side by side as alternatives are not one artifact
 * told twice: training configs (one run each), and several files of one format (files read by their
 * content may be called anything: `sql_adapter_config.json` beside `chat_adapter_config.json`, two
 * GGUF quantizations). Each alternative is compared with the artifact's other files, never with
 * another alternative.
 */
function alternativeViews(records: LineageRecord[]): LineageRecord[][] {
  const perFormat = new Map<string, number>();
  for (const r of records) perFormat.set(r.format, (perFormat.get(r.format) ?? 0) + 1);
  const isAlternative = (r: LineageRecord) => r.recipe === true || perFormat.get(r.format)! > 1;
  // Each view is the shared records with one alternative in its place, built without walking every
  // record again per alternative: a directory of thousands of cards made that quadratic.
  const shared: LineageRecord[] = [];
  const places: { alt: LineageRecord; at: number }[] = [];
  for (const r of records) {
    if (isAlternative(r)) places.push({ alt: r, at: shared.length });
    else shared.push(r);
  }
  if (places.length <= 1) return [records];
  return places.map(({ alt, at }) => [...shared.slice(0, at), alt, ...shared.slice(at)]);
}

/** Records ordered so that findings land on the less authoritative file of a pair (manifests before weights). */
function ordered(ctx: RuleContext): LineageRecord[] {
  return rankedRecords(ctx.artifact.records);
}

/**
 * Files naming upstreams that have nothing in common with the most authoritative file that names
 * any: one finding per disagreeing file, never one per pair (a directory of many cards stays readable).
 */
function upstreamDisagreements(ctx: RuleContext, records: LineageRecord[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  const reference = records.find((r) => idsOf(r).length > 0);
  if (!reference) return out;
  const refIds = idsOf(reference);
  for (const other of records) {
    const ids = idsOf(other);
    if (other === reference || ids.length === 0) continue;
    if (refIds.some((x) => ids.some((y) => sameUpstream(x, y, ctx.knowledge, ctx.hub)))) continue;
    // The finding goes on the manifest of the pair (a header has no line to fix).
    const onOther = other.origin !== 'weights';
    const [here, there, hereRecord, thereRecord] = onOther
      ? [ids[0], refIds[0], other, reference]
      : [refIds[0], ids[0], reference, other];
    out.push(
      draft(
        here.source,
        `${place(here.source, hereRecord)} says the artifact derives from ${here.id}, but ` +
          `${place(there.source, thereRecord)} says ${there.id}: its files disagree about what it derives from.`,
        FIX_UPSTREAM,
        `upstream:${reference.path}|${other.path}`
      )
    );
  }
  return out;
}

/** Manifests that name no upstream beside weights whose header names one (the "in-house" card). */
function silentManifests(ctx: RuleContext, records: LineageRecord[]): FindingDraft[] {
  const manifests = records.filter((r) => r.origin !== 'weights');
  if (manifests.length === 0 || manifests.some((r) => idsOf(r).length > 0) || (ctx.artifact.parents ?? []).length > 0) {
    return [];
  }
  const weights = records.find((r) => r.origin === 'weights' && idsOf(r).length > 0);
  if (!weights) return [];
  const named = idsOf(weights)[0];
  const anchor = anchorRecord(ctx.artifact)!;
  const names = manifests.map((r) => r.path.split('/').pop()).join(', ');
  return [
    draft(
      anchor.anchor,
      `${names} ${manifests.length === 1 ? 'names' : 'name'} no upstream model, but ${place(named.source, weights)} ` +
        `names ${named.id}: the weights say the artifact derives from it.`,
      `Declare ${named.id} as the upstream (with its revision and license) in ${anchor.path}, or explain the ` +
        'header: if the weights were not made from it, they are not the weights this manifest describes.',
      `silent:${named.id!.toLowerCase()}`
    )
  ];
}

/** MENS: the tokenizer's cache snapshot must belong to the declared base. */
function tokenizerDisagreements(ctx: RuleContext, records: LineageRecord[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const record of records.filter((r) => r.origin !== 'weights')) {
    const tokenizer = record.upstreams.find((r) => r.source.field === 'tokenizer_path' && r.id);
    const base = record.upstreams.find((r) => r.source.field === 'base_model' && isResolvable(r) && r.id);
    if (!tokenizer || !base || sameUpstream(tokenizer, base, ctx.knowledge, ctx.hub)) continue;
    out.push(
      draft(
        tokenizer.source,
        `${where(tokenizer.source)} is a cache snapshot of ${tokenizer.id}, but ${where(base.source)} says the base ` +
          `is ${base.id}: the run tokenized with another model's tokenizer, or one of them is wrong.`,
        "Train with the base model's own tokenizer, or correct `base_model`.",
        `tokenizer:${record.path}`
      )
    );
  }
  return out;
}

/** The same upstream pinned to two different commits. */
function revisionDisagreements(records: LineageRecord[]): FindingDraft[] {
  const first = new Map<string, UpstreamRef>();
  const out: FindingDraft[] = [];
  for (const record of records) {
    for (const ref of idsOf(record)) {
      if (!ref.revision || !isFullSha(ref.revision)) continue;
      const key = ref.id!.toLowerCase();
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, ref);
        continue;
      }
      if (earlier.revision!.toLowerCase() === ref.revision.toLowerCase()) continue;
      out.push(
        draft(
          ref.source,
          `${where(ref.source)} pins ${ref.id} at ${ref.revision}, but ${where(earlier.source)} pins it at ` +
            `${earlier.revision}: only one of them is the revision the artifact was trained on.`,
          'Pin the same 40-hex commit everywhere (the one the training run loaded).',
          `revision:${key}:${ref.source.path}`
        )
      );
    }
  }
  return out;
}

/** The artifact's own license stated differently by two files. */
function licenseDisagreements(ctx: RuleContext, records: LineageRecord[]): FindingDraft[] {
  const normal = (record: LineageRecord) => {
    // Template values (`licence: license`, `unknown`, `other` without a `license_name` …) declare nothing to
    // compare, even beside a `license_link`.
    if (!record.license) return undefined;
    const key = licenseKey(record.license);
    if (!key || isPlaceholderLicense(key)) return undefined;
    return (ctx.knowledge.lookup(key)?.id ?? key).trim().toLowerCase();
  };
  const out: FindingDraft[] = [];
  let first: LineageRecord | undefined;
  for (const record of records) {
    const key = normal(record);
    if (!key) continue;
    if (!first) {
      first = record;
      continue;
    }
    if (normal(first) === key) continue;
    const [here, hereRecord, there, thereRecord] =
      record.origin === 'weights'
        ? [first.license!.source, first, record.license!.source, record]
        : [record.license!.source, record, first.license!.source, first];
    out.push(
      draft(
        here,
        `${place(here, hereRecord)} says the artifact's license is ${quote(licenseKey(hereRecord.license!))}, but ` +
          `${place(there, thereRecord)} says ${quote(licenseKey(thereRecord.license!))}.`,
        'State one license everywhere (the one the artifact is really distributed under).',
        `license:${first.path}|${record.path}`
      )
    );
  }
  return out;
}

/** Rank, alpha, dimensions or run id stated differently. */
function factDisagreements(records: LineageRecord[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const key of COMPARED_FACTS) {
    const stating = records.filter((r) => r.training?.[key] !== undefined);
    const first = stating[0];
    for (const record of stating.slice(1)) {
      const a = first.training![key]!;
      const b = record.training![key]!;
      // A number and the same number written as text are one value; distinct finite numbers never print alike.
      if (String(a.value) === String(b.value)) continue;
      const [here, hereRecord, there, thereRecord] =
        record.origin === 'weights' ? [a, first, b, record] : [b, record, a, first];
      out.push(
        draft(
          here.source,
          `${place(here.source, hereRecord)} gives the ${FACT_NAMES[key]} as ${quote(String(here.value))}, but ` +
            `${place(there.source, thereRecord)} gives ` +
            `${quote(String(there.value))}: they cannot describe the same run.`,
          'Correct the file that does not describe the run that produced these weights.',
          `${key}:${first.path}|${record.path}`
        )
      );
    }
  }
  return out;
}

/** The artifact's own statement that attribution is (not) required, given both ways. */
function attributionDisagreements(records: LineageRecord[]): FindingDraft[] {
  const stating = records.filter((r) => typeof r.attribution?.required === 'boolean');
  const differing = stating.find((r) => r.attribution!.required !== stating[0].attribution!.required);
  if (!differing) return [];
  const first = stating[0];
  return [
    draft(
      differing.attribution!.source,
      `${where(differing.attribution!.source)} says attribution is ${differing.attribution!.required ? '' : 'not '}` +
        `required, but ${where(first.attribution!.source)} says it ` +
        `is ${first.attribution!.required ? '' : 'not '}required.`,
      "Check the upstream's license and state the same everywhere (see missing-attribution for what it asks).",
      `attribution:${first.path}|${differing.path}`
    )
  ];
}

export const inconsistentLineage: Rule = {
  id: 'inconsistent-lineage',
  meta: {
    description:
      "An artifact's manifests, or its manifests and the headers of its weights, disagree about its base, " +
      'revision, license, training facts or attribution.',
    defaultSeverity: 'error',
    docs: 'docs/rules/inconsistent-lineage.md'
  },
  check(ctx) {
    // No shortcut for a lone manifest: a MENS manifest's tokenizer and pins are compared within the file too.
    const seen = new Set<string>();
    return alternativeViews(ordered(ctx))
      .flatMap((records) => [
        ...upstreamDisagreements(ctx, records),
        ...silentManifests(ctx, records),
        ...tokenizerDisagreements(ctx, records),
        ...revisionDisagreements(records),
        ...licenseDisagreements(ctx, records),
        ...factDisagreements(records),
        ...attributionDisagreements(records)
      ])
      .filter((d) => {
        const key = `${d.path}:${d.at.line}:${d.at.column}:${d.subject}`;
        return !seen.has(key) && seen.add(key);
      });
  }
};
