/**
 * inconsistent-lineage: the cases the mutation run (issue #10) found untested — which files count as
 * alternatives (recipes of different formats, three files of one format), a disagreement every view shares
 * reported once, the license key (`other` with only a link, surrounding spaces, case folding) and which file of
 * two manifests a license disagreement lands on, and the attribution message when the first file says
 * "required". The survivors left unkilled are explained in docs/mutation-survivors.md.
 */
import { fingerprint } from '../../../src/findings/fingerprint.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';
import { timed } from '../../helpers/timed.js';

const RULE = 'inconsistent-lineage';
const inconsistent = (...records: LineageRecord[]) =>
  evaluateArtifact(artifact('a', { records }), [findRule(RULE) as Rule], defaultRuleContext()).map((e) => e.finding);

const CARD = 'a/README.md';
const PEFT = 'a/adapter_config.json';
const GGUF = 'a/model.gguf';
const LLAMA = 'meta-llama/Llama-3.1-8B';
const QWEN = 'Qwen/Qwen2.5-7B';
const MISTRAL = 'mistralai/Mistral-7B-v0.1';
const SHA1 = '0123456789abcdef0123456789abcdef01234567';
const SHA2 = 'fedcba9876543210fedcba9876543210fedcba98';

const hubRef = (path: string, id: string, extra = {}) => upstream(path, { kind: 'hub-id', id, raw: id, ...extra });
const card = (partial: Partial<LineageRecord>) => record(CARD, 'hf-model-card', partial);
const peft = (partial: Partial<LineageRecord>, path = PEFT) => record(path, 'peft-adapter-config', partial);
const based = (path: string, format: string, id: string, extra: Partial<LineageRecord> = {}) =>
  record(path, format, { upstreams: [hubRef(path, id)], ...extra });

describe('inconsistent-lineage: alternatives', () => {
  it('never compares two recipes with each other, even of different formats', () => {
    const axolotl = based('a/axolotl.yml', 'axolotl-config', LLAMA, { recipe: true });
    const factory = based('a/llamafactory.yaml', 'llamafactory-config', QWEN, { recipe: true });
    expect(inconsistent(axolotl, factory)).toEqual([]);
    // Each is still compared with the artifact's other files.
    const findings = inconsistent(based(CARD, 'hf-model-card', LLAMA), axolotl, factory);
    expect(findings.map((f) => [f.path, f.fingerprint])).toEqual([
      ['a/llamafactory.yaml', fingerprint(RULE, 'a/llamafactory.yaml', `upstream:${CARD}|a/llamafactory.yaml`)]
    ]);
  });

  it('never compares any two of three files of one format, each with the files beside them', () => {
    const adapters = [
      based('a/chat_adapter_config.json', 'peft-adapter-config', LLAMA),
      based('a/code_adapter_config.json', 'peft-adapter-config', QWEN),
      based('a/sql_adapter_config.json', 'peft-adapter-config', MISTRAL)
    ];
    expect(inconsistent(...adapters)).toEqual([]);
    expect(inconsistent(based(CARD, 'hf-model-card', QWEN), ...adapters).map((f) => f.path)).toEqual([
      'a/chat_adapter_config.json',
      'a/sql_adapter_config.json'
    ]);
  });

  it('keeps each alternative in its place among the shared files, and a directory of thousands linear', () => {
    // The shared card sits between the adapters: each view keeps the files' order, so the finding lands where it did.
    const between = [
      based('a/a_adapter_config.json', 'peft-adapter-config', LLAMA),
      based('a/b.gguf', 'gguf-header', QWEN),
      based('a/c_adapter_config.json', 'peft-adapter-config', QWEN)
    ];
    expect(inconsistent(...between).map((f) => f.path)).toEqual(['a/b.gguf']);
    // 20,000 adapters of one format beside one card: each is compared with the card alone.
    const many = Array.from({ length: 20_000 }, (_, i) =>
      based(`a/r${i}_adapter_config.json`, 'peft-adapter-config', i === 7 ? LLAMA : QWEN)
    );
    const findings = timed(() => inconsistent(based(CARD, 'hf-model-card', QWEN), ...many));
    expect(findings.map((f) => f.path)).toEqual(['a/r7_adapter_config.json']);
  });

  it('reports a disagreement between files every alternative is compared with once', () => {
    const findings = inconsistent(
      based(CARD, 'hf-model-card', LLAMA),
      record(GGUF, 'gguf-header', { origin: 'weights', upstreams: [hubRef(GGUF, QWEN)] }),
      based('a/chat_adapter_config.json', 'peft-adapter-config', LLAMA),
      based('a/sql_adapter_config.json', 'peft-adapter-config', LLAMA)
    );
    expect(findings.map((f) => f.fingerprint)).toEqual([fingerprint(RULE, CARD, `upstream:${CARD}|${GGUF}`)]);
  });

  it('judges a training manifest beside two adapter manifests only against them, once', () => {
    // The run pinned the base at SHA1 but tokenized from the SHA2 snapshot; both adapters say SHA2.
    const train = 'a/training_manifest.json';
    const base = hubRef(train, 'org/m', { revision: SHA1, source: at(train, 'base_model') });
    const tokenizer = upstream(train, {
      kind: 'hub-cache-path',
      id: 'org/m',
      raw: `/cache/models--org--m/snapshots/${SHA2}/tokenizer.json`,
      revision: SHA2,
      evidence: 'inferred',
      source: at(train, 'tokenizer_path')
    });
    const adapter = (name: string) =>
      record(`a/${name}`, 'mens-adapter-manifest-v3', {
        upstreams: [hubRef(`a/${name}`, 'org/m', { revision: SHA2 })]
      });
    const findings = inconsistent(
      record(train, 'mens-training-manifest', { upstreams: [base, tokenizer] }),
      adapter('sql_adapter_manifest.json'),
      adapter('chat_adapter_manifest.json')
    );
    expect(findings).toEqual([
      expect.objectContaining({
        path: train,
        line: base.source.at.line,
        message:
          `\`base_model\` in a/training_manifest.json pins org/m at ${SHA1}, but \`base_model\` in ` +
          `a/chat_adapter_manifest.json pins it at ${SHA2}: only one of them is the revision the artifact was ` +
          'trained on.',
        fingerprint: fingerprint(RULE, train, `revision:org/m:${train}`)
      })
    ]);
  });
});

describe('inconsistent-lineage: license keys', () => {
  const two = (a: Parameters<typeof license>[2] & { id: string }, b: string) =>
    inconsistent(card({ license: license(CARD, a.id, a) }), peft({ license: license(PEFT, b) }));

  it('compares nothing for `other` with only a `license_link`: it names no license to compare', () => {
    expect(two({ id: 'other', link: 'https://example.com/LICENSE' }, 'apache-2.0')).toEqual([]);
    // With a name it does name one.
    expect(two({ id: 'other', name: 'acme-license', link: 'https://example.com/LICENSE' }, 'apache-2.0')).toHaveLength(
      1
    );
  });

  it('ignores spaces around a license the knowledge does not know', () => {
    expect(two({ id: ' acme-custom-license ' }, 'acme-custom-license')).toEqual([]);
  });

  it('folds case without merging different letters (ß is not ss)', () => {
    const [f, ...rest] = two({ id: 'straße-license' }, 'strasse-license');
    expect(rest).toEqual([]);
    expect(f.message).toBe(
      '`license` in a/adapter_config.json says the artifact\'s license is "strasse-license", but `license` in ' +
        'a/README.md says "straße-license".'
    );
  });

  it('puts a disagreement between two manifests on the less authoritative one', () => {
    expect(two({ id: 'MIT' }, 'Apache-2.0')).toEqual([
      expect.objectContaining({
        path: PEFT,
        message:
          '`license` in a/adapter_config.json says the artifact\'s license is "Apache-2.0", but `license` in ' +
          'a/README.md says "MIT".',
        fingerprint: fingerprint(RULE, PEFT, `license:${CARD}|${PEFT}`)
      })
    ]);
  });
});

describe('inconsistent-lineage: attribution', () => {
  it('words a later "not required" against a first "required"', () => {
    const says = (path: string, required: boolean) => ({ attribution: { required, source: at(path, 'attribution') } });
    expect(inconsistent(card(says(CARD, true)), peft(says(PEFT, false))).map((f) => [f.path, f.message])).toEqual([
      [
        PEFT,
        '`attribution` in a/adapter_config.json says attribution is not required, but `attribution` in a/README.md ' +
          'says it is required.'
      ]
    ]);
  });
});
