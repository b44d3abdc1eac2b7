import { evaluateArtifact } from '../../../src/rules/engine.js';
import { RULES, findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

function run(ruleId: string, a = artifact('x')) {
  const rule = findRule(ruleId) as Rule;
  return evaluateArtifact(a, [rule], defaultRuleContext()).map((e) => e.finding);
}

const CARD = 'a/README.md';
const PEFT = 'a/adapter_config.json';
const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('rule registry', () => {
  it('has unique ids, docs pages named after the id, and a severity', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.meta.docs).toBe(`docs/rules/${r.id}.md`);
      expect(['error', 'warning', 'notice']).toContain(r.meta.defaultSeverity);
    }
  });
});

describe('missing-upstream', () => {
  it('fires when no manifest names any upstream, at the preferred manifest', () => {
    const a = artifact('a', { records: [record(PEFT, 'peft-adapter-config'), record(CARD, 'hf-model-card')] });
    const [f, ...rest] = run('missing-upstream', a);
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'missing-upstream', severity: 'error', path: CARD, line: 1, artifact: 'a' });
    expect(f.message).toContain('adapter_config.json and README.md name no base model');
    expect(f.fix).toContain('base_model:');
  });
  it('is silenced by a sibling that names one, and by an empty value (reported as unresolvable instead)', () => {
    const named = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', { upstreams: [upstream(PEFT, { kind: 'hub-id', id: 'Qwen/Qwen3-4B' })] }),
        record(CARD, 'hf-model-card')
      ]
    });
    expect(run('missing-upstream', named)).toEqual([]);
    const empty = artifact('a', {
      records: [record(PEFT, 'peft-adapter-config', { upstreams: [upstream(PEFT, { kind: 'empty', raw: null })] })]
    });
    expect(run('missing-upstream', empty)).toEqual([]);
    expect(run('unresolvable-upstream', empty)).toHaveLength(1);
  });
});

describe('unresolvable-upstream', () => {
  it('reports a local path with what was recovered, unless a sibling declares a Hub id', () => {
    const local = upstream(PEFT, {
      kind: 'local-path',
      raw: '/Users/a58/Downloads/pretrain_model/Qwen/Qwen1.5-0.5B-Chat',
      id: 'Qwen/Qwen1.5-0.5B-Chat',
      evidence: 'inferred',
      recovered: 'recovered Qwen/Qwen1.5-0.5B-Chat from the path'
    });
    const alone = artifact('a', { records: [record(PEFT, 'peft-adapter-config', { upstreams: [local] })] });
    const [f] = run('unresolvable-upstream', alone);
    expect(f.message).toContain('a local path');
    expect(f.message).toContain('recovered Qwen/Qwen1.5-0.5B-Chat');
    expect(f.fix).toContain('`Qwen/Qwen1.5-0.5B-Chat`');
    const withCard = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', { upstreams: [local] }),
        record(CARD, 'hf-model-card', { upstreams: [upstream(CARD, { kind: 'hub-id', id: 'Qwen/Qwen1.5-0.5B-Chat' })] })
      ]
    });
    expect(run('unresolvable-upstream', withCard)).toEqual([]);
  });
  it('is not silenced by an id that was only inferred (a tokenizer cache path)', () => {
    const a = artifact('a', {
      records: [
        record('r/training_manifest.json', 'mens-training-manifest', {
          upstreams: [
            upstream('r/training_manifest.json', { kind: 'empty', raw: null }),
            upstream('r/training_manifest.json', {
              kind: 'hub-cache-path',
              id: 'Qwen/Qwen3-4B',
              revision: SHA,
              evidence: 'inferred'
            })
          ]
        })
      ]
    });
    expect(run('unresolvable-upstream', a)).toHaveLength(1);
  });
});

describe('invalid-hub-id and unqualified-hub-id', () => {
  it('names the broken rule and the legacy id', () => {
    const a = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', {
          upstreams: [
            upstream(PEFT, { kind: 'hub-id', id: 'foo--bar/x', invalidReason: "contains '--'" }),
            upstream(PEFT, {
              kind: 'bare-id',
              id: 'gpt2',
              recovered: 'the Hub now serves gpt2 as openai-community/gpt2'
            })
          ]
        })
      ]
    });
    expect(run('invalid-hub-id', a)[0].message).toContain("contains '--'");
    const [w] = run('unqualified-hub-id', a);
    expect(w).toMatchObject({ severity: 'warning' });
    expect(w.message).toContain('openai-community/gpt2');
  });
});

describe('unpinned-revision', () => {
  it('fires once per id, and not when any manifest pins it', () => {
    const id = 'meta-llama/Llama-3.1-8B-Instruct';
    const unpinned = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', { upstreams: [upstream(PEFT, { kind: 'hub-id', id, revision: 'main' })] }),
        record(CARD, 'hf-model-card', { upstreams: [upstream(CARD, { kind: 'hub-id', id })] })
      ]
    });
    const found = run('unpinned-revision', unpinned);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('"main" is a branch or tag');
    const pinned = artifact('a', {
      records: [
        ...unpinned.records,
        record('a/lineage.yaml', 'lineage-manifest', {
          upstreams: [upstream('a/lineage.yaml', { kind: 'hub-id', id, revision: SHA })]
        })
      ]
    });
    expect(run('unpinned-revision', pinned)).toEqual([]);
  });
});

describe('missing-license and unknown-license', () => {
  it('judges the artifact as a whole', () => {
    const bare = artifact('a', { records: [record(PEFT, 'peft-adapter-config'), record(CARD, 'hf-model-card')] });
    expect(run('missing-license', bare)[0].path).toBe(CARD);
    const licensed = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config'),
        record(CARD, 'hf-model-card', { license: license(CARD, 'apache-2.0') })
      ]
    });
    expect(run('missing-license', licensed)).toEqual([]);
  });
  it('accepts Hub ids, SPDX ids and other+name+link, and explains the rest', () => {
    const ok = ['apache-2.0', 'llama3.1', 'MIT', 'GPL-3.0-or-later'].map((id) =>
      record(`${id}/README.md`, 'hf-model-card', { license: license(`${id}/README.md`, id) })
    );
    expect(run('unknown-license', artifact('a', { records: ok }))).toEqual([]);
    const withName = record(CARD, 'hf-model-card', {
      license: license(CARD, 'other', { name: 'modified-mit', link: 'https://x/LICENSE' })
    });
    expect(run('unknown-license', artifact('a', { records: [withName] }))).toEqual([]);
    const bad = [
      record('1/README.md', 'hf-model-card', { license: license('1/README.md', 'other', { link: 'LICENSE' }) }),
      record('2/README.md', 'hf-model-card', { license: license('2/README.md', 'my-own-license') })
    ];
    const messages = run('unknown-license', artifact('a', { records: bad })).map((f) => f.message);
    expect(messages).toEqual([
      expect.stringContaining('`other` needs `license_name` to say'),
      expect.stringContaining('neither a Hub license id')
    ]);
  });
  it('leaves placeholders (`unknown`, `other` alone, `licence: license`) to missing-license', () => {
    const placeholders = ['other', 'unknown', 'license', 'TODO', '[More Information Needed]'].map((id, i) =>
      record(`${i}/README.md`, 'hf-model-card', { license: license(`${i}/README.md`, id) })
    );
    expect(run('unknown-license', artifact('a', { records: placeholders }))).toEqual([]);
    expect(run('missing-license', artifact('a', { records: placeholders }))).toHaveLength(1);
  });
});

describe('missing-attribution', () => {
  const llama = (extra: Partial<Parameters<typeof record>[2]> = {}) =>
    record(CARD, 'hf-model-card', {
      upstreams: [upstream(CARD, { kind: 'hub-id', id: 'meta-llama/Llama-3.1-8B-Instruct' })],
      license: license(CARD, 'llama3.1'),
      ...extra
    });
  it('fires for a Llama 3.1 derivative with no notice, quoting the text to add', () => {
    const [f, ...rest] = run('missing-attribution', artifact('a', { records: [llama()] }));
    expect(rest).toEqual([]);
    expect(f.message).toContain('Llama 3.1');
    expect(f.fix).toContain('Built with Llama');
    expect(f.fix).toContain('https://www.llama.com/llama3_1/license/');
  });
  it('recognises quantized mirrors by name', () => {
    const a = artifact('a', {
      records: [
        record(PEFT, 'peft-adapter-config', {
          upstreams: [upstream(PEFT, { kind: 'hub-id', id: 'unsloth/llama-3.2-1b-bnb-4bit' })]
        })
      ]
    });
    expect(run('missing-attribution', a)[0].message).toContain('Llama 3.2');
  });
  it('is satisfied by card prose, a NOTICE file or lineage.yaml attribution text', () => {
    expect(
      run(
        'missing-attribution',
        artifact('a', { records: [llama({ prose: { text: 'Built with Llama.', startLine: 9 } })] })
      )
    ).toEqual([]);
    expect(run('missing-attribution', artifact('a', { records: [llama()], noticeFiles: ['a/NOTICE'] }))).toEqual([]);
    const withText = record('a/lineage.yaml', 'lineage-manifest', {
      attribution: { text: 'Built with Llama', source: at('a/lineage.yaml', 'attribution.text') }
    });
    expect(run('missing-attribution', artifact('a', { records: [llama(), withText] }))).toEqual([]);
  });
  it('is satisfied by the prose of a README without card metadata, not by a README without the notice', () => {
    const readme = (prose: string) => ({ path: 'a/README.md', frontMatter: false, prose });
    const noticed = artifact('a', { records: [llama()], plainCards: [readme('# Adapter\n\nBUILT WITH LLAMA\n')] });
    expect(run('missing-attribution', noticed)).toEqual([]);
    const silent = artifact('a', { records: [llama()], plainCards: [readme('# Adapter\n\nA LoRA.\n')] });
    expect(run('missing-attribution', silent)).toHaveLength(1);
  });
  it('fires when an artifact requires attribution and carries none (Kimi), not for an unasked Kimi duty', () => {
    const path = 'r/training_manifest.json';
    const kimi = (required: boolean) =>
      record(path, 'mens-training-manifest', {
        upstreams: [upstream(path, { kind: 'hub-id', id: 'moonshotai/Kimi-K2.5' })],
        upstreamLicenses: [license(path, 'modified-mit')],
        attribution: { required, source: at(path, 'provenance_attribution_required') }
      });
    const [f] = run('missing-attribution', artifact('r', { records: [kimi(true)] }));
    expect(f.message).toContain('says attribution is required');
    expect(run('missing-attribution', artifact('r', { records: [kimi(false)] }))).toEqual([]);
  });
  it('flags attribution_required: false contradicting a Llama upstream', () => {
    const path = 'r/training_manifest.json';
    const rec = record(path, 'mens-training-manifest', {
      upstreams: [upstream(path, { kind: 'hub-id', id: 'meta-llama/Llama-3.1-8B' })],
      attribution: { required: false, source: at(path, 'provenance_attribution_required', 40) }
    });
    const findings = run('missing-attribution', artifact('r', { records: [rec] }));
    expect(findings.map((f) => f.line)).toContain(40);
    expect(findings.find((f) => f.line === 40)!.message).toContain('says attribution is not required');
  });
  it('asks nothing of Apache-2.0 upstreams', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', {
          upstreams: [upstream(CARD, { kind: 'hub-id', id: 'Qwen/Qwen3-4B' })],
          license: license(CARD, 'apache-2.0')
        })
      ]
    });
    expect(run('missing-attribution', a)).toEqual([]);
  });
});

describe('unmanifested-weights', () => {
  it('fires on added weights with no manifest, listing them', () => {
    const a = artifact('drops/x', { weights: [{ path: 'drops/x/adapter_model.safetensors', status: 'added' }] });
    const [f] = run('unmanifested-weights', a);
    expect(f).toMatchObject({ path: 'drops/x/adapter_model.safetensors', line: 1 });
    expect(f.message).toContain('adapter_model.safetensors');
  });
  it('leaves a change that deletes the manifest and keeps the weights to orphaned-by-deletion', () => {
    const a = artifact('x', {
      weights: [{ path: 'x/model.gguf', status: 'present' }],
      removedManifests: ['x/lineage.yaml']
    });
    expect(run('unmanifested-weights', a)).toEqual([]);
    const [orphaned] = run('orphaned-by-deletion', a);
    expect(orphaned.message).toContain('This change deletes x/lineage.yaml while the weights stay (model.gguf)');
    expect(orphaned).toMatchObject({ path: 'x/model.gguf', line: 1 });
  });
  it('stays quiet when a manifest exists, or the weights were removed', () => {
    expect(
      run(
        'unmanifested-weights',
        artifact('x', {
          weights: [{ path: 'x/a.safetensors', status: 'added' }],
          records: [record('x/lineage.yaml', 'lineage-manifest')]
        })
      )
    ).toEqual([]);
    expect(
      run('unmanifested-weights', artifact('x', { weights: [{ path: 'x/a.safetensors', status: 'removed' }] }))
    ).toEqual([]);
  });
});

describe('fingerprints', () => {
  it('stay the same when the finding moves to another line', () => {
    const make = (onLine: number) =>
      artifact('a', { records: [record(CARD, 'hf-model-card', { anchor: at(CARD, '', onLine) })] });
    expect(run('missing-license', make(3))[0].fingerprint).toBe(run('missing-license', make(9))[0].fingerprint);
  });
});

describe('rule ids', () => {
  it('every implemented rule is in the contract list the policy accepts', async () => {
    const { RULE_IDS } = await import('../../../src/rules/ids.js');
    for (const r of RULES) expect(RULE_IDS).toContain(r.id);
  });
});
