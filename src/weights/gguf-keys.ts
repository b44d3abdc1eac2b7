/**
 * GGUF metadata keys that carry lineage and shape evidence, exactly as llama.cpp writes them.
 *
 * Verified against llama.cpp's gguf-py, file gguf-py/gguf/constants.py of ggml-org/llama.cpp at
 * commit 0024aa7417efd50a7c2a79e049dfbbbceb0beaaf (class Keys and class GGUFType):
 *
 *   Keys.General.TYPE                  general.type            (GGUFType: "model", "adapter", "imatrix", "mmproj")
 *   Keys.General.ARCHITECTURE          general.architecture
 *   Keys.General.NAME                  general.name
 *   Keys.General.BASENAME              general.basename
 *   Keys.General.FINETUNE              general.finetune
 *   Keys.General.ORGANIZATION          general.organization
 *   Keys.General.LICENSE               general.license
 *   Keys.General.LICENSE_NAME          general.license.name
 *   Keys.General.LICENSE_LINK          general.license.link
 *   Keys.General.SOURCE_URL            general.source.url
 *   Keys.General.SOURCE_REPO_URL       general.source.repo_url
 *   Keys.General.BASE_MODEL_COUNT      general.base_model.count
 *   Keys.General.BASE_MODEL_NAME       general.base_model.{id}.name
 *   Keys.General.BASE_MODEL_ORGANIZATION general.base_model.{id}.organization
 *   Keys.General.BASE_MODEL_VERSION    general.base_model.{id}.version
 *   Keys.General.BASE_MODEL_REPO_URL   general.base_model.{id}.repo_url
 *   Keys.General.BASE_MODEL_URL        general.base_model.{id}.url
 *   Keys.General.BASE_MODEL_DOI        general.base_model.{id}.doi
 *   Keys.General.BASE_MODEL_UUID       general.base_model.{id}.uuid
 *   Keys.General.DATASET_COUNT         general.dataset.count
 *   Keys.General.DATASET_*             general.dataset.{id}.name / organization / version / repo_url / url / doi /
 *                                      uuid (also .author and .description)
 *   Keys.LLM.VOCAB_SIZE                {arch}.vocab_size
 *   Keys.LLM.EMBEDDING_LENGTH          {arch}.embedding_length
 *   Keys.LLM.BLOCK_COUNT               {arch}.block_count
 *   Keys.LLM.FEED_FORWARD_LENGTH       {arch}.feed_forward_length
 *   Keys.Attention.HEAD_COUNT          {arch}.attention.head_count
 *   Keys.Attention.HEAD_COUNT_KV       {arch}.attention.head_count_kv
 *   Keys.Adapter.TYPE                  adapter.type
 *   Keys.Adapter.LORA_ALPHA            adapter.lora.alpha
 *
 * `{id}` is the 0-based index below the matching `.count`; `{arch}` is the value of general.architecture.
 */

export const GENERAL_TYPE = 'general.type';
export const GENERAL_ARCHITECTURE = 'general.architecture';
export const GENERAL_NAME = 'general.name';
export const GENERAL_BASENAME = 'general.basename';
export const GENERAL_FINETUNE = 'general.finetune';
export const GENERAL_ORGANIZATION = 'general.organization';

export const GENERAL_LICENSE = 'general.license';
export const GENERAL_LICENSE_NAME = 'general.license.name';
export const GENERAL_LICENSE_LINK = 'general.license.link';

export const GENERAL_SOURCE_URL = 'general.source.url';
export const GENERAL_SOURCE_REPO_URL = 'general.source.repo_url';

export const BASE_MODEL_COUNT = 'general.base_model.count';
export const DATASET_COUNT = 'general.dataset.count';

/** The fields each base model (and each dataset) may carry under its index. */
export type SourceField = 'name' | 'organization' | 'version' | 'repo_url' | 'url' | 'doi' | 'uuid';

/** `general.base_model.{id}.{field}` */
export function baseModelKey(id: number, field: SourceField): string {
  return `general.base_model.${id}.${field}`;
}

/** `general.dataset.{id}.{field}` */
export function datasetKey(id: number, field: SourceField): string {
  return `general.dataset.${id}.${field}`;
}

/** The per-architecture shape keys, `{arch}.…`. */
export type ArchField =
  | 'vocab_size'
  | 'embedding_length'
  | 'block_count'
  | 'feed_forward_length'
  | 'attention.head_count'
  | 'attention.head_count_kv';

/** `{arch}.{field}`, e.g. `llama.embedding_length`. */
export function archKey(arch: string, field: ArchField): string {
  return `${arch}.${field}`;
}

export const ADAPTER_TYPE = 'adapter.type';
export const ADAPTER_LORA_ALPHA = 'adapter.lora.alpha';

/** Values of general.type (GGUFType). */
export const GGUF_TYPE_MODEL = 'model';
export const GGUF_TYPE_ADAPTER = 'adapter';
