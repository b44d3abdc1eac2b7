/**
 * The findings of the rules about declared upstreams, licenses and weights in full (message, fix, severity and
 * the fingerprint a waiver or a rerun matches), and cases rules.test.ts leaves open.
 */
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { ParentLink, WeightFile } from '../../../src/lineage/artifact.js';
import type { UpstreamRef } from '../../../src/lineage/record.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

function run(ruleId: string, a = artifact('x')) {
  return evaluateArtifact(a, [findRule(ruleId) as Rule], defaultRuleContext()).map((e) => e.finding);
}

const CARD = 'a/README.md';
const PEFT = 'a/adapter_config.json';
const LINEAGE = 'a/lineage.yaml';
const SHA = '0123456789abcdef0123456789abcdef01234567';

const link = (partial: Partial<ParentLink>): ParentLink => ({
  raw: '../base',
  source: at(LINEAGE, 'upstreams[0].path', 5),
  explicit: true,
  dir: 'base',
  state: 'artifact',
  inherited: [],
  ...partial
});
const weight = (path: string, status: WeightFile['status'] = 'added'): WeightFile => ({ path, status });

describe('missing-upstream', () => {
  it('names the manifests and the field to set', () => {
    const a = artifact('a', { records: [record(CARD, 'hf-model-card'), record(PEFT, 'peft-adapter-config')] });
    expect(run('missing-upstream', a)).toEqual([
      expect.objectContaining({
        path: CARD,
        line: 1,
        message:
          'No upstream model is declared for the artifact in a: README.md and adapter_config.json name no base ' +
          'model, so nothing proves what it derives from.',
        fix: 'In a/README.md, set `base_model:` in the front matter to the Hub id (`org/name`).',
        fingerprint: fingerprint('missing-upstream', CARD, 'a')
      })
    ]);
    const [one] = run('missing-upstream', artifact('.', { records: [record('README.md', 'hf-model-card')] }));
    expect(one.message).toBe(
      'No upstream model is declared for the artifact at the repository root: README.md names no base model, so ' +
        'nothing proves what it derives from.'
    );
  });

  it('leaves weights without a manifest, and a linked local parent, to other rules', () => {
    expect(run('missing-upstream', artifact('a', { weights: [weight('a/w.safetensors')] }))).toEqual([]);
    expect(
      run('missing-upstream', artifact('a', { records: [record(LINEAGE, 'lineage-manifest')], parents: [link({})] }))
    ).toEqual([]);
  });
});

describe('unresolvable-upstream', () => {
  const ref = (partial: Partial<UpstreamRef> & Pick<UpstreamRef, 'kind'>) =>
    upstream(PEFT, { source: at(PEFT, 'base_model_name_or_path', 3), ...partial });
  const peft = (...upstreams: UpstreamRef[]) =>
    artifact('a', { records: [record(PEFT, 'peft-adapter-config', { upstreams })] });

  it('reports a local path with what was recovered, and suggests the id', () => {
    const local = ref({
      kind: 'local-path',
      raw: '/home/u/models/Qwen/Qwen2-7B',
      id: 'Qwen/Qwen2-7B',
      evidence: 'inferred',
      recovered: 'recovered Qwen/Qwen2-7B from the last two segments of the local path'
    });
    expect(run('unresolvable-upstream', peft(local))).toEqual([
      expect.objectContaining({
        path: PEFT,
        line: 3,
        message:
          'The upstream `base_model_name_or_path` in a/adapter_config.json is a local path, which only exists on ' +
          'the machine that trained it ("/home/u/models/Qwen/Qwen2-7B"), so no one can verify what the artifact ' +
          'derives from. The gate recovered Qwen/Qwen2-7B from the last two segments of the local path (an ' +
          'inference, not a declaration).',
        // Folder names are a guess: the fix offers the id as one to check, not as the answer.
        fix:
          'Replace it with the Hub id the weights were loaded from (the path suggests `Qwen/Qwen2-7B`: check it ' +
          'on the Hub) and pin the revision, or add a lineage.yaml that declares it.',
        fingerprint: fingerprint('unresolvable-upstream', PEFT, 'base_model_name_or_path:/home/u/models/Qwen/Qwen2-7B')
      })
    ]);
  });

  it('says where a Hub URL points, and what to do when nothing was recovered', () => {
    const [url] = run(
      'unresolvable-upstream',
      peft(ref({ kind: 'url', raw: `https://huggingface.co/org/m/tree/${SHA}`, id: 'org/m', revision: SHA }))
    );
    expect(url.message).toMatch(
      new RegExp(`is a URL, not a Hub id \\(".*"\\), so .* derives from\\. It points at org/m@${SHA}\\.$`)
    );
    const [unpinned] = run(
      'unresolvable-upstream',
      peft(ref({ kind: 'url', raw: 'https://hf.co/org/m', id: 'org/m' }))
    );
    expect(unpinned.message).toMatch(/ It points at org\/m\.$/);
    // A URL names its repository exactly: the fix gives the id as it is.
    expect(unpinned.fix).toBe(
      'Replace it with `org/m` (and pin the revision), or add a lineage.yaml that declares it.'
    );
    const [placeholder] = run('unresolvable-upstream', peft(ref({ kind: 'placeholder', raw: 'TODO' })));
    expect(placeholder).toMatchObject({
      message:
        'The upstream `base_model_name_or_path` in a/adapter_config.json is a placeholder, not a model id ("TODO"), ' +
        'so no one can verify what the artifact derives from. Nothing identifiable could be recovered from it.',
      fix:
        'In a/adapter_config.json, set `base_model_name_or_path` to the Hub id (`org/name`) and `revision` to its ' +
        '40-hex commit.',
      fingerprint: fingerprint('unresolvable-upstream', PEFT, 'base_model_name_or_path:TODO')
    });
    const [empty] = run('unresolvable-upstream', peft(ref({ kind: 'empty', raw: null })));
    expect(empty.message).toContain('is empty (null)');
    expect(empty.fingerprint).toBe(fingerprint('unresolvable-upstream', PEFT, 'base_model_name_or_path:null'));
  });

  it('suggests no invalid id, and judges only the kinds it names', () => {
    const invalid = ref({ kind: 'local-path', raw: '/m/org/bad--name', id: 'org/bad--name', invalidReason: 'x' });
    expect(run('unresolvable-upstream', peft(invalid))[0].fix).toBe(
      'Replace it with the Hub id (`org/name`) (and pin the revision), or add a lineage.yaml that declares it.'
    );
    expect(
      run('unresolvable-upstream', peft(ref({ kind: 'hub-cache-path', raw: '/c/models--a--b', evidence: 'inferred' })))
    ).toEqual([]);
  });

  it('leaves a reference linked to a local parent to the graph rules, matching it by file and field', () => {
    const local = ref({ kind: 'local-path', raw: '../base' });
    const linked = (source: ParentLink['source']) =>
      run(
        'unresolvable-upstream',
        artifact('a', {
          records: [record(PEFT, 'peft-adapter-config', { upstreams: [local] })],
          parents: [link({ source })]
        })
      );
    expect(linked(local.source)).toEqual([]);
    expect(linked(at(PEFT, 'revision'))).toHaveLength(1);
    expect(linked(at(CARD, 'base_model_name_or_path'))).toHaveLength(1);
  });
});

describe('unqualified-hub-id', () => {
  it('reports a legacy id with where the Hub sends it, and a bare dataset name as a notice', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', {
          upstreams: [
            upstream(CARD, {
              kind: 'bare-id',
              id: 'gpt2',
              raw: 'gpt2',
              recovered: 'the Hub now serves gpt2 as openai-community/gpt2',
              source: at(CARD, 'base_model', 4)
            })
          ],
          datasets: [{ raw: 'openslr', source: at(CARD, 'datasets[0]', 6) }]
        })
      ]
    });
    expect(run('unqualified-hub-id', a)).toEqual([
      expect.objectContaining({
        line: 6,
        severity: 'notice',
        message:
          'The dataset "openslr" at `datasets[0]` in a/README.md is a bare name, not a Hub dataset id (`org/name`): ' +
          'the Hub redirects some legacy names to an organisation (`gsm8k` to `openai/gsm8k`), but the name alone ' +
          'does not say which repository or revision the data came from.',
        fix:
          'Write the Hub dataset id (`org/name`, pinned with `@<sha>` where the format allows), or describe the ' +
          'data in a lineage.yaml `datasets:` entry.',
        fingerprint: fingerprint('unqualified-hub-id', CARD, 'dataset:openslr')
      }),
      expect.objectContaining({
        line: 4,
        severity: 'warning',
        message:
          'The upstream "gpt2" at `base_model` in a/README.md has no organisation: legacy ids are redirected by ' +
          'the Hub, so the name alone does not say which repository was used. The Hub now serves gpt2 as ' +
          'openai-community/gpt2.',
        fix: 'Write the full `org/name` id the Hub redirects to, and pin its revision.',
        fingerprint: fingerprint('unqualified-hub-id', CARD, 'base_model:gpt2')
      })
    ]);
  });

  it('says nothing of an invalid bare id, a dataset with an id, or a dataset that is a path', () => {
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', {
          upstreams: [upstream(CARD, { kind: 'bare-id', id: 'bad--id', invalidReason: "contains '--'" })],
          datasets: [
            { raw: 'acme/data', id: 'acme/data', source: at(CARD, 'datasets[0]') },
            { raw: './data/train.jsonl', source: at(CARD, 'datasets[1]') },
            // LLaMA-Factory: a key of the run's dataset_info.json.
            { raw: 'alpaca_en_demo', registered: true, source: at(CARD, 'datasets[2]') }
          ]
        })
      ]
    });
    expect(run('unqualified-hub-id', a)).toEqual([]);
    const noNote = artifact('a', {
      records: [record(CARD, 'hf-model-card', { upstreams: [upstream(CARD, { kind: 'bare-id', id: 'bert-tiny' })] })]
    });
    expect(run('unqualified-hub-id', noNote)[0].message).toMatch(/which repository was used\.$/);
  });
});

describe('unknown-license', () => {
  const lic = (id: string | undefined, extra = {}) =>
    artifact('a', {
      records: [record(CARD, 'hf-model-card', { license: { id, source: at(CARD, 'license', 2), ...extra } })]
    });

  it('says why a license cannot be recognised, in full', () => {
    expect(run('unknown-license', lic('my-own-eula'))).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'warning',
        message:
          'The license "my-own-eula" at `license` in a/README.md cannot be recognised: it is neither a Hub license ' +
          'id, an SPDX id, nor a known model license name.',
        fix:
          'Use a Hub license id (https://huggingface.co/docs/hub/repositories-licenses) or an SPDX id; for custom ' +
          'terms write `license: other` with `license_name` and `license_link`.',
        fingerprint: fingerprint('unknown-license', CARD, 'license:my-own-eula')
      })
    ]);
  });

  it.each<[string | undefined, object, string | undefined]>([
    // Placeholders (empty, `unknown`, `other` alone) are absent licenses: missing-license, not this rule.
    [undefined, {}, undefined],
    [undefined, { name: 'ACME Model License' }, undefined],
    ['unknown', {}, undefined],
    ['other', {}, undefined],
    ['other', { name: 'ACME' }, '`other` needs `license_link` to say which license it is'],
    ['other', { link: 'https://acme.example/license' }, '`other` needs `license_name` to say which license it is'],
    ['other', { name: 'ACME', link: 'https://acme.example/license' }, undefined],
    ['llama3.1', {}, undefined]
  ])('%s with %j: %s', (id, extra, why) => {
    const findings = run('unknown-license', lic(id, extra));
    if (why === undefined) expect(findings).toEqual([]);
    else expect(findings.map((f) => f.message.split('cannot be recognised: ')[1])).toEqual([`${why}.`]);
  });

  it('names a license by its name when it has no id, and reports one declaration read twice once', () => {
    const path = 'a/training_manifest.json';
    const twice = license(path, 'my-eula', { source: at(path, 'license_class') });
    const a = artifact('a', {
      records: [
        record(path, 'mens-training-manifest', { license: twice, upstreamLicenses: [twice, license(path, 'x-eula')] })
      ]
    });
    expect(run('unknown-license', a).map((f) => f.fingerprint)).toEqual([
      fingerprint('unknown-license', path, 'license_class:my-eula'),
      fingerprint('unknown-license', path, 'license:x-eula')
    ]);
  });

  it("leaves a weight header's license to inconsistent-lineage", () => {
    const header = record('a/model.gguf', 'gguf-header', {
      origin: 'weights',
      license: license('a/model.gguf', 'my-eula')
    });
    expect(run('unknown-license', artifact('a', { records: [header] }))).toEqual([]);
  });
});

describe('unmanifested-weights', () => {
  it('reports one file in full', () => {
    expect(run('unmanifested-weights', artifact('a', { weights: [weight('a/model.safetensors')] }))).toEqual([
      expect.objectContaining({
        path: 'a/model.safetensors',
        line: 1,
        message:
          'A weight file in a (model.safetensors) has no lineage manifest beside it: nothing records what it ' +
          'derives from or under which license.',
        fix:
          'Add a lineage.yaml (see docs/lineage-manifest.md, or run `lineage-gate init`) or the training ' +
          "tool's manifest (adapter_config.json, training_manifest.json, a model card) in a.",
        fingerprint: fingerprint('unmanifested-weights', 'a/model.safetensors', 'a')
      })
    ]);
  });

  it('lists five files and counts the rest, and notes a header that names an upstream', () => {
    const weights = [1, 2, 3, 4, 5, 6, 7].map((n) => weight(`a/w${n}.gguf`));
    const header = record('a/w3.gguf', 'gguf-header', {
      origin: 'weights',
      upstreams: [upstream('a/w3.gguf', { kind: 'hub-id', id: 'org/m' })]
    });
    const [f] = run('unmanifested-weights', artifact('a', { weights, records: [header] }));
    expect(f.message).toBe(
      '7 weight files in a (w1.gguf, w2.gguf, w3.gguf, w4.gguf, w5.gguf, and 2 more) have no lineage manifest ' +
        'beside them: nothing records what they derive from or under which license. Its header names an ' +
        'upstream, but bytes are evidence, not a declaration someone answers for.'
    );
  });

  it('judges changed weights on a change, all weights on a full scan, nothing beside an unreadable manifest', () => {
    const mixed = [weight('a/old.safetensors', 'present'), weight('a/new.safetensors', 'modified')];
    expect(run('unmanifested-weights', artifact('a', { weights: mixed }))[0].message).toContain('(new.safetensors)');
    const untouched = [weight('a/old.safetensors', 'present')];
    expect(run('unmanifested-weights', artifact('a', { weights: untouched, changed: true }))).toHaveLength(1);
    expect(run('unmanifested-weights', artifact('a', { weights: untouched, changed: false }))).toEqual([]);
    const unreadable = [{ path: LINEAGE, reason: 'not YAML', at: at(LINEAGE, '').at }];
    expect(run('unmanifested-weights', artifact('a', { weights: mixed, unreadable }))).toEqual([]);
    const header = record('a/w.gguf', 'gguf-header', { origin: 'weights' });
    expect(
      run('unmanifested-weights', artifact('a', { weights: [weight('a/w.gguf')], records: [header] }))[0].message
    ).toMatch(/under which license\.$/);
  });
});

describe('orphaned-by-deletion', () => {
  it('reports a deleted parent in full', () => {
    expect(
      run('orphaned-by-deletion', artifact('a', { parents: [link({ state: 'deleted' }), link({ raw: '../kept' })] }))
    ).toEqual([
      expect.objectContaining({
        path: LINEAGE,
        line: 5,
        message:
          'This change deletes the artifact in base, which `upstreams[0].path` in a/lineage.yaml still names as its ' +
          'parent ("../base"): its lineage and license duties would be lost.',
        fix: 'Keep the parent, or point this manifest at where the parent now lives (or at its Hub id).',
        fingerprint: fingerprint('orphaned-by-deletion', LINEAGE, 'upstreams[0].path:../base')
      })
    ]);
  });

  it('reports a dependent of the deleted artifact in full', () => {
    const source = at('child/lineage.yaml', 'upstreams[0].path', 8);
    const deleted = artifact('base', {
      removedManifests: ['base/lineage.yaml'],
      dependents: [{ dir: 'child', raw: '../base', source }]
    });
    expect(run('orphaned-by-deletion', deleted)).toEqual([
      expect.objectContaining({
        path: 'child/lineage.yaml',
        line: 8,
        message:
          'This change deletes the artifact in base, but `upstreams[0].path` in child/lineage.yaml still derives ' +
          'from it ("../base"): that artifact\'s lineage would end at nothing.',
        fix: "Keep base, or update child/lineage.yaml to name its new parent (or the parent's Hub id).",
        fingerprint: fingerprint(
          'orphaned-by-deletion',
          'child/lineage.yaml',
          'dependent:child/lineage.yaml:upstreams[0].path'
        )
      })
    ]);
  });

  it('reports weights left behind in full, listing five', () => {
    const weights = [1, 2, 3, 4, 5, 6].map((n) => weight(`a/w${n}.safetensors`, 'present'));
    const a = artifact('a', {
      removedManifests: ['a/lineage.yaml', 'a/README.md'],
      weights: [weight('a/gone.bin', 'removed'), ...weights]
    });
    expect(run('orphaned-by-deletion', a)).toEqual([
      expect.objectContaining({
        path: 'a/w1.safetensors',
        line: 1,
        message:
          'This change deletes a/lineage.yaml, a/README.md while the weights stay (w1.safetensors, w2.safetensors, ' +
          'w3.safetensors, w4.safetensors, w5.safetensors, and 1 more): nothing would record what they derive from ' +
          'or under which license.',
        fix: 'Delete the weights with their manifest, or keep (or replace) the manifest.',
        fingerprint: fingerprint('orphaned-by-deletion', 'a/w1.safetensors', 'weights:a')
      })
    ]);
  });

  it('says nothing when the weights went too, or another manifest stays', () => {
    const gone = artifact('a', { removedManifests: [LINEAGE], weights: [weight('a/w.safetensors', 'removed')] });
    expect(run('orphaned-by-deletion', gone)).toEqual([]);
    const kept = artifact('a', {
      removedManifests: [LINEAGE],
      records: [record(CARD, 'hf-model-card')],
      weights: [weight('a/w.safetensors', 'present')]
    });
    expect(run('orphaned-by-deletion', kept)).toEqual([]);
  });
});
