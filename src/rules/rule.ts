import type { Artifact } from '../lineage/artifact.js';
import type { LicenseKnowledge } from '../licenses/knowledge.js';
import type { EffectivePolicy, Policy, UpstreamLicenseMapping, Waiver } from '../policy/policy.js';
import type { HubFacts } from '../hub/verify.js';
import type { Severity } from '../findings/finding.js';
import type { RuleMeta } from '../findings/rule-meta.js';
import type { Span } from '../source/span.js';

/** What a rule reports; the engine adds id, severity, help link and fingerprint. */
export interface FindingDraft {
  path: string;
  at: Span;
  message: string;
  fix: string;
  /** What the finding is about (an upstream id, a field): keeps fingerprints stable when lines move. */
  subject: string;
  /** Only for rules whose findings vary in weight (e.g. an unrecognised file is a warning). */
  severity?: Severity;
  /** The upstream Hub id the finding is about, so a waiver can be scoped to it. */
  upstream?: string;
}

export interface RuleContext {
  artifact: Artifact;
  /** The policy settings that apply to this artifact (after per-path overrides). */
  policy: EffectivePolicy;
  knowledge: LicenseKnowledge;
  /** The policy's `licenses.upstreams` mappings (id pattern → license). */
  upstreamLicenseMappings: readonly UpstreamLicenseMapping[];
  /** The Hub's answers; undefined when Hub verification is off (Hub rules then say nothing). */
  hub?: HubFacts;
}

/** What a rule about the run itself (not one artifact) sees: the policy and the clock. */
export interface RunContext {
  policy: Policy;
  now: Date;
  /** Waivers whose `expires` date has passed (they waived nothing in this run). */
  expiredWaivers: readonly Waiver[];
}

/** A check over one artifact (or, for `checkRun`, over the run's policy), ESLint-style: pure, prints nothing. */
export interface Rule {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext): FindingDraft[];
  /** Findings about the run rather than an artifact (expired waivers in the policy file). */
  checkRun?(ctx: RunContext): FindingDraft[];
}
