import type { HubFact } from '../hub/verify.js';
import type { UpstreamRef } from '../lineage/record.js';
import type { RuleContext } from './rule.js';
import { allUpstreams } from './artifact-facts.js';

/**
 * Each upstream of the artifact that the Hub was asked about, with the first place it is named: once
 * per id (what is true of a repo is said once), or once per (id, revision) for revision questions.
 */
export function hubFactsOf(ctx: RuleContext, per: 'id' | 'revision' = 'id'): { ref: UpstreamRef; fact: HubFact }[] {
  if (!ctx.hub) return [];
  const seen = new Set<string>();
  const out: { ref: UpstreamRef; fact: HubFact }[] = [];
  for (const ref of allUpstreams(ctx.artifact)) {
    const fact = ctx.hub.fact(ref);
    if (!fact) continue;
    const key = per === 'id' ? fact.id.toLowerCase() : `${fact.id.toLowerCase()}@${fact.revision ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ref, fact });
  }
  return out;
}
