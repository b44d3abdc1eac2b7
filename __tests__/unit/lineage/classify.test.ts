import { classifyDatasetId, classifyUpstream } from '../../../src/lineage/classify.js';
import type { Classification } from '../../../src/lineage/record.js';

const SHA = '488639f1ff808d1d3d0ba301aef8c11461451ec5';

/** The classification with absent fields spelled out, so `toEqual` also fails on extra fields. */
function shape(c: Classification) {
  return {
    kind: c.kind,
    id: c.id,
    revision: c.revision,
    evidence: c.evidence,
    recovered: c.recovered,
    invalidReason: c.invalidReason
  };
}
function expectClass(raw: unknown, want: Partial<Classification>) {
  expect(shape(classifyUpstream(raw))).toEqual({
    id: undefined,
    revision: undefined,
    recovered: undefined,
    invalidReason: undefined,
    evidence: 'primary',
    ...want
  });
}

describe('empty', () => {
  it.each([[null], [undefined], [''], ['   '], ['\n\t'], [[]], ['""'], ["''"]])('%j is empty', (raw) => {
    expectClass(raw, { kind: 'empty' });
  });
});

describe('placeholder', () => {
  it.each([
    'unknown',
    'Unknown',
    'TODO',
    'tbd',
    'PLACEHOLDER',
    'model',
    'Model',
    'base',
    'base_model',
    'none',
    'None',
    'null',
    'NULL',
    'n/a',
    'N/A',
    'your-model-here',
    'path/to/model',
    '/path/to/your/model',
    'C:\\path\\to\\model',
    '<your-model>',
    '<org>/<name>',
    'https://huggingface.co/<org>/<model>',
    '{base_model}',
    '{{ model_name }}',
    '${BASE_MODEL}',
    '$MODEL_PATH',
    '%MODEL%',
    '[model id]',
    '[More Information Needed]',
    'PLACEHOLDER-a7b3d091',
    'TODO: fill in the base',
    'your-org/your-model',
    'username/model-name',
    'test/model',
    'test/model@abc123',
    'xxx'
  ])('%j is a placeholder', (raw) => {
    expectClass(raw, { kind: 'placeholder' });
  });

  // Non-strings are values that reference nothing; reporting them beats treating the field as absent.
  it.each([[42], [true], [{ id: 'Qwen/Qwen3-4B' }], [['gpt2']]])(
    'non-string %j is a placeholder with nothing recovered',
    (raw) => {
      expectClass(raw, { kind: 'placeholder' });
    }
  );
});

describe('url', () => {
  const url = (id: string, revision: string | undefined, recovered: string): Partial<Classification> => ({
    kind: 'url',
    id,
    revision,
    evidence: 'inferred',
    recovered
  });

  it('recovers the id from a Hub model URL', () => {
    expectClass(
      'https://huggingface.co/tiiuae/falcon-180B',
      url('tiiuae/falcon-180B', undefined, 'recovered tiiuae/falcon-180B from the huggingface.co URL')
    );
    expectClass(
      'https://hf.co/Qwen/Qwen2.5-7B/',
      url('Qwen/Qwen2.5-7B', undefined, 'recovered Qwen/Qwen2.5-7B from the hf.co URL')
    );
    expectClass(
      'huggingface.co/google/gemma-2-9b-it',
      url('google/gemma-2-9b-it', undefined, 'recovered google/gemma-2-9b-it from the huggingface.co URL')
    );
    expectClass(
      'https://www.huggingface.co/gpt2',
      url('gpt2', undefined, 'recovered gpt2 from the www.huggingface.co URL')
    );
    expectClass(
      'https://hf-mirror.com/Qwen/Qwen2-7B',
      url('Qwen/Qwen2-7B', undefined, 'recovered Qwen/Qwen2-7B from the hf-mirror.com URL')
    );
  });

  it('recovers the revision from /tree, /blob, /resolve, /commit and the API', () => {
    expectClass(
      'https://huggingface.co/Qwen/Qwen2.5-7B/tree/main',
      url('Qwen/Qwen2.5-7B', 'main', 'recovered Qwen/Qwen2.5-7B at revision main from the huggingface.co URL')
    );
    expectClass(
      `https://huggingface.co/Qwen/Qwen2.5-7B/tree/${SHA}`,
      url('Qwen/Qwen2.5-7B', SHA, `recovered Qwen/Qwen2.5-7B at revision ${SHA} from the huggingface.co URL`)
    );
    expectClass(
      `https://huggingface.co/meta-llama/Llama-2-7b-hf/commit/${SHA}`,
      url(
        'meta-llama/Llama-2-7b-hf',
        SHA,
        `recovered meta-llama/Llama-2-7b-hf at revision ${SHA} from the huggingface.co URL`
      )
    );
    expectClass(
      `https://huggingface.co/gpt2/blob/${SHA}/config.json`,
      url('gpt2', SHA, `recovered gpt2 at revision ${SHA} from the huggingface.co URL`)
    );
    expectClass(
      'https://huggingface.co/acme/widget/resolve/refs%2Fpr%2F3/model.safetensors',
      url('acme/widget', 'refs/pr/3', 'recovered acme/widget at revision refs/pr/3 from the huggingface.co URL')
    );
    expectClass(
      `https://huggingface.co/api/models/acme/widget/revision/${SHA}`,
      url('acme/widget', SHA, `recovered acme/widget at revision ${SHA} from the huggingface.co URL`)
    );
  });

  it('reads git clone URLs of Hub repos', () => {
    expectClass(
      'https://huggingface.co/Qwen/Qwen3-4B.git',
      url('Qwen/Qwen3-4B', undefined, 'recovered Qwen/Qwen3-4B from the huggingface.co URL')
    );
    expectClass(
      'git@hf.co:Qwen/Qwen3-4B.git',
      url('Qwen/Qwen3-4B', undefined, 'recovered Qwen/Qwen3-4B from the hf.co URL')
    );
    expectClass('git@github.com:org/repo.git', { kind: 'url' });
  });

  it('reads hf:// filesystem URLs', () => {
    expectClass(
      `hf://Qwen/Qwen3-4B@${SHA}/config.json`,
      url('Qwen/Qwen3-4B', SHA, `recovered Qwen/Qwen3-4B at revision ${SHA} from the hf:// URL`)
    );
    expectClass('hf://Qwen/Qwen3-4B', url('Qwen/Qwen3-4B', undefined, 'recovered Qwen/Qwen3-4B from the hf:// URL'));
    expectClass('hf://datasets/acme/corpus', { kind: 'url' });
  });

  it.each([
    'https://huggingface.co/datasets/OpenAssistant/oasst1',
    'https://huggingface.co/spaces/org/demo',
    'https://huggingface.co/docs/transformers/index',
    'https://huggingface.co/',
    'https://huggingface.co/org/bad--name',
    'https://github.com/tiiuae/falcon',
    'https://modelscope.cn/models/someone/Qwen2-7B', // a ModelScope org with no documented Hub org
    's3://bucket/models/llama',
    'ftp://huggingface.co/acme/widget'
  ])('%s is a URL naming no Hub model', (raw) => {
    expectClass(raw, { kind: 'url' });
  });

  it('treats file:// URLs as local paths', () => {
    expectClass('file:///home/u/models/Qwen/Qwen2-7B', {
      kind: 'local-path',
      id: 'Qwen/Qwen2-7B',
      evidence: 'inferred',
      recovered: 'recovered Qwen/Qwen2-7B from the last two segments of the local path'
    });
    expectClass(`file:///root/.cache/huggingface/hub/models--acme--widget/snapshots/${SHA}`, {
      kind: 'hub-cache-path',
      id: 'acme/widget',
      revision: SHA,
      evidence: 'inferred',
      recovered: `recovered acme/widget at revision ${SHA} from the Hugging Face cache path`
    });
  });
});

describe('hub-cache-path', () => {
  const cached = (id: string, revision: string) => ({
    kind: 'hub-cache-path' as const,
    id,
    revision,
    evidence: 'inferred' as const,
    recovered: `recovered ${id} at revision ${revision} from the Hugging Face cache path`
  });

  it.each([
    [`/home/ci/.cache/huggingface/hub/models--Qwen--Qwen3.5-4B/snapshots/${SHA}/tokenizer.json`, 'Qwen/Qwen3.5-4B'],
    [`/Users/me/.cache/huggingface/hub/models--meta-llama--Llama-3.1-8B/snapshots/${SHA}`, 'meta-llama/Llama-3.1-8B'],
    [
      `C:\\Users\\Owner\\.cache\\huggingface\\hub\\models--Qwen--Qwen2.5-Coder-3B-Instruct\\` +
        `snapshots\\${SHA}\\tokenizer.json`,
      'Qwen/Qwen2.5-Coder-3B-Instruct'
    ],
    [`D:/hf/hub/models--Qwen--Qwen2-7B/snapshots/${SHA}/`, 'Qwen/Qwen2-7B'],
    [`models--google--flan-t5-base/snapshots/${SHA}`, 'google/flan-t5-base'],
    [`/content/cache/models--gpt2/snapshots/${SHA}/config.json`, 'gpt2']
  ])('%s → %s', (raw, id) => {
    expectClass(raw, cached(id, SHA));
  });

  it('recovers the id alone when the path names no snapshot sha', () => {
    const note = (id: string) =>
      `recovered ${id} from the Hugging Face cache folder name (the path names no snapshot revision)`;
    expectClass('/root/.cache/huggingface/hub/models--Qwen--Qwen2-7B', {
      kind: 'hub-cache-path',
      id: 'Qwen/Qwen2-7B',
      evidence: 'inferred',
      recovered: note('Qwen/Qwen2-7B')
    });
    expectClass('models--Qwen--Qwen2-7B', {
      kind: 'hub-cache-path',
      id: 'Qwen/Qwen2-7B',
      evidence: 'inferred',
      recovered: note('Qwen/Qwen2-7B')
    });
    expectClass('/cache/models--acme--widget/snapshots/main', {
      kind: 'hub-cache-path',
      id: 'acme/widget',
      evidence: 'inferred',
      recovered: note('acme/widget')
    });
  });

  it('recovers nothing from a cache folder that does not decode to an id, or from a dataset cache', () => {
    expectClass('/cache/models--a--b--c/snapshots/x', { kind: 'hub-cache-path' });
    expectClass(`/cache/datasets--acme--corpus/snapshots/${SHA}/train.json`, { kind: 'local-path' });
  });
});

describe('local-path', () => {
  const recovered = (id: string) => ({
    kind: 'local-path' as const,
    id,
    evidence: 'inferred' as const,
    recovered: `recovered ${id} from the last two segments of the local path`
  });
  const nothing = { kind: 'local-path' as const };

  it.each([
    ['/root/autodl-tmp/google/flan-t5-xxl', 'google/flan-t5-xxl'],
    ['/Users/a58/Downloads/pretrain_model/Qwen/Qwen1.5-0.5B-Chat', 'Qwen/Qwen1.5-0.5B-Chat'],
    ['/Users/a58/Downloads/pretrain_model/Qwen/Qwen1.5-0.5B-Chat/', 'Qwen/Qwen1.5-0.5B-Chat'],
    ['~/models/THUDM/chatglm3-6b', 'THUDM/chatglm3-6b'],
    ['/home/alice/Qwen/Qwen2-7B', 'Qwen/Qwen2-7B'],
    ['/mnt/models/Qwen/Qwen2.5-7B/config.json', 'Qwen/Qwen2.5-7B'],
    ['C:\\Users\\me\\hf\\THUDM\\chatglm3-6b', 'THUDM/chatglm3-6b'],
    ['\\\\nas\\share\\mistralai\\Mistral-7B-v0.1', 'mistralai/Mistral-7B-v0.1'],
    ['./Qwen/Qwen2-7B', 'Qwen/Qwen2-7B'],
    ['../meta-llama/Llama-2-7b-hf', 'meta-llama/Llama-2-7b-hf'],
    ['/content/Qwen/Qwen2-0.5B', 'Qwen/Qwen2-0.5B'],
    ['/kaggle/input/my-weights/Qwen/Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-7B-Instruct'],
    ['google/flan-t5-base/', 'google/flan-t5-base'],
    // `tune download` keeps Meta's own checkpoint in `<model>/original/`.
    ['/tmp/meta-llama/Meta-Llama-3-8B-Instruct/original/', 'meta-llama/Meta-Llama-3-8B-Instruct'],
    ['/tmp/meta-llama/Llama-3.2-1B/original/tokenizer.model', 'meta-llama/Llama-3.2-1B']
  ])('%s → %s', (raw, id) => {
    expectClass(raw, recovered(id));
  });

  // Real: the folder above the model's is the user's own, and the name is a known family's.
  it.each([
    [
      'D:\\projects\\nlp\\Mistral\\Mistral-7B-v0.3',
      'Mistral/Mistral-7B-v0.3',
      'Mistral',
      'Mistral (Apache)',
      'mistralai/Mistral-7B-v0.3'
    ],
    ['/Users/hwc/LycheeAI/Qwen3-1.7B-4bit-mlx', 'LycheeAI/Qwen3-1.7B-4bit-mlx', 'LycheeAI', 'Qwen3', 'Qwen/Qwen3-1.7B']
  ])('%s → the family publisher, not the folder', (raw, read, org, family, id) => {
    expectClass(raw, {
      kind: 'local-path',
      id,
      evidence: 'inferred',
      recovered:
        `read ${read} from the last two segments of the local path; ${org} is no org the gate knows, ` +
        `and the name is ${family}'s, published as ${id}`
    });
  });

  it.each([
    '/data/models/Baichuan2-7B-Base/',
    '/data/home/81054062/studyplace/competition/baichuan2fintune/competition_kit/data/models/Baichuan2-7B-Base/',
    '/home/alice/gpt2',
    '/Users/bob/llama-7b',
    '/root/gpt2',
    '~/gpt2',
    'C:\\Users\\me\\models\\Qwen2',
    '\\\\?\\C:\\Users\\Owner\\vox\\mens\\runs\\qwen25_qlora',
    '/content/drive/MyDrive/models/llama-2-7b',
    '/content/gpt2',
    '/kaggle/input/llama-3/transformers/8b-chat-hf/1',
    '/kaggle/input/qwen2-5-7b-instruct/Qwen2.5-7B-Instruct',
    '/root/output/Qwen2-7B/checkpoint-500',
    './output',
    '.',
    '..',
    '~',
    'output',
    'outputs',
    'checkpoint-500',
    'lora_model',
    'Baichuan2-7B-Base/',
    'adapter_model.safetensors',
    'outputs/checkpoint-500',
    'models/qwen2-0_5b-instruct-q2_k.gguf',
    'models/llama',
    'models\\qwen',
    'mens/runs/vox_lang/tokenizer.json',
    '/srv/models/Qwen/checkpoint-1000',
    '/scratch/qt2094/DLSYS/models/meta-llama/original/',
    // Real (a mergekit config): a folder of the user's own fine-tunes is no Hub org.
    'D:/Uni/Masterarbeit Code/jakob_finetuning/finetuned_models/meta_llama_full_colab_remerge_2',
    '/data/merged-models/qwen-slerp'
  ])('%s recovers nothing', (raw) => {
    expectClass(raw, nothing);
  });

  it('reads ModelScope cache paths as the Hub id of the same weights, saying how', () => {
    const ms = (msId: string, hubId: string, how: string, decoded = '') => ({
      kind: 'local-path' as const,
      id: hubId,
      evidence: 'inferred' as const,
      recovered:
        `recovered the ModelScope id ${msId} from the ModelScope cache path${decoded}, ` +
        `which is ${hubId} on the Hugging Face Hub (${how})`
    });
    const decoded = ' (ModelScope writes `.` in names as `___`)';
    expectClass(
      '~/.cache/modelscope/hub/qwen/Qwen2.5-7B-Instruct',
      ms('qwen/Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-7B-Instruct', "ModelScope's qwen is Qwen on the Hub")
    );
    expectClass(
      '/root/.cache/modelscope/hub/models/Qwen/Qwen2___5-7B-Instruct',
      ms('Qwen/Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-7B-Instruct', "ModelScope's qwen is Qwen on the Hub", decoded)
    );
    expectClass(
      'C:\\Users\\me\\.cache\\modelscope\\hub\\ZhipuAI\\chatglm3-6b\\config.json',
      ms('ZhipuAI/chatglm3-6b', 'zai-org/chatglm3-6b', "ModelScope's ZhipuAI is zai-org on the Hub")
    );
    expectClass('/root/.cache/modelscope/hub/', nothing);
  });
});

describe('hub-id', () => {
  it('keeps a written acme/widget as primary evidence', () => {
    expectClass('Qwen/Qwen2.5-7B', { kind: 'hub-id', id: 'Qwen/Qwen2.5-7B' });
    expectClass('  microsoft/phi-1_5 ', { kind: 'hub-id', id: 'microsoft/phi-1_5' });
  });

  // The gate cannot stat the author's disk: a relative `a/b` is the id it looks like unless it says otherwise.
  it.each(['someone/data', 'someone/lora', 'TheBloke/output', 'acme/checkpoint'])('%s stays a hub-id', (raw) => {
    expectClass(raw, { kind: 'hub-id', id: raw });
  });

  it('reads the hf-hub: prefix of timm and open_clip', () => {
    expectClass('hf-hub:laion/CLIP-ViT-H-14-laion2B-s32B-b79K', {
      kind: 'hub-id',
      id: 'laion/CLIP-ViT-H-14-laion2B-s32B-b79K',
      recovered: 'read laion/CLIP-ViT-H-14-laion2B-s32B-b79K after the hf-hub: prefix'
    });
    expectClass('hf_hub:gpt2', {
      kind: 'bare-id',
      id: 'gpt2',
      recovered: 'read gpt2 after the hf_hub: prefix; the Hub now serves gpt2 as openai-community/gpt2'
    });
  });

  it('splits id@revision, keeping the evidence primary and noting the split', () => {
    expectClass(`Qwen/Qwen3-4B@${SHA}`, {
      kind: 'hub-id',
      id: 'Qwen/Qwen3-4B',
      revision: SHA,
      recovered: `split Qwen/Qwen3-4B@${SHA} into id Qwen/Qwen3-4B and revision ${SHA}`
    });
    expectClass('Qwen/Qwen3-4B@main', {
      kind: 'hub-id',
      id: 'Qwen/Qwen3-4B',
      revision: 'main',
      recovered:
        'split Qwen/Qwen3-4B@main into id Qwen/Qwen3-4B and revision main (a branch or tag, not a 40-hex commit)'
    });
    expectClass('acme/widget@488639f', {
      kind: 'hub-id',
      id: 'acme/widget',
      revision: '488639f',
      recovered:
        'split acme/widget@488639f into id acme/widget and revision ' +
        '488639f (an abbreviated commit, not a full 40-hex sha)'
    });
    expectClass('acme/widget@refs/pr/1', {
      kind: 'hub-id',
      id: 'acme/widget',
      revision: 'refs/pr/1',
      recovered:
        'split acme/widget@refs/pr/1 into id acme/widget and revision refs/pr/1 (a branch or tag, not a 40-hex commit)'
    });
  });

  it.each([
    ['foo--bar/x', "contains '--'"],
    ['Meta Llama/Llama 3', 'contains a space'],
    ['datasets/foo/bar', "has more than one '/'"],
    ['spaces/org/demo', "has more than one '/'"],
    ['acme/widget:main', "contains ':'"],
    ['org/-name', "the name starts with '-'"],
    ['acme/widget.git', "ends in '.git'"],
    ['org/a..b', "contains '..'"],
    ['Org/Modèle', "contains the non-ASCII character 'è'"]
  ])('%s is a hub-id that breaks the rules: %s', (raw, reason) => {
    expectClass(raw, { kind: 'hub-id', id: raw, invalidReason: reason });
  });

  it('flags a malformed revision suffix', () => {
    expectClass('acme/widget@', {
      kind: 'hub-id',
      id: 'acme/widget',
      invalidReason: "has an empty revision after '@'"
    });
    expectClass('acme/widget@a@b', {
      kind: 'hub-id',
      id: 'acme/widget',
      revision: 'a@b',
      invalidReason: "contains more than one '@'",
      recovered: 'split acme/widget@a@b into id acme/widget and revision a@b (a branch or tag, not a 40-hex commit)'
    });
    const long = 'r'.repeat(201);
    expect(classifyUpstream(`acme/widget@${long}`).invalidReason).toBe('has a revision longer than 200 characters');
  });
});

describe('bare-id', () => {
  it.each([
    ['gpt2', 'openai-community/gpt2'],
    ['GPT2', 'openai-community/gpt2'],
    ['bert-base-uncased', 'google-bert/bert-base-uncased'],
    ['t5-base', 'google-t5/t5-base'],
    ['roberta-base', 'FacebookAI/roberta-base'],
    ['distilbert-base-uncased', 'distilbert/distilbert-base-uncased'],
    ['xlm-roberta-large', 'FacebookAI/xlm-roberta-large']
  ])('%s is a legacy id the Hub now serves as %s; the id itself is kept', (raw, current) => {
    expectClass(raw, { kind: 'bare-id', id: raw, recovered: `the Hub now serves ${raw} as ${current}` });
  });

  it('keeps unknown bare ids without a hint', () => {
    expectClass('llama2', { kind: 'bare-id', id: 'llama2' });
    expectClass('Qwen2.5-7B-Instruct', { kind: 'bare-id', id: 'Qwen2.5-7B-Instruct' });
  });

  it('combines the revision split with the legacy hint', () => {
    expectClass(`gpt2@${SHA}`, {
      kind: 'bare-id',
      id: 'gpt2',
      revision: SHA,
      recovered: `split gpt2@${SHA} into id gpt2 and revision ${SHA}; the Hub now serves gpt2 as openai-community/gpt2`
    });
  });

  // One segment that breaks the rules is still "a name without an org"; invalidReason says why it is no id.
  it.each([
    ['qwen2.5:7b', "contains ':'"],
    ['Llama 2 7B', 'contains a space'],
    ['foo--bar', "contains '--'"],
    ['foo.git', "ends in '.git'"],
    ['-gpt2', "the name starts with '-'"]
  ])('%s is a bare id that breaks the rules: %s', (raw, reason) => {
    expectClass(raw, { kind: 'bare-id', id: raw, invalidReason: reason });
  });
});

describe('classifyDatasetId', () => {
  it.each<[string, ReturnType<typeof classifyDatasetId>]>([
    ['OpenAssistant/oasst1', { id: 'OpenAssistant/oasst1' }],
    ['acme/data', { id: 'acme/data' }],
    [`  issai/Turkish_Speech_Corpus@${SHA} `, { id: 'issai/Turkish_Speech_Corpus', revision: SHA }],
    [
      'https://huggingface.co/datasets/OpenAssistant/oasst1/tree/main',
      { id: 'OpenAssistant/oasst1', revision: 'main' }
    ],
    ['hf://datasets/acme/corpus@v1.0/train.parquet', { id: 'acme/corpus', revision: 'v1.0' }],
    [
      `~/.cache/huggingface/hub/datasets--acme--corpus/snapshots/${SHA}/train.json`,
      { id: 'acme/corpus', revision: SHA }
    ],
    ['openslr', { problem: 'not a Hub dataset id' }],
    ['MUCS2021', { problem: 'not a Hub dataset id' }],
    ['https://huggingface.co/Qwen/Qwen3-4B', { problem: 'a URL that does not point at a Hub dataset' }],
    ['https://www.openslr.org/53/', { problem: 'a URL that does not point at a Hub dataset' }],
    ['./data/train.jsonl', { problem: 'a local path, not a Hub dataset id' }],
    ['data/train.jsonl', { problem: 'a local path, not a Hub dataset id' }],
    ['/kaggle/input/odia-speech', { problem: 'a local path, not a Hub dataset id' }],
    ['TODO', { problem: 'a placeholder, not a Hub dataset id' }],
    ['   ', { problem: 'is empty' }],
    ['datasets/foo/bar', { id: 'datasets/foo/bar', problem: "has more than one '/'" }],
    ['foo--bar/x', { id: 'foo--bar/x', problem: "contains '--'" }],
    ['Open Assistant', { id: 'Open Assistant', problem: 'contains a space' }],
    ['acme/corpus@', { id: 'acme/corpus', problem: "has an empty revision after '@'" }]
  ])('%j → %j', (raw, want) => {
    expect(classifyDatasetId(raw)).toEqual(want);
  });
});

describe('hostile input', () => {
  // Manifests come from pull requests: no input shape may make classification slow.
  it.each([
    ['many braces', '{'.repeat(100_000)],
    ['many dots', 'a.'.repeat(50_000) + '!'],
    ['scp-like', 'a@' + 'b.'.repeat(50_000) + ':x y'],
    ['deep path', '/a'.repeat(50_000)],
    ['long id', 'org/' + 'n'.repeat(100_000)],
    ['many @', '@'.repeat(100_000)]
  ])('classifies %s quickly', (_name, raw) => {
    const started = performance.now();
    classifyUpstream(raw);
    classifyDatasetId(raw);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('classifyUpstream: each short string classified once per run', () => {
  it('answers a string it has seen with the same frozen classification, and long ones afresh', () => {
    const first = classifyUpstream('meta-llama/Llama-3.1-8B@main');
    expect(classifyUpstream('meta-llama/Llama-3.1-8B@main')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const long = `org/${'a'.repeat(300)}`;
    expect(classifyUpstream(long)).not.toBe(classifyUpstream(long));
    expect(classifyUpstream(long)).toEqual(classifyUpstream(long));
  });

  it('gives the same answers after more distinct strings than it keeps', () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => (i % 3 === 0 ? `org/model-${i}@${SHA}` : `model-${i}`));
    const before = ids.map((id) => ({ ...classifyUpstream(id) }));
    expect(ids.map((id) => ({ ...classifyUpstream(id) }))).toEqual(before);
    expect(classifyUpstream(ids[0])).toEqual(before[0]);
  });
});
