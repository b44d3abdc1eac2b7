import type { EffectivePolicy, Policy } from './policy.js';

/** What applies when the policy file says nothing: rule defaults, no lists, no requirements. */
export function defaultEffectivePolicy(): EffectivePolicy {
  return {
    rules: {},
    require: { pinnedRevisions: false, evidence: null, attribution: 'when-required', hub: false },
    licenses: { allow: null, deny: [], unknown: 'warn' },
    upstreams: { allow: null, deny: [], mirrorsAsUpstream: true }
  };
}

/** The policy of a repository without a policy file. */
export function defaultPolicy(): Policy {
  return { defaults: defaultEffectivePolicy(), overrides: [], waivers: [], upstreamLicenses: [], licenseEntries: [] };
}
