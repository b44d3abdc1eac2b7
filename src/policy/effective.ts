import type { EffectivePolicy, Policy } from './policy.js';
import { pathMatcher } from './globs.js';

export type PolicySettings = Policy['overrides'][number]['settings'];

/** `base` with every setting that `settings` gives replaced (lists are replaced, not merged). */
export function mergeSettings(base: EffectivePolicy, settings: PolicySettings): EffectivePolicy {
  return {
    rules: settings.rules ? { ...base.rules, ...settings.rules } : base.rules,
    require: settings.require ? { ...base.require, ...settings.require } : base.require,
    licenses: settings.licenses ? { ...base.licenses, ...settings.licenses } : base.licenses,
    upstreams: settings.upstreams ? { ...base.upstreams, ...settings.upstreams } : base.upstreams
  };
}

const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function matcherFor(globs: readonly string[]): (path: string) => boolean {
  let m = matchers.get(globs);
  if (!m) {
    m = pathMatcher(globs);
    matchers.set(globs, m);
  }
  return m;
}

/**
 * The settings for one artifact: the policy's global settings, then every override whose `paths`
 * match one of the artifact's repository paths (its directory and its files), in file order.
 */
export function effectivePolicy(policy: Policy, paths: readonly string[]): EffectivePolicy {
  let result = policy.defaults;
  for (const override of policy.overrides) {
    const matches = matcherFor(override.paths);
    if (paths.some((p) => matches(p))) result = mergeSettings(result, override.settings);
  }
  return result;
}
