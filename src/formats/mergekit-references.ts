/**
 * mergekit's model references (its `ModelReference`): a string `path[@revision]`, a string
 * `model+lora` (a LoRA mergekit applies to the model before merging), or an object
 * `{ model: path | {path, revision}, lora: path | {path, revision} }`.
 */
import { classifyUpstream } from '../lineage/classify.js';
import type { UpstreamRef, UpstreamRole } from '../lineage/record.js';
import type { PathSegment } from '../source/span.js';
import { upstreamAt } from './declarations.js';
import { isObject, own, sourceAt, valueAt } from './fields.js';
import type { FormatInput } from './format.js';

/** The LoRA half of a reference: an upstream the merge takes weights from, not a model it merges. */
const LORA_ROLE: UpstreamRole = 'upstream';

/** `path` or `{path, revision}` (mergekit's `ModelPath`). */
function modelPathAt(input: FormatInput, path: readonly PathSegment[], role: UpstreamRole): UpstreamRef | undefined {
  const value = valueAt(input.doc.value, path);
  if (!isObject(value)) return upstreamAt(input, path, role);
  const ref = upstreamAt(input, [...path, 'path'], role) ?? upstreamAt(input, path, role);
  const revision = own(value, 'revision');
  // Like `model@rev`: a revision written next to the path is the one mergekit loads.
  if (ref?.id && !ref.revision && typeof revision === 'string' && revision.trim()) ref.revision = revision;
  return ref;
}

/** `model+lora`: each half classified on its own, both pointing at the value as written. */
function splitReference(input: FormatInput, path: readonly PathSegment[], text: string, role: UpstreamRole) {
  const [model, lora] = text.split('+');
  const source = sourceAt(input, path);
  const note = `read from \`${text}\`, which mergekit reads as model \`${model}\` with the LoRA \`${lora}\``;
  const half = (raw: string, as: UpstreamRole): UpstreamRef => {
    const c = classifyUpstream(raw);
    return { ...c, recovered: c.recovered ? `${note}; ${c.recovered}` : note, raw, role: as, source };
  };
  return [half(model, role), half(lora, LORA_ROLE)];
}

/** The upstreams of the model reference at `path` (none when the key is absent). */
export function modelReferencesAt(input: FormatInput, path: readonly PathSegment[], role: UpstreamRole): UpstreamRef[] {
  const value = valueAt(input.doc.value, path);
  if (value === undefined) return [];
  if (typeof value === 'string' && value.split('+').length === 2) return splitReference(input, path, value, role);
  if (!isObject(value) || !Object.hasOwn(value, 'model')) {
    const ref = upstreamAt(input, path, role);
    return ref ? [ref] : [];
  }
  const out: UpstreamRef[] = [];
  const model = modelPathAt(input, [...path, 'model'], role);
  if (model) out.push(model);
  const lora = own(value, 'lora');
  if (lora !== undefined && lora !== null) out.push(modelPathAt(input, [...path, 'lora'], LORA_ROLE)!);
  return out;
}
