import { readManifest } from '../../../src/formats/read-manifest.js';
import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import {
  declarationsAbout,
  resolveUpstreamLicense,
  type UpstreamLicenseMapping
} from '../../../src/licenses/upstream-license.js';
import type { LineageRecord, UpstreamRef } from '../../../src/lineage/record.js';
import { at, license, record, upstream } from '../../helpers/build.js';
import { realRecord } from './corpus.js';

const knowledge = LicenseKnowledge.builtin();
const POLICY = '.github/lineage-policy.yml';

function mapping(pattern: string, license: string, line = 7): UpstreamLicenseMapping {
  return { pattern, license, at: { path: POLICY, line } };
}

function refTo(rec: LineageRecord, id: string, role?: UpstreamRef['role']): UpstreamRef {
  const ref = rec.upstreams.find((u) => u.id === id && (!role || u.role === role));
  if (!ref) throw new Error(`${rec.path} has no upstream ${id}`);
  return ref;
}

function resolve(rec: LineageRecord, ref: UpstreamRef, mappings: UpstreamLicenseMapping[] = [], kb = knowledge) {
  return resolveUpstreamLicense({ ref, record: rec, mappings, knowledge: kb });
}

function lineageYaml(text: string): LineageRecord {
  const result = readManifest('runs/a/lineage.yaml', Buffer.from(text));
  if (result.kind !== 'record') throw new Error(JSON.stringify(result));
  return result.record;
}

describe("resolveUpstreamLicense: the artifact's own declaration first", () => {
  const kimi = realRecord('mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_provenance_roundtrips');

  it('takes MENS `provenance.license_class` for the provenance upstream (Kimi K2.5)', () => {
    const got = resolve(kimi, refTo(kimi, 'moonshotai/Kimi-K2.5'), [mapping('moonshotai/*', 'mit')]);
    expect(got).toMatchObject({
      license: 'modified-mit',
      via: 'declared',
      evidence: 'primary',
      source: `\`provenance.license_class\` in ${kimi.path}`,
      entry: { id: 'modified-mit', family: 'Kimi' },
      declaration: { id: 'modified-mit' }
    });
    expect(kimi.path).toMatch(/^mens\/runs\/.+\/adapter_manifest\.json$/);
  });

  it('does not pin that class on the other base the run trained (Qwen3.5-4B): the family table answers', () => {
    expect(resolve(kimi, refTo(kimi, 'Qwen/Qwen3.5-4B'))).toMatchObject({
      license: 'apache-2.0',
      via: 'builtin',
      evidence: 'inferred',
      source: 'built-in family table (Qwen3)'
    });
  });

  it('applies a manifest-wide class to every upstream naming the provenance id, cache path included', () => {
    const run = realRecord('mens/training_manifest.CONSTRUCTED.schema5.full-provenance');
    expect(run.upstreams.map((u) => u.source.field)).toEqual([
      'base_model',
      'provenance_upstream_model_id',
      'tokenizer_path'
    ]);
    for (const ref of run.upstreams) {
      expect(resolve(run, ref)).toMatchObject({
        license: 'apache-2.0',
        via: 'declared',
        source: `\`provenance_license_class\` in ${run.path}`
      });
    }
  });

  it('applies a manifest-wide class to every upstream when there is no provenance upstream', () => {
    const rec = record('r/training_manifest.json', 'mens-training-manifest', {
      upstreams: [upstream('r/training_manifest.json', { kind: 'hub-id', id: 'Qwen/Qwen2.5-3B-Instruct' })],
      upstreamLicenses: [
        license('r/training_manifest.json', 'qwen-research', {
          source: at('r/training_manifest.json', 'provenance_license_class')
        })
      ]
    });
    expect(resolve(rec, rec.upstreams[0])).toMatchObject({
      license: 'qwen-research',
      via: 'declared',
      evidence: 'primary'
    });
    // Declarations of another manifest say nothing about this reference.
    const other = { ...rec, path: 'r/adapter_manifest.json' };
    expect(declarationsAbout(rec.upstreams[0], other)).toEqual([]);
  });

  it('ties a lineage.yaml license to its own upstream entry, with `other` + name, aliases resolved', () => {
    const rec = lineageYaml(
      [
        'schema: 1',
        'name: support-bot',
        'license: apache-2.0',
        'upstreams:',
        '  - id: meta-llama/Llama-3.1-8B-Instruct',
        '  - id: Qwen/Qwen2.5-3B-Instruct',
        '    license: { id: other, name: Qwen-Research, link: ' +
          'https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE }',
        '  - id: deepseek-ai/DeepSeek-V2-Lite',
        '    license: deepseek-license',
        '  - id: tiiuae/falcon-180B',
        '    license: Falcon-180B TII License',
        '  - id: google/gemma-2-9b-it',
        '    license: unknown',
        ''
      ].join('\n')
    );
    const [llama, qwen, deepseek, falcon, gemma] = rec.upstreams;
    // The artifact's own apache-2.0 is not a statement about any upstream.
    expect(resolve(rec, llama)).toMatchObject({ license: 'llama3.1', via: 'builtin' });
    expect(resolve(rec, qwen)).toMatchObject({
      license: 'qwen-research',
      via: 'declared',
      source: '`upstreams[1].license.id` in runs/a/lineage.yaml'
    });
    expect(resolve(rec, deepseek)).toMatchObject({
      license: 'deepseek',
      via: 'declared',
      source: '`upstreams[2].license` in runs/a/lineage.yaml'
    });
    const unknownToUs = resolve(rec, falcon);
    expect(unknownToUs).toMatchObject({ license: 'Falcon-180B TII License', via: 'declared' });
    expect(unknownToUs?.entry).toBeUndefined();
    // `unknown` declares nothing: the next source answers.
    expect(resolve(rec, gemma)).toMatchObject({ license: 'gemma', via: 'builtin' });
  });
});

describe('resolveUpstreamLicense: then the policy mapping, then the family table', () => {
  const config = realRecord('peft/008-');
  const llamaMirror = refTo(config, 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit');

  it('uses the first matching policy pattern, case-insensitively, as secondary evidence', () => {
    const rec = record('a/adapter_config.json', 'peft-adapter-config', {
      upstreams: [upstream('a/adapter_config.json', { kind: 'hub-id', id: 'meta-llama/llama-3.1-8b-instruct' })]
    });
    const got = resolve(rec, rec.upstreams[0], [
      mapping('mistralai/*', 'apache-2.0', 5),
      mapping('meta-llama/Llama-3.1-*', 'Llama3.1', 6),
      mapping('meta-llama/*', 'llama2', 7)
    ]);
    expect(got).toMatchObject({
      license: 'llama3.1',
      via: 'policy',
      evidence: 'secondary',
      source: `policy ${POLICY}:6: meta-llama/Llama-3.1-*`,
      entry: { id: 'llama3.1' }
    });
  });

  it('matches a mirror against patterns for its original, as inferred evidence, after direct patterns', () => {
    const viaOriginal = resolve(config, llamaMirror, [mapping('meta-llama/Meta-Llama-3.1-*', 'llama3.1', 3)]);
    expect(viaOriginal).toMatchObject({
      license: 'llama3.1',
      via: 'policy',
      evidence: 'inferred',
      source:
        `policy ${POLICY}:3: meta-llama/Meta-Llama-3.1-* ` +
        `(unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit mirrors meta-llama/Meta-Llama-3.1-8B-Instruct)`
    });
    const direct = resolve(config, llamaMirror, [
      mapping('meta-llama/Meta-Llama-3.1-*', 'llama3.1', 3),
      mapping('unsloth/*', 'apache-2.0', 4)
    ]);
    expect(direct).toMatchObject({ license: 'apache-2.0', evidence: 'secondary' });
  });

  it('falls back to the built-in family table, through mirrors, as inferred evidence', () => {
    expect(resolve(config, llamaMirror, [mapping('Qwen/*', 'apache-2.0')])).toEqual({
      license: 'llama3.1',
      via: 'builtin',
      evidence: 'inferred',
      source:
        'built-in family table (Llama 3.1; unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit ' +
        'mirrors meta-llama/Meta-Llama-3.1-8B-Instruct)',
      entry: knowledge.lookup('llama3.1')
    });
    const qwen3b = realRecord('mlx/007-');
    expect(resolve(qwen3b, qwen3b.upstreams[0])).toMatchObject({
      license: 'qwen-research',
      via: 'builtin',
      entry: { nonCommercial: true }
    });
  });

  it('maps to licenses the policy itself describes', () => {
    const kb = knowledge.withEntries([
      { id: 'acme-internal', family: 'Acme', source: 'https://acme.example/license', 'non-commercial': true }
    ]);
    const rec = record('a/adapter_config.json', 'peft-adapter-config', {
      upstreams: [upstream('a/adapter_config.json', { kind: 'hub-id', id: 'acme/base-7b' })]
    });
    expect(resolve(rec, rec.upstreams[0], [mapping('acme/*', 'ACME-internal')], kb)).toMatchObject({
      license: 'acme-internal',
      entry: { origin: 'policy', nonCommercial: true }
    });
  });

  it('says nothing when no source knows the upstream', () => {
    const flan = realRecord('peft/007-');
    expect(flan.upstreams[0].id).toBe('google/flan-t5-base');
    expect(resolve(flan, flan.upstreams[0], [mapping('meta-llama/*', 'llama2')])).toBeUndefined();
    const local = realRecord('peft/003-');
    expect(local.upstreams[0].kind).toBe('local-path');
    expect(resolve(local, local.upstreams[0])).toBeUndefined();
  });
});
