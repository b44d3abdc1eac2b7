import type { Artifact } from '../lineage/artifact.js';
import type { Finding } from '../report/finding.js';
import { fingerprint } from '../report/fingerprint.js';
import type { Rule } from './rule.js';

/** Where rule pages are published; findings link there. */
export const DOCS_BASE = 'https://github.com/lineage-gate/lineage-gate/blob/main/docs/rules';

export function helpUri(ruleId: string): string {
  return `${DOCS_BASE}/${ruleId}.md`;
}

/** Runs every rule over one artifact and turns drafts into findings. */
export function evaluateArtifact(artifact: Artifact, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const draft of rule.check({ artifact })) {
      findings.push({
        ruleId: rule.id,
        severity: draft.severity ?? rule.meta.defaultSeverity,
        message: draft.message,
        fix: draft.fix,
        path: draft.path,
        line: draft.at.line,
        column: draft.at.column,
        endLine: draft.at.endLine,
        endColumn: draft.at.endColumn,
        helpUri: helpUri(rule.id),
        fingerprint: fingerprint(rule.id, draft.path, draft.subject),
        waived: false,
        artifact: artifact.dir
      });
    }
  }
  return findings;
}
