/**
 * safetensors headers as lineage evidence: the string map `__metadata__` sometimes names the base
 * model or license (tools differ; only keys that plainly mean it are read). Tensor shapes are read
 * by the shape check, not here.
 */
import type { LineageRecord } from '../lineage/record.js';
import type { WeightHeader } from '../weights/header.js';
import { loraFactors, loraLayout, uniformRank } from '../weights/lora-tensors.js';
import { isMlxAdapterWeights } from './mlx-adapter-config.js';
import { emptyWeightRecord, headerSource, headerUpstream } from './weight-evidence.js';

export const SAFETENSORS_HEADER_FORMAT = 'safetensors-header';

/** `__metadata__` keys that name the model the weights derive from. */
const BASE_KEYS = ['base_model', 'base_model_name_or_path', 'model_name_or_path'];
const LICENSE_KEYS = ['license', 'modelspec.license'];

/** A safetensors header's lineage; undefined for anything else. */
export function readSafetensorsRecord(path: string, header: WeightHeader): LineageRecord | undefined {
  if (header.kind !== 'safetensors') return undefined;
  const record = emptyWeightRecord(path, SAFETENSORS_HEADER_FORMAT);
  const metadata = header.metadata;
  for (const key of BASE_KEYS) {
    const value = Object.hasOwn(metadata, key) ? metadata[key] : undefined;
    const ref = value ? headerUpstream(value, 'base', headerSource(path, `__metadata__.${key}`)) : undefined;
    if (ref) {
      record.upstreams.push(ref);
      break;
    }
  }
  // The LoRA rank the tensors were trained with, to check against the rank a config declares.
  const layout = loraLayout(header.tensors);
  // `lora_a` / `lora_b` mean mlx_lm's orientation only in mlx_lm's own files.
  const factors =
    layout === 'peft' || (layout === 'mlx' && isMlxAdapterWeights(path)) ? loraFactors(header.tensors, layout) : [];
  const rank = uniformRank(factors);
  if (rank !== undefined) {
    record.training = { rank: { value: rank, source: headerSource(path, `${factors[0].tensor.name} shape`) } };
  }
  const licenseKey = LICENSE_KEYS.find((k) => Object.hasOwn(metadata, k) && metadata[k].trim());
  if (licenseKey)
    record.license = { id: metadata[licenseKey], source: headerSource(path, `__metadata__.${licenseKey}`) };
  return record;
}
