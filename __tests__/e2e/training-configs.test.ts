/**
 * End-to-end: a pull request that adds one file of each training-tool format (and a config of no
 * known format, and a model card under another name), through dist/index.js against a loopback
 * GitHub API. Every file is found by its content, and each error is annotated at its line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { tempDir } from '../helpers/git-repo.js';
import { pullRequestPayload, standInsClosedAfterEach, writeFiles } from '../helpers/pull-request-stand-in.js';
import { PROJECT_ROOT, runAction } from '../helpers/run-action.js';

const FILES: Record<string, string> = {
  'train/axolotl/qlora.yml': [
    'base_model: /data/models/Llama-3.1-8B',
    'adapter: qlora',
    'lora_r: 16',
    'sequence_len: 4096',
    'hub_model_id: acme/support-bot',
    'datasets:',
    '  - path: acme/tickets',
    '    type: alpaca',
    ''
  ].join('\n'),
  'train/llama-factory/sft.yaml': [
    '### model',
    'model_name_or_path: meta-llama/Llama 3.1-8B',
    'stage: sft',
    'finetuning_type: lora',
    'template: llama3',
    'dataset: alpaca_en_demo',
    ''
  ].join('\n'),
  'train/mlx/lora_config.yaml': [
    '# model passed on the command line',
    'fine_tune_type: lora',
    'iters: 600',
    'data: data',
    ''
  ].join('\n'),
  'train/torchtune/8B_lora.yaml': [
    'model:',
    '  _component_: torchtune.models.llama3.lora_llama3_8b',
    'checkpointer:',
    '  _component_: torchtune.training.FullModelHFCheckpointer',
    '  checkpoint_dir: /tmp/Meta-Llama-3-8B-Instruct/',
    '  model_type: LLAMA3',
    ''
  ].join('\n'),
  'merges/slerp/mergekit_config.yml': [
    'merge_method: slerp',
    'base_model: Qwen/Qwen2.5-7B-Instruct',
    'slices:',
    '  - sources:',
    '      - model: Qwen/Qwen2.5-7B-Instruct',
    '        layer_range: [0, 28]',
    '      - model: /mnt/ckpt/qwen-sft',
    '        layer_range: [0, 28]',
    'parameters:',
    '  t: 0.5',
    ''
  ].join('\n'),
  'models/merged/config.json': JSON.stringify(
    { _name_or_path: '/home/u/ckpt/merged', architectures: ['Qwen2ForCausalLM'], model_type: 'qwen2' },
    null,
    2
  ),
  'serve/Modelfile': [
    '# local build',
    'FROM llama3.2:1b',
    'PARAMETER temperature 0.2',
    'SYSTEM """You help."""',
    ''
  ].join('\n'),
  'train/custom/run.json': JSON.stringify({ lr: 2e-5, model_name_or_path: '/scratch/base' }, null, 2),
  'models/sql/MODEL_CARD.md': [
    '---',
    'base_model: Qwen/Qwen2.5-3B-Instruct',
    'license: mit',
    '---',
    '# SQL helper',
    ''
  ].join('\n')
};

const standIn = standInsClosedAfterEach();

/** The Action on a pull request that adds these files, through a loopback GitHub API. */
async function pullRequestAdding(files: Record<string, string>) {
  const dir = tempDir('lg-configs-pr-');
  writeFiles(dir, files);
  const gh = await standIn();
  for (const path of Object.keys(files)) gh.files.push({ path, status: 'added' });
  return runAction({
    workspace: dir,
    eventName: 'pull_request',
    payload: pullRequestPayload('opened', 'd'.repeat(40)),
    apiUrl: gh.server.url
  });
}

describe('training-tool configs in a pull request', () => {
  it('finds every format by content and annotates each error at its line', async () => {
    const dir = tempDir('lg-configs-pr-');
    writeFiles(dir, FILES);
    const gh = await standIn();
    for (const path of Object.keys(FILES)) gh.files.push({ path, status: 'added' });
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', 'd'.repeat(40)),
      apiUrl: gh.server.url,
      inputs: { 'report-file': 'report.json' }
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const errors = run.annotations
      .filter((a) => a.startsWith('::error '))
      .map((a) => /title=([a-z-]+),file=([^,]+),line=(\d+)/.exec(a)!.slice(1).join(' '))
      .sort();
    expect(errors).toEqual(
      [
        'invalid-hub-id train/llama-factory/sft.yaml 2',
        'missing-attribution models/sql/MODEL_CARD.md 2',
        'missing-upstream train/mlx/lora_config.yaml 2',
        'unresolvable-upstream merges/slerp/mergekit_config.yml 7',
        'unresolvable-upstream models/merged/config.json 2',
        'unresolvable-upstream serve/Modelfile 2',
        'unresolvable-upstream train/axolotl/qlora.yml 1',
        'unresolvable-upstream train/custom/run.json 3',
        'unresolvable-upstream train/torchtune/8B_lora.yaml 5'
      ].sort()
    );
    // Recipes owe no license: only the card is asked for one (it has it), and no config is.
    expect(run.annotations.join('\n')).not.toContain('title=missing-license');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      artifacts: { dir: string; manifests: { path: string; format: string }[] }[];
      run: { notes: string[] };
    };
    const formats = report.artifacts.flatMap((a) => a.manifests.map((m) => `${m.format} ${m.path}`)).sort();
    expect(formats).toEqual(
      [
        'axolotl-config train/axolotl/qlora.yml',
        'llamafactory-config train/llama-factory/sft.yaml',
        'mlx-lm-lora-config train/mlx/lora_config.yaml',
        'torchtune-config train/torchtune/8B_lora.yaml',
        'mergekit-config merges/slerp/mergekit_config.yml',
        'hf-model-config models/merged/config.json',
        'ollama-modelfile serve/Modelfile',
        'unrecognised-config train/custom/run.json',
        'hf-model-card models/sql/MODEL_CARD.md'
      ].sort()
    );
    // The file of no known format is listed in the run notes and in the job summary.
    expect(report.run.notes.join('\n')).toMatch(/1 file looked like a training config .*train\/custom\/run\.json/);
    expect(run.summary).toContain('train/custom/run.json');
  }, 60000);

  it("reads each tool's own revision setting, and its fix names the setting where the tool has one", async () => {
    const sha = '707f0a3b8a3c7ad586ed01e27eafbad8a27dd0f7';
    const files: Record<string, string> = {
      // Real: axolotl passes `revision_of_model` to from_pretrained as the revision.
      'train/gemma4/smoke.yaml': readFileSync(
        join(
          PROJECT_ROOT,
          '__tests__/fixtures/real-world-configs/axolotl/015-amazingvince__gemma4-fa4-kernels__gemma4-12b-smoke.yaml'
        ),
        'utf8'
      ),
      'train/axolotl-main/qlora.yml':
        'base_model: Qwen/Qwen3-4B\nadapter: qlora\nlora_r: 16\nrevision_of_model: main\n',
      'train/lf-pinned/sft.yaml': `model_name_or_path: Qwen/Qwen3-8B\nmodel_revision: ${sha}\nfinetuning_type: lora\n`,
      'train/lf/sft.yaml': 'model_name_or_path: Qwen/Qwen3-8B\nstage: sft\nfinetuning_type: lora\n',
      'serve/Modelfile': 'FROM hf.co/Qwen/Qwen3-8B-GGUF:Q4_K_M\n'
    };
    const run = await pullRequestAdding(files);
    expect(run.stderr).toBe('');
    const unpinned = run.annotations.filter((a) => a.includes('title=unpinned-revision,'));
    const at = (file: string) => unpinned.filter((a) => a.includes(`file=${file},`));
    expect(at('train/gemma4/smoke.yaml')).toEqual([]);
    expect(at('train/lf-pinned/sft.yaml')).toEqual([]);
    expect(at('train/axolotl-main/qlora.yml')).toHaveLength(1);
    expect(at('train/axolotl-main/qlora.yml')[0]).toContain('(revision "main" is a branch or tag, which moves)');
    expect(at('train/axolotl-main/qlora.yml')[0]).toContain(
      'Fix: Record the 40-hex commit sha of Qwen/Qwen3-4B that was used: `revision_of_model:` beside `base_model` ' +
        'in train/axolotl-main/qlora.yml, or `upstreams: [{ id: Qwen/Qwen3-4B, revision: <sha> }]` in a lineage.yaml ' +
        'in train/axolotl-main.'
    );
    expect(at('train/lf/sft.yaml')[0]).toContain('`model_revision:` beside `model_name_or_path` in train/lf/sft.yaml');
    // An Ollama Modelfile has no place for a commit: the fix asks for a lineage.yaml beside it.
    expect(at('serve/Modelfile')[0]).toContain(
      'that was used: `upstreams: [{ id: Qwen/Qwen3-8B-GGUF, revision: <sha> }]` in a lineage.yaml in serve.'
    );
  }, 60000);

  it("passes a distillation teacher's license duties to the student (axolotl gkd_teacher)", async () => {
    const files: Record<string, string> = {
      'student/gkd.yml': 'base_model: Qwen/Qwen3-0.6B\nadapter: lora\nlora_r: 8\ngkd_teacher: google/gemma-3-4b-it\n',
      'student/README.md': '---\nbase_model: Qwen/Qwen3-0.6B\nlicense: apache-2.0\n---\n# A student\n'
    };
    const run = await pullRequestAdding(files);
    expect(run.stderr).toBe('');
    const titled = (rule: string) => run.annotations.filter((a) => a.includes(`title=${rule},`));
    // Gemma's terms count a model trained on Gemma outputs as a derivative: its notice and terms are owed.
    expect(titled('missing-attribution')).toHaveLength(1);
    expect(titled('missing-attribution')[0]).toMatch(
      /file=student\/gkd\.yml,line=4,.*google\/gemma-3-4b-it \(`gkd_teacher`/
    );
    expect(titled('license-conflict')).toHaveLength(1);
    expect(run.annotations.join('\n')).not.toContain('title=inconsistent-lineage');
  }, 60000);
});
