import type { Evidence } from '../lineage/record.js';
import type { Severity } from '../findings/finding.js';

/** What the policy may set a rule to. */
export type SeveritySetting = 'off' | Severity;

export type AttributionRequirement = 'when-required' | 'always' | 'never';

export interface RequireSettings {
  /** Upstreams must be pinned to a 40-hex commit (raises `unpinned-revision` to an error). */
  pinnedRevisions: boolean;
  /** Weakest evidence class accepted for a lineage claim; null: any. */
  evidence: Evidence | null;
  attribution: AttributionRequirement;
  /** The Hub must answer (fail closed); used once Hub verification exists. */
  hub: boolean;
}

export interface LicenseSettings {
  /** SPDX expressions / Hub license ids the artifact's license must satisfy; null: no allow-list. */
  allow: string[] | null;
  deny: string[];
  /** What a license the gate does not know means for the allow-list: fail closed, warn, or pass. */
  unknown: 'fail' | 'warn' | 'allow';
}

export interface UpstreamSettings {
  /** Glob patterns over Hub ids (`meta-llama/*`); null: no allow-list. */
  allow: string[] | null;
  deny: string[];
  /** Judge `unsloth/…-bnb-4bit`, `mlx-community/…`, `…-GGUF` as the upstream they mirror. */
  mirrorsAsUpstream: boolean;
}

/** The settings that apply to one artifact, after per-path overrides. */
export interface EffectivePolicy {
  rules: Readonly<Record<string, SeveritySetting>>;
  require: Readonly<RequireSettings>;
  licenses: Readonly<LicenseSettings>;
  upstreams: Readonly<UpstreamSettings>;
}

/** Where in the policy file a setting was written, for findings about it. */
export interface PolicyLocation {
  path: string;
  line: number;
  column: number;
}

export interface Waiver {
  rule: string;
  /** Glob over repository paths of the finding. */
  path: string;
  /** Glob over Hub ids; the waiver then only covers findings about that upstream. */
  upstream?: string;
  reason: string;
  /** YYYY-MM-DD; the waiver stops waiving after this day (UTC). */
  expires?: string;
  at: PolicyLocation;
}

/** `id pattern → license` mappings, for upstreams whose license the artifact does not state. */
export interface UpstreamLicenseMapping {
  pattern: string;
  license: string;
  at: PolicyLocation;
}

export interface Policy {
  /** Repository-relative path of the policy file, or undefined for the defaults. */
  file?: string;
  defaults: EffectivePolicy;
  overrides: {
    paths: string[];
    settings: Partial<{
      rules: Record<string, SeveritySetting>;
      require: Partial<RequireSettings>;
      licenses: Partial<LicenseSettings>;
      upstreams: Partial<UpstreamSettings>;
    }>;
  }[];
  waivers: Waiver[];
  upstreamLicenses: UpstreamLicenseMapping[];
  /** License knowledge-base entries added or overridden by the policy (shape: src/licenses). */
  licenseEntries: unknown[];
}
