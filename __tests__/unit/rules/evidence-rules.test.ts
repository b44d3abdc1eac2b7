import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import type { ParentLink } from '../../../src/lineage/artifact.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

function run(ruleId: string, a = artifact('x')) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext()).map((e) => e.finding);
}

const CARD = 'a/README.md';
const PEFT = 'a/adapter_config.json';
const GGUF = 'a/model.gguf';
const SHA1 = '0123456789abcdef0123456789abcdef01234567';
const SHA2 = 'fedcba9876543210fedcba9876543210fedcba98';

function weights(path: string, partial: Partial<LineageRecord>): LineageRecord {
  return record(path, 'gguf-header', { origin: 'weights', ...partial });
}
const hubRef = (path: string, id: string, extra = {}) => upstream(path, { kind: 'hub-id', id, raw: id, ...extra });

describe('inconsistent-lineage', () => {
  it('names both files and both values when a card and the weights name different bases', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { upstreams: [hubRef(CARD, 'meta-llama/Llama-3.1-8B')] }),
        weights(GGUF, { upstreams: [hubRef(GGUF, 'moonshotai/Kimi-K2.5', { evidence: 'secondary' })] })
      ]
    });
    const [f, ...rest] = run('inconsistent-lineage', a);
    expect(rest).toEqual([]);
    expect(f.path).toBe(CARD);
    expect(f.message).toContain('meta-llama/Llama-3.1-8B');
    expect(f.message).toContain('moonshotai/Kimi-K2.5');
    expect(f.message).toContain('the header of a/model.gguf');
  });

  it('reports a card that names no upstream beside weights whose header names one (the "in-house" card)', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { license: license(CARD, 'other') }),
        weights(GGUF, { upstreams: [hubRef(GGUF, 'moonshotai/Kimi-K2.5')] })
      ]
    });
    const [f] = run('inconsistent-lineage', a);
    expect(f).toMatchObject({ path: CARD, severity: 'error' });
    expect(f.message).toMatch(
      /README\.md names no upstream model, but the header of a\/model\.gguf .* names moonshotai\/Kimi-K2\.5/
    );
  });

  it('accepts mirrors, quantizations, legacy ids and merge lists of the same upstream', () => {
    const same = (x: string, y: string) =>
      run(
        'inconsistent-lineage',
        artifact('a', {
          records: [
            record(CARD, 'hf-model-card', { upstreams: [hubRef(CARD, x)] }),
            record(PEFT, 'peft-adapter-config', { upstreams: [hubRef(PEFT, y)] })
          ]
        })
      );
    expect(same('meta-llama/Llama-3.1-8B-Instruct', 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit')).toEqual([]);
    expect(same('Qwen/Qwen2.5-7B-Instruct', 'mlx-community/Qwen2.5-7B-Instruct-4bit')).toEqual([]);
    expect(same('qwen/qwen2.5-7b-instruct', 'Qwen/Qwen2.5-7B-Instruct')).toEqual([]);
    expect(same('gpt2', 'openai-community/gpt2')).toEqual([]);
    expect(same('Qwen/Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-1.5B-Instruct')).toHaveLength(1);
    const merge = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', {
          upstreams: [hubRef(CARD, 'org/a', { role: 'merge-parent' }), hubRef(CARD, 'org/b', { role: 'merge-parent' })]
        }),
        record(PEFT, 'peft-adapter-config', { upstreams: [hubRef(PEFT, 'org/b')] })
      ]
    });
    expect(run('inconsistent-lineage', merge)).toEqual([]);
  });

  it('reports the same upstream pinned at two commits', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { upstreams: [hubRef(CARD, 'org/m', { revision: SHA1 })] }),
        record(PEFT, 'peft-adapter-config', { upstreams: [hubRef(PEFT, 'org/m', { revision: SHA2 })] })
      ]
    });
    const [f] = run('inconsistent-lineage', a);
    expect(f.message).toContain(SHA1);
    expect(f.message).toContain(SHA2);
  });

  it('reports a tokenizer cache snapshot of another model than the base', () => {
    const path = 'a/training_manifest.json';
    const a = artifact('a', {
      records: [
        record(path, 'mens-training-manifest', {
          upstreams: [
            hubRef(path, 'Qwen/Qwen2.5-7B'),
            upstream(path, {
              kind: 'hub-cache-path',
              id: 'meta-llama/Llama-3.1-8B',
              raw: '/cache/models--meta-llama--Llama-3.1-8B/snapshots/x/tokenizer.json',
              evidence: 'inferred',
              source: at(path, 'tokenizer_path')
            })
          ]
        }),
        record(CARD, 'hf-model-card', { upstreams: [hubRef(CARD, 'Qwen/Qwen2.5-7B')] })
      ]
    });
    const findings = run('inconsistent-lineage', a);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(
      '`tokenizer_path` in a/training_manifest.json is a cache snapshot of meta-llama/Llama-3.1-8B'
    );
  });

  it('reports licenses, training facts and attribution flags stated differently, ignoring placeholders', () => {
    const train = 'a/training_manifest.json';
    const v3 = 'a/adapter_manifest.json';
    const a = artifact('a', {
      records: [
        record(train, 'mens-training-manifest', {
          license: license(train, 'modified-mit'),
          training: {
            rank: { value: 16, source: at(train, 'rank') },
            alpha: { value: 32, source: at(train, 'alpha') }
          },
          attribution: { required: true, source: at(train, 'provenance_attribution_required') }
        }),
        record(v3, 'mens-adapter-manifest-v3', {
          license: license(v3, 'MIT'),
          training: { rank: { value: 8, source: at(v3, 'rank') }, alpha: { value: 32, source: at(v3, 'alpha') } },
          attribution: { required: false, source: at(v3, 'provenance.attribution_required') }
        }),
        record(CARD, 'hf-model-card', { license: license(CARD, 'other') })
      ]
    });
    const messages = run('inconsistent-lineage', a).map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages.join('\n')).toContain('"modified-mit"');
    expect(messages.join('\n')).toContain('LoRA rank as "16", but `rank` in a/adapter_manifest.json gives "8"');
    expect(messages.join('\n')).toContain('says it is not required');
  });

  it('says nothing for one manifest, or manifests that agree', () => {
    expect(run('inconsistent-lineage', artifact('a', { records: [record(CARD, 'hf-model-card')] }))).toEqual([]);
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', { upstreams: [hubRef(CARD, 'org/m')], license: license(CARD, 'apache-2.0') }),
        weights(GGUF, { upstreams: [hubRef(GGUF, 'org/m')], license: license(GGUF, 'Apache-2.0') })
      ]
    });
    expect(run('inconsistent-lineage', a)).toEqual([]);
  });
});

const link = (partial: Partial<ParentLink>): ParentLink => ({
  raw: '../base',
  source: at('a/lineage.yaml', 'upstreams[0].path'),
  explicit: true,
  dir: 'base',
  state: 'artifact',
  inherited: [],
  ...partial
});

describe('graph rules', () => {
  it('dangling-parent fires for a missing explicit parent only', () => {
    const a = artifact('a', {
      records: [record('a/lineage.yaml', 'lineage-manifest')],
      parents: [link({ state: 'missing' })]
    });
    const [f] = run('dangling-parent', a);
    expect(f).toMatchObject({ path: 'a/lineage.yaml', severity: 'error' });
    expect(f.message).toContain('nothing exists at base');
    expect(run('dangling-parent', artifact('a', { parents: [link({})] }))).toEqual([]);
  });

  it('dangling-parent fires for an explicit parent directory that holds nothing, not for a bare word', () => {
    const [f] = run('dangling-parent', artifact('a', { parents: [link({ holdsNothing: true })] }));
    expect(f.message).toContain('names the local artifact "../base", but base holds no manifest or weights');
    const bare = link({ holdsNothing: true, explicit: false, raw: 'base' });
    expect(run('dangling-parent', artifact('a', { parents: [bare] }))).toEqual([]);
  });

  it('lineage-cycle names the loop', () => {
    const source = at('a/lineage.yaml', 'upstreams[0].path');
    const [f] = run('lineage-cycle', artifact('a', { cycle: { dirs: ['a', 'b', 'a'], source } }));
    expect(f.message).toContain('a → b → a');
  });

  it('orphaned-by-deletion: a child of a deleted parent, a dependent elsewhere, weights left behind', () => {
    expect(run('orphaned-by-deletion', artifact('a', { parents: [link({ state: 'deleted' })] }))[0].message).toContain(
      'This change deletes the artifact in base'
    );
    const deleted = artifact('base', {
      removedManifests: ['base/lineage.yaml'],
      dependents: [{ dir: 'child', raw: '../base', source: at('child/lineage.yaml', 'upstreams[0].path') }]
    });
    const [f] = run('orphaned-by-deletion', deleted);
    expect(f).toMatchObject({ path: 'child/lineage.yaml' });
    expect(f.message).toContain('still derives from it');
  });

  it('missing-upstream and unresolvable-upstream leave a linked local parent to the graph rules', () => {
    const path = 'a/adapter_config.json';
    const ref = upstream(path, { kind: 'local-path', raw: '../base', source: at(path, 'base_model_name_or_path') });
    const a = artifact('a', {
      records: [record(path, 'peft-adapter-config', { upstreams: [ref] })],
      parents: [link({ source: ref.source })]
    });
    expect(run('unresolvable-upstream', a)).toEqual([]);
    expect(run('missing-upstream', a)).toEqual([]);
  });
});

describe('digest-mismatch', () => {
  const path = 'a/lineage.yaml';
  const declared = 'e49ffa20651f4c598806e239a8607ca2311726f026fb7f835c1e9fbdfdee20a4';
  const withDigest = (digest: unknown) =>
    artifact('a', {
      records: [
        record(path, 'lineage-manifest', {
          digests: [{ file: 'w.safetensors', sha256: declared, source: at(path, 'weights[0].sha256') }]
        })
      ],
      fileDigests: new Map([['a/w.safetensors', digest as never]])
    });
  it('passes a match, fails a mismatch from the bytes or a pointer, warns when unverifiable', () => {
    expect(run('digest-mismatch', withDigest({ sha256: declared, via: 'file', size: 3 }))).toEqual([]);
    const [bytes] = run('digest-mismatch', withDigest({ sha256: 'a'.repeat(64), via: 'file', size: 3 }));
    expect(bytes).toMatchObject({ severity: 'error', path });
    expect(bytes.message).toContain('3-byte content hashes to');
    const [pointer] = run('digest-mismatch', withDigest({ sha256: 'b'.repeat(64), via: 'lfs-pointer', size: 3 }));
    expect(pointer.message).toContain('Git LFS pointer');
    const [missing] = run('digest-mismatch', withDigest({ unverifiable: 'the file does not exist in the checkout' }));
    expect(missing).toMatchObject({ severity: 'warning' });
    expect(missing.message).toContain('cannot be verified: the file does not exist');
  });
});
