import type { LicenseEntry } from '../licenses/knowledge.js';
import { resolveUpstreamLicense } from '../licenses/upstream-license.js';
import type { Evidence, LineageRecord, UpstreamRef } from '../lineage/record.js';
import type { RuleContext } from './rule.js';
import { isResolvable } from './artifact-facts.js';
import { isPlaceholderLicense } from '../licenses/placeholder.js';
import { licenseKey } from '../licenses/license-ids.js';

/** What the gate knows of one upstream's license, and how it knows it. */
export interface UpstreamLicense {
  ref: UpstreamRef;
  /** Hub id of the upstream. */
  id: string;
  license: string;
  entry?: LicenseEntry;
  via: 'declared' | 'policy' | 'builtin' | 'hub';
  evidence: Evidence;
  /** Where the license claim comes from, for messages. */
  source: string;
  /** Inferred from the upstream's name alone: the family it looks like, the original to declare. */
  byName?: { family: string; likelyOriginal: string };
}

/** The license on a Hub card, as the gate keys licenses (`license_name` for `other`); none for a placeholder. */
function hubLicense(info: { license?: string; licenseName?: string }): string | undefined {
  const key = licenseKey({ id: info.license, name: info.licenseName });
  return key === undefined || isPlaceholderLicense(key) ? undefined : key;
}

/**
 * For a fix: how to turn a license inferred from the upstream's name into primary evidence
 * (empty when it was not inferred from the name).
 */
export function nameInferenceHint(u: Pick<UpstreamLicense, 'id' | 'byName'>): string {
  if (!u.byName) return '';
  return (
    ` ${u.id}'s license is an inference from its name (it looks like ${u.byName.family}, not proof): to make ` +
    `it primary evidence, declare the original upstream it was made from (e.g. \`base_model: ` +
    `${u.byName.likelyOriginal}\`, if the weights are that model's), or list the original in lineage.yaml ` +
    '`upstreams:` with `relation: upstream` and its `license`.'
  );
}

/** The facts one upstream's license is judged from: the knowledge base, the policy, the Hub. */
export type LicenseSources = Pick<RuleContext, 'knowledge' | 'upstreamLicenseMappings' | 'hub'>;

/**
 * One upstream's license, the single place the gate decides it (rules and report alike): the
 * artifact's own declaration, the policy mapping or the built-in family table first; what those
 * lack, the upstream's Hub card fills in (secondary evidence).
 */
export function licenseOfUpstream(
  ref: UpstreamRef,
  record: LineageRecord,
  sources: LicenseSources
): Omit<UpstreamLicense, 'ref' | 'id' | 'entry'> | undefined {
  if (!isResolvable(ref) || !ref.id) return undefined;
  const resolved = resolveUpstreamLicense({
    ref,
    record,
    mappings: sources.upstreamLicenseMappings,
    knowledge: sources.knowledge
  });
  // The Hub's card of the id itself is stronger than a guess from its name.
  if (resolved && !resolved.byName) return resolved;
  const answer = sources.hub?.fact(ref)?.answer;
  const fromHub = answer?.kind === 'found' ? hubLicense(answer.info) : undefined;
  return fromHub
    ? { license: fromHub, via: 'hub', evidence: 'secondary', source: `the Hub card of ${ref.id}` }
    : resolved;
}

/**
 * One entry per distinct upstream id of the artifact whose license can be established — and, when
 * the Hub was asked, one per ancestor on its `base_model` chain: their duties bind the artifact too.
 */
export function upstreamLicensesOf(ctx: RuleContext): UpstreamLicense[] {
  // Five rules ask for the same artifact in one run: resolve once (the context is fixed per artifact).
  const cached = memo.get(ctx.artifact);
  if (
    cached?.ctx.knowledge === ctx.knowledge &&
    cached.ctx.hub === ctx.hub &&
    cached.ctx.upstreamLicenseMappings === ctx.upstreamLicenseMappings
  )
    return cached.list;
  const list = resolveUpstreamLicenses(ctx);
  memo.set(ctx.artifact, { ctx, list });
  return list;
}

const memo = new WeakMap<RuleContext['artifact'], { ctx: RuleContext; list: UpstreamLicense[] }>();

function resolveUpstreamLicenses(ctx: RuleContext): UpstreamLicense[] {
  const seen = new Set<string>();
  const out: UpstreamLicense[] = [];
  const add = (u: UpstreamLicense) => {
    seen.add(u.id.toLowerCase());
    out.push({ ...u, entry: ctx.knowledge.lookup(u.license) });
  };
  for (const record of ctx.artifact.records) {
    for (const ref of record.upstreams) {
      if (!ref.id || seen.has(ref.id.toLowerCase())) continue;
      const found = licenseOfUpstream(ref, record, ctx);
      if (found) add({ ref, id: ref.id, ...found });
    }
  }
  // A child inherits its local parents' upstreams, and with them their license duties.
  for (const link of ctx.artifact.parents ?? []) {
    for (const record of link.inherited) {
      for (const ref of record.upstreams) {
        if (!ref.id || seen.has(ref.id.toLowerCase())) continue;
        const found = licenseOfUpstream(ref, record, ctx);
        // Findings about an inherited duty point at the child's own reference to its parent.
        const at = { ...ref, source: link.source };
        if (found) add({ ref: at, id: ref.id, ...found, source: `${found.source}, inherited through ${link.raw}` });
      }
    }
  }
  const roots = ctx.artifact.records.flatMap((r) => r.upstreams).filter((ref) => ctx.hub?.fact(ref));
  for (const rootRef of roots) {
    const fact = ctx.hub!.fact(rootRef)!;
    for (const link of fact.ancestry.chain) {
      if (seen.has(link.id.toLowerCase()) || link.answer?.kind !== 'found') continue;
      const fromHub = hubLicense(link.answer.info);
      const known = ctx.knowledge.family(link.id);
      const guess = known ? undefined : ctx.knowledge.familyByName(link.id);
      const license = fromHub ?? known?.license ?? guess?.license;
      if (!license) continue;
      const byName = !fromHub && guess ? { family: guess.family, likelyOriginal: guess.likelyOriginal } : undefined;
      const said = fromHub ? 'the Hub card' : byName ? 'an inference from the name' : 'the built-in family table';
      add({
        ref: rootRef,
        id: link.id,
        license,
        via: fromHub ? 'hub' : 'builtin',
        evidence: fromHub ? 'secondary' : 'inferred',
        ...(byName ? { byName } : {}),
        source:
          `${said} of ${link.id}, ` +
          `${link.depth === 1 ? 'the base' : `${link.depth} hops up the base_model chain`} of ${link.child}`
      });
    }
  }
  return out;
}

/**
 * The datasets of the artifact whose license is known, as upstreams of role `dataset`: the license
 * its manifest declares (primary), else its Hub card's (secondary). A dataset with neither passes no
 * duty on. Each dataset once, by id (or, for local data, by the path written).
 */
export function datasetLicensesOf(ctx: RuleContext): UpstreamLicense[] {
  const seen = new Set<string>();
  const out: UpstreamLicense[] = [];
  for (const d of ctx.artifact.records.flatMap((r) => r.datasets)) {
    const name = d.id ?? d.raw;
    if (!name.trim() || seen.has(name.toLowerCase())) continue;
    const declared = d.license && !isPlaceholderLicense(d.license) ? d.license : undefined;
    const answer = declared || !d.id ? undefined : ctx.hub?.dataset(d);
    const fromHub = answer?.kind === 'found' ? hubLicense(answer.info) : undefined;
    const license = declared ?? fromHub;
    if (!license) continue;
    seen.add(name.toLowerCase());
    const ref: UpstreamRef = {
      raw: d.raw,
      kind: d.id ? 'hub-id' : 'local-path',
      ...(d.id ? { id: d.id } : {}),
      ...(d.revision ? { revision: d.revision } : {}),
      role: 'dataset',
      evidence: declared ? 'primary' : 'secondary',
      source: d.source
    };
    out.push({
      ref,
      id: name,
      license,
      entry: ctx.knowledge.lookup(license),
      via: declared ? 'declared' : 'hub',
      evidence: declared ? 'primary' : 'secondary',
      source: declared ? 'the manifest that names it' : `the Hub card of dataset ${name}`
    });
  }
  return out;
}

/** "upstream" or "dataset": how a message names what the artifact derives from. */
export function upstreamNoun(u: Pick<UpstreamLicense, 'ref'>): 'upstream' | 'dataset' {
  return u.ref.role === 'dataset' ? 'dataset' : 'upstream';
}

/** The first upstream under each license: a license's terms are one duty, however many ancestors carry it. */
export function distinctLicenses(list: readonly UpstreamLicense[]): UpstreamLicense[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const key = (u.entry?.id ?? u.license).toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The license ids an SPDX-style expression names, lower-cased (`MIT AND llama3.1` → mit, llama3.1). */
export function licenseTerms(expression: string): string[] {
  return expression
    .toLowerCase()
    .split(/\s+(?:and|or|with)\s+|[()\s]+/)
    .filter(Boolean);
}

/** The `OR` alternatives of an expression, each as its terms: a user may pick any one of them. */
export function licenseAlternatives(expression: string): string[][] {
  return expression.split(/\s+or\s+/i).map(licenseTerms);
}
