import type { Finding } from '../findings/finding.js';
import type { Waiver } from './policy.js';
import { idMatcher, pathMatcher } from './globs.js';

/** The upstream Hub id a finding is about, for waivers scoped with `upstream`. */
export type UpstreamOf = (finding: Finding) => string | undefined;

/** `YYYY-MM-DD` of `now` in UTC: waivers expire by calendar day, the same for every runner. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A waiver stops waiving after its `expires` day (UTC); one without `expires` never does. */
export function isExpired(waiver: Waiver, now: Date): boolean {
  return waiver.expires !== undefined && waiver.expires < utcDay(now);
}

interface CompiledWaiver {
  waiver: Waiver;
  path: (path: string) => boolean;
  upstream?: (id: string) => boolean;
}

function covers(w: CompiledWaiver, finding: Finding, upstreamOf: UpstreamOf): boolean {
  if (w.waiver.rule !== finding.ruleId || !w.path(finding.path)) return false;
  if (!w.upstream) return true;
  const upstream = upstreamOf(finding);
  return upstream !== undefined && w.upstream(upstream);
}

/**
 * Marks the findings that an active waiver covers (same rule, `path` glob matches the finding's
 * path, `upstream` glob matches its upstream when given) as waived, with the waiver's reason.
 * Expired waivers waive nothing and are returned, so that they can be reported. The first
 * matching waiver in file order is the one recorded. Findings are copied, never mutated. The
 * waivers are compiled once: a run applies them an artifact's findings at a time.
 */
export function waiverJudge(
  waivers: readonly Waiver[],
  now: Date
): { apply: (findings: readonly Finding[], upstreamOf: UpstreamOf) => Finding[]; expired: Waiver[] } {
  const expired = waivers.filter((w) => isExpired(w, now));
  const active: CompiledWaiver[] = waivers
    .filter((w) => !isExpired(w, now))
    .map((w) => ({
      waiver: w,
      path: pathMatcher([w.path]),
      ...(w.upstream !== undefined ? { upstream: idMatcher(w.upstream) } : {})
    }));
  const apply = (findings: readonly Finding[], upstreamOf: UpstreamOf): Finding[] =>
    findings.map((finding) => {
      if (finding.waived) return { ...finding };
      const by = active.find((w) => covers(w, finding, upstreamOf));
      if (!by) return { ...finding };
      const { reason, expires, at } = by.waiver;
      return {
        ...finding,
        waived: true,
        waiver: { reason, ...(expires !== undefined ? { expires } : {}), file: at.path, line: at.line }
      };
    });
  return { apply, expired };
}
