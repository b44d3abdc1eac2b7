/**
 * The policy as the gate understood it, as one digest: sha256 over the RFC 8785 JSON of its settings,
 * waivers, license mappings and knowledge-base entries, without the file's name or the line each
 * came from. Reformatting the policy file keeps it; any setting that could change a verdict changes it.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../pedigree/pedigree.js';
import type { Policy } from './policy.js';

export function policyDigest(policy: Policy): string {
  // Every field but the file's name; `satisfies` makes a new Policy field a compile error until it is placed here.
  const settings = {
    defaults: policy.defaults,
    overrides: policy.overrides,
    waivers: policy.waivers.map(({ at: _at, ...waiver }) => waiver),
    upstreamLicenses: policy.upstreamLicenses.map(({ at: _at, ...mapping }) => mapping),
    licenseEntries: policy.licenseEntries
  } satisfies Record<keyof Omit<Policy, 'file'>, unknown>;
  return createHash('sha256').update(canonicalJson(settings), 'utf8').digest('hex');
}
