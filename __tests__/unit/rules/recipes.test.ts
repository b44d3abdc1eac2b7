/**
 * Training and merge configs (recipes) say how an artifact is made: a directory holding only them
 * owes no license, attribution or name; side-by-side configs are not compared with each other, but
 * each is compared with the artifact's other files.
 */
import type { Artifact } from '../../../src/lineage/artifact.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, record, upstream } from '../../helpers/build.js';

const LLAMA = 'meta-llama/Llama-3.1-8B';
const QWEN = 'Qwen/Qwen2.5-7B';

function run(ruleId: string, a: Artifact) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext()).map((e) => e.finding);
}

function config(path: string, base: string, extra = {}) {
  return record(path, 'axolotl-config', {
    recipe: true,
    upstreams: [upstream(path, { kind: 'hub-id', id: base, raw: base })],
    ...extra
  });
}

describe('recipes', () => {
  const recipesOnly = artifact('configs', {
    records: [config('configs/llama.yml', LLAMA), config('configs/qwen.yml', QWEN)]
  });

  it('asks a directory of configs for no license, attribution or name', () => {
    for (const rule of ['missing-license', 'missing-attribution', 'naming-requirement', 'inconsistent-lineage'])
      expect([rule, run(rule, recipesOnly)]).toEqual([rule, []]);
  });

  it('still asks for them once the directory holds weights', () => {
    const withWeights = artifact('configs', {
      records: [config('configs/llama.yml', LLAMA)],
      weights: [{ path: 'configs/model.safetensors', status: 'added' }]
    });
    expect(run('missing-license', withWeights).map((f) => f.path)).toEqual(['configs/llama.yml']);
    expect(run('missing-attribution', withWeights).length).toBeGreaterThan(0);
  });

  it('judges the name a config publishes under (`hub_model_id`), never the directory of configs', () => {
    const named = artifact('configs', {
      records: [
        config('configs/llama.yml', LLAMA, {
          name: { value: 'me/sql-tuned', source: at('configs/llama.yml', 'hub_model_id', 9) }
        })
      ]
    });
    const [finding, ...rest] = run('naming-requirement', named);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ path: 'configs/llama.yml', line: 9 });
    expect(finding.message).toContain('"sql-tuned"');
    expect(finding.fix).toContain('`hub_model_id` in configs/llama.yml');
  });

  it('compares each config with the adapter beside it, landing on the config that disagrees', () => {
    const a = artifact('out', {
      records: [
        record('out/adapter_config.json', 'peft-adapter-config', {
          upstreams: [upstream('out/adapter_config.json', { kind: 'hub-id', id: LLAMA })]
        }),
        config('out/llama.yml', LLAMA),
        config('out/qwen.yml', QWEN)
      ]
    });
    const findings = run('inconsistent-lineage', a);
    expect(findings.map((f) => f.path)).toEqual(['out/qwen.yml']);
    expect(findings[0].message).toContain(QWEN);
  });
});

describe('unresolvable merge parents', () => {
  const M = 'm/mergekit_config.yml';
  const parent = (id: string | undefined, kind: 'hub-id' | 'local-path', raw: string, path = M) =>
    upstream(path, { kind, id, raw, role: 'merge-parent', evidence: 'primary' });

  it('reports a merge parent written as a path even when the other parents are Hub ids', () => {
    const a = artifact('m', {
      records: [
        record(M, 'mergekit-config', {
          upstreams: [parent(QWEN, 'hub-id', QWEN), parent(undefined, 'local-path', '/mnt/ft')]
        })
      ]
    });
    expect(run('unresolvable-upstream', a).map((f) => f.message)).toEqual([expect.stringContaining('"/mnt/ft"')]);
  });

  it('is silent when another file names the merge parents by Hub id', () => {
    const card = 'm/README.md';
    const a = artifact('m', {
      records: [
        record(M, 'mergekit-config', { upstreams: [parent(undefined, 'local-path', '/mnt/ft')] }),
        record(card, 'hf-model-card', {
          upstreams: [parent(QWEN, 'hub-id', QWEN, card), parent(LLAMA, 'hub-id', LLAMA, card)]
        })
      ]
    });
    expect(run('unresolvable-upstream', a)).toEqual([]);
  });
});

describe('several files of one format in a directory', () => {
  const peft = (path: string, base: string) =>
    record(path, 'peft-adapter-config', { upstreams: [upstream(path, { kind: 'hub-id', id: base, raw: base })] });

  it('are alternatives: never compared with each other, each compared with the other files', () => {
    const alone = artifact('ad', { records: [peft('ad/sql_adapter_config.json', LLAMA), peft('ad/chat.json', QWEN)] });
    expect(run('inconsistent-lineage', alone)).toEqual([]);
    const card = record('ad/README.md', 'hf-model-card', {
      upstreams: [upstream('ad/README.md', { kind: 'hub-id', id: LLAMA, raw: LLAMA })]
    });
    const withCard = artifact('ad', { records: [card, ...alone.records] });
    expect(run('inconsistent-lineage', withCard).map((f) => f.path)).toEqual(['ad/chat.json']);
  });
});
