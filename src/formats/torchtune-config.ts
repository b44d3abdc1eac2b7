import schema from '../../schemas/torchtune-config.schema.json' with { type: 'json' };
import type { DatasetRef, LineageRecord } from '../lineage/record.js';
import type { PathSegment } from '../source/span.js';
import { datasetAt, emptyRecord, trainingFactsAt, upstreamAt } from './declarations.js';
import { own, stringAt, valueAt } from './fields.js';
import type { FormatInput, ManifestFormat } from './format.js';
import { listItemsAt, textAt } from './training-config.js';

const ID = 'torchtune-config';

/** The config blocks whose `_component_` names a torchtune builder in every recipe config. */
const COMPONENT_BLOCKS = ['model', 'checkpointer', 'tokenizer'];

/** Hugging Face `datasets` loaders: with one of these as `source`, the data is in `data_files`. */
const FILE_LOADERS = new Set(['json', 'csv', 'text', 'parquet', 'arrow']);

function isTorchtuneComponent(value: unknown): boolean {
  const component = own(value, '_component_');
  return typeof component === 'string' && component.startsWith('torchtune.');
}

/** A path with `/` separators and no trailing separator, for comparing directories. */
function normalisedPath(path: string): string {
  return path.trim().replace(/\\/g, '/').replace(/\/+$/, '');
}

/** The tokenizer file lies in the checkpoint directory (or is interpolated from it): the same upstream. */
function tokenizerInCheckpoint(input: FormatInput): boolean {
  const tokenizer = stringAt(input, ['tokenizer', 'path'])?.value;
  const dir = stringAt(input, ['checkpointer', 'checkpoint_dir'])?.value;
  if (tokenizer === undefined) return false;
  const file = normalisedPath(tokenizer);
  if (file.startsWith('${checkpointer.checkpoint_dir}')) return true;
  if (dir === undefined || !dir.trim()) return false;
  const base = normalisedPath(dir);
  return file === base || file.startsWith(`${base}/`);
}

/** One dataset block: its Hub `source`, or the local `data_files` a file loader reads. */
function datasetsOfBlock(input: FormatInput, path: readonly PathSegment[]): DatasetRef[] {
  const source = stringAt(input, [...path, 'source']);
  if (source && FILE_LOADERS.has(source.value.trim())) {
    const files = listItemsAt(input, [...path, 'data_files']).map((f) => ({ raw: f.value, source: f.source }));
    if (files.length > 0) return files;
  }
  const dataset = datasetAt(input, [...path, 'source']);
  return dataset ? [dataset] : [];
}

/** `dataset:` is one block or a list of blocks (a dataset mix). */
function readDatasets(input: FormatInput): DatasetRef[] {
  const value = valueAt(input.doc.value, ['dataset']);
  const blocks = Array.isArray(value) ? value.map((_, i) => ['dataset', i]) : [['dataset']];
  return blocks.flatMap((path) => datasetsOfBlock(input, path));
}

/**
 * The method, from the model builder's name: `lora_llama3_8b`, `qlora_llama2_7b`; any other
 * builder trains every weight.
 */
function relationOf(input: FormatInput): LineageRecord['relation'] {
  const component = stringAt(input, ['model', '_component_']);
  if (!component) return undefined;
  const builder = component.value.slice(component.value.lastIndexOf('.') + 1);
  const method = /^(q?lora|dora)_/.exec(builder)?.[1] ?? 'finetune';
  return { value: method, source: component.source };
}

/**
 * torchtune recipe config (`tune run <recipe> --config x.yaml`). The run starts from the
 * checkpointer's `checkpoint_dir`; `tokenizer.path` is a second upstream only when it lies outside
 * it; `checkpointer.model_type` names the model family; `output_dir` is the result, never an upstream.
 */
export const torchtuneConfig: ManifestFormat = {
  id: ID,
  name: 'torchtune config',
  syntax: 'yaml',
  recipe: true,
  upstreamHint:
    'set `checkpointer.checkpoint_dir` to the downloaded Hub model (`tune download org/name`) and ' +
    'declare its Hub id (`org/name`) in a lineage.yaml next to the config',
  schema,
  detect(value) {
    return COMPONENT_BLOCKS.some((key) => isTorchtuneComponent(own(value, key)));
  },
  read(input) {
    const record = emptyRecord(input, ID);
    const base = upstreamAt(input, ['checkpointer', 'checkpoint_dir'], 'base');
    if (base) record.upstreams.push(base);
    if (!tokenizerInCheckpoint(input)) {
      const tokenizer = upstreamAt(input, ['tokenizer', 'path'], 'tokenizer');
      if (tokenizer && tokenizer.kind !== 'empty') record.upstreams.push(tokenizer);
    }
    const family = textAt(input, ['checkpointer', 'model_type']);
    if (family) record.baseFamily = family;
    const relation = relationOf(input);
    if (relation) record.relation = relation;
    record.datasets = readDatasets(input);
    const training = trainingFactsAt(input, { rank: ['model', 'lora_rank'], alpha: ['model', 'lora_alpha'] });
    if (training) record.training = training;
    if (relation && relation.value !== 'finetune') record.training = { ...record.training, method: relation };
    return record;
  }
};
