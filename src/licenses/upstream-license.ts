/**
 * Which license an upstream is under, and how the gate knows: the artifact's own declaration
 * about that upstream, else the policy's `id pattern → license` mappings, else the built-in
 * family table (an inference from the name). The Hub will come after these once it is wired in.
 */
import { idGlob } from '../glob/glob.js';
import type { Evidence, LicenseDecl, LineageRecord, UpstreamRef } from '../lineage/record.js';
import type { LicenseEntry, LicenseKnowledge } from './knowledge.js';
import { isPlaceholderLicense } from './placeholder.js';

/** A policy mapping (`meta-llama/Llama-3.1-*` → `llama3.1`), with where the policy wrote it. */
export interface UpstreamLicenseMapping {
  pattern: string;
  license: string;
  at?: { path: string; line?: number };
}

export interface ResolvedUpstreamLicense {
  /** The knowledge base's id when it knows the license (aliases resolved), else as written. */
  license: string;
  via: 'declared' | 'policy' | 'builtin';
  /** `primary`: the artifact says so; `secondary`: the policy says so; `inferred`: from the name. */
  evidence: Evidence;
  /** Where the answer comes from, for messages. */
  source: string;
  entry?: LicenseEntry;
  /** The declaration it was read from (via `declared`), for findings that point at it. */
  declaration?: LicenseDecl;
  /**
   * Set when the license is inferred from the upstream's name alone (an unknown org's
   * `…/llama-2-7b-chat-hf`): the family it looks like and the original to declare instead.
   * A Hub answer about the id wins over it.
   */
  byName?: { family: string; likelyOriginal: string };
}

export interface ResolveUpstreamLicenseInput {
  ref: UpstreamRef;
  /** The manifest the reference was read from. */
  record: LineageRecord;
  mappings: readonly UpstreamLicenseMapping[];
  knowledge: LicenseKnowledge;
}

/** lineage.yaml writes an upstream's license next to its id: `upstreams[2].license(.id)`. */
const UPSTREAM_SLOT = /^upstreams\[(\d+)\]/;

function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/**
 * The declarations in `record` that are about `ref`. lineage.yaml ties each license to its own
 * upstream entry. A MENS `license_class` is one per manifest and describes the provenance
 * upstream (`upstream_model_id`) when there is one — the Kimi manifests train a Qwen base for a
 * Kimi lineage — and every upstream of the manifest otherwise.
 */
export function declarationsAbout(ref: UpstreamRef, record: LineageRecord): LicenseDecl[] {
  if (ref.source.path !== record.path) return [];
  const refSlot = UPSTREAM_SLOT.exec(ref.source.field)?.[1];
  const provenance = provenanceOf(record);
  const aboutProvenance = provenance.some((p) => p.source.field === ref.source.field || sameId(p.id, ref.id));
  return record.upstreamLicenses.filter((decl) => {
    const slot = UPSTREAM_SLOT.exec(decl.source.field)?.[1];
    if (slot !== undefined) return slot === refSlot;
    return provenance.length === 0 || aboutProvenance;
  });
}

const provenanceByRecord = new WeakMap<LineageRecord, UpstreamRef[]>();

/** The record's provenance upstreams, found once per record: asked for each of its upstreams by every rule. */
function provenanceOf(record: LineageRecord): UpstreamRef[] {
  let provenance = provenanceByRecord.get(record);
  if (!provenance) {
    provenance = record.upstreams.filter((u) => u.role === 'upstream');
    provenanceByRecord.set(record, provenance);
  }
  return provenance;
}

/** The license a declaration names: the id, or the name with `other`; undefined for placeholders. */
function declaredLicense(decl: LicenseDecl): string | undefined {
  const id = decl.id?.trim();
  const name = decl.name?.trim();
  if (id && !isPlaceholderLicense(id)) return id;
  if (name && !isPlaceholderLicense(name)) return name;
  return undefined;
}

const matchers = new Map<string, (id: string) => boolean>();

function matcher(pattern: string): (id: string) => boolean {
  let test = matchers.get(pattern);
  if (!test) {
    test = idGlob(pattern);
    matchers.set(pattern, test);
  }
  return test;
}

function policySource(mapping: UpstreamLicenseMapping): string {
  const where = mapping.at ? `policy ${mapping.at.path}${mapping.at.line ? `:${mapping.at.line}` : ''}` : 'policy';
  return `${where}: ${mapping.pattern}`;
}

function resolved(
  knowledge: LicenseKnowledge,
  license: string,
  rest: Omit<ResolvedUpstreamLicense, 'license' | 'entry'>
): ResolvedUpstreamLicense {
  const entry = knowledge.lookup(license);
  return { license: entry?.id ?? license, ...rest, ...(entry ? { entry } : {}) };
}

function fromDeclaration({ ref, record, knowledge }: ResolveUpstreamLicenseInput): ResolvedUpstreamLicense | undefined {
  for (const decl of declarationsAbout(ref, record)) {
    const license = declaredLicense(decl);
    if (!license) continue;
    return resolved(knowledge, license, {
      via: 'declared',
      evidence: 'primary',
      source: `\`${decl.source.field}\` in ${decl.source.path}`,
      declaration: decl
    });
  }
  return undefined;
}

function fromPolicy(
  id: string,
  { mappings, knowledge }: ResolveUpstreamLicenseInput
): ResolvedUpstreamLicense | undefined {
  const direct = mappings.find((m) => matcher(m.pattern)(id));
  if (direct)
    return resolved(knowledge, direct.license, { via: 'policy', evidence: 'secondary', source: policySource(direct) });
  // A mirror's copy is under its original's license; that the id is a mirror is inferred.
  const original = knowledge.mirrorUpstream(id);
  const viaMirror = original ? mappings.find((m) => matcher(m.pattern)(original)) : undefined;
  if (viaMirror && original) {
    return resolved(knowledge, viaMirror.license, {
      via: 'policy',
      evidence: 'inferred',
      source: `${policySource(viaMirror)} (${id} mirrors ${original})`
    });
  }
  return undefined;
}

function fromFamilyTable(id: string, knowledge: LicenseKnowledge): ResolvedUpstreamLicense | undefined {
  const family = knowledge.family(id);
  if (!family) return fromName(id, knowledge);
  const mirror = family.canonicalId ? `; ${id} mirrors ${family.canonicalId}` : '';
  return resolved(knowledge, family.license, {
    via: 'builtin',
    evidence: 'inferred',
    source: `built-in family table (${family.family}${mirror})`
  });
}

/** The last resort: the family an id's name looks like, whatever its org (inferred, never proof). */
function fromName(id: string, knowledge: LicenseKnowledge): ResolvedUpstreamLicense | undefined {
  const guess = knowledge.familyByName(id);
  if (!guess) return undefined;
  return resolved(knowledge, guess.license, {
    via: 'builtin',
    evidence: 'inferred',
    source:
      `an inference from the name ${id}, which matches the built-in ${guess.family} pattern ` +
      `(license per ${guess.source})`,
    byName: { family: guess.family, likelyOriginal: guess.likelyOriginal }
  });
}

/** The license `ref` is under, from the strongest source that says, or undefined when none does. */
export function resolveUpstreamLicense(input: ResolveUpstreamLicenseInput): ResolvedUpstreamLicense | undefined {
  const declared = fromDeclaration(input);
  if (declared) return declared;
  const id = input.ref.id;
  if (!id) return undefined;
  return fromPolicy(id, input) ?? fromFamilyTable(id, input.knowledge);
}
