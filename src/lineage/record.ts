import type { Span } from '../source/span.js';

/** How sure a lineage claim is (MENS evidence classes). */
export type Evidence = 'primary' | 'secondary' | 'inferred';

/**
 * What an upstream string turned out to be (DESIGN "Upstream references"). `ollama-library`: a
 * model of an Ollama registry (Modelfile `FROM llama3.2:1b`), which names no Hugging Face repo.
 */
export type UpstreamKind =
  'hub-id' | 'bare-id' | 'hub-cache-path' | 'local-path' | 'url' | 'placeholder' | 'empty' | 'ollama-library';

/** `tokenizer`: the tokenizer was taken from it (axolotl `tokenizer_config`, torchtune `tokenizer.path`). */
/** `dataset`: data the artifact was trained on, judged like an upstream for the license duties that flow from it. */
export type UpstreamRole = 'base' | 'upstream' | 'merge-parent' | 'quantized-from' | 'tokenizer' | 'dataset';

/** Where in a manifest a value was read: the field path (dotted) and its span. */
export interface SourceRef {
  /** Repository-relative path of the manifest, with `/`. */
  path: string;
  /** Dotted field path inside the manifest, e.g. `provenance.upstream_model_id` or `base_model[1]`. */
  field: string;
  at: Span;
}

/** Result of classifying one upstream string; no position, no role. */
export interface Classification {
  kind: UpstreamKind;
  /** Hub id (valid or not, see `invalidReason`) when one was written or recovered. */
  id?: string;
  revision?: string;
  evidence: Evidence;
  /** How `id`/`revision` were recovered from something that is not an id (cache path, local path, `id@sha`). */
  recovered?: string;
  /** Set when `id` was written as an id but breaks the Hub's id rules. */
  invalidReason?: string;
}

/** One place a manifest names where the artifact came from. */
export interface UpstreamRef extends Classification {
  /** The value as written; null when the manifest wrote null. */
  raw: string | null;
  role: UpstreamRole;
  source: SourceRef;
  /** Where the author says the claim comes from (lineage.yaml `upstreams[].source`: a URL or text). */
  citation?: string;
}

export interface LicenseDecl {
  /** Hub/SPDX license id as written (`apache-2.0`, `llama3.1`, `other`, `modified-mit` …). */
  id?: string;
  name?: string;
  link?: string;
  source: SourceRef;
}

export interface AttributionDecl {
  /** Attribution / notice text carried by the artifact. */
  text?: string;
  /** The artifact's own statement that attribution is required (MENS `attribution_required`). */
  required?: boolean;
  source: SourceRef;
}

export interface DatasetRef {
  raw: string;
  id?: string;
  revision?: string;
  license?: string;
  source: SourceRef;
  /** A name in the training tool's own dataset registry (LLaMA-Factory's `dataset_info.json`), not a Hub name. */
  registered?: true;
}

/** Training facts a manifest states, for cross-checks between manifests and against the weights. */
export type TrainingKey = 'rank' | 'alpha' | 'dModel' | 'vocab' | 'layers' | 'heads' | 'method' | 'framework' | 'runId';

export type TrainingFacts = Partial<Record<TrainingKey, { value: string | number; source: SourceRef }>>;

/** A path to another artifact this one builds on that is not an upstream model (MLX `resume_adapter_file`). */
export interface LocalRef {
  raw: string;
  source: SourceRef;
  /** How the artifact relates to it (`base` unless the manifest says otherwise). */
  role?: UpstreamRole;
}

export interface DigestDecl {
  /** File the digest is for, relative to the manifest's directory. */
  file: string;
  sha256: string;
  source: SourceRef;
}

/** A manifest read into the gate's neutral shape, every value with its position. */
export interface LineageRecord {
  path: string;
  /** Format id from the registry, e.g. `peft-adapter-config`. */
  format: string;
  /** The artifact's own name where the format records one. */
  name?: { value: string; source: SourceRef };
  /** Relation to the upstream as declared (`adapter`, `merge`, `quantized`, `finetune`, `lora` …). */
  relation?: { value: string; source: SourceRef };
  /** Model family the manifest names for its base, free text (MENS `base_family`, e.g. `kimi-k2.5`). */
  baseFamily?: { value: string; source: SourceRef };
  upstreams: UpstreamRef[];
  /** License of the artifact itself. */
  license?: LicenseDecl;
  /** License the manifest says the upstream is under (MENS `license_class`, lineage.yaml upstream license). */
  upstreamLicenses: LicenseDecl[];
  attribution?: AttributionDecl;
  datasets: DatasetRef[];
  digests: DigestDecl[];
  /** Prose that may carry attribution text (model card body). */
  prose?: { text: string; startLine: number };
  /** Where to point findings about something this manifest lacks (its first meaningful line). */
  anchor: SourceRef;
  /** Where the record was read from: a manifest, or the header of a weight file (evidence from the bytes). */
  origin?: 'manifest' | 'weights';
  /** Hyper-parameters and base dimensions the manifest states. */
  training?: TrainingFacts;
  /** Local artifacts this one builds on besides its upstreams. */
  localRefs?: LocalRef[];
  /**
   * Read from a training or merge tool's config (axolotl, LLaMA-Factory, mergekit …): it says how an
   * artifact is made, not under which terms it is published, so it carries no license duties itself.
   */
  recipe?: boolean;
  /** The data mix a training run read (MENS `mix.yaml` beside its training manifest). */
  dataMix?: DataMix;
  /** Notes the format reader wants surfaced (e.g. "not a PEFT file; read `base_model` only"). */
  notes: FormatNote[];
}

/** One source of a data mix: a file of training data and how much of each batch it supplies. */
export interface DataMixSource {
  /** As written: MENS resolves it from the repository root. */
  path: string;
  /** The sampling weight (MENS's default 1.0 when absent); null when what is written is not a number. */
  weight: number | null;
  /** MENS fails the mix step when a non-optional source is missing; optional ones are skipped. */
  optional: boolean;
  sampleRate: number | null;
  source: SourceRef;
  /** Where the weight is written (the entry itself when the weight is the default). */
  weightSource: SourceRef;
}

export interface DataMix {
  sources: DataMixSource[];
}

/**
 * A format-level remark that a rule turns into a finding (schema-violation, as a warning):
 * `unrecognised-format` — a manifest's name but none of its formats; `misspelt-key` — a key the
 * gate reads under a misspelt name that other tools ignore (a model card's `licence`).
 */
export interface FormatNote {
  kind: 'unrecognised-format' | 'misspelt-key';
  message: string;
  fix: string;
  source: SourceRef;
}
