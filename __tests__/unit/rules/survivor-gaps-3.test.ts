/**
 * More cases the 2026-12-06 mutation runs showed no test covered (docs/mutation-survivors.md, "src/rules"):
 * each test was checked by hand to fail with its mutant applied to src/rules and to pass without it.
 */
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { Artifact, ParentLink, WeightFile } from '../../../src/lineage/artifact.js';
import type { TensorInfo } from '../../../src/weights/header.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

function run(ruleId: string, a: Artifact) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext()).map((e) => e.finding);
}

describe('orphaned-by-deletion', () => {
  it('reports only the deleted parent of an artifact that keeps its manifest and its weights', () => {
    const lineage = 'a/lineage.yaml';
    const parent: ParentLink = {
      raw: '../base',
      source: at(lineage, 'parent', 4),
      explicit: true,
      dir: 'base',
      state: 'deleted',
      inherited: []
    };
    const a = artifact('a', {
      records: [record(lineage, 'lineage-yaml')],
      weights: [{ path: 'a/model.safetensors', status: 'present' }],
      parents: [parent]
    });
    const findings = run('orphaned-by-deletion', a);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: lineage,
      line: 4,
      message:
        'This change deletes the artifact in base, which `parent` in a/lineage.yaml still names as its parent ' +
        '("../base"): its lineage and license duties would be lost.'
    });
  });
});

describe('shape-mismatch', () => {
  const PEFT = 'a/adapter_config.json';
  const ADAPTER = 'a/adapter_model.safetensors';
  const QWEN = 'Qwen/Qwen2.5-7B';
  const base = () =>
    upstream(PEFT, { kind: 'hub-id', id: QWEN, raw: QWEN, source: at(PEFT, 'base_model_name_or_path', 2) });
  const peft = () => record(PEFT, 'peft-adapter-config', { upstreams: [base()] });
  /** A rank-8 PEFT pair of layer 0's module, [input, output] wide. */
  const pair = (module: string, input: number, output: number): TensorInfo[] => [
    { name: `base_model.model.model.layers.0.${module}.lora_A.weight`, dtype: 'F16', shape: [8, input] },
    { name: `base_model.model.model.layers.0.${module}.lora_B.weight`, dtype: 'F16', shape: [output, 8] }
  ];

  it('passes over a removed weight file, which has no header', () => {
    const removed: WeightFile = { path: ADAPTER, status: 'removed' };
    expect(run('shape-mismatch', artifact('a', { records: [peft()], weights: [removed] }))).toEqual([]);
  });

  it('quotes exactly three problems without counting any more', () => {
    // Llama 3.1 8B widths on Qwen2.5 7B: q_proj is wrong both ways, k_proj only in its input (Qwen's is 512 out).
    const tensors = [...pair('self_attn.q_proj', 4096, 4096), ...pair('self_attn.k_proj', 4096, 512)];
    const weights: WeightFile[] = [
      { path: ADAPTER, status: 'added', header: { kind: 'safetensors', tensors, metadata: {} } }
    ];
    const [f] = run('shape-mismatch', artifact('a', { records: [peft()], weights }));
    // The table's source (a URL) is the only part left out.
    expect(f.message.slice(0, f.message.indexOf(' Dimensions from the built-in table'))).toBe(
      'a/adapter_model.safetensors cannot be a LoRA adapter of Qwen/Qwen2.5-7B (`base_model_name_or_path` in ' +
        'a/adapter_config.json): `base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight` has 4096 ' +
        '(shape [8, 4096]), expected 3584 (hidden_size 3584) (dimension 1 of a PEFT lora_A is the input width of ' +
        'q_proj, which Qwen/Qwen2.5-7B sets at 3584); ' +
        '`base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight` has 4096 (shape [4096, 8]), expected 3584 ' +
        '(num_attention_heads 28 × head_dim 128) (dimension 0 of a PEFT ' +
        'lora_B is the output width of q_proj, which Qwen/Qwen2.5-7B sets at 3584); ' +
        '`base_model.model.model.layers.0.self_attn.k_proj.lora_A.weight` has 4096 (shape [8, 4096]), expected 3584 ' +
        '(hidden_size 3584) (dimension 1 of a PEFT lora_A is the input width of k_proj, which Qwen/Qwen2.5-7B sets ' +
        'at 3584).'
    );
  });

  it("puts a weight header's stated dimension on the whole span of the declared base", () => {
    const gguf = record('a/model.gguf', 'gguf-header', {
      origin: 'weights',
      training: {
        dModel: {
          value: 4096,
          source: {
            path: 'a/model.gguf',
            field: 'llama.embedding_length',
            at: { line: 7, column: 1, endLine: 8, endColumn: 5 }
          }
        }
      }
    });
    const [f] = run('shape-mismatch', artifact('a', { records: [peft(), gguf] }));
    expect(f).toMatchObject({ path: PEFT, line: 2, column: 3, endLine: 2, endColumn: 20 });
  });
});

describe('unknown-license', () => {
  it('reports one declaration read twice (as the license and an upstream license) once', () => {
    const path = 'a/training_manifest.json';
    const decl = license(path, 'my-eula');
    const a = artifact('a', {
      records: [record(path, 'mens-training-manifest', { license: decl, upstreamLicenses: [decl] })]
    });
    const findings = run('unknown-license', a);
    expect(findings).toHaveLength(1);
    expect(findings[0].fingerprint).toBe(fingerprint('unknown-license', path, 'license:my-eula'));
  });
});

describe('unmanifested-weights', () => {
  it("does not take the upstream in another, unchanged file's header for the added file's", () => {
    const gguf = 'a/model.gguf';
    const header = record(gguf, 'gguf-header', {
      origin: 'weights',
      upstreams: [upstream(gguf, { kind: 'hub-id', id: 'Qwen/Qwen2.5-7B' })]
    });
    const a = artifact('a', {
      records: [header],
      weights: [
        { path: gguf, status: 'present' },
        { path: 'a/extra.safetensors', status: 'added' }
      ]
    });
    const [f] = run('unmanifested-weights', a);
    expect(f.message).toBe(
      'A weight file in a (extra.safetensors) has no lineage manifest beside it: ' +
        'nothing records what it derives from or under which license.'
    );
  });
});

describe('unqualified-hub-id', () => {
  it('reports the bare id and not the namespaced upstream beside it', () => {
    const card = 'a/README.md';
    const a = artifact('a', {
      records: [
        record(card, 'hf-model-card', {
          upstreams: [
            upstream(card, { kind: 'bare-id', id: 'gpt2', source: at(card, 'base_model', 3) }),
            upstream(card, { kind: 'hub-id', id: 'Qwen/Qwen2.5-7B', source: at(card, 'base_model', 4) })
          ]
        })
      ]
    });
    const findings = run('unqualified-hub-id', a);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: card,
      line: 3,
      fingerprint: fingerprint('unqualified-hub-id', card, 'base_model:gpt2')
    });
  });
});
