import type { Evidence, UpstreamRef } from '../lineage/record.js';
import type { FindingDraft, Rule } from './rule.js';
import { allUpstreams, where } from './artifact-facts.js';

const STRENGTH: Record<Evidence, number> = { inferred: 0, secondary: 1, primary: 2 };

export const insufficientEvidence: Rule = {
  id: 'insufficient-evidence',
  meta: {
    description: "A lineage claim is weaker than the policy's minimum evidence class (`require.evidence`).",
    defaultSeverity: 'error',
    docs: 'docs/rules/insufficient-evidence.md'
  },
  check(ctx) {
    const minimum = ctx.policy.require.evidence;
    if (!minimum) return [];
    // Judge each upstream by its strongest claim anywhere in the artifact.
    const byId = new Map<string, UpstreamRef[]>();
    for (const ref of allUpstreams(ctx.artifact)) {
      if (!ref.id) continue;
      const key = ref.id.toLowerCase();
      byId.set(key, [...(byId.get(key) ?? []), ref]);
    }
    const drafts: FindingDraft[] = [];
    for (const refs of byId.values()) {
      const best = refs.reduce((a, b) => (STRENGTH[b.evidence] > STRENGTH[a.evidence] ? b : a));
      if (STRENGTH[best.evidence] >= STRENGTH[minimum]) continue;
      drafts.push({
        path: best.source.path,
        at: best.source.at,
        message:
          `The claim that the artifact derives from ${best.id} (${where(best.source)}) is only ${best.evidence} ` +
          `evidence${best.recovered ? ` (${best.recovered})` : ''}; the policy requires at least ${minimum}.`,
        fix:
          `Declare ${best.id} directly, with its revision, in the artifact's manifest or a ` +
          `lineage.yaml (\`upstreams[].evidence: primary\`), citing where the claim comes from.`,
        subject: best.id!.toLowerCase(),
        upstream: best.id
      });
    }
    return drafts;
  }
};
