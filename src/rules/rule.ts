import type { Artifact } from '../lineage/artifact.js';
import type { Severity } from '../report/finding.js';
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
}

export interface RuleContext {
  artifact: Artifact;
}

export interface RuleMeta {
  description: string;
  defaultSeverity: Severity;
  /** Path of the rule page inside the repository, e.g. `docs/rules/missing-upstream.md`. */
  docs: string;
}

/** A check over one artifact, ESLint-style: pure, prints nothing. */
export interface Rule {
  id: string;
  meta: RuleMeta;
  check(ctx: RuleContext): FindingDraft[];
}
