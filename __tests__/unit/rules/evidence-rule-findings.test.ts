/**
 * The evidence rules' findings in full (message, fix and the fingerprint a waiver or a rerun matches), and the
 * cases evidence-rules.test.ts leaves open.
 */
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { LineageRecord, TrainingFacts } from '../../../src/lineage/record.js';
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

const weights = (path: string, partial: Partial<LineageRecord>): LineageRecord =>
  record(path, 'gguf-header', { origin: 'weights', ...partial });
const hubRef = (path: string, id: string, extra = {}) => upstream(path, { kind: 'hub-id', id, raw: id, ...extra });
const card = (partial: Partial<LineageRecord>) => record(CARD, 'hf-model-card', partial);
const peft = (partial: Partial<LineageRecord>) => record(PEFT, 'peft-adapter-config', partial);
const inconsistent = (...records: LineageRecord[]) => run('inconsistent-lineage', artifact('a', { records }));

describe('inconsistent-lineage: upstreams', () => {
  it('puts the finding on the less authoritative of two manifests', () => {
    const findings = inconsistent(
      card({ upstreams: [hubRef(CARD, 'org/a')] }),
      peft({ upstreams: [hubRef(PEFT, 'org/b')] })
    );
    expect(findings).toEqual([
      expect.objectContaining({
        path: PEFT,
        message:
          '`base_model` in a/adapter_config.json says the artifact derives from org/b, but `base_model` in ' +
          'a/README.md says org/a: its files disagree about what it derives from.',
        fix:
          'Make them agree: correct the one that is wrong (the weights are evidence of what was really trained), ' +
          'or, if the artifact derives from both, list both (e.g. as `upstreams` in a/lineage.yaml).'.replace(
            'a/lineage.yaml',
            'a lineage.yaml'
          ),
        fingerprint: fingerprint('inconsistent-lineage', PEFT, `upstream:${CARD}|${PEFT}`)
      })
    ]);
  });

  it('compares only ids that resolve: an invalid id is no upstream to disagree with', () => {
    const invalid = hubRef(CARD, 'org/bad--name', { invalidReason: "contains '--'" });
    const local = upstream(CARD, { kind: 'local-path', id: 'other/thing', raw: '/models/other/thing' });
    const findings = inconsistent(
      card({ upstreams: [invalid, local] }),
      weights(GGUF, { upstreams: [hubRef(GGUF, 'org/m')] })
    );
    expect(findings.map((f) => f.fingerprint)).toEqual([fingerprint('inconsistent-lineage', CARD, 'silent:org/m')]);
  });
});

describe('inconsistent-lineage: a manifest silent about its upstream', () => {
  const header = (id = 'Org/Model') =>
    weights(GGUF, { upstreams: [hubRef(GGUF, id, { source: at(GGUF, 'general.base_model.0.repo_url') })] });

  it('says which header names what, and how to declare it', () => {
    expect(inconsistent(card({}), header())).toEqual([
      expect.objectContaining({
        path: CARD,
        message:
          'README.md names no upstream model, but the header of a/model.gguf (`general.base_model.0.repo_url`) ' +
          'names Org/Model: the weights say the artifact derives from it.',
        fix:
          'Declare Org/Model as the upstream (with its revision and license) in a/README.md, or explain the ' +
          'header: if the weights were not made from it, they are not the weights this manifest describes.',
        fingerprint: fingerprint('inconsistent-lineage', CARD, 'silent:org/model')
      })
    ]);
  });

  it('names every silent manifest', () => {
    const [f] = inconsistent(card({}), peft({}), header());
    expect(f.message).toMatch(/^README\.md, adapter_config\.json name no upstream model, but/);
  });

  it('says nothing when a manifest names an upstream, there is no manifest, or a local parent is linked', () => {
    expect(inconsistent(card({ upstreams: [hubRef(CARD, 'org/m')] }), peft({}), header('org/m'))).toEqual([]);
    expect(inconsistent(header('org/m'), weights('a/b.gguf', { upstreams: [hubRef('a/b.gguf', 'org/m')] }))).toEqual(
      []
    );
    const parent: ParentLink = {
      raw: '../base',
      source: at(CARD, 'base_model'),
      explicit: true,
      dir: 'base',
      state: 'artifact',
      inherited: []
    };
    expect(run('inconsistent-lineage', artifact('a', { records: [card({}), header()], parents: [parent] }))).toEqual(
      []
    );
  });

  it('takes the name from the weight file whose header names one', () => {
    const [f] = inconsistent(card({}), weights('a/first.gguf', {}), header('org/m'));
    expect(f.message).toContain('names org/m');
  });
});

describe('inconsistent-lineage: tokenizer', () => {
  const path = 'a/training_manifest.json';
  const tokenizer = upstream(path, {
    kind: 'hub-cache-path',
    id: 'meta-llama/Llama-3.1-8B',
    raw: '/cache/models--meta-llama--Llama-3.1-8B/snapshots/x/tokenizer.json',
    evidence: 'inferred',
    source: at(path, 'tokenizer_path')
  });
  const mens = (...upstreams: ReturnType<typeof upstream>[]) => record(path, 'mens-training-manifest', { upstreams });

  it('reports a tokenizer of another model than the base in full', () => {
    expect(inconsistent(mens(hubRef(path, 'Qwen/Qwen2.5-7B'), tokenizer), card({}))).toEqual([
      expect.objectContaining({
        path,
        message:
          '`tokenizer_path` in a/training_manifest.json is a cache snapshot of meta-llama/Llama-3.1-8B, but ' +
          '`base_model` in a/training_manifest.json says the base is Qwen/Qwen2.5-7B: the run tokenized with ' +
          "another model's tokenizer, or one of them is wrong.",
        fix: "Train with the base model's own tokenizer, or correct `base_model`.",
        fingerprint: fingerprint('inconsistent-lineage', path, `tokenizer:${path}`)
      })
    ]);
  });

  it('reports it for a training manifest alone in its directory too', () => {
    const [f, ...rest] = inconsistent(mens(hubRef(path, 'Qwen/Qwen2.5-7B'), tokenizer));
    expect(rest).toEqual([]);
    expect(f.fingerprint).toBe(fingerprint('inconsistent-lineage', path, `tokenizer:${path}`));
  });

  it('compares the tokenizer with the base only, and only with a base that resolves', () => {
    const other = hubRef(path, 'Qwen/Qwen2.5-7B', { source: at(path, 'teacher_model') });
    expect(inconsistent(mens(other, tokenizer), card({}))).toEqual([]);
    const invalidBase = hubRef(path, 'Qwen/Qwen2.5-7B', { invalidReason: 'x' });
    expect(inconsistent(mens(invalidBase, tokenizer), card({}))).toEqual([]);
  });
});

describe('inconsistent-lineage: revisions', () => {
  it('reports two commits in full, the id as written and the subject in lower case', () => {
    const findings = inconsistent(
      card({ upstreams: [hubRef(CARD, 'Org/M', { revision: SHA1 })] }),
      peft({ upstreams: [hubRef(PEFT, 'org/m', { revision: SHA2 })] })
    );
    expect(findings).toEqual([
      expect.objectContaining({
        path: PEFT,
        message:
          `\`base_model\` in a/adapter_config.json pins org/m at ${SHA2}, but \`base_model\` in a/README.md pins it ` +
          `at ${SHA1}: only one of them is the revision the artifact was trained on.`,
        fix: 'Pin the same 40-hex commit everywhere (the one the training run loaded).',
        fingerprint: fingerprint('inconsistent-lineage', PEFT, `revision:org/m:${PEFT}`)
      })
    ]);
  });

  it('compares commits in any case, and leaves branch names alone', () => {
    const pinned = (a: string, b: string) =>
      inconsistent(
        card({ upstreams: [hubRef(CARD, 'org/m', { revision: a })] }),
        peft({ upstreams: [hubRef(PEFT, 'org/m', { revision: b })] })
      );
    expect(pinned(SHA1, SHA1.toUpperCase())).toEqual([]);
    expect(pinned('main', 'v1.0')).toEqual([]);
  });
});

describe('inconsistent-lineage: licenses', () => {
  const two = (a: string, b: string) =>
    inconsistent(card({ license: license(CARD, a) }), peft({ license: license(PEFT, b) }));

  it('reports a manifest and a header in full, on the manifest', () => {
    const findings = inconsistent(
      card({ license: license(CARD, 'MIT') }),
      weights(GGUF, { license: license(GGUF, 'Apache-2.0', { source: at(GGUF, 'general.license') }) })
    );
    expect(findings).toEqual([
      expect.objectContaining({
        path: CARD,
        message:
          '`license` in a/README.md says the artifact\'s license is "MIT", but the header of a/model.gguf ' +
          '(`general.license`) says "Apache-2.0".',
        fix: 'State one license everywhere (the one the artifact is really distributed under).',
        fingerprint: fingerprint('inconsistent-lineage', CARD, `license:${CARD}|${GGUF}`)
      })
    ]);
  });

  it('compares licenses by what they are, not how they are spelled', () => {
    expect(two('acme-custom-license', 'ACME-Custom-License')).toEqual([]);
    expect(two('Apache-2.0', 'apache-2.0')).toEqual([]);
    expect(two('MIT', 'Apache-2.0')).toHaveLength(1);
  });
});

describe('inconsistent-lineage: training facts', () => {
  const facts = (path: string, rank: number | string): TrainingFacts => ({
    rank: { value: rank, source: at(path, 'r') }
  });

  it('reports a manifest and a header in full, on the manifest', () => {
    const findings = inconsistent(card({ training: facts(CARD, 16) }), weights(GGUF, { training: facts(GGUF, 8) }));
    expect(findings).toEqual([
      expect.objectContaining({
        path: CARD,
        message:
          '`r` in a/README.md gives the LoRA rank as "16", but the header of a/model.gguf (`r`) gives "8": they ' +
          'cannot describe the same run.',
        fix: 'Correct the file that does not describe the run that produced these weights.',
        fingerprint: fingerprint('inconsistent-lineage', CARD, `rank:${CARD}|${GGUF}`)
      })
    ]);
  });

  it('takes a number and the same number written as text as one value', () => {
    expect(inconsistent(card({ training: facts(CARD, '16') }), peft({ training: facts(PEFT, 16) }))).toEqual([]);
    expect(inconsistent(card({ training: facts(CARD, 16) }), peft({ training: facts(PEFT, '16') }))).toEqual([]);
    expect(
      inconsistent(card({ training: facts(CARD, 'run-1') }), peft({ training: facts(PEFT, 'run-2') }))
    ).toHaveLength(1);
  });
});

describe('inconsistent-lineage: attribution', () => {
  const says = (path: string, required: boolean) => ({ attribution: { required, source: at(path, 'attribution') } });

  it('reports attribution given both ways in full', () => {
    expect(inconsistent(card(says(CARD, false)), peft(says(PEFT, true)))).toEqual([
      expect.objectContaining({
        path: PEFT,
        message:
          '`attribution` in a/adapter_config.json says attribution is required, but `attribution` in a/README.md ' +
          'says it is not required.',
        fix: "Check the upstream's license and state the same everywhere (see missing-attribution for what it asks).",
        fingerprint: fingerprint('inconsistent-lineage', PEFT, `attribution:${CARD}|${PEFT}`)
      })
    ]);
  });

  it('says nothing when the files agree', () => {
    expect(inconsistent(card(says(CARD, true)), peft(says(PEFT, true)))).toEqual([]);
  });
});

describe('dangling-parent', () => {
  const missing = (dir: string): ParentLink => ({
    raw: '../base',
    source: at('a/lineage.yaml', 'upstreams[0].path'),
    explicit: true,
    dir,
    state: 'missing',
    inherited: []
  });

  it('reports a missing parent in full', () => {
    expect(run('dangling-parent', artifact('a', { parents: [missing('base')] }))).toEqual([
      expect.objectContaining({
        path: 'a/lineage.yaml',
        message:
          '`upstreams[0].path` in a/lineage.yaml names the local artifact "../base", but nothing exists at base: ' +
          'the lineage stops at a parent no one can inspect, and its license duties are lost.',
        fix:
          'Commit the parent artifact at that path, correct the path (relative to the manifest), or name ' +
          "the parent's Hub id (`org/name`) instead.",
        fingerprint: fingerprint('dangling-parent', 'a/lineage.yaml', 'upstreams[0].path:../base')
      })
    ]);
  });

  it('says when the path leaves the repository, and nothing without parents', () => {
    const [f] = run('dangling-parent', artifact('a', { parents: [missing('')] }));
    expect(f.message).toContain('but that path leads outside the repository: the lineage stops');
    expect(run('dangling-parent', artifact('a'))).toEqual([]);
  });
});

describe('lineage-cycle', () => {
  it('reports the loop in full, with a subject that does not depend on where the loop was entered', () => {
    const source = at('b/lineage.yaml', 'upstreams[0].path');
    const [f] = run('lineage-cycle', artifact('b', { cycle: { dirs: ['b', 'a', 'b'], source } }));
    expect(f).toMatchObject({
      path: 'b/lineage.yaml',
      message:
        '`upstreams[0].path` in b/lineage.yaml makes the artifact derive from itself: b → a → b. ' +
        'A loop has no base model at its start, so nothing in it can prove where it came from.',
      fix: "Point the reference at the artifact it was really trained from (a parent, or the base's Hub id).",
      fingerprint: fingerprint('lineage-cycle', 'b/lineage.yaml', 'a,b')
    });
    expect(run('lineage-cycle', artifact('a'))).toEqual([]);
  });
});

describe('digest-mismatch', () => {
  const path = 'a/lineage.yaml';
  const declared = 'e49ffa20651f4c598806e239a8607ca2311726f026fb7f835c1e9fbdfdee20a4';
  const manifest = (file: string) =>
    record(path, 'lineage-manifest', { digests: [{ file, sha256: declared, source: at(path, 'weights[0].sha256') }] });

  it('reports a mismatch in full', () => {
    const a = artifact('a', {
      records: [manifest('w.safetensors')],
      fileDigests: new Map([['a/w.safetensors', { sha256: 'a'.repeat(64), via: 'file', size: 3 }]])
    });
    expect(run('digest-mismatch', a)).toEqual([
      expect.objectContaining({
        message:
          `\`weights[0].sha256\` in a/lineage.yaml declares sha256 ${declared} for a/w.safetensors, but the file's ` +
          `3-byte content hashes to ${'a'.repeat(64)}: these are not the weights the manifest describes.`,
        fix:
          'If the new weights are intended, update the digest (`sha256sum` of the file, or `lineage-gate init ' +
          '--force`) and check that the rest of the manifest still describes them; otherwise restore the file.',
        fingerprint: fingerprint('digest-mismatch', path, `a/w.safetensors:${declared}`)
      })
    ]);
  });

  it('warns when the gate read no digests at all', () => {
    expect(run('digest-mismatch', artifact('a', { records: [manifest('w.safetensors')] }))).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message:
          '`weights[0].sha256` in a/lineage.yaml declares the sha256 of a/w.safetensors, but it cannot be verified: ' +
          'the gate did not read it. An unverified digest proves nothing about the weights.',
        fix:
          'Commit the file (or its Git LFS pointer) at that path, correct the path, or remove the entry ' +
          'if the weights are published elsewhere.',
        fingerprint: fingerprint('digest-mismatch', path, `a/w.safetensors:${declared}`)
      })
    ]);
  });

  it('leaves a file outside the repository to the schema', () => {
    expect(run('digest-mismatch', artifact('a', { records: [manifest('../../w.safetensors')] }))).toEqual([]);
  });
});
