import { idGlob } from '../glob/glob.js';
import type { FindingDraft, Rule } from './rule.js';
import { allUpstreams, isResolvable, where } from './artifact-facts.js';

function matcher(patterns: readonly string[]): (id: string) => string | undefined {
  const compiled = patterns.map((p) => ({ p, test: idGlob(p) }));
  return (id) => compiled.find((c) => c.test(id))?.p;
}

export const upstreamNotAllowed: Rule = {
  id: 'upstream-not-allowed',
  meta: {
    description: "An upstream is outside the policy's `upstreams.allow` patterns or matches `upstreams.deny`.",
    defaultSeverity: 'error',
    docs: 'docs/rules/upstream-not-allowed.md'
  },
  check(ctx) {
    const { allow, deny, mirrorsAsUpstream } = ctx.policy.upstreams;
    if (!allow && deny.length === 0) return [];
    const denied = matcher(deny);
    const allowed = matcher(allow ?? []);
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const ref of allUpstreams(ctx.artifact)) {
      if (!isResolvable(ref) || !ref.id || seen.has(ref.id.toLowerCase())) continue;
      seen.add(ref.id.toLowerCase());
      const mirrored = mirrorsAsUpstream ? ctx.knowledge.mirrorUpstream(ref.id) : undefined;
      const candidates = [ref.id, ...(mirrored ? [mirrored] : [])];
      const as = mirrored ? ` (a mirror of ${mirrored})` : '';
      const hit = candidates.map(denied).find(Boolean);
      if (hit) {
        drafts.push({
          path: ref.source.path,
          at: ref.source.at,
          message:
            `The upstream ${ref.id}${as} at ${where(ref.source)} matches ` +
            `the policy's \`upstreams.deny\` pattern ${JSON.stringify(hit)}.`,
          fix: 'Derive the artifact from an allowed upstream, or waive the finding in the policy with a reason.',
          subject: ref.id.toLowerCase(),
          upstream: ref.id
        });
      } else if (allow && !candidates.some((c) => allowed(c))) {
        drafts.push({
          path: ref.source.path,
          at: ref.source.at,
          message:
            `The upstream ${ref.id}${as} at ${where(ref.source)} matches none of the policy's ` +
            `\`upstreams.allow\` patterns (${allow.map((p) => JSON.stringify(p)).join(', ')}).`,
          fix:
            `Derive the artifact from an allowed upstream, or add a pattern for ` +
            `${mirrored ?? ref.id} to \`upstreams.allow\` once it has been reviewed.`,
          subject: ref.id.toLowerCase(),
          upstream: ref.id
        });
      }
    }
    return drafts;
  }
};
