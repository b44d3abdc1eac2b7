import type { LicenseEntry } from '../licenses/knowledge.js';
import { resolveUpstreamLicense } from '../licenses/upstream-license.js';
import type { Evidence, UpstreamRef } from '../lineage/record.js';
import type { RuleContext } from './rule.js';
import { isResolvable } from './artifact-facts.js';

/** What the gate knows of one upstream's license, and how it knows it. */
export interface UpstreamLicense {
  ref: UpstreamRef;
  /** Hub id of the upstream. */
  id: string;
  license: string;
  entry?: LicenseEntry;
  via: 'declared' | 'policy' | 'builtin';
  evidence: Evidence;
  /** Where the license claim comes from, for messages. */
  source: string;
}

/** One entry per distinct upstream id of the artifact whose license can be established. */
export function upstreamLicensesOf(ctx: RuleContext): UpstreamLicense[] {
  const seen = new Set<string>();
  const out: UpstreamLicense[] = [];
  for (const record of ctx.artifact.records) {
    for (const ref of record.upstreams) {
      if (!isResolvable(ref) || !ref.id || seen.has(ref.id.toLowerCase())) continue;
      const resolved = resolveUpstreamLicense({ ref, record, mappings: [...ctx.upstreamLicenseMappings], knowledge: ctx.knowledge });
      if (!resolved) continue;
      seen.add(ref.id.toLowerCase());
      out.push({ ref, id: ref.id, ...resolved, entry: ctx.knowledge.lookup(resolved.license) });
    }
  }
  return out;
}

/** The key a license is looked up and matched by: `license_name` for `other`, else the id. */
export function licenseKey(decl: { id?: string; name?: string }): string | undefined {
  if (decl.id?.toLowerCase() === 'other' && decl.name) return decl.name;
  return decl.id ?? decl.name;
}
