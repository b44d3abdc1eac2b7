/**
 * GGUF headers as lineage evidence (llama.cpp's `general.*` conventions): the base models, the
 * source the file was converted from, the license, datasets, and the architecture's dimensions.
 */
import { classifyDatasetId } from '../lineage/classify.js';
import { readHubUrl } from '../lineage/classify-url.js';
import type { LineageRecord, TrainingFacts } from '../lineage/record.js';
import type { GgufEntry, WeightHeader } from '../weights/header.js';
import { emptyWeightRecord, headerSource, headerUpstream, rawValue } from './weight-evidence.js';

export const GGUF_HEADER_FORMAT = 'gguf-header';

/** Most numbered entries (`general.base_model.N.*`) read: a hostile count cannot make the gate loop. */
const MAX_LISTED = 64;

type Entries = ReadonlyMap<string, GgufEntry>;

function text(entries: Entries, key: string): { value: string; entry: GgufEntry } | undefined {
  const entry = entries.get(key);
  return entry && typeof entry.value === 'string' ? { value: entry.value, entry } : undefined;
}

function count(entries: Entries, key: string): number {
  const value = entries.get(key)?.value;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? Math.min(value, MAX_LISTED) : 0;
}

/** The base models: `general.base_model.N.repo_url`, else a name that is itself a Hub id. */
function readBaseModels(path: string, entries: Entries, record: LineageRecord): void {
  for (let i = 0; i < count(entries, 'general.base_model.count'); i++) {
    for (const field of ['repo_url', 'url', 'name']) {
      const found = text(entries, `general.base_model.${i}.${field}`);
      if (!found) continue;
      const ref = headerUpstream(found.value, 'base', headerSource(path, found.entry.key, found.entry.offset));
      if (ref) {
        record.upstreams.push(ref);
        break;
      }
    }
  }
}

/** The repository the file was converted from (a quantization's original). */
function readSource(path: string, entries: Entries, record: LineageRecord): void {
  for (const key of ['general.source.repo_url', 'general.source.url', 'general.source.huggingface.repository']) {
    const found = text(entries, key);
    if (!found) continue;
    const ref = headerUpstream(found.value, 'quantized-from', headerSource(path, key, found.entry.offset));
    if (!ref) continue;
    // The same repository named as a base too is one claim, not two.
    if (!record.upstreams.some((u) => u.id?.toLowerCase() === ref.id?.toLowerCase())) record.upstreams.push(ref);
    return;
  }
}

function readLicense(path: string, entries: Entries, record: LineageRecord): void {
  const id = text(entries, 'general.license');
  const name = text(entries, 'general.license.name');
  const link = text(entries, 'general.license.link');
  if (!id && !name) return;
  const at = (id ?? name)!.entry;
  record.license = {
    ...(id ? { id: id.value } : {}),
    ...(name ? { name: name.value } : {}),
    ...(link ? { link: link.value } : {}),
    source: headerSource(path, at.key, at.offset)
  };
}

function readDatasets(path: string, entries: Entries, record: LineageRecord): void {
  for (let i = 0; i < count(entries, 'general.dataset.count'); i++) {
    const found = text(entries, `general.dataset.${i}.repo_url`) ?? text(entries, `general.dataset.${i}.name`);
    if (!found) continue;
    const url = readHubUrl(found.value);
    const dataset = url
      ? url.repoType === 'datasets' && url.id
        ? { id: url.id }
        : {}
      : classifyDatasetId(found.value);
    record.datasets.push({
      raw: rawValue(found.value),
      ...(dataset.id ? { id: dataset.id } : {}),
      source: headerSource(path, found.entry.key, found.entry.offset)
    });
  }
}

/** The model's own dimensions (`<arch>.embedding_length` …) and, for LoRA adapters, alpha. */
function readDimensions(path: string, entries: Entries): TrainingFacts | undefined {
  const arch = text(entries, 'general.architecture')?.value;
  const facts: TrainingFacts = {};
  const put = (key: keyof TrainingFacts, entryKey: string) => {
    const entry = entries.get(entryKey);
    if (typeof entry?.value === 'number')
      facts[key] = { value: entry.value, source: headerSource(path, entryKey, entry.offset) };
  };
  if (arch) {
    put('dModel', `${arch}.embedding_length`);
    put('layers', `${arch}.block_count`);
    put('heads', `${arch}.attention.head_count`);
    put('vocab', `${arch}.vocab_size`);
  }
  const tokens = entries.get('tokenizer.ggml.tokens');
  if (!facts.vocab && tokens && typeof tokens.value === 'object') {
    facts.vocab = { value: tokens.value.length, source: headerSource(path, tokens.key, tokens.offset) };
  }
  put('alpha', 'adapter.lora.alpha');
  return Object.keys(facts).length > 0 ? facts : undefined;
}

/** A GGUF header's lineage; undefined for anything but a parsed GGUF header. */
export function readGgufRecord(path: string, header: WeightHeader): LineageRecord | undefined {
  if (header.kind !== 'gguf') return undefined;
  const entries: Entries = new Map(header.entries.map((e) => [e.key, e]));
  const record = emptyWeightRecord(path, GGUF_HEADER_FORMAT);
  readBaseModels(path, entries, record);
  readSource(path, entries, record);
  readLicense(path, entries, record);
  readDatasets(path, entries, record);
  const dimensions = readDimensions(path, entries);
  if (dimensions) record.training = dimensions;
  const name = text(entries, 'general.name');
  if (name)
    record.name = { value: rawValue(name.value), source: headerSource(path, 'general.name', name.entry.offset) };
  return record;
}
