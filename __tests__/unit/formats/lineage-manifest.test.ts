import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { readManifest, type ReadResult } from '../../../src/formats/read-manifest.js';
import type { LineageRecord } from '../../../src/lineage/record.js';

const EXAMPLE_PATH = fileURLToPath(new URL('../../fixtures/lineage/lineage.yaml', import.meta.url));
const EXAMPLE = readFileSync(EXAMPLE_PATH);
const DOC = readFileSync(fileURLToPath(new URL('../../../docs/lineage-manifest.md', import.meta.url)), 'utf8');
const QWEN_SHA = '851bf6e806efd8d0a36b00ddf55e13ccb7b8cd0a';

function recordOf(result: ReadResult): { record: LineageRecord; problems: string[] } {
  if (result.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(result)}`);
  return {
    record: result.record,
    problems: result.schemaProblems.map((p) => `${p.at.line}:${p.at.column} ${p.message}`)
  };
}

const yaml = (text: string, path = 'adapters/x/lineage.yaml') => recordOf(readManifest(path, Buffer.from(text)));

describe('lineage-manifest: the complete example', () => {
  const { record, problems } = recordOf(readManifest('adapters/vox/lineage.yaml', EXAMPLE));
  const path = 'adapters/vox/lineage.yaml';

  it('is valid', () => {
    expect(problems).toEqual([]);
    expect(record.format).toBe('lineage-manifest');
  });

  it('reads name, relation and the anchor', () => {
    expect(record.name).toEqual({
      value: 'vox-lang-coder-qlora',
      source: { path, field: 'name', at: { line: 8, column: 7, endLine: 8, endColumn: 27 } }
    });
    expect(record.relation?.value).toBe('adapter');
    expect(record.anchor).toEqual({ path, field: 'schema', at: { line: 7, column: 1, endLine: 7, endColumn: 7 } });
  });

  it('reads the upstreams with revision, role, evidence, citation and license', () => {
    expect(record.upstreams).toEqual([
      {
        raw: 'Qwen/Qwen3.5-4B',
        kind: 'hub-id',
        id: 'Qwen/Qwen3.5-4B',
        revision: QWEN_SHA,
        evidence: 'primary',
        role: 'base',
        citation: 'https://huggingface.co/Qwen/Qwen3.5-4B',
        source: { path, field: 'upstreams[0].id', at: { line: 11, column: 9, endLine: 11, endColumn: 24 } }
      },
      {
        raw: 'moonshotai/Kimi-K2.5',
        kind: 'hub-id',
        id: 'moonshotai/Kimi-K2.5',
        evidence: 'secondary',
        role: 'upstream',
        citation: 'MENS run 20260410T120000Z: provenance_upstream_model_id in training_manifest.json',
        source: { path, field: 'upstreams[1].id', at: { line: 17, column: 9, endLine: 17, endColumn: 29 } }
      }
    ]);
    expect(record.upstreamLicenses).toEqual([
      {
        id: 'apache-2.0',
        source: { path, field: 'upstreams[0].license', at: { line: 16, column: 14, endLine: 16, endColumn: 24 } }
      },
      {
        id: 'other',
        name: 'modified-mit',
        link: 'https://huggingface.co/moonshotai/Kimi-K2.5/blob/main/LICENSE',
        source: { path, field: 'upstreams[1].license.id', at: { line: 22, column: 11, endLine: 22, endColumn: 16 } }
      }
    ]);
  });

  it('reads license, attribution, datasets and digests', () => {
    expect(record.license).toEqual({
      id: 'other',
      name: 'modified-mit',
      link: 'LICENSE',
      source: { path, field: 'license.id', at: { line: 26, column: 7, endLine: 26, endColumn: 12 } }
    });
    expect(record.attribution).toEqual({
      text: 'Kimi K2.5: this adapter is trained on outputs of Kimi K2.5 (Moonshot AI), modified MIT license.',
      required: true,
      source: { path, field: 'attribution.text', at: { line: 30, column: 9, endLine: 30, endColumn: 106 } }
    });
    expect(record.datasets.map((d) => [d.raw, d.id, d.revision, d.license, d.source.field, d.source.at.line])).toEqual([
      [
        'OpenAssistant/oasst1',
        'OpenAssistant/oasst1',
        '0f2e5f1a1f3c4b5d6e7f8091a2b3c4d5e6f70819',
        'apache-2.0',
        'datasets[0].id',
        33
      ],
      ['vox-foundation/vox-dogfood-mix', 'vox-foundation/vox-dogfood-mix', undefined, undefined, 'datasets[1]', 36]
    ]);
    expect(record.digests).toEqual([
      {
        file: 'adapter_model.safetensors',
        sha256: 'e49ffa20651f4c598806e239a8607ca2311726f026fb7f835c1e9fbdfdee20a4',
        source: { path, field: 'weights[0].sha256', at: { line: 43, column: 13, endLine: 43, endColumn: 77 } }
      }
    ]);
  });

  it('is the example the documentation shows, field for field', () => {
    const documented = /## A complete example[\s\S]*?```yaml\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(parseYaml(documented!)).toEqual(parseYaml(EXAMPLE.toString('utf8')));
  });

  it('reads the same document written as *.lineage.json', () => {
    const json = JSON.stringify(parseYaml(EXAMPLE.toString('utf8')), null, 2);
    const fromJson = recordOf(readManifest('adapters/vox/vox.lineage.json', Buffer.from(json)));
    expect(fromJson.problems).toEqual([]);
    const strip = (r: LineageRecord) =>
      JSON.parse(JSON.stringify(r, (k, v) => (k === 'source' || k === 'anchor' || k === 'path' ? undefined : v)));
    expect(strip(fromJson.record)).toEqual(strip(record));
  });
});

describe('lineage-manifest: reading rules', () => {
  it('never ranks an entry above what its id supports', () => {
    const { record } = yaml(
      `schema: 1\nupstreams:\n  - id: /root/.cache/huggingface/hub/models--Qwen--Qwen3-4B/snapshots/${QWEN_SHA}\n` +
        `    evidence: primary\n  - id: Qwen/Qwen3-4B\n    evidence: inferred\n`
    );
    expect(record.upstreams.map((u) => [u.kind, u.id, u.revision, u.evidence])).toEqual([
      ['hub-cache-path', 'Qwen/Qwen3-4B', QWEN_SHA, 'inferred'],
      ['hub-id', 'Qwen/Qwen3-4B', undefined, 'inferred']
    ]);
  });

  it('keeps an id@revision over the revision field, and a branch as written', () => {
    const { record } = yaml(
      `schema: 1\nupstreams:\n  - id: org/a@${QWEN_SHA}\n    revision: main\n  - id: org/b\n    revision: main\n`
    );
    expect(record.upstreams.map((u) => u.revision)).toEqual([QWEN_SHA, 'main']);
  });

  it('accepts shorthand license and dataset strings', () => {
    const { record, problems } = yaml('schema: 1\nlicense: apache-2.0\ndatasets:\n  - org/data\n');
    expect(problems).toEqual([]);
    expect(record.license).toMatchObject({
      id: 'apache-2.0',
      source: { field: 'license', at: { line: 2, column: 10 } }
    });
    expect(record.datasets.map((d) => d.id)).toEqual(['org/data']);
  });

  it('reports unknown and misspelt keys, wrong enums and a missing schema at their lines', () => {
    const { record, problems } = yaml(
      'name: x\nrelation: lora\nupstream:\n  - id: org/a\nupstreams:\n  - id: org/b\n    relation: parent\n' +
        '    evidence: certain\n  - revision: main\nweights:\n  - path: ../escape.safetensors\n    sha256: abc\n'
    );
    expect(record.format).toBe('lineage-manifest');
    expect(problems).toEqual([
      '1:1 missing required property `schema`',
      '2:11 `relation` must be one of `adapter`, `finetune`, `merge`, ' +
        '`quantized`, `distillation`, `continued-pretraining` (got "lora")',
      '3:1 unknown property `upstream`',
      '7:15 `upstreams[0].relation` must be one of `base`, `upstream`, `merge-parent`, `quantized-from` (got "parent")',
      '8:15 `upstreams[0].evidence` must be one of `primary`, `secondary`, `inferred` (got "certain")',
      '9:5 missing required property `id` or `path` in `upstreams[1]`',
      '11:11 `weights[0].path` must match pattern ' +
        '"^(?!/)(?![A-Za-z]:)(?!.*(^|/)\\.\\.(/|$)).+$" (got "../escape.safetensors")',
      '12:13 `weights[0].sha256` must match pattern "^[0-9a-fA-F]{64}$" (got "abc")'
    ]);
    // What could be read still was: an invalid role falls back to `base`.
    expect(record.upstreams.map((u) => [u.id, u.role])).toEqual([['org/b', 'base']]);
  });

  it('reports `schema: 2` as the wrong version', () => {
    expect(yaml('schema: 2\n').problems).toEqual(['1:9 `schema` must be 1 (got 2)']);
  });

  it('is recognised by its name and any of its keys; a lineage-named file with none of them is unrecognised', () => {
    expect(yaml('upstreams: []\n', 'a/model.lineage.yaml').record.format).toBe('lineage-manifest');
    const stray = yaml('base_model: org/a\n', 'a/lineage.yml').record;
    expect(stray.format).toBe('unrecognised-manifest');
    expect(stray.upstreams.map((u) => u.id)).toEqual(['org/a']);
    expect(stray.notes[0]).toMatchObject({
      message: expect.stringContaining('has the name of a lineage manifest but is not one'),
      fix: expect.stringContaining('schema: 1')
    });
  });
});
