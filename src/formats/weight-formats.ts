import type { LineageRecord } from '../lineage/record.js';
import type { WeightHeader } from '../weights/header.js';
import { readGgufRecord } from './gguf-header.js';
import { readSafetensorsRecord } from './safetensors-header.js';

/** Weight formats whose headers carry lineage evidence, by the record format id they produce. */
export const WEIGHT_RECORD_FORMATS = ['gguf-header', 'safetensors-header'] as const;

/** What a weight file's header says about lineage; undefined when it says nothing. */
export function readWeightRecord(path: string, header: WeightHeader): LineageRecord | undefined {
  const record = readGgufRecord(path, header) ?? readSafetensorsRecord(path, header);
  if (!record) return undefined;
  const saysSomething = record.upstreams.length > 0 || record.license || record.datasets.length > 0 || record.training;
  return saysSomething ? record : undefined;
}
