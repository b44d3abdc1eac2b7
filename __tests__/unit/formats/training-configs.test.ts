/**
 * The training-tool config formats (axolotl, LLaMA-Factory, mlx_lm YAML, torchtune) against the
 * real-world fixtures and their hand judgements (real-world-configs/JUDGEMENTS.md): detection by
 * content, what each file reads to, where each value was written, and hostile shapes.
 */
import fc from 'fast-check';
import type { ManifestFormat } from '../../../src/formats/format.js';
import { detectFormat, FORMATS } from '../../../src/formats/registry.js';
import { validateManifest } from '../../../src/formats/validate.js';
import { classifyUpstream } from '../../../src/lineage/classify.js';
import type { LineageRecord } from '../../../src/lineage/record.js';
import { parseJsonDocument } from '../../../src/source/json.js';
import { parseYamlDocument } from '../../../src/source/yaml.js';
import type { SourceDocument } from '../../../src/source/document.js';
import { FC_RUNS } from '../../helpers/timed.js';
import { configFixtures, configFixturesOf } from './real-world-configs.js';

const TRAINING_FORMATS = ['axolotl-config', 'llamafactory-config', 'mlx-lm-lora-config', 'torchtune-config'];
const TOOL_OF: Record<string, string> = {
  axolotl: 'axolotl-config',
  llamafactory: 'llamafactory-config',
  'mlx-lm': 'mlx-lm-lora-config',
  torchtune: 'torchtune-config'
};

function yamlDoc(text: string): SourceDocument {
  const parsed = parseYamlDocument(text);
  if ('problem' in parsed) throw new Error(`fixture must parse: ${parsed.problem.reason}`);
  return parsed.doc;
}

function formatById(id: string): ManifestFormat {
  const format = FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`no format ${id}`);
  return format;
}

/** What readManifest does for a candidate: detect by content, read, validate. */
function readYaml(path: string, text: string) {
  const doc = yamlDoc(text);
  const format = detectFormat(doc.value, path.slice(path.lastIndexOf('/') + 1), 'yaml');
  if (!format) return { format: undefined, record: undefined, problems: [] as string[] };
  const record = format.read({ path, doc });
  const problems = validateManifest(format, path, doc).map((p) => `${p.at.line}:${p.at.column} ${p.message}`);
  return { format: format.id, record, problems };
}

function readFixture(file: string) {
  const fixture = configFixtures().find((f) => f.file === file);
  if (!fixture) throw new Error(`no fixture ${file}`);
  const result = readYaml(fixture.repoPath, fixture.text);
  if (!result.record) throw new Error(`${file} was not detected`);
  return { ...result, record: result.record };
}

/** The reading a test compares with JUDGEMENTS.md: upstreams (raw, role, line), datasets, name, relation. */
function summary(record: LineageRecord) {
  return {
    upstreams: record.upstreams.map((u) => [u.raw, u.role, u.source.at.line]),
    datasets: record.datasets.map((d) => [d.raw, d.id, d.source.at.line]),
    localRefs: (record.localRefs ?? []).map((l) => [l.raw, l.role, l.source.at.line]),
    name: record.name?.value,
    relation: record.relation?.value
  };
}

type Expected = Partial<ReturnType<typeof summary>>;

function expectReading(file: string, expected: Expected) {
  const { format, record, problems } = readFixture(file);
  expect(format).toBe(TOOL_OF[file.split('/')[0]]);
  expect(problems).toEqual([]);
  expect(summary(record)).toEqual({ upstreams: [], datasets: [], localRefs: [], ...expected });
}

describe('detection', () => {
  it.each(Object.keys(TOOL_OF))(
    'reads every parseable %s fixture as its format, and no other tool claims it',
    (tool) => {
      for (const fixture of configFixturesOf(tool)) {
        const parsed = parseYamlDocument(fixture.text);
        if ('problem' in parsed) continue;
        const claiming = TRAINING_FORMATS.filter((id) => formatById(id).detect(parsed.doc.value, fixture.repoPath));
        expect([fixture.file, claiming]).toEqual([fixture.file, [TOOL_OF[tool]]]);
        expect([fixture.file, detectFormat(parsed.doc.value, 'x.yaml', 'yaml')?.id]).toEqual([
          fixture.file,
          TOOL_OF[tool]
        ]);
      }
    }
  );

  it('claims no mergekit config, not even the dataset-compilation merge_config.yml', () => {
    const training = new Set(Object.values(TOOL_OF));
    for (const fixture of configFixturesOf('mergekit')) {
      const parsed = parseYamlDocument(fixture.text);
      if ('problem' in parsed) continue;
      const id = detectFormat(parsed.doc.value, 'merge_config.yml', 'yaml')?.id;
      expect([fixture.file, id !== undefined && training.has(id)]).toEqual([fixture.file, false]);
    }
  });

  it('leaves llamafactory/007 unreadable: `report_to:wandb` is not YAML', () => {
    const fixture = configFixturesOf('llamafactory').find((f) => f.file.includes('/007-'))!;
    expect(parseYamlDocument(fixture.text)).toMatchObject({ problem: { reason: expect.stringContaining('YAML') } });
  });

  const unrelated: Record<string, string> = {
    'GitHub workflow':
      'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
    'docker-compose':
      'services:\n  web:\n    image: "org/model-server:latest"\n    environment:\n      MODEL: Qwen/Qwen2.5-7B\n',
    mkdocs: 'site_name: Docs\nnav:\n  - Home: index.md\ntheme:\n  name: material\n',
    'k8s deployment':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: model\nspec:\n  template:\n' +
      '    spec:\n      containers:\n        - name: m\n          image: vllm/vllm-openai\n',
    'model-card-like YAML': 'base_model: Qwen/Qwen2.5-7B\nlicense: apache-2.0\ndatasets:\n  - org/data\n',
    'TRL config': 'model_name_or_path: Qwen/Qwen2.5-0.5B\ndataset_name: trl-lib/Capybara\nlearning_rate: 2.0e-5\n',
    'Hydra optimizer block':
      'optimizer:\n  _component_: torch.optim.AdamW\n  lr: 3e-4\nmodel:\n  _component_: my.Model\n',
    'one mlx-like key': 'iters: 100\nmodel: gpt2\ndata: data\n',
    'transformers config': 'model_type: t5\nnum_layers: 6\nd_model: 512\n'
  };
  it.each(Object.entries(unrelated))('claims no %s', (_, text) => {
    expect(detectFormat(yamlDoc(text).value, 'config.yaml', 'yaml')).toBeUndefined();
  });

  it('asks the formats of the file’s own syntax first: mlx_lm writes the same keys to JSON and YAML', () => {
    const value = { model: 'Qwen/Qwen2.5-3B-Instruct', fine_tune_type: 'lora', iters: 100 };
    expect(detectFormat(value, 'lora_config.yaml', 'yaml')?.id).toBe('mlx-lm-lora-config');
    expect(detectFormat(value, 'adapter_config.json', 'json')?.id).toBe('mlx-adapter-config');
    // A YAML file no YAML format claims may still be a JSON format's (a PEFT config saved as YAML).
    expect(detectFormat({ peft_type: 'LORA' }, 'adapter_config.yaml', 'yaml')?.id).toBe('peft-adapter-config');
  });

  it('marks every training-tool config a recipe with its own upstream hint', () => {
    for (const id of TRAINING_FORMATS) {
      const format = formatById(id);
      expect([id, format.syntax, format.recipe]).toEqual([id, 'yaml', true]);
      expect(format.upstreamHint).toMatch(/Hub id \(`org\/name`\)/);
    }
  });
});

describe('axolotl-config', () => {
  it('reads base_model, datasets[].path and adapter, each where it was written', () => {
    const { record } = readFixture('axolotl/001-MetinovAdik__mistral-config__qlora.yml');
    const path = 'qlora.yml';
    expect(record.upstreams).toEqual([
      {
        raw: 'mistralai/Mistral-7B-v0.1',
        kind: 'hub-id',
        id: 'mistralai/Mistral-7B-v0.1',
        evidence: 'primary',
        role: 'base',
        source: { path, field: 'base_model', at: { line: 1, column: 13, endLine: 1, endColumn: 38 } }
      }
    ]);
    expect(record.datasets).toEqual([
      {
        raw: 'metinovadilet/kg_news',
        id: 'metinovadilet/kg_news',
        source: { path, field: 'datasets[0].path', at: { line: 10, column: 11, endLine: 10, endColumn: 32 } }
      }
    ]);
    expect(record.relation).toEqual({
      value: 'qlora',
      source: { path, field: 'adapter', at: { line: 16, column: 10, endLine: 16, endColumn: 15 } }
    });
    expect(record.localRefs).toBeUndefined();
    expect(record.training).toMatchObject({ rank: { value: 8 }, alpha: { value: 32 }, method: { value: 'qlora' } });
    expect(record.training?.rank?.source.at.line).toBe(23);
  });

  it.each([
    [
      '002-paulwong888__python-rag__config_qlora.yml',
      {
        upstreams: [['NousResearch/Meta-Llama-3.1-8B', 'base', 1]],
        datasets: [['leo009/lawdata', 'leo009/lawdata', 10]],
        relation: 'qlora'
      }
    ],
    [
      // hub_model_id is the output's name, never an upstream.
      '003-yxzwayne__Medilora__qlora.yml',
      {
        upstreams: [['yxzwayne/medilora-usmle-textbook-adapter', 'base', 1]],
        datasets: [['yxzwayne/mimic_iii_diagnosis_anonymous', 'yxzwayne/mimic_iii_diagnosis_anonymous', 11]],
        name: 'medilora-mimic-adapter',
        relation: 'qlora'
      }
    ],
    [
      // rl: dpo; the only dataset is a local data_files path.
      '004-thepowerfuldeez__qwen2_1_5b_summarize__axolotl_config.yaml',
      {
        upstreams: [['Qwen/Qwen2-1.5B-Instruct', 'base', 1]],
        datasets: [['/mnt/harddrive/datasets/text/raw_data/short_len_dpo_dataset.jsonl', undefined, 14]],
        relation: 'qlora'
      }
    ],
    [
      '005-bamboochen92518__ADL_HW3-Instruction-Tuning__qlora.yml',
      {
        upstreams: [['Taiwan-LLM-7B-v2.0-chat', 'base', 1]],
        datasets: [['data/new_train_with_prompt.json', undefined, 11]],
        relation: 'qlora'
      }
    ],
    [
      '006-nicogreeco__shakespeare-axolotl-workshop__axolotl.yaml',
      {
        upstreams: [['Qwen/Qwen2.5-7B-Instruct', 'base', 1]],
        datasets: [
          ['/inputs/datasets/v1/train.jsonl', undefined, 6],
          ['/inputs/datasets/v1/validation.jsonl', undefined, 10]
        ],
        relation: 'lora'
      }
    ],
    [
      // `adapter:` empty: a full fine-tune.
      '007-johnlund__epistemic-stance__axolotl_config.yaml',
      {
        upstreams: [['mistralai/Magistral-Small-2509', 'base', 5]],
        datasets: [['final_training_data_formatted.jsonl', undefined, 19]],
        name: 'johnclund/epistemic-stance-analyzer',
        relation: 'finetune'
      }
    ],
    [
      '008-long-olivia__subliminal_reimplementation__axolotl_config.yaml',
      {
        upstreams: [['Qwen/Qwen2.5-7B-Instruct', 'base', 2]],
        datasets: [['./datasets/backdoor.jsonl', undefined, 5]],
        name: 'olivialong/backdoored_subliminal',
        relation: 'lora'
      }
    ],
    [
      // datasets[].type is a mapping: tolerated.
      '010-omkar-334__DEITA__qlora.yml',
      {
        upstreams: [['mistralai/Mistral-7B-v0.1', 'base', 1]],
        datasets: [['BhabhaAI/DEITA-Complexity', 'BhabhaAI/DEITA-Complexity', 10]],
        relation: 'qlora'
      }
    ]
  ])('reads axolotl/%s as judged', (file, expected) => expectReading(`axolotl/${file}`, expected));

  it('reads all 18 Hub datasets of axolotl/009', () => {
    const { record } = readFixture('axolotl/009-TanametTpk__util-llm-script__qlora.yml');
    expect(summary(record).upstreams).toEqual([['tanamettpk/TC-novid-v1', 'base', 1]]);
    expect(record.datasets).toHaveLength(18);
    expect(record.datasets.every((d, i) => d.id === d.raw && d.source.at.line === 10 + 2 * i)).toBe(true);
    expect(record.datasets.map((d) => d.id)).toEqual(
      expect.arrayContaining(['Thaweewat/alpaca-cleaned-52k-th', 'yahma/alpaca-cleaned'])
    );
  });

  const axolotl = (extra: string) =>
    readYaml('axolotl.yml', `base_model: Qwen/Qwen2.5-7B\nadapter: lora\nsequence_len: 2048\n${extra}`);

  it('reads base_model_config and tokenizer_config only when they differ from base_model', () => {
    const same = axolotl('base_model_config: Qwen/Qwen2.5-7B\ntokenizer_config: Qwen/Qwen2.5-7B\n').record!;
    expect(summary(same).upstreams).toEqual([['Qwen/Qwen2.5-7B', 'base', 1]]);
    const other = axolotl('base_model_config: Qwen/Qwen2.5-7B-Instruct\ntokenizer_config: ./tok\n').record!;
    expect(other.upstreams.map((u) => [u.raw, u.role, u.kind, u.source.field])).toEqual([
      ['Qwen/Qwen2.5-7B', 'base', 'hub-id', 'base_model'],
      ['Qwen/Qwen2.5-7B-Instruct', 'upstream', 'hub-id', 'base_model_config'],
      ['./tok', 'tokenizer', 'local-path', 'tokenizer_config']
    ]);
  });

  it("reads gkd_teacher as an upstream: a distillation run learns from the teacher's outputs", () => {
    // Real: axolotl's examples/gkd/qwen3-0.6B-gkd.yaml.
    expectReading('axolotl/016-axolotl-ai-cloud__axolotl__qwen3-0.6B-gkd.yaml', {
      upstreams: [
        ['Qwen/Qwen3-0.6B', 'base', 3],
        ['Qwen/Qwen3-4B', 'upstream', 9]
      ],
      datasets: [['mlabonne/FineTome-100k', 'mlabonne/FineTome-100k', 17]],
      relation: 'finetune'
    });
    // The same id as the base names no second upstream.
    const same = axolotl('gkd_teacher: Qwen/Qwen2.5-7B\n').record!;
    expect(same.upstreams.map((u) => u.source.field)).toEqual(['base_model']);
  });

  it('reads revision_of_model as the revision of base_model (axolotl loads the base at it)', () => {
    const sha = '707f0a3b8a3c7ad586ed01e27eafbad8a27dd0f7';
    const pinned = readFixture('axolotl/015-amazingvince__gemma4-fa4-kernels__gemma4-12b-smoke.yaml').record;
    expect(pinned.upstreams.map((u) => [u.id, u.revision, u.source.at.line])).toEqual([
      ['google/gemma-4-12B-it', sha, 2]
    ]);
    // Written in the id already, the id's own revision stands; a branch stays as written for the rule.
    expect(axolotl(`revision_of_model: ${sha}\n`).record!.upstreams[0].revision).toBe(sha);
    expect(axolotl('revision_of_model: main\n').record!.upstreams[0].revision).toBe('main');
    expect(axolotl('revision_of_model: ""\n').record!.upstreams[0].revision).toBeUndefined();
  });

  it('reads lora_model_dir as a parent adapter: a Hub id is an upstream, a local path a local reference', () => {
    const hub = axolotl('lora_model_dir: org/parent-adapter\n').record!;
    expect(summary(hub).upstreams).toEqual([
      ['Qwen/Qwen2.5-7B', 'base', 1],
      ['org/parent-adapter', 'upstream', 4]
    ]);
    const local = axolotl('lora_model_dir: ./outputs/lora-out\n').record!;
    expect(summary(local)).toMatchObject({
      upstreams: [['Qwen/Qwen2.5-7B', 'base', 1]],
      localRefs: [['./outputs/lora-out', 'upstream', 4]]
    });
  });

  it('reads pretraining_dataset as an id or a list, and entries with only data_files as local files', () => {
    const { record } = axolotl(
      'pretraining_dataset: allenai/c4\ndatasets:\n  - data_files: [a.jsonl, b.jsonl]\n    type: alpaca\n'
    );
    expect(summary(record!).datasets).toEqual([
      ['a.jsonl', undefined, 6],
      ['b.jsonl', undefined, 6],
      ['allenai/c4', 'allenai/c4', 4]
    ]);
    expect(record!.datasets[1].source.field).toBe('datasets[0].data_files[1]');
  });

  it('says full fine-tune when adapter is absent, pointing at the first key', () => {
    const { record } = readYaml('a.yml', 'base_model: org/m\nsequence_len: 512\nnum_epochs: 1\n');
    expect(record!.relation).toMatchObject({ value: 'finetune', source: { field: 'base_model' } });
    // A value that is no method name (a schema problem) says nothing about the method.
    expect(readYaml('a.yml', 'base_model: org/m\nsequence_len: 512\nadapter: 7\n').record!.relation).toBeUndefined();
  });
});

describe('llamafactory-config', () => {
  it('reads model_name_or_path and the comma-separated datasets, each item at its own column', () => {
    const { record } = readFixture('llamafactory/001-aa-n__Qwen3_Lora__training_args.yaml');
    expect(record.upstreams[0]).toMatchObject({
      raw: '/dev/shm/Qwen/Qwen3-14B',
      kind: 'local-path',
      id: 'Qwen/Qwen3-14B',
      evidence: 'inferred',
      role: 'base',
      source: { field: 'model_name_or_path', at: { line: 20, column: 21, endLine: 20, endColumn: 44 } }
    });
    expect(record.datasets.map((d) => [d.raw, d.id, d.source.field, d.source.at])).toEqual([
      ['tcm', undefined, 'dataset', { line: 3, column: 10, endLine: 3, endColumn: 13 }],
      ['mdk', undefined, 'dataset', { line: 3, column: 14, endLine: 3, endColumn: 17 }],
      ['NLI', undefined, 'dataset', { line: 3, column: 18, endLine: 3, endColumn: 21 }]
    ]);
    expect(record.training).toMatchObject({ rank: { value: 8 }, alpha: { value: 16 }, method: { value: 'lora' } });
  });

  it.each([
    [
      // A predict run on a local adapter: the adapter is a local parent, not an upstream.
      '002-gi7014__SunXiaochuan-V1__training_args.yaml',
      {
        upstreams: [['Qwen/Qwen2.5-3B-Instruct', 'base', 10]],
        localRefs: [['saves/Qwen2.5-3B-Instruct/lora/normal_gpt', 'upstream', 1]],
        datasets: [['sunxiaochuan', undefined, 5]],
        relation: 'lora'
      }
    ],
    [
      // CRLF line endings, an unquoted Windows path.
      '003-zxzx011127__continuous-casting-crack-LLM__training_args.yaml',
      {
        upstreams: [['D:\\wxk_program\\models\\Qwen2.5-7B-Instruct', 'base', 24]],
        datasets: [['my_custom_train', undefined, 3]],
        relation: 'lora'
      }
    ],
    [
      '004-travelucky__llm-finetuning-experiments__training_args.yaml',
      { upstreams: [['Qwen/Qwen3-4B-Base', 'base', 23]], datasets: [['mdd_5k', undefined, 3]], relation: 'lora' }
    ],
    [
      '005-Jincheng05__HiHappy__training_args.yaml',
      {
        upstreams: [['/mnt/nvme1n1/wjc/Model/Qwen3-8B-merged', 'base', 22]],
        datasets: [['My_data', undefined, 3]],
        relation: 'lora'
      }
    ],
    [
      '006-CanerFk__Yelbegen__training_args.yaml',
      { upstreams: [['t3ai-org/pt-model', 'base', 20]], datasets: [['soru_cevap', undefined, 3]], relation: 'lora' }
    ],
    [
      '008-haomingdouranggouqil__qilv_classify_model__llama3_lora_sft.yaml',
      {
        upstreams: [['C:/Users/MSI-NB/Desktop/LLaMA-Factory/qwen2/Qwen2-7B-Instruct-GPTQ-Int4', 'base', 1]],
        localRefs: [['C:/Users/MSI-NB/Desktop/LLaMA-Factory/qwen2/sft', 'upstream', 2]],
        relation: 'lora'
      }
    ],
    [
      '009-1000111-1000111__llm-cybersecurity__llama3_lora_sft.yaml',
      { upstreams: [['../Meta-Llama-3-8B-Instruct/', 'base', 2]], datasets: [['ds', undefined, 11]], relation: 'lora' }
    ],
    [
      '010-alvin-susu__prevent_fraud__qwen2_lora_sft.yaml',
      {
        upstreams: [['D:\\Pretrained_models\\Qwen\\Qwen2-1___5B-Instruct', 'base', 2]],
        datasets: [['anti_fraud', undefined, 15]],
        relation: 'lora'
      }
    ]
  ])('reads llamafactory/%s as judged', (file, expected) => expectReading(`llamafactory/${file}`, expected));

  it('splits adapter_name_or_path: Hub ids are upstreams, local paths local references', () => {
    const { record, problems } = readYaml(
      'train.yaml',
      'model_name_or_path: meta-llama/Llama-3.1-8B\nadapter_name_or_path: "org/adapter-a, saves/b/lora/sft"\n' +
        'finetuning_type: lora\ndataset: alpaca_en_demo,llamafactory/alpaca_zh\nhub_model_id: me/out\n'
    );
    expect(problems).toEqual([]);
    expect(record!.upstreams.map((u) => [u.raw, u.role, u.source.field, u.source.at])).toEqual([
      ['meta-llama/Llama-3.1-8B', 'base', 'model_name_or_path', { line: 1, column: 21, endLine: 1, endColumn: 44 }],
      ['org/adapter-a', 'upstream', 'adapter_name_or_path', { line: 2, column: 24, endLine: 2, endColumn: 37 }]
    ]);
    expect(record!.localRefs).toEqual([
      {
        raw: 'saves/b/lora/sft',
        role: 'upstream',
        source: {
          path: 'train.yaml',
          field: 'adapter_name_or_path',
          at: { line: 2, column: 39, endLine: 2, endColumn: 55 }
        }
      }
    ]);
    expect(summary(record!).datasets).toEqual([
      ['alpaca_en_demo', undefined, 4],
      ['llamafactory/alpaca_zh', 'llamafactory/alpaca_zh', 4]
    ]);
    expect(record!.name?.value).toBe('me/out');
  });

  it("marks bare dataset names as dataset_info.json's, and Hub ids as Hub datasets", () => {
    const { record } = readYaml(
      'sft.yaml',
      'model_name_or_path: Qwen/Qwen3-8B\nstage: sft\ndataset: upper, org/data\n'
    );
    expect(record!.datasets.map((d) => [d.raw, d.id, d.registered])).toEqual([
      ['upper', undefined, true],
      ['org/data', 'org/data', undefined]
    ]);
  });

  it('reads model_revision as the revision of model_name_or_path, and of nothing else', () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const { record } = readYaml(
      'sft.yaml',
      `model_name_or_path: Qwen/Qwen3-8B\nadapter_name_or_path: org/adapter\nmodel_revision: ${sha}\nstage: sft\n`
    );
    expect(record!.upstreams.map((u) => [u.id, u.revision])).toEqual([
      ['Qwen/Qwen3-8B', sha],
      ['org/adapter', undefined]
    ]);
  });

  it('takes the export name when there is no hub_model_id, and never the template as an upstream', () => {
    const { record } = readYaml(
      'merge.yaml',
      'model_name_or_path: Qwen/Qwen2.5-7B\ntemplate: qwen\nexport_hub_model_id: me/merged\n'
    );
    expect(summary(record!)).toMatchObject({ upstreams: [['Qwen/Qwen2.5-7B', 'base', 1]], name: 'me/merged' });
  });
});

describe('mlx-lm-lora-config', () => {
  it.each([
    [
      '001-Agisight__tyv-translation-mlx__lora_config.yaml',
      { upstreams: [['models/qwen3-1.7b-4bit', 'base', 4]], datasets: [['data', undefined, 6]], relation: 'lora' }
    ],
    [
      '002-kinghy949__qwen-wenyan-mlx__lora_config.yaml',
      {
        upstreams: [['./models/Qwen2.5-1.5B-Instruct', 'base', 4]],
        datasets: [['data', undefined, 6]],
        relation: 'lora'
      }
    ],
    [
      // `data/training` is shaped like a Hub dataset id; mlx_lm would read it as a directory when it exists.
      '003-templetwo__phenomenological-compass__lora_config.yaml',
      {
        upstreams: [['thinkscan/Ministral-3-3B-Instruct-MLX', 'base', 4]],
        datasets: [['data/training', 'data/training', 6]],
        relation: 'lora'
      }
    ],
    // Old mlx-examples keys, no model: detected, and a record without upstream.
    ['004-seraphinerenard__norse-lora__lora_config.yaml', {}],
    [
      '005-RennaWu__text-to-sql-lora-mlx__lora_config.yaml',
      { upstreams: [['mlx-community/Qwen2.5-3B-Instruct-4bit', 'base', 8]], datasets: [['data', undefined, 3]] }
    ],
    [
      // resume_adapter_file: null names no parent.
      '006-Gy-Hu__mlx-llama-finetune__lora_config.yaml',
      { upstreams: [['Qwen/Qwen2.5-3B-Instruct', 'base', 2]], datasets: [['data', undefined, 7]] }
    ]
  ])('reads mlx-lm/%s as judged', (file, expected) => expectReading(`mlx-lm/${file}`, expected));

  it('reads the model with its span, and rank and alpha from new and old keys', () => {
    const { record } = readFixture('mlx-lm/006-Gy-Hu__mlx-llama-finetune__lora_config.yaml');
    expect(record.upstreams[0].source).toEqual({
      path: 'lora_config.yaml',
      field: 'model',
      at: { line: 2, column: 8, endLine: 2, endColumn: 34 }
    });
    expect(record.training).toMatchObject({ rank: { value: 8 }, alpha: { value: 16 } });
    expect(record.training?.alpha?.source.field).toBe('lora_parameters.alpha');
    const old = readFixture('mlx-lm/004-seraphinerenard__norse-lora__lora_config.yaml').record;
    expect(old.training).toMatchObject({
      rank: { value: 8, source: { field: 'lora_rank' } },
      alpha: { value: 16, source: { field: 'lora_alpha' } }
    });
    expect(old.anchor.field).toBe('lora_layers');
  });

  it('reads resume_adapter_file as a local parent, and a Hub dataset id in data', () => {
    const { record } = readYaml(
      'lora_config.yaml',
      'model: Qwen/Qwen3-4B\nfine_tune_type: dora\niters: 10\ndata: mlx-community/wikisql\n' +
        'resume_adapter_file: adapters/0000100_adapters.safetensors\n'
    );
    expect(summary(record!)).toEqual({
      upstreams: [['Qwen/Qwen3-4B', 'base', 1]],
      datasets: [['mlx-community/wikisql', 'mlx-community/wikisql', 4]],
      localRefs: [['adapters/0000100_adapters.safetensors', undefined, 5]],
      name: undefined,
      relation: 'dora'
    });
  });
});

describe('torchtune-config', () => {
  it('reads checkpoint_dir as the base and not the tokenizer inside it; model_type is the family', () => {
    const { record } = readFixture(
      'torchtune/002-dangbert__thesis_app__experiments_tuner_llama2_7B_qlora_single_device.yaml'
    );
    const path = 'experiments/tuner/llama2_7B_qlora_single_device.yaml';
    expect(record.path).toBe(path);
    expect(record.upstreams).toEqual([
      {
        raw: '/tmp/Llama-2-7b-hf',
        kind: 'local-path',
        evidence: 'primary',
        role: 'base',
        source: { path, field: 'checkpointer.checkpoint_dir', at: { line: 33, column: 19, endLine: 33, endColumn: 37 } }
      }
    ]);
    expect(record.baseFamily).toEqual({
      value: 'LLAMA2',
      source: { path, field: 'checkpointer.model_type', at: { line: 41, column: 15, endLine: 41, endColumn: 21 } }
    });
    expect(record.training).toMatchObject({ rank: { value: 8 }, alpha: { value: 16 }, method: { value: 'qlora' } });
  });

  it.each([
    [
      // The path ends in Meta's `original/` sub-folder: no `meta-llama/original` is recovered from it.
      '001-roxqtang__DLSys_Final__8B_lora_single_device.yaml',
      {
        upstreams: [['/scratch/qt2094/DLSYS/models/meta-llama/original/', 'base', 37]],
        datasets: [['/scratch/qt2094/DLSYS/DLSys_Final/data/train.json', undefined, 50]],
        relation: 'lora'
      }
    ],
    [
      '002-dangbert__thesis_app__experiments_tuner_llama2_7B_qlora_single_device.yaml',
      {
        upstreams: [['/tmp/Llama-2-7b-hf', 'base', 33]],
        datasets: [['dangbert/alpaca-cleaned-nl', 'dangbert/alpaca-cleaned-nl', 49]],
        relation: 'qlora'
      }
    ],
    [
      '003-OpenPipe__ART__src_art_torchtune_config.yaml',
      { upstreams: [['/tmp/Qwen3-8B', 'base', 27]], relation: 'finetune' }
    ],
    [
      // The mangled source is kept as written (an invalid id the rules may report).
      '004-scantii__scant-llama__configs_fin-alpaca_lora_config.yaml',
      {
        upstreams: [['/Users/pscal/VS-Code/scant-llama/dev/models/Llama-3.2-1B-Instruct/', 'base', 37]],
        datasets: [["= 'gbharti/finance-alpaca'", "= 'gbharti/finance-alpaca'", 50]],
        relation: 'lora'
      }
    ],
    [
      '005-scantii__scant-llama__configs_custom_qlora_config.yaml',
      {
        upstreams: [['/Users/pscal/VS-Code/scant-llama/dev/models/Llama-3.2-1B-Instruct/', 'base', 37]],
        relation: 'qlora'
      }
    ]
  ])('reads torchtune/%s as judged', (file, expected) => expectReading(`torchtune/${file}`, expected));

  it('recovers nothing from torchtune/001’s trailing `original/`', () => {
    const { record } = readFixture('torchtune/001-roxqtang__DLSys_Final__8B_lora_single_device.yaml');
    expect(record.upstreams[0]).toMatchObject({ kind: 'local-path', evidence: 'primary' });
    expect(record.upstreams[0].id).toBeUndefined();
    expect(classifyUpstream('/data/meta-llama/Meta-Llama-3-8B-Instruct/original/')).toMatchObject({
      kind: 'local-path',
      id: 'meta-llama/Meta-Llama-3-8B-Instruct',
      evidence: 'inferred'
    });
  });

  const torchtune = (checkpointer: string, tokenizer: string) =>
    readYaml(
      'config.yaml',
      'output_dir: /tmp/out\nmodel:\n  _component_: torchtune.models.qwen2_5.lora_qwen2_5_7b\n' +
        'checkpointer:\n  _component_: torchtune.training.FullModelHFCheckpointer\n' +
        `  checkpoint_dir: ${checkpointer}\n` +
        `  output_dir: \${output_dir}\ntokenizer:\n  _component_: torchtune.models.qwen2_5.qwen2_5_tokenizer\n` +
        `  path: ${tokenizer}\n`
    ).record!;

  it('reads OmegaConf interpolations as placeholders, never as Hub ids, and never output_dir', () => {
    const record = torchtune('${model_dir}', '${output_dir}/vocab.json');
    expect(record.upstreams.map((u) => [u.raw, u.kind, u.id, u.role, u.source.field])).toEqual([
      ['${model_dir}', 'placeholder', undefined, 'base', 'checkpointer.checkpoint_dir'],
      ['${output_dir}/vocab.json', 'placeholder', undefined, 'tokenizer', 'tokenizer.path']
    ]);
    expect(classifyUpstream('${model_dir}/Qwen2.5-7B')).toMatchObject({ kind: 'placeholder' });
  });

  it('reads a tokenizer outside the checkpoint directory as a tokenizer upstream', () => {
    const inside = torchtune('/models/Qwen2.5-7B/', '/models/Qwen2.5-7B/vocab.json');
    expect(inside.upstreams.map((u) => u.role)).toEqual(['base']);
    const interpolated = torchtune('/models/Qwen2.5-7B', '${checkpointer.checkpoint_dir}/vocab.json');
    expect(interpolated.upstreams.map((u) => u.role)).toEqual(['base']);
    const outside = torchtune('/models/Qwen2.5-7B', '/models/Qwen2.5-7B-tok/vocab.json');
    expect(summary(outside).upstreams).toEqual([
      ['/models/Qwen2.5-7B', 'base', 6],
      ['/models/Qwen2.5-7B-tok/vocab.json', 'tokenizer', 10]
    ]);
  });

  it('reads a list of dataset blocks', () => {
    const { record } = readYaml(
      'c.yaml',
      'model:\n  _component_: torchtune.models.llama3_2.llama3_2_1b\ndataset:\n' +
        '  - _component_: torchtune.datasets.alpaca_dataset\n    source: tatsu-lab/alpaca\n' +
        '  - _component_: torchtune.datasets.chat_dataset\n    source: csv\n    data_files: [a.csv]\n'
    );
    expect(summary(record!).datasets).toEqual([
      ['tatsu-lab/alpaca', 'tatsu-lab/alpaca', 5],
      ['a.csv', undefined, 8]
    ]);
  });
});

describe('hostile shapes', () => {
  const shapes: [string, string][] = [
    [
      'axolotl, lists and numbers where strings belong',
      'base_model: [a/b, c/d]\nadapter: 7\nlora_r: "8"\nhub_model_id: [x]\ndatasets: {path: 3}\n'
    ],
    ['axolotl, nulls everywhere', 'base_model:\nadapter:\nlora_r:\ndatasets:\n  -\n  - path:\n    data_files: 5\n'],
    [
      'LLaMA-Factory, a list adapter and a numeric dataset',
      'model_name_or_path: 42\nfinetuning_type: [lora]\nadapter_name_or_path: [1, org/a]\ndataset: 5\nlora_rank: x\n'
    ],
    [
      'mlx_lm, a mapping model',
      'model: {id: x}\niters: "ten"\nlora_parameters: [1]\nresume_adapter_file: 3\ndata: [a]\n'
    ],
    [
      'torchtune, blocks of the wrong shape',
      'model:\n  _component_: torchtune.models.x\ncheckpointer: [1]\ntokenizer: str\ndataset: 3\n'
    ],
    [
      'torchtune, a string checkpoint_dir next to a list tokenizer path',
      'tokenizer:\n  _component_: torchtune.x\n  path: [a]\n' +
        'checkpointer:\n  _component_: torchtune.y\n  checkpoint_dir: 5\n'
    ],
    [
      '__proto__ keys',
      '__proto__: {base_model: evil/x}\nbase_model: org/m\nadapter: lora\nsequence_len: 1\nconstructor: 1\n'
    ],
    [
      'deep nesting',
      `base_model: org/m\nadapter: lora\nsequence_len: 1\ndatasets: ${'['.repeat(40)}${']'.repeat(40)}\n`
    ]
  ];

  it.each(shapes)('%s: a record and schema problems, never an exception', (_, text) => {
    const result = readYaml('config.yaml', text);
    expect(TRAINING_FORMATS).toContain(result.format);
    expect(result.record!.format).toBe(result.format);
    for (const p of result.problems) expect(p).toMatch(/^\d+:\d+ /);
  });

  it('reports wrong types at their values', () => {
    expect(readYaml('a.yml', shapes[0][1]).problems).toEqual([
      // A list is pointed at by its key.
      '1:1 `base_model` must be string or null (got ["a/b","c/d"])',
      '2:10 `adapter` must be string or null (got 7)',
      '3:9 `lora_r` must be integer or null (got "8")',
      '4:1 `hub_model_id` must be string or null (got ["x"])',
      '5:1 `datasets` must be array or null (got {"path":3})'
    ]);
  });

  it('keeps __proto__ an ordinary key', () => {
    const { record } = readYaml('a.yml', shapes[6][1]);
    expect(summary(record!).upstreams).toEqual([['org/m', 'base', 2]]);
    expect(({} as Record<string, unknown>).base_model).toBeUndefined();
  });

  const KEYS = [
    'base_model',
    'base_model_config',
    'tokenizer_config',
    'lora_model_dir',
    'hub_model_id',
    'adapter',
    'datasets',
    'test_datasets',
    'pretraining_dataset',
    'path',
    'data_files',
    'model_name_or_path',
    'adapter_name_or_path',
    'finetuning_type',
    'dataset',
    'eval_dataset',
    'model',
    'data',
    'iters',
    'lora_parameters',
    'resume_adapter_file',
    'checkpointer',
    'checkpoint_dir',
    'tokenizer',
    '_component_',
    'source',
    '__proto__'
  ];
  const leaf = fc.oneof(
    fc.constantFrom('torchtune.models.x', 'org/name', '${output_dir}', '', 'a,b', 'lora', './x'),
    fc.integer(),
    fc.constant(null),
    fc.boolean()
  );
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 5 })
    )
  })).node;

  it('reads any shape built from the formats’ keys without throwing', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...KEYS), tree, { minKeys: 2, maxKeys: 10 }), (value) => {
        const doc = parseJsonDocument(JSON.stringify(value, null, 1));
        if ('problem' in doc) return;
        for (const id of TRAINING_FORMATS) {
          const format = formatById(id);
          if (!format.detect(doc.doc.value, 'x.yaml')) continue;
          format.read({ path: 'x.yaml', doc: doc.doc });
          validateManifest(format, 'x.yaml', doc.doc);
        }
      }),
      { numRuns: FC_RUNS }
    );
  });
});
