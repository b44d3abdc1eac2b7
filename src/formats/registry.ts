import { axolotlConfig } from './axolotl-config.js';
import type { ManifestFormat, Syntax } from './format.js';
import { hfModelCard } from './hf-model-card.js';
import { hfModelConfig } from './hf-model-config.js';
import { lineageManifest } from './lineage-manifest.js';
import { llamafactoryConfig } from './llamafactory-config.js';
import { mensAdapterManifestV3 } from './mens-adapter-manifest-v3.js';
import { mensAdapterSidecarV2 } from './mens-adapter-sidecar-v2.js';
import { mensTrainingManifest } from './mens-training-manifest.js';
import { mergekitConfig } from './mergekit-config.js';
import { mensDataMix } from './mens-data-mix.js';
import { mlxAdapterConfig } from './mlx-adapter-config.js';
import { mlxLmLoraConfig } from './mlx-lm-lora-config.js';
import { ollamaModelfile } from './ollama-modelfile.js';
import { peftAdapterConfig } from './peft-adapter-config.js';
import { torchtuneConfig } from './torchtune-config.js';

/**
 * Every supported format, in detection order: the most specific markers first (the project's own
 * manifest, then MENS `format` values), so a file that happens to carry another format's key too
 * is read as what it most clearly is. Training-tool configs follow the JSON formats, torchtune's
 * `_component_` markers first and mlx_lm's (the loosest: two of its keys) last.
 */
export const FORMATS: readonly ManifestFormat[] = [
  lineageManifest,
  mensAdapterManifestV3,
  mensAdapterSidecarV2,
  mensTrainingManifest,
  peftAdapterConfig,
  mlxAdapterConfig,
  torchtuneConfig,
  axolotlConfig,
  llamafactoryConfig,
  mergekitConfig,
  mensDataMix,
  hfModelConfig,
  mlxLmLoraConfig,
  ollamaModelfile,
  hfModelCard
];

/**
 * Repository path of each format's schema. All are `schemas/<format-id>.schema.json` except the
 * project's own manifest, whose schema is published as `schemas/lineage.schema.json`.
 */
export function schemaFileOf(formatId: string): string {
  return formatId === 'lineage-manifest' ? 'schemas/lineage.schema.json' : `schemas/${formatId}.schema.json`;
}

export function findFormat(id: string): ManifestFormat | undefined {
  return FORMATS.find((f) => f.id === id);
}

/** JSON and YAML hold the same data formats; front matter and Modelfiles only their own. */
function syntaxFamily(syntax: Syntax): string {
  return syntax === 'json' || syntax === 'yaml' ? 'data' : syntax;
}

/**
 * The first format whose content test passes. Front matter is only ever a model card, and a
 * model card only ever front matter; a Modelfile is only a Modelfile; JSON and YAML files may be
 * any of the data formats, but the formats written in the file's own syntax are asked first: mlx_lm
 * writes the same keys to its adapter_config.json and to its YAML training config, and each file is
 * what its syntax says.
 */
export function detectFormat(value: unknown, basename: string, syntax: Syntax): ManifestFormat | undefined {
  const family = syntaxFamily(syntax);
  const candidates = FORMATS.filter((f) => syntaxFamily(f.syntax) === family);
  const claims = (f: ManifestFormat) => f.detect(value, basename);
  return candidates.find((f) => f.syntax === syntax && claims(f)) ?? candidates.find(claims);
}
