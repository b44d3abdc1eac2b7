/**
 * Data lineage (issue #14): a training dataset is an upstream of role `dataset` for the license
 * duties that flow from it — non-commercial terms and the policy's allow/deny lists — with its
 * declared license first and its Hub card's second.
 */
import type { DatasetRef } from '../../../src/lineage/record.js';
import { defaultEffectivePolicy } from '../../../src/policy/defaults.js';
import type { EffectivePolicy } from '../../../src/policy/policy.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule, RuleContext } from '../../../src/rules/rule.js';
import { datasetLicensesOf } from '../../../src/rules/upstream-licenses.js';
import { artifact, at, defaultRuleContext, record } from '../../helpers/build.js';
import { found, hubOf } from '../../helpers/hub-facts.js';

const CARD = 'a/README.md';

const dataset = (raw: string, extra: Partial<DatasetRef> = {}): DatasetRef => ({
  raw,
  ...(raw.includes('/') && !raw.startsWith('data/') ? { id: raw } : {}),
  source: at(CARD, 'datasets[0]', 6),
  ...extra
});

const withDatasets = (...datasets: DatasetRef[]) =>
  artifact('a', { records: [record(CARD, 'hf-model-card', { datasets })] });

function run(
  ruleId: string,
  a: ReturnType<typeof withDatasets>,
  overrides: Partial<Omit<RuleContext, 'artifact'>> = {}
) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext(overrides)).map((e) => e.finding);
}

const policyWith = (licenses: Partial<EffectivePolicy['licenses']>): EffectivePolicy => {
  const base = defaultEffectivePolicy();
  return { ...base, licenses: { ...base.licenses, ...licenses } };
};

describe('non-commercial-upstream: datasets', () => {
  it('makes a model trained on a CC BY-NC dataset non-commercial, at the line that names the data', () => {
    const [f, ...rest] = run(
      'non-commercial-upstream',
      withDatasets(dataset('tatsu-lab/alpaca', { license: 'cc-by-nc-4.0' }))
    );
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ path: CARD, line: 6, severity: 'warning' });
    expect(f.message).toMatch(/^The dataset tatsu-lab\/alpaca \(`datasets\[0\]` in a\/README\.md\) is under /);
    expect(f.message).toContain(
      'Creative Commons Attribution-NonCommercial 4.0 (license from the manifest that names it)'
    );
    expect(f.fix).toMatch(/^Keep the artifact out of commercial use, or train from data whose license allows it\./);
  });

  it("takes the license from the dataset's Hub card when the manifest declares none", () => {
    const hub = hubOf([], { 'tatsu-lab/alpaca': found('tatsu-lab/alpaca', { license: 'cc-by-nc-4.0' }) });
    const [f] = run('non-commercial-upstream', withDatasets(dataset('tatsu-lab/alpaca')), { hub });
    expect(f.message).toContain('the Hub card of dataset tatsu-lab/alpaca');
    expect(run('non-commercial-upstream', withDatasets(dataset('tatsu-lab/alpaca')))).toEqual([]);
  });

  it('passes commercial-friendly data, placeholders and data with no license at all', () => {
    const a = withDatasets(
      dataset('HuggingFaceH4/ultrachat_200k', { license: 'mit' }),
      dataset('org/unsaid'),
      dataset('org/todo', { license: 'TODO' })
    );
    expect(run('non-commercial-upstream', a)).toEqual([]);
  });

  it('judges local data by its declared license too, under the path written', () => {
    const local = dataset('data/internal.jsonl', { license: 'cc-by-nc-sa-4.0' });
    const [f] = run('non-commercial-upstream', withDatasets(local));
    expect(f.message).toMatch(/^The dataset data\/internal\.jsonl /);
    expect(datasetLicensesOf({ ...defaultRuleContext(), artifact: withDatasets(local) })[0].ref).toMatchObject({
      role: 'dataset',
      kind: 'local-path'
    });
  });
});

describe('license-not-allowed: datasets', () => {
  it("applies the policy's deny list to a dataset's license, and not the allow list written for models", () => {
    const a = withDatasets(dataset('org/data', { license: 'cc-by-sa-4.0' }));
    const [denied] = run('license-not-allowed', a, { policy: policyWith({ deny: ['cc-by-sa-*'] }) });
    expect(denied.message).toMatch(
      /^The license of dataset org\/data \(from the manifest that names it\) is "cc-by-sa-4.0"/
    );
    expect(denied.message).toContain('the policy denies it');
    expect(run('license-not-allowed', a, { policy: policyWith({ allow: ['mit', 'apache-2.0'] }) })).toEqual([]);
  });

  it('does not fail closed on a dataset license the gate does not know', () => {
    const a = withDatasets(dataset('org/data', { license: 'odc-by-1.0-custom' }));
    expect(run('license-not-allowed', a, { policy: policyWith({ unknown: 'fail' }) })).toEqual([]);
  });
});
