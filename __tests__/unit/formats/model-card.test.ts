import { readManifest, type ReadResult } from '../../../src/formats/read-manifest.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import { fixture } from './real-world.js';

function recordOf(result: ReadResult): { record: LineageRecord; problems: string[] } {
  if (result.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return {
    record: result.record,
    problems: result.schemaProblems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`)
  };
}

function read(file: string) {
  const f = fixture(file);
  return { ...recordOf(readManifest(f.repoPath, f.bytes)), path: f.repoPath };
}

function card(text: string, path = 'model/README.md') {
  return recordOf(readManifest(path, Buffer.from(text)));
}

const refs = (r: LineageRecord) =>
  r.upstreams.map((u) => [u.source.field, u.id, u.role, u.source.at.line, u.source.at.column]);

describe('hf-model-card', () => {
  it('reads an adapter card: base, relation, license, positions', () => {
    const { record, problems, path } = read(
      'cards/001-hanzhenzhujene__summa-virtue-alignment__artifacts_christian_virtue_qwen2_5_1_5b_instruct_local_' +
        'baseline_adapter_README.md'
    );
    expect(problems).toEqual([]);
    expect(record.format).toBe('hf-model-card');
    expect(refs(record)).toEqual([['base_model', 'Qwen/Qwen2.5-1.5B-Instruct', 'base', 2, 13]]);
    expect(record.relation).toEqual({
      value: 'adapter',
      source: { path, field: 'base_model_relation', at: { line: 3, column: 22, endLine: 3, endColumn: 29 } }
    });
    expect(record.license).toEqual({
      id: 'mit',
      source: { path, field: 'license', at: { line: 4, column: 10, endLine: 4, endColumn: 13 } }
    });
    expect(record.anchor).toEqual({ path, field: 'base_model', at: { line: 2, column: 1, endLine: 2, endColumn: 11 } });
  });

  it('makes each entry of a 2+ list a merge parent when no relation is given', () => {
    const { record } = read('cards/009-Efs-O__Gemma4GR__HF_MODEL_CARD.md');
    expect(refs(record)).toEqual([
      ['base_model[0]', 'google/gemma-4-it', 'merge-parent', 6, 3],
      ['base_model[1]', 'unsloth/gemma-4-E4B-it', 'merge-parent', 7, 3]
    ]);
    expect(record.license?.id).toBe('gemma');
  });

  it('follows base_model_relation: merge, quantized', () => {
    expect(refs(read('cards/003-unknown__index-id-52487666815__README.md').record).map((r) => r[2])).toEqual([
      'merge-parent',
      'merge-parent',
      'merge-parent'
    ]);
    const quantized = read('cards/011-t-timms__kat-coder-nvfp4__HF_MODEL_CARD.md').record;
    expect(refs(quantized)).toEqual([['base_model[0]', 'Kwaipilot/KAT-Coder-V2.5-Dev', 'quantized-from', 3, 5]]);
    expect(quantized.relation?.value).toBe('quantized');
  });

  it('keeps a 2+ list as bases when the relation says adapter', () => {
    const { record } = card('---\nbase_model:\n  - org/a\n  - org/b\nbase_model_relation: adapter\n---\n');
    expect(refs(record).map((r) => r[2])).toEqual(['base', 'base']);
  });

  it('reads license other with license_name and license_link (absolute and relative)', () => {
    const medgemma = read('cards/002-jxia622__SonoMed-VLM__README.md').record;
    expect(medgemma.license).toMatchObject({
      id: 'other',
      name: 'health-ai-developer-foundations-terms-of-use',
      link: 'https://developers.google.com/health-ai-developer-foundations/terms',
      source: { field: 'license', at: { line: 2 } }
    });
    const flux = read('cards/004-unknown__index-id-13151930227__README.md').record;
    expect(flux.license).toMatchObject({ id: 'other', name: 'flux-1-dev-non-commercial-license', link: 'LICENSE.md' });
  });

  it("reads TRL's `licence:` as the license, and model_name as the name", () => {
    const { record, path } = read(
      'cards/028-vangelix1__SwampUp2025__JFTD-109-MLOps_in_Action_lab1_qwen-finetuned_README.md'
    );
    expect(record.license).toEqual({
      id: 'license',
      source: { path, field: 'licence', at: { line: 9, column: 10, endLine: 9, endColumn: 17 } }
    });
    expect(record.name).toEqual({
      value: 'qwen-finetuned',
      source: { path, field: 'model_name', at: { line: 4, column: 13, endLine: 4, endColumn: 27 } }
    });
  });

  it('takes the first entry of a license list', () => {
    const { record, problems } = card('---\nlicense:\n  - apache-2.0\n  - mit\n---\n');
    expect(problems).toEqual([]);
    expect(record.license).toMatchObject({
      id: 'apache-2.0',
      source: { field: 'license[0]', at: { line: 3, column: 5 } }
    });
  });

  it('reads datasets with what they name on the Hub', () => {
    const { record } = read('cards/013-shantipriyap__odia_asr__hf_model_card.md');
    expect(record.datasets.map((d) => [d.raw, d.id, d.source.field])).toEqual([
      ['openslr', undefined, 'datasets[0]'],
      ['MUCS2021', undefined, 'datasets[1]']
    ]);
    const oasst = read('cards/010-onurkanbakirci__Llama-2-7b-oasst-sft__HF_MODEL_CARD.md').record;
    expect(oasst.datasets).toMatchObject([
      {
        raw: 'OpenAssistant/oasst1',
        id: 'OpenAssistant/oasst1',
        source: { field: 'datasets[0]', at: { line: 14, column: 3 } }
      }
    ]);
  });

  it('has no upstream and no license for the tags-only merge card', () => {
    const { record, problems } = read('cards/029-leliuga__cohere-configurations__models_13B-BlueMethod_README.md');
    expect(problems).toEqual([]);
    expect([record.upstreams, record.license]).toEqual([[], undefined]);
  });

  it('keeps the Markdown body as prose, with its first line', () => {
    const { record } = card(
      '\n---\nlicense: llama3.1\nbase_model: meta-llama/Llama-3.1-8B\n---\n# Model\n\nBuilt with Llama\n'
    );
    expect(record.prose).toEqual({ text: '# Model\n\nBuilt with Llama\n', startLine: 6 });
    // Front matter after a blank first line: positions stay file positions.
    expect(record.license?.source.at).toEqual({ line: 3, column: 10, endLine: 3, endColumn: 18 });
    expect(refs(record)).toEqual([['base_model', 'meta-llama/Llama-3.1-8B', 'base', 4, 13]]);
  });

  it('reads the PEFT template card with a local-path base and empty values', () => {
    const { record, problems } = card('---\nbase_model: \nlibrary_name: peft\nlicense:\n---\n');
    expect(problems).toEqual([]);
    expect(record.upstreams.map((u) => [u.kind, u.raw, u.source.at.line])).toEqual([['empty', null, 2]]);
    expect(record.license).toBeUndefined();
  });

  it('reports shape errors in the lineage keys at the line they are on', () => {
    const { problems } = card('---\nbase_model:\n  name: org/a\nbase_model_relation: fork\ndatasets: 3\n---\n');
    expect(problems).toEqual([
      '2:1 `base_model` must be string, array or null (got {"name":"org/a"})',
      '4:22 `base_model_relation` must be one of `adapter`, `merge`, `quantized`, `finetune` (got "fork")',
      '5:11 `datasets` must be string, array or null (got 3)'
    ]);
  });

  it('is read from README.md, MODEL_CARD.md and *model_card*.md in any case', () => {
    const text = '---\nlicense: mit\n---\n';
    for (const path of [
      'README.md',
      'a/readme.md',
      'a/MODEL_CARD.md',
      'a/HF_MODEL_CARD.md',
      'a/hf_model_card.md',
      'a/Model_Card_v2.md'
    ]) {
      expect([path, readManifest(path, Buffer.from(text)).kind]).toEqual([path, 'record']);
    }
  });

  it('is not a manifest without front matter, or without model-card keys', () => {
    expect(readManifest('docs/README.md', Buffer.from('# Project\n\nHow to run the trainer.\n'))).toEqual({
      kind: 'not-a-manifest',
      reason: 'it has no YAML front matter, so it carries no model-card metadata',
      // The prose the Hub would show as the card all the same, for the rules that read it.
      plainCard: { frontMatter: false, prose: '# Project\n\nHow to run the trainer.\n' }
    });
    const jekyll = readManifest('docs/README.md', Buffer.from('---\ntitle: Docs\nlayout: page\n---\n# Docs\n'));
    expect(jekyll.kind).toBe('not-a-manifest');
    expect(jekyll.kind === 'not-a-manifest' && jekyll.reason).toContain('none of the model-card keys');
    expect(jekyll.kind === 'not-a-manifest' && jekyll.plainCard).toEqual({ frontMatter: true, prose: '# Docs\n' });
  });

  it('is unreadable when the front matter is broken YAML', () => {
    expect(readManifest('m/README.md', Buffer.from('---\nlicense: mit\nbase_model: [org/a\n---\n'))).toMatchObject({
      kind: 'unreadable',
      problem: {
        path: 'm/README.md',
        reason: expect.stringMatching(/^its front matter is not valid YAML: /),
        at: { line: expect.any(Number) }
      }
    });
  });
});
