/**
 * The license knowledge base: what each upstream license asks of derivatives (data/licenses.yaml,
 * compiled into knowledge-data.generated.ts), the well-known upstream families whose license can
 * be inferred from a Hub id, and the policy's additions. Engineering summary, not legal advice.
 */
import { LICENSE_DATA } from './knowledge-data.generated.js';
import type { RawFamily, RawKnowledgeData, RawLicenseEntry, RawModelScopeOrg } from './knowledge-types.js';
import { MAX_LICENSE_ID_LENGTH, toLicenseEntry, type LicenseEntry } from './license-entry.js';

export type { LicenseAttribution, LicenseEntry } from './license-entry.js';

/** What the family table says about a Hub id. */
export interface FamilyMatch {
  family: string;
  license: string;
  /** The original's id when the id is a mirror's copy (`unsloth/…-bnb-4bit` → `meta-llama/…`). */
  canonicalId?: string;
  /** Where the family's license is stated. */
  source: string;
}

/**
 * What the family table infers from the name alone of an id under an org it knows nothing about
 * (`someone/llama-2-7b-chat-hf`): never proof — a re-upload, a fine-tune, or a name borrowed.
 */
export interface NameInference extends FamilyMatch {
  /** The family's original the name most resembles (`meta-llama/llama-2-7b-chat-hf`), for fix hints only. */
  likelyOriginal: string;
}

interface CompiledFamily {
  family: string;
  license: string;
  canonicalOrg: string;
  /** Lower-cased orgs publishing originals. */
  orgs: ReadonlySet<string>;
  name: RegExp;
  canonicalName?: { match: RegExp; replace: string };
  source: string;
}

/**
 * Suffixes mirrors add to the original's name: quantization (`-bnb-4bit`, `-4bit`, `-AWQ`,
 * `-GPTQ`, `-GGUF`), format (`-MLX`), precision (`-bf16`) and unsloth's variants.
 */
const MIRROR_SUFFIX =
  /-(?:unsloth-bnb-\d+bit|bnb-\d+bit|unsloth|\d+-?bits?|gguf|awq|gptq|exl2|mlx|int[48]|fp8|fp16|bf16|dwq|i1)$/i;
const MAX_SUFFIXES = 6;

/** Longest Hub id looked at (the Hub allows 96 characters per part). */
const MAX_HUB_ID_LENGTH = 200;

function compileFamily(raw: RawFamily): CompiledFamily {
  const canonical = raw['canonical-name'];
  return {
    family: raw.family,
    license: raw.license,
    canonicalOrg: raw['canonical-org'],
    orgs: new Set([raw['canonical-org'], ...(raw.orgs ?? [])].map((o) => o.toLowerCase())),
    name: new RegExp(raw.name, 'i'),
    ...(canonical ? { canonicalName: { match: new RegExp(canonical.match, 'i'), replace: canonical.replace } } : {}),
    source: raw.source
  };
}

/** `org/name` split, or undefined for anything that is not a plausible Hub id. */
function splitId(hubId: string): { org: string; name: string } | undefined {
  if (hubId.length > MAX_HUB_ID_LENGTH) return undefined;
  const parts = hubId.trim().split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { org: parts[0], name: parts[1] };
}

/** The original's name inside a mirror's (`Meta-Llama-3.1-8B-Instruct-bnb-4bit` → `Meta-Llama-3.1-8B-Instruct`). */
export function stripMirrorSuffixes(name: string): string {
  let out = name;
  for (let i = 0; i < MAX_SUFFIXES && MIRROR_SUFFIX.test(out); i++) out = out.replace(MIRROR_SUFFIX, '');
  return out;
}

/** A ModelScope id read as the Hugging Face id of the same weights. */
export interface ModelScopeMatch {
  /** The Hub id (`meta-llama/Meta-Llama-3-8B-Instruct`). */
  hubId: string;
  /** How it was found, for `recovered` notes. */
  how: string;
  /** Where the org mapping is documented. */
  source: string;
}

/** The family a name (mirror suffixes stripped) matches, and the original's id it points to. */
function byName(
  families: readonly CompiledFamily[],
  written: string
): { family: CompiledFamily; original: string } | undefined {
  const name = stripMirrorSuffixes(written);
  const family = name ? families.find((f) => f.name.test(name)) : undefined;
  if (!family) return undefined;
  const canonical = family.canonicalName
    ? name.replace(family.canonicalName.match, family.canonicalName.replace)
    : name;
  return { family, original: `${family.canonicalOrg}/${canonical}` };
}

export class LicenseKnowledge {
  private static builtinInstance: LicenseKnowledge | undefined;

  private readonly byId = new Map<string, LicenseEntry>();
  private readonly byAlias = new Map<string, LicenseEntry>();

  private constructor(
    readonly entries: readonly LicenseEntry[],
    private readonly families: readonly CompiledFamily[],
    private readonly mirrorOrgs: ReadonlySet<string>,
    private readonly modelScopeOrgs: ReadonlyMap<string, RawModelScopeOrg> = new Map()
  ) {
    for (const entry of entries) this.byId.set(entry.id.toLowerCase(), entry);
    for (const entry of entries) {
      for (const alias of entry.aliases)
        if (!this.byAlias.has(alias.toLowerCase())) this.byAlias.set(alias.toLowerCase(), entry);
    }
  }

  /** The knowledge base from data/licenses.yaml (built once). */
  static builtin(): LicenseKnowledge {
    LicenseKnowledge.builtinInstance ??= LicenseKnowledge.fromData(LICENSE_DATA);
    return LicenseKnowledge.builtinInstance;
  }

  static fromData(data: RawKnowledgeData): LicenseKnowledge {
    const mirrors = data['mirror-orgs'] ?? [];
    return new LicenseKnowledge(
      data.licenses.map((raw: RawLicenseEntry) => toLicenseEntry(raw, 'builtin')),
      data.families.map(compileFamily),
      new Set(mirrors.map((o) => o.toLowerCase())),
      new Map((data['modelscope-orgs'] ?? []).map((o) => [o.org.toLowerCase(), o]))
    );
  }

  /**
   * This knowledge base with the policy's entries: an entry whose id is already known replaces
   * that entry whole (its aliases too); new ids are added. Throws on a malformed entry, naming it.
   */
  withEntries(extra: readonly unknown[]): LicenseKnowledge {
    if (extra.length === 0) return this;
    const added = extra.map((raw, i) => toLicenseEntry(raw, 'policy', i));
    // A Map keeps a replaced entry in its original place; a later policy entry wins over an earlier one.
    const merged = new Map(this.entries.map((e) => [e.id.toLowerCase(), e]));
    for (const entry of added) merged.set(entry.id.toLowerCase(), entry);
    return new LicenseKnowledge([...merged.values()], this.families, this.mirrorOrgs, this.modelScopeOrgs);
  }

  /**
   * The entry for a license id or name, ignoring case and surrounding space; ids win over
   * aliases. For `license: other`, pass the `license_name`.
   */
  lookup(idOrName?: string): LicenseEntry | undefined {
    if (!idOrName || idOrName.length > MAX_LICENSE_ID_LENGTH) return undefined;
    const key = idOrName.trim().toLowerCase();
    return this.byId.get(key) ?? this.byAlias.get(key);
  }

  /**
   * The well-known family of a Hub id: an original under its publisher's org, or a mirror's
   * copy (a mirror org, or any `…-GGUF`) whose name without the mirror's suffixes is one.
   */
  family(hubId: string): FamilyMatch | undefined {
    const id = splitId(hubId);
    if (!id) return undefined;
    const org = id.org.toLowerCase();
    const original = this.families.find((f) => f.orgs.has(org) && f.name.test(id.name));
    if (original) return { family: original.family, license: original.license, source: original.source };
    if (!this.mirrorOrgs.has(org) && !/-gguf$/i.test(id.name)) return undefined;
    const mirrored = byName(this.families, id.name);
    if (!mirrored) return undefined;
    const f = mirrored.family;
    return { family: f.family, license: f.license, canonicalId: mirrored.original, source: f.source };
  }

  /**
   * The family an id's name alone points to, whatever its org (`someone/llama-2-7b-chat-hf`,
   * `x/Meta-Llama-3-8B-Instruct-GGUF`, `z/Qwen2.5-7B-Instruct-AWQ`): the name without mirror
   * suffixes must match a family's pattern, which is anchored at the start of the name and ends
   * on a separator, so `TinyLlama-1.1B`, `CodeLlama-7b`, `vicuna-7b`, `llava-1.5-7b` and
   * `Llama-3.1-8B` (for Llama 3) do not match. Undefined when `family` already knows the id
   * (an original or a mirror's copy) or nothing matches.
   */
  familyByName(hubId: string): NameInference | undefined {
    const id = splitId(hubId);
    if (!id || this.family(hubId)) return undefined;
    const match = byName(this.families, id.name);
    if (!match) return undefined;
    const { family: f, original } = match;
    return { family: f.family, license: f.license, source: f.source, likelyOriginal: original };
  }

  /**
   * The Hugging Face id of a ModelScope id (`LLM-Research/Meta-Llama-3-8B-Instruct` →
   * `meta-llama/Meta-Llama-3-8B-Instruct`, `ZhipuAI/chatglm3-6b` → `zai-org/chatglm3-6b`), where
   * data/licenses.yaml `modelscope-orgs` documents the org: its Hub org, or — for orgs that
   * re-upload many publishers' weights — the family the name matches. Undefined otherwise: a
   * ModelScope id is never passed off as a Hub id.
   */
  modelScopeToHub(modelScopeId: string): ModelScopeMatch | undefined {
    const id = splitId(modelScopeId);
    const org = id && this.modelScopeOrgs.get(id.org.toLowerCase());
    if (!id || !org) return undefined;
    if (org.hub) {
      const hubId = `${org.hub}/${id.name}`;
      const how = `ModelScope's ${org.org} is ${org.hub} on the Hub`;
      return { hubId, how, source: org.source };
    }
    const match = byName(this.families, id.name);
    if (!match) return undefined;
    return {
      hubId: match.original,
      how:
        `ModelScope's ${org.org} re-uploads other publishers' weights; ${id.name} is ${match.family.family}, ` +
        `published on the Hub by ${match.family.canonicalOrg}`,
      source: org.source
    };
  }

  /** Whether an id written with this org is a ModelScope id (no Hub org publishes those weights under it). */
  isModelScopeOnlyOrg(org: string): boolean {
    return this.modelScopeOrgs.get(org.toLowerCase())?.['modelscope-only'] === true;
  }

  /** The original a mirror's copy was made from, when the family table knows its publisher. */
  mirrorUpstream(hubId: string): string | undefined {
    return this.family(hubId)?.canonicalId;
  }

  /** Whether the family table knows the org: a publisher of originals or a mirror (case-insensitive). */
  isKnownOrg(org: string): boolean {
    const lower = org.toLowerCase();
    return this.mirrorOrgs.has(lower) || this.families.some((f) => f.orgs.has(lower));
  }

  /** Whether an org republishes originals (`unsloth`, `mlx-community` …). */
  isMirrorOrg(org: string): boolean {
    return this.mirrorOrgs.has(org.toLowerCase());
  }
}
