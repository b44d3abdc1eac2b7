/**
 * File names that make a file worth reading as a manifest. The name only nominates a file;
 * its format is always decided by content (src/formats/registry.ts). Two tiers: the names of the
 * manifests the gate was built around (read, and reported when they are no known format), and any
 * JSON, YAML, Markdown or Modelfile, which is a manifest only when its content says so (a training
 * tool's config is called whatever its author liked).
 */

/** What a manifest's file name suggests it is. */
export type NameKind =
  'adapter-config' | 'mens-training' | 'mens-adapter-v3' | 'mens-sidecar-v2' | 'model-card' | 'lineage';

const EXACT: ReadonlyMap<string, NameKind> = new Map([
  ['adapter_config.json', 'adapter-config'],
  ['training_manifest.json', 'mens-training'],
  ['adapter_manifest.json', 'mens-adapter-v3'],
  ['mens_adapter_manifest_v3.json', 'mens-adapter-v3'],
  ['populi_adapter_manifest_v3.json', 'mens-adapter-v3'],
  ['candle_qlora_adapter_meta.json', 'mens-sidecar-v2'],
  ['adapter_meta_v2.json', 'mens-sidecar-v2'],
  ['meta.json', 'mens-sidecar-v2'],
  ['readme.md', 'model-card'],
  ['model_card.md', 'model-card'],
  ['lineage.yaml', 'lineage'],
  ['lineage.yml', 'lineage']
]);

/**
 * Names too common to claim a file on their own: a `meta.json` is a MENS sidecar only when its
 * content says so (or at least names a model), never merely by being called `meta.json`.
 */
const WEAK_NAMES: ReadonlySet<string> = new Set(['meta.json']);

export function basenameOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** lineage.yaml, lineage.yml, *.lineage.json, *.lineage.yaml, *.lineage.yml (any case). */
export function hasLineageName(basename: string): boolean {
  return /^lineage\.ya?ml$/i.test(basename) || /^[^.].*\.lineage\.(json|ya?ml)$/i.test(basename);
}

/** What the file's name suggests, or undefined when the name is no manifest's. */
export function nameKind(path: string): NameKind | undefined {
  const name = basenameOf(path);
  const lower = name.toLowerCase();
  const exact = EXACT.get(lower);
  if (exact) return exact;
  if (hasLineageName(name)) return 'lineage';
  if (/(model_card|readme).*\.md$/.test(lower)) return 'model-card';
  return undefined;
}

export function isWeakName(path: string): boolean {
  return WEAK_NAMES.has(basenameOf(path).toLowerCase());
}

/** True for files with a manifest's name (case-insensitive): read, and reported when they are none. */
export function isNamedManifest(path: string): boolean {
  return nameKind(path) !== undefined;
}

/** Ollama's `Modelfile`, `llama3.Modelfile`, `Modelfile.prod`: any name with "modelfile" in it. */
export function hasModelfileName(path: string): boolean {
  return /modelfile/i.test(basenameOf(path));
}

/**
 * JSON, YAML and Markdown of any name, Modelfiles, and files with no extension (a Modelfile saved
 * under another name): manifests only when their content says so.
 */
export function isContentCandidate(path: string): boolean {
  const name = basenameOf(path);
  return /\.(json|ya?ml|md)$/i.test(name) || hasModelfileName(path) || !name.includes('.');
}

/** True for files the gate reads to see whether they are manifests. */
export function isManifestCandidate(path: string): boolean {
  return isNamedManifest(path) || isContentCandidate(path);
}
