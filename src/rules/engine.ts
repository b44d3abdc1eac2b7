import type { Artifact } from '../lineage/artifact.js';
import type { Finding, Severity } from '../findings/finding.js';
import { fingerprint } from '../findings/fingerprint.js';
import { helpUri } from '../findings/rule-meta.js';
import type { FindingDraft, Rule, RuleContext, RunContext } from './rule.js';

/** A finding and the upstream it is about (for waivers scoped to an upstream). */
export interface Evaluated {
  finding: Finding;
  upstream?: string;
}

/** Policy severity wins; `off` drops the finding; else the rule's own choice, else its default. */
function severityOf(rule: Rule, draft: FindingDraft, configured: string | undefined): Severity | undefined {
  if (configured === 'off') return undefined;
  return (configured as Severity | undefined) ?? draft.severity ?? rule.meta.defaultSeverity;
}

function toFinding(rule: Rule, draft: FindingDraft, severity: Severity, artifact: string): Evaluated {
  return {
    upstream: draft.upstream,
    finding: {
      ruleId: rule.id,
      severity,
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
      artifact
    }
  };
}

/** Runs every rule over one artifact and turns drafts into findings. */
export function evaluateArtifact(
  artifact: Artifact,
  rules: readonly Rule[],
  ctx: Omit<RuleContext, 'artifact'>
): Evaluated[] {
  const out: Evaluated[] = [];
  const ruleCtx: RuleContext = { ...ctx, artifact };
  for (const rule of rules) {
    const configured = ctx.policy.rules[rule.id];
    if (configured === 'off') continue;
    for (const draft of rule.check(ruleCtx)) {
      const severity = severityOf(rule, draft, configured);
      if (severity) out.push(toFinding(rule, draft, severity, artifact.dir));
    }
  }
  return out;
}

/** Runs the rules that look at the run itself (the policy file), with the policy's global severities. */
export function evaluateRun(rules: readonly Rule[], ctx: RunContext): Evaluated[] {
  const out: Evaluated[] = [];
  for (const rule of rules) {
    if (!rule.checkRun) continue;
    const configured = ctx.policy.defaults.rules[rule.id];
    for (const draft of rule.checkRun(ctx)) {
      const severity = severityOf(rule, draft, configured);
      if (severity)
        out.push(
          toFinding(
            rule,
            draft,
            severity,
            draft.path.includes('/') ? draft.path.slice(0, draft.path.lastIndexOf('/')) : '.'
          )
        );
    }
  }
  return out;
}
