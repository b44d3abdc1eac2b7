import { effectivePolicy } from '../../../src/policy/effective.js';
import { parsePolicy } from '../../../src/policy/load.js';
import { RULE_IDS } from '../../../src/rules/ids.js';

const policy = parsePolicy(
  `version: 1
rules:
  unpinned-revision: warning
  hub-gated: off
licenses:
  allow: [apache-2.0, mit]
  deny: [cc-by-nc-4.0]
upstreams:
  allow: ["meta-llama/*"]
overrides:
  - paths: ["mens/runs/**/promoted/**"]
    rules: { unpinned-revision: error }
    require: { pinned-revisions: true, evidence: primary }
  - paths: ["mens/runs/**"]
    require: { evidence: secondary }
    licenses: { unknown: fail }
  - paths: [./experiments/]
    rules: { unpinned-revision: off }
    licenses: { allow: null, deny: [] }
    upstreams: { allow: null, mirrors-as-upstream: false }
`,
  '.github/lineage-policy.yml',
  RULE_IDS
);

describe('effectivePolicy', () => {
  it('gives the global settings to an artifact no override matches', () => {
    expect(effectivePolicy(policy, ['models/a', 'models/a/adapter_config.json'])).toBe(policy.defaults);
  });

  it("applies an override when one of the artifact's files matches", () => {
    const eff = effectivePolicy(policy, ['mens/runs/r1/promoted', 'mens/runs/r1/promoted/training_manifest.json']);
    expect(eff.rules).toEqual({ 'unpinned-revision': 'error', 'hub-gated': 'off' });
    expect(eff.require.pinnedRevisions).toBe(true);
    expect(eff.licenses).toEqual({ allow: ['apache-2.0', 'mit'], deny: ['cc-by-nc-4.0'], unknown: 'fail' });
  });

  it('applies matching overrides in file order: the later one wins, setting by setting', () => {
    const eff = effectivePolicy(policy, ['mens/runs/r1/promoted/adapter.safetensors']);
    // Both the promoted override (evidence: primary) and the broader runs/** one (secondary) match.
    expect(eff.require).toEqual({
      pinnedRevisions: true,
      evidence: 'secondary',
      attribution: 'when-required',
      hub: false
    });
    const unpromoted = effectivePolicy(policy, ['mens/runs/r1/training_manifest.json']);
    expect(unpromoted.require).toEqual({
      pinnedRevisions: false,
      evidence: 'secondary',
      attribution: 'when-required',
      hub: false
    });
    expect(unpromoted.rules['unpinned-revision']).toBe('warning');
  });

  it('matches the artifact directory itself, and reads `./dir/` as the whole directory', () => {
    const eff = effectivePolicy(policy, ['experiments']);
    expect(eff.rules['unpinned-revision']).toBe('off');
    expect(eff.licenses).toEqual({ allow: null, deny: [], unknown: 'warn' });
    expect(eff.upstreams).toEqual({ allow: null, deny: [], mirrorsAsUpstream: false });
    expect(effectivePolicy(policy, ['experiments/a/b/lineage.yaml']).rules['unpinned-revision']).toBe('off');
    expect(effectivePolicy(policy, ['experiments-old/a/lineage.yaml'])).toBe(policy.defaults);
  });

  it("applies an override when any one of the artifact's paths matches, not only when all do", () => {
    const eff = effectivePolicy(policy, ['models/a', 'experiments/e1/lineage.yaml']);
    expect(eff.rules['unpinned-revision']).toBe('off');
  });

  it('matches dot directories and is case-sensitive like the repository', () => {
    const dotted = parsePolicy(
      'version: 1\noverrides:\n  - paths: ["**/promoted/**"]\n    require: { hub: true }\n',
      'p.yml',
      RULE_IDS
    );
    expect(effectivePolicy(dotted, ['.cache/promoted/x.json']).require.hub).toBe(true);
    expect(effectivePolicy(dotted, ['runs/Promoted/x.json']).require.hub).toBe(false);
  });

  it('does not change the policy it reads', () => {
    const before = JSON.stringify(policy);
    effectivePolicy(policy, ['mens/runs/r1/promoted/a', 'experiments/x']);
    expect(JSON.stringify(policy)).toBe(before);
  });
});
