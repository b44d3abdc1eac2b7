/** Cases the 2026-12-06 mutation runs showed no test covered (docs/mutation-survivors.md); each checked by hand. */
import { mergeSettings } from '../../../src/policy/effective.js';
import { defaultEffectivePolicy } from '../../../src/policy/defaults.js';
import type { EffectivePolicy } from '../../../src/policy/policy.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { WeightFile } from '../../../src/lineage/artifact.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

const CARD = 'a/README.md';

function run(ruleId: string, a: ReturnType<typeof artifact>, p: EffectivePolicy = defaultEffectivePolicy()) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext({ policy: p })).map((e) => e.finding);
}
const policy = (settings: Parameters<typeof mergeSettings>[1]) => mergeSettings(defaultEffectivePolicy(), settings);
const card = (id: string, lic?: string) =>
  artifact('a', {
    records: [
      record(CARD, 'hf-model-card', {
        upstreams: [upstream(CARD, { kind: 'hub-id', id })],
        ...(lic ? { license: license(CARD, lic) } : {})
      })
    ]
  });

describe('license-not-allowed', () => {
  it('leaves an unknown license to unknown-license when the policy has no lists', () => {
    expect(run('license-not-allowed', card('Qwen/Qwen3-4B', 'my-own-eula'))).toEqual([]);
  });

  it('judges only the upstreams of an artifact without a license of its own', () => {
    const findings = run(
      'license-not-allowed',
      card('Qwen/Qwen2.5-3B-Instruct'),
      policy({ licenses: { deny: ['qwen-research'] } })
    );
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/^The license of upstream Qwen\/Qwen2\.5-3B-Instruct/)
    ]);
  });
});

describe('unknown-license', () => {
  it('judges the upstream licenses of a manifest without a license of its own', () => {
    const path = 'a/training_manifest.json';
    const a = artifact('a', {
      records: [record(path, 'mens-training-manifest', { upstreamLicenses: [license(path, 'my-eula')] })]
    });
    expect(run('unknown-license', a)).toHaveLength(1);
  });
});

describe('five files are listed without "more"', () => {
  const five = [1, 2, 3, 4, 5].map((n): WeightFile => ({ path: `a/w${n}.safetensors`, status: 'added' }));

  it('unmanifested-weights', () => {
    const [f] = run('unmanifested-weights', artifact('a', { weights: five }));
    expect(f.message).toContain('(w1.safetensors, w2.safetensors, w3.safetensors, w4.safetensors, w5.safetensors)');
  });

  it('orphaned-by-deletion', () => {
    const [f] = run('orphaned-by-deletion', artifact('a', { removedManifests: ['a/lineage.yaml'], weights: five }));
    expect(f.message).toContain('w5.safetensors): nothing would record');
  });
});

describe('insufficient-evidence', () => {
  const primary = policy({ require: { evidence: 'primary' } });

  it('skips an upstream without an id, and finds the strongest claim wherever it is', () => {
    const placeholder = upstream(CARD, { kind: 'placeholder', raw: 'TODO' });
    const strongFirst = upstream(CARD, { kind: 'hub-id', id: 'org/m' });
    const weakLater = upstream(CARD, { kind: 'local-path', id: 'org/m', evidence: 'inferred', source: at(CARD, 'x') });
    const a = artifact('a', {
      records: [record(CARD, 'hf-model-card', { upstreams: [placeholder, strongFirst, weakLater] })]
    });
    expect(run('insufficient-evidence', a, primary)).toEqual([]);
  });
});
