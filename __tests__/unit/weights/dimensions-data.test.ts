/**
 * data/base-dimensions.yaml: valid against its published schema, internally consistent, and the
 * generated module is what the script makes of it now.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { load } from 'js-yaml';
import type { RawDimensionsData } from '../../../src/weights/dimensions-types.js';
// @ts-expect-error -- a plain ESM script shared with `node scripts/dimensions-data.mjs`
import { GENERATED_FILE, renderDimensionsModule, validateDimensions } from '../../../scripts/dimensions-data.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8');
const yamlText = read('data/base-dimensions.yaml');
const data = load(yamlText) as RawDimensionsData;
const schema = JSON.parse(read('schemas/base-dimensions.schema.json')) as Record<string, unknown>;

/** Ids of the families fine-tuners use most, each of which must be in the table. */
const REQUIRED_IDS = [
  'meta-llama/Llama-2-7b-hf',
  'meta-llama/Llama-2-13b-hf',
  'meta-llama/Llama-2-70b-hf',
  'meta-llama/Meta-Llama-3-8B-Instruct',
  'meta-llama/Meta-Llama-3.1-8B-Instruct',
  'meta-llama/Llama-3.1-8B-Instruct',
  'meta-llama/Llama-3.1-70B-Instruct',
  'meta-llama/Llama-3.2-1B-Instruct',
  'meta-llama/Llama-3.2-3B-Instruct',
  'meta-llama/Llama-3.3-70B-Instruct',
  'Qwen/Qwen2.5-0.5B-Instruct',
  'Qwen/Qwen2.5-1.5B-Instruct',
  'Qwen/Qwen2.5-3B-Instruct',
  'Qwen/Qwen2.5-7B-Instruct',
  'Qwen/Qwen2.5-14B-Instruct',
  'Qwen/Qwen2.5-32B-Instruct',
  'Qwen/Qwen3-0.6B',
  'Qwen/Qwen3-1.7B',
  'Qwen/Qwen3-4B',
  'Qwen/Qwen3-8B',
  'Qwen/Qwen3-14B',
  'Qwen/Qwen3-32B',
  'google/gemma-2b',
  'google/gemma-7b',
  'google/gemma-2-2b',
  'google/gemma-2-9b',
  'google/gemma-2-27b',
  'google/gemma-3-1b-it',
  'google/gemma-3-4b-it',
  'google/gemma-3-12b-it',
  'google/gemma-3-27b-it',
  'mistralai/Mistral-7B-v0.1',
  'mistralai/Mistral-7B-Instruct-v0.3',
  'mistralai/Mixtral-8x7B-v0.1',
  'microsoft/Phi-3.5-mini-instruct',
  'TinyLlama/TinyLlama-1.1B-Chat-v1.0',
  'HuggingFaceTB/SmolLM2-135M',
  'HuggingFaceTB/SmolLM2-360M',
  'HuggingFaceTB/SmolLM2-1.7B',
  'deepseek-ai/DeepSeek-V3',
  'deepseek-ai/DeepSeek-R1',
  'moonshotai/Kimi-K2-Instruct',
  'openai/gpt-oss-20b'
];

describe('base-model dimension data', () => {
  it('matches schemas/base-dimensions.schema.json (draft 2020-12, strict, published $id)', () => {
    expect(schema.$id).toBe('https://github.com/lineage-gate/lineage-gate/schemas/base-dimensions.schema.json');
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validateDimensions(data, schema)).toEqual([]);
  });

  it('has a closed schema with a description on every property, and rejects what it forbids', () => {
    const defs = schema.$defs as Record<
      string,
      { type?: string; additionalProperties?: boolean; properties?: Record<string, { description?: string }> }
    >;
    const objects = [schema as (typeof defs)[string], ...Object.values(defs)].filter((d) => d.type === 'object');
    expect(objects).toHaveLength(3);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      for (const [name, prop] of Object.entries(object.properties ?? {}))
        expect({ name, described: typeof prop.description === 'string' }).toEqual({ name, described: true });
    }
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const entry = data.models[0];
    const withModel = (model: Record<string, unknown>) => ({ models: [{ ...entry, ...model }] });
    expect(validate(withModel({}))).toBe(true);
    expect(validate(withModel({ hidden_size: 0 }))).toBe(false);
    expect(validate(withModel({ hiddenSize: 4096 }))).toBe(false);
    expect(validate(withModel({ ids: ['llama-2-7b'] }))).toBe(false);
    expect(validate(withModel({ sources: [] }))).toBe(false);
    expect(validate(withModel({ sources: [{ ...entry.sources[0], commit: 'main' }] }))).toBe(false);
    expect(validate(withModel({ sources: [{ ...entry.sources[0], config: 'https://example.com/config.json' }] }))).toBe(
      false
    );
  });

  it('has every id once, ignoring case, and the ids fine-tuners use most', () => {
    const ids = data.models.flatMap((m) => m.ids);
    expect(new Set(ids.map((id) => id.toLowerCase())).size).toBe(ids.length);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
  });

  it('has one entry per distinct architecture size', () => {
    const sizes = data.models.map((m) =>
      JSON.stringify([
        m.model_type,
        m.hidden_size,
        m.num_hidden_layers,
        m.intermediate_size,
        m.vocab_size,
        m.num_attention_heads,
        m.num_key_value_heads,
        m.head_dim
      ])
    );
    expect(new Set(sizes).size).toBe(sizes.length);
  });

  it('gives head_dim only where hidden_size / num_attention_heads is not it, and heads that group', () => {
    for (const m of data.models) {
      const derived = m.hidden_size / m.num_attention_heads;
      const facts = {
        id: m.ids[0],
        headDimNeeded: m.head_dim === undefined ? Number.isInteger(derived) : m.head_dim !== derived,
        grouped: m.num_attention_heads % m.num_key_value_heads === 0
      };
      expect(facts).toEqual({ id: m.ids[0], headDimNeeded: true, grouped: true });
    }
  });

  it("cites, for every source, a Hub config.json of one of the entry's ids and a copy at a commit", () => {
    for (const m of data.models) {
      const ids = new Set(m.ids.map((id) => id.toLowerCase()));
      for (const s of m.sources) {
        const id = /^https:\/\/huggingface\.co\/([^/]+\/[^/]+)\/blob\//.exec(s.config)?.[1] ?? '';
        expect({ config: s.config, ofAnId: ids.has(id.toLowerCase()) }).toEqual({ config: s.config, ofAnId: true });
        expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
      }
    }
  });

  it('keeps the data file within 120 characters a line', () => {
    const long = yamlText.split('\n').filter((line) => line.length > 120);
    expect(long).toEqual([]);
  });

  it(`is what ${GENERATED_FILE} holds (run \`node scripts/dimensions-data.mjs\`)`, () => {
    const generated = read(GENERATED_FILE);
    expect(generated).toBe(renderDimensionsModule(data));
    expect(generated.split('\n')[0]).toMatch(
      /^\/\/ Generated by scripts\/dimensions-data\.mjs from data\/base-dimensions\.yaml\. Do not edit/
    );
  });
});
