/**
 * Word lists the upstream classifier judges strings by: what is template/placeholder text, what a
 * bare local directory is called, and which folder names never stand for a Hub organisation.
 * All comparisons are case-insensitive.
 */

/** Whole values that say "no real model here" (compared trimmed, lower-cased). */
const PLACEHOLDER_VALUES = new Set([
  'unknown',
  'unk',
  'todo',
  'tbd',
  'tba',
  'fixme',
  'xxx',
  'placeholder',
  'changeme',
  'change-me',
  'change_me',
  'model',
  'models',
  'base',
  'base_model',
  'base-model',
  'basemodel',
  'base model',
  'model_name',
  'model-name',
  'modelname',
  'model_id',
  'model-id',
  'model_name_or_path',
  'model-name-or-path',
  'base_model_name_or_path',
  'pretrained_model_name_or_path',
  'hf-model-id',
  'hf_model_id',
  'repo_id',
  'repo-id',
  'repo',
  'your-model-here',
  'your_model_here',
  'your-model',
  'your_model',
  'your-model-name',
  'your_model_name',
  'your-model-id',
  'my-model',
  'my_model',
  'none',
  'null',
  'nil',
  'undefined',
  'nan',
  'n/a',
  'na',
  'n.a.',
  'true',
  'false',
  '-',
  '--',
  '?',
  '??',
  '...',
  '…',
  'default',
  'custom',
  'example',
  'sample',
  'dummy',
  'test',
  'string',
  'str',
  'name',
  'more information needed',
  '[more information needed]',
  'not specified',
  'unspecified',
  'not applicable',
  'see readme',
  'same as above'
]);

/** Leading words that mark a template value however it continues (`PLACEHOLDER-a7b3d091`, `TODO: fill in`). */
const PLACEHOLDER_PREFIX = /^(placeholder|todo|tbd|fixme|changeme|xxx+)\b/i;

/**
 * Template syntax anywhere in the value: `<org>/<name>`, `{model}`, `{{ base }}`, `${BASE_MODEL}`,
 * `$MODEL_PATH`, `%MODEL%`, and the documentation idiom `path/to/…`.
 */
const TEMPLATE_SYNTAX = [
  /<[^<>]*>/,
  /\{[^{}]*\}/,
  /^\$[A-Za-z_]\w*$/,
  /^%[A-Za-z_]\w*%$/,
  /(^|[\\/])path[\\/]to([\\/]|$)/i
];

/** A whole value wrapped in `[...]` (Markdown-template style `[model id]`). */
const BRACKETED = /^\[.*\]$/s;

/** Namespaces and names that only appear together in examples (`your-org/your-model`, `test/model`). */
const PLACEHOLDER_NAMESPACES = new Set([
  'your-org',
  'your_org',
  'yourorg',
  'your-username',
  'your_username',
  'your-name',
  'your-user',
  'username',
  'user-name',
  'user',
  'org',
  'organization',
  'organisation',
  'my-org',
  'myorg',
  'namespace',
  'owner',
  'test',
  'example',
  'hf-user',
  'your-hf-username',
  'hf_username'
]);
const PLACEHOLDER_NAMES = new Set([
  'model',
  'your-model',
  'your_model',
  'my-model',
  'my_model',
  'model-name',
  'model_name',
  'your-model-name',
  'repo',
  'repo-name',
  'repo_name',
  'base-model',
  'base_model',
  'name',
  'test',
  'example',
  'model-id',
  'model_id'
]);

/** True when the value is template or placeholder text rather than a reference to anything. */
export function isPlaceholderText(value: string): boolean {
  const lower = value.trim().toLowerCase();
  if (PLACEHOLDER_VALUES.has(lower)) return true;
  if (PLACEHOLDER_PREFIX.test(lower)) return true;
  if (BRACKETED.test(lower)) return true;
  if (TEMPLATE_SYNTAX.some((re) => re.test(value))) return true;
  // `test/model@abc123`: the revision suffix does not make an example id real.
  const parts = lower.split('@')[0].split('/');
  return parts.length === 2 && PLACEHOLDER_NAMESPACES.has(parts[0]) && PLACEHOLDER_NAMES.has(parts[1]);
}

/** Single path segments that name a training output directory, never a Hub model. */
const LOCAL_DIR_WORDS = new Set([
  'output',
  'outputs',
  'out',
  'checkpoint',
  'checkpoints',
  'ckpt',
  'ckpts',
  'runs',
  'results',
  'lora',
  'lora_model',
  'lora-model',
  'lora_models',
  'lora_adapter',
  'lora-adapter',
  'lora_adapters',
  'adapter',
  'adapters',
  'peft_model',
  'peft_outputs',
  'final',
  'final_model',
  'final-model',
  'final_checkpoint',
  'merged',
  'merged_model',
  'merged-model',
  'saved_model',
  'saved_models',
  'pretrained',
  'pretrained_model',
  'pretrained_models',
  'pretrain_model',
  'weights',
  'local',
  'local_model',
  'local-model',
  'workspace',
  'tmp',
  'temp',
  'data',
  'cache',
  'hf_cache',
  'downloads',
  'trained_model',
  'finetuned_model',
  'fine_tuned_model',
  'mlx_model',
  'gguf',
  'exported_model'
]);
/** Trainer checkpoint folders: `checkpoint-500`, `global_step1000`, `epoch_3`, `step-200`. */
const CHECKPOINT_DIR = /^(checkpoint|global_step|step|epoch|iter)[-_]?\d+$/i;

/** True for a segment that names a local training/output directory (`output`, `checkpoint-500`). */
export function isLocalDirWord(segment: string): boolean {
  return LOCAL_DIR_WORDS.has(segment.toLowerCase()) || isCheckpointDir(segment);
}

export function isCheckpointDir(segment: string): boolean {
  return CHECKPOINT_DIR.test(segment);
}

/**
 * Sub-folders a downloaded model keeps a second copy of its weights in: `tune download` of a Meta
 * model puts them in `<model>/original/`. The model's own folder is the one above.
 */
const WEIGHTS_SUBFOLDERS = new Set(['original']);

export function isWeightsSubfolder(segment: string): boolean {
  return WEIGHTS_SUBFOLDERS.has(segment.toLowerCase());
}

/** File extensions of weights, configs and archives: a segment ending in one is a file, not a repo. */
const FILE_EXTENSION = new RegExp(
  '\\.(safetensors|bin|pt|pth|ckpt|gguf|ggml|onnx|h5|keras|msgpack|pb|tflite|mlmodel|mlpackage|npz|npy|pkl|pickle|' +
    'json|jsonl|ya?ml|txt|model|tiktoken|zip|tar|gz|tgz|7z|md)$',
  'i'
);

export function looksLikeFileName(segment: string): boolean {
  return FILE_EXTENSION.test(segment);
}

/**
 * Folder names that hold models but are not a Hub organisation, so `<folder>/<name>` at the end of
 * a path recovers nothing (`/data/models/Baichuan2-7B-Base`, `~/Downloads/gpt2`).
 */
const GENERIC_FOLDERS = new Set([
  'downloads',
  'download',
  'models',
  'model',
  'pretrain_model',
  'pretrain_models',
  'pretrained',
  'pretrained_model',
  'pretrained_models',
  'pretrain',
  'base_models',
  'base_model',
  'llm',
  'llms',
  'hf_models',
  'hf-models',
  'model_zoo',
  'model_hub',
  'zoo',
  'content',
  'drive',
  'mydrive',
  'root',
  'home',
  'users',
  'user',
  'tmp',
  'temp',
  'output',
  'outputs',
  'checkpoints',
  'checkpoint',
  'ckpt',
  'ckpts',
  'hub',
  'snapshots',
  'cache',
  '.cache',
  'huggingface',
  'hf',
  'hf_cache',
  'transformers',
  'modelscope',
  'data',
  'datasets',
  'dataset',
  'workspace',
  'workspaces',
  'work',
  'mnt',
  'media',
  'volumes',
  'storage',
  'disk',
  'nas',
  'shared',
  'share',
  'public',
  'private',
  'desktop',
  'documents',
  'projects',
  'project',
  'src',
  'code',
  'repos',
  'opt',
  'srv',
  'var',
  'local',
  'dev',
  'runs',
  'results',
  'lora',
  'adapters',
  'weights',
  'exp',
  'experiments',
  'input',
  'kaggle',
  'working',
  'autodl-tmp',
  'autodl-fs',
  'files',
  'pytorch',
  'torch',
  'tensorflow',
  'tensorflow2',
  'tfjs',
  'keras',
  'jax',
  'flax',
  'gguf',
  'tflite',
  'onnx',
  'other',
  'saved_models',
  'mlx_models',
  'ollama',
  'lmstudio',
  'text-generation-webui'
]);

/** A folder named for what a run did to the models it holds (`finetuned_models`, `merged-models`, `my_model`). */
const MADE_MODELS_FOLDER =
  /^(fine[-_]?tuned|trained|merged|saved|exported|converted|quantized|my|local|custom|peft|lora)[-_]models?$/i;

export function isGenericFolder(segment: string): boolean {
  return GENERIC_FOLDERS.has(segment.toLowerCase()) || MADE_MODELS_FOLDER.test(segment);
}
