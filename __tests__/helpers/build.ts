import type { Artifact } from '../../src/lineage/artifact.js';
import type { LicenseDecl, LineageRecord, SourceRef, UpstreamRef } from '../../src/lineage/record.js';
import { LicenseKnowledge } from '../../src/licenses/knowledge.js';
import { defaultEffectivePolicy } from '../../src/policy/defaults.js';
import type { RuleContext } from '../../src/rules/rule.js';

let line = 0;

/** A source position on a fresh line, so findings can be told apart by line. */
export function at(path: string, field: string, onLine = ++line): SourceRef {
  return { path, field, at: { line: onLine, column: 3, endLine: onLine, endColumn: 20 } };
}

export function upstream(path: string, partial: Partial<UpstreamRef> & Pick<UpstreamRef, 'kind'>): UpstreamRef {
  return { raw: partial.id ?? null, role: 'base', evidence: 'primary', source: at(path, 'base_model'), ...partial };
}

export function license(path: string, id: string, extra: Partial<LicenseDecl> = {}): LicenseDecl {
  return { id, source: at(path, 'license'), ...extra };
}

export function record(path: string, format: string, partial: Partial<LineageRecord> = {}): LineageRecord {
  return {
    path,
    format,
    upstreams: [],
    upstreamLicenses: [],
    datasets: [],
    digests: [],
    anchor: at(path, '', 1),
    notes: [],
    ...partial
  };
}

export function artifact(dir: string, partial: Partial<Artifact> = {}): Artifact {
  return {
    dir,
    records: [],
    unreadable: [],
    schemaProblems: [],
    weights: [],
    removedManifests: [],
    changed: true,
    noticeFiles: [],
    ...partial
  };
}

/** What rules see when no policy file exists: default settings, the built-in license knowledge. */
export function defaultRuleContext(
  overrides: Partial<Omit<RuleContext, 'artifact'>> = {}
): Omit<RuleContext, 'artifact'> {
  return {
    policy: defaultEffectivePolicy(),
    knowledge: LicenseKnowledge.builtin(),
    upstreamLicenseMappings: [],
    ...overrides
  };
}
