// The generated tree shared by the scan benchmarks: N small manifests (PEFT adapter_config.json,
// model cards, MENS training_manifest.json, lineage.yaml, in rotation over 6 upstreams including a
// local path), one directory per manifest, about two findings per manifest with default rules.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const BASES = [
  'Qwen/Qwen3-4B',
  'meta-llama/Llama-3.1-8B-Instruct',
  'google/gemma-2-9b-it',
  'unsloth/llama-3.2-1b-bnb-4bit',
  '/content/drive/MyDrive/base',
  'mistralai/Mistral-7B-Instruct-v0.3'
];

const json = (value) => JSON.stringify(value, null, 2);

/** The four manifest kinds: base model → [file name, text]. */
export const KINDS = [
  (b) => [
    'adapter_config.json',
    json({
      base_model_name_or_path: b,
      peft_type: 'LORA',
      r: 16,
      lora_alpha: 32,
      revision: null,
      target_modules: ['q_proj', 'v_proj'],
      task_type: 'CAUSAL_LM'
    })
  ],
  (b) => [
    'README.md',
    `---\nbase_model: ${b}\nlicense: apache-2.0\nlibrary_name: peft\ntags:\n- lora\n---\n\n# Adapter\n\nSome prose.\n`
  ],
  (b) => [
    'training_manifest.json',
    json({
      vocab_size: 151936,
      d_model: 2048,
      n_heads: 16,
      n_layers: 36,
      base_model: b,
      tokenizer_path: null,
      train_file: 't.jsonl',
      rank: 16,
      alpha: 32.0,
      seq_len: 512,
      epochs: 3,
      run_id: null,
      git_sha: null,
      device_profile: null
    })
  ],
  (b) => [
    'lineage.yaml',
    `schema: 1\nname: bench\nupstreams:\n  - id: ${b.startsWith('/') ? 'Qwen/Qwen3-4B' : b}\n` +
      `    revision: 1cfa9a7208912126459214e8b04321603b3df60c\nlicense: { id: apache-2.0 }\n`
  ]
];

/** Path (relative to the tree) and text of manifest i. */
export function manifest(i) {
  const [name, text] = KINDS[i % KINDS.length](BASES[i % BASES.length]);
  return [join(`team-${i % 50}`, `run-${i}`, name), text];
}

/** Writes manifests from..to-1 under dir. */
export function writeTree(dir, to, from = 0) {
  for (let i = from; i < to; i++) {
    const [path, text] = manifest(i);
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}
