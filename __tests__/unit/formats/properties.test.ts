/**
 * Property-based tests: every parser takes any input to a result, never an exception, quickly.
 * LINEAGE_GATE_FC_RUNS raises the number of inputs per property for a long run (CI keeps 300).
 */
import fc from 'fast-check';
import { decodeManifest } from '../../../src/formats/decode.js';
import { readManifest } from '../../../src/formats/read-manifest.js';
import { classifyDatasetId, classifyUpstream } from '../../../src/lineage/classify.js';
import { extractFrontMatter } from '../../../src/source/front-matter.js';
import { parseJsonDocument } from '../../../src/source/json.js';
import { parseYamlDocument } from '../../../src/source/yaml.js';
import { FC_RUNS, timed } from '../../helpers/timed.js';

const options = { numRuns: FC_RUNS };

const KEYS = [
  'base_model',
  'base_model_name_or_path',
  'license',
  'license_name',
  'license_link',
  'peft_type',
  'format',
  'schema',
  'name',
  'upstreams',
  'id',
  'revision',
  'relation',
  'datasets',
  'provenance',
  'upstream_model_id',
  'model',
  'library_name',
  'tags',
  'weights',
  'sha256',
  '__proto__',
  'constructor',
  // Training, merge and serving configs' keys, so their formats are reached too.
  'model_name_or_path',
  'adapter_name_or_path',
  'finetuning_type',
  'stage',
  'template',
  'export_dir',
  'merge_method',
  'models',
  'slices',
  'sources',
  'tokenizer_source',
  '_name_or_path',
  'architectures',
  'model_type',
  'checkpointer',
  '_component_',
  'checkpoint_dir',
  'tokenizer',
  'path',
  'fine_tune_type',
  'lora_parameters',
  'iters',
  'steps-per-eval',
  'adapter',
  'lora_r',
  'sequence_len',
  'hub_model_id',
  'lora_model_dir',
  'base_model_config',
  'tokenizer_config',
  'dataset',
  'data',
  'resume_adapter_file'
];
const FORMAT_WORDS = [
  'LORA',
  'mens-adapter-manifest-v3',
  'candle_qlora_adapter_meta_v2',
  'Qwen/Qwen3-4B',
  'unknown',
  'torchtune.models.llama3.lora_llama3_8b',
  'slerp',
  '${output_dir}/x',
  'org/a+org/lora',
  'a,b, ,c',
  '/mnt/ckpt/base'
];

/** Modelfile-shaped text: directives (any case) with hostile values, comments and triple quotes. */
const modelfileish = fc
  .array(
    fc.tuple(
      fc.constantFrom('FROM', 'from', 'ADAPTER', 'LICENSE', 'PARAMETER', 'TEMPLATE', 'SYSTEM', 'MESSAGE', 'RUN', '#'),
      fc.oneof(
        fc.string(),
        fc.constantFrom('hf.co/org/repo:Q4_K_M', 'llama3.2:1b', './x.gguf', '"""', '"""a\nb"""', '"C:\\x.gguf"')
      )
    ),
    { maxLength: 30 }
  )
  .map((lines) => lines.map(([d, v]) => `${d} ${v}`).join('\n'));

/** Values shaped like manifests (known keys, hostile values), so format readers are reached. */
const manifestish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(...FORMAT_WORDS),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object')
  ),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value'), { maxKeys: 8 })
})).object;

const TOKENS = [
  '- ',
  ': ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '\n',
  '\r',
  '\r\n',
  '  ',
  '---',
  '...',
  '"',
  "'",
  '#',
  '|',
  '>',
  '? ',
  '!!str ',
  '<<: ',
  'license',
  'base_model',
  'Qwen/Qwen3-4B',
  '\t',
  '\\',
  '%YAML 1.2',
  '\uFEFF',
  '{"a":'
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join(''));

/** Deep nesting in JSON flow, YAML flow or YAML block form, balanced or not. */
const deepText = fc
  .tuple(fc.integer({ min: 1, max: 5000 }), fc.constantFrom('[', '{"a":', '- ', 'a:\n', '[{"k":'), fc.boolean())
  .map(([levels, open, closed]) => {
    if (open === 'a:\n')
      return Array.from({ length: Math.min(levels, 300) }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const close = open === '[' ? ']' : open === '- ' ? '' : open === '{"a":' ? '}' : '}]';
    return open.repeat(levels) + (open === '- ' ? 'x' : '1') + (closed ? close.repeat(levels) : '');
  });

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  tokenSoup,
  deepText,
  manifestish.map((v) => JSON.stringify(v, null, 1)),
  fc.jsonValue().map((v) => JSON.stringify(v))
);

const asCard = (yaml: string, body: string) => `---\n${yaml}\n---\n${body}`;
const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
  anyText.map((t) => Buffer.from(t)),
  fc.tuple(anyText, anyText).map(([y, b]) => Buffer.from(asCard(y, b)))
);

const NAMES = [
  'adapter_config.json',
  'training_manifest.json',
  'mens_adapter_manifest_v3.json',
  'candle_qlora_adapter_meta.json',
  'meta.json',
  'README.md',
  'model_card.md',
  'lineage.yaml',
  'x.lineage.json',
  'x.lineage.yml',
  'notes.txt',
  'qlora.yml',
  'config.json',
  'mergekit_config.yml',
  'card.md',
  'Modelfile',
  'makefile'
];

describe('parsers never throw and stay fast', () => {
  it('parseJsonDocument', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = timed(() => parseJsonDocument(text));
        expect('doc' in r || 'problem' in r).toBe(true);
      }),
      options
    );
  });

  it('parseYamlDocument (any line offset)', () => {
    fc.assert(
      fc.property(anyText, fc.nat(1000), (text, offset) => {
        const r = timed(() => parseYamlDocument(text, offset));
        expect('doc' in r || 'problem' in r).toBe(true);
      }),
      options
    );
  });

  it('extractFrontMatter', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.tuple(anyText, anyText).map(([y, b]) => asCard(y, b))
        ),
        (text) => {
          const r = timed(() => extractFrontMatter(text));
          expect(r === undefined || 'yaml' in r || 'unclosedAt' in r).toBe(true);
        }
      ),
      options
    );
  });

  it('decodeManifest', () => {
    fc.assert(
      fc.property(anyBytes, fc.option(fc.nat(), { nil: undefined }), (bytes, size) => {
        const r = timed(() => decodeManifest(bytes, size));
        expect('text' in r || 'problem' in r).toBe(true);
      }),
      options
    );
  });

  it.each(NAMES)('readManifest of %s', (name) => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const r = timed(() => readManifest(`dir/${name}`, bytes));
        expect(['record', 'not-a-manifest', 'unreadable']).toContain(r.kind);
      }),
      { numRuns: Math.max(1, Math.ceil(FC_RUNS / 2)) }
    );
  });

  it.each(NAMES.filter((n) => !n.endsWith('.txt')))('readManifest of a %s shaped like a manifest', (name) => {
    const text = name.endsWith('.md')
      ? manifestish.map((v) => asCard(JSON.stringify(v), '# Card\n'))
      : name.includes('.')
        ? manifestish.map((v) => JSON.stringify(v, null, 2))
        : modelfileish;
    fc.assert(
      fc.property(text, (t) => {
        const r = timed(() => readManifest(`dir/${name}`, Buffer.from(t)));
        expect(['record', 'not-a-manifest', 'unreadable']).toContain(r.kind);
      }),
      { numRuns: Math.max(1, Math.ceil(FC_RUNS / 2)) }
    );
  });

  it('classifyUpstream', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.jsonValue(), manifestish, fc.anything()), (raw) => {
        const r = timed(() => classifyUpstream(raw));
        expect(typeof r.kind).toBe('string');
      }),
      options
    );
  });

  it('classifyDatasetId', () => {
    const idish = fc
      .array(
        fc.constantFrom('org', '/', '@', 'main', 'a'.repeat(97), '..', '-', '_', '.', ' ', 'hf://datasets/', ':'),
        {
          maxLength: 12
        }
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(anyText, idish), (raw) => {
        const r = timed(() => classifyDatasetId(raw));
        expect(typeof r).toBe('object');
      }),
      options
    );
  });
});
