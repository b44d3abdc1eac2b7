/**
 * Every upstream-bearing value in the real-world fixtures, classified, with the expected answer
 * decided per file from the notes in __tests__/fixtures/real-world/SOURCES.tsv. A scan of the
 * fixtures must find exactly the fields listed here, so a new fixture without expectations fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyDatasetId, classifyUpstream } from '../../../src/lineage/classify.js';
import type { Classification } from '../../../src/lineage/record.js';
import { parseJsonDocument } from '../../../src/source/json.js';
import { parseYamlDocument } from '../../../src/source/yaml.js';
import { extractFrontMatter } from '../../../src/source/front-matter.js';
import { BAIZE_ADAPTER, SUMMA_VIRTUE_CARD } from '../../helpers/real-world-names.js';

const ROOT = fileURLToPath(new URL('../../fixtures/real-world/', import.meta.url));
const FOLDERS = ['peft', 'mlx', 'cards', 'mens', 'other'];

/** Keys that hold an upstream model reference in one of the fixture formats. */
const UPSTREAM_KEYS = new Set([
  'base_model_name_or_path', // PEFT
  'tokenizer_name_or_path', // PEFT prompt tuning
  'base_model', // model cards, MENS, non-PEFT adapter_config.json
  'model', // MLX (string only; Kitfile `model` is an object)
  'upstream_model_id', // MENS adapter manifest v3 `provenance.`
  'provenance_upstream_model_id', // MENS training manifest
  'tokenizer_path', // MENS training manifest (often an HF cache path)
  'tokenizer_source', // MENS serving hand-off
  'base_hf_id', // MENS AdapterCard
  'huggingface', // Model Openness Framework
  'backend' // image-LoRA training manifest (other/005)
]);

type Expected = Pick<Classification, 'kind' | 'id' | 'revision' | 'evidence' | 'invalidReason'>;

const hub = (id: string): Expected => ({ kind: 'hub-id', id, evidence: 'primary' });
const bare = (id: string): Expected => ({ kind: 'bare-id', id, evidence: 'primary' });
const localPath = (id?: string): Expected =>
  id ? { kind: 'local-path', id, evidence: 'inferred' } : { kind: 'local-path', evidence: 'primary' };
const cache = (id: string, revision: string): Expected => ({
  kind: 'hub-cache-path',
  id,
  revision,
  evidence: 'inferred'
});
const PLACEHOLDER: Expected = { kind: 'placeholder', evidence: 'primary' };
const EMPTY: Expected = { kind: 'empty', evidence: 'primary' };

const QWEN35_SHA = '851bf6e806efd8d0a36b00ddf55e13ccb7b8cd0a';
const CODER3B_SHA = '488639f1ff808d1d3d0ba301aef8c11461451ec5';

/** file → dotted field → expected classification. `{}` = the file names no upstream at all. */
const EXPECTED: Record<string, Record<string, Expected>> = {
  'peft/001-BooniesFX__ChatGLM-Efficient-Tuning__adapter_config.json': { base_model_name_or_path: PLACEHOLDER },
  'peft/002-darwinj07__KoAlpaca-lora__adapter_config.json': {
    base_model_name_or_path: hub('beomi/KoAlpaca-llama-1-7b')
  },
  'peft/003-MountainAlpha__falcon-7b_lora_finetune__adapter_config.json': { base_model_name_or_path: localPath() },
  'peft/005-Ttdne__Llama-3.2-1B-FineTune-CEH-QA__adapter_config.json': {
    base_model_name_or_path: hub('unsloth/llama-3.2-1b-bnb-4bit')
  },
  'peft/006-stathopoan__Apply-Lightweight-Fine-Tuning-to-a-Foundation-LLM-Model__adapter_config.json': {
    base_model_name_or_path: bare('gpt2')
  },
  'peft/007-3L0L0__FLAN-T5-Motivation-Model__adapter_config.json': {
    base_model_name_or_path: hub('google/flan-t5-base')
  },
  'peft/008-D3voz__joy-caption-alpha-two-gui-mod__adapter_config.json': {
    base_model_name_or_path: hub('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit')
  },
  'peft/009-Elyorcode__SPEECH-TO-TEXT-MODEL__adapter_config.json': {
    base_model_name_or_path: hub('openai/whisper-large-v3-turbo')
  },
  'peft/010-JaimeMitchell__Mom_Painting_Style_GenAI__adapter_config.json': { base_model_name_or_path: EMPTY },
  'peft/011-Inishpy__lerobot-libero__adapter_config.json': { base_model: hub('lerobot/smolvla_base') },
  [BAIZE_ADAPTER]: {
    base_model_name_or_path: hub('unsloth/qwen3-8b-unsloth-bnb-4bit')
  },
  'peft/013-KZ-Shi__LLaMA-E__adapter_config.json': { base_model_name_or_path: hub('meta-llama/Llama-2-7b-hf') },
  'peft/014-EPlus-LLM__Model__adapter_config.json': { base_model_name_or_path: localPath('google/flan-t5-xxl') },
  'peft/016-GowthamNats__MicrosoftPhi1_5_finetuned-__adapter_config.json': {
    base_model_name_or_path: hub('microsoft/phi-1_5')
  },
  'peft/017-Hareshjethani__BERT-GPT2-Multitask-Finetuning__adapter_config.json': {
    base_model_name_or_path: bare('bert-base-uncased')
  },
  'peft/018-mnkhmtv__koyash-prompt-vs-lora__adapter_config.json': { base_model_name_or_path: hub('Qwen/Qwen3-4B') },
  'peft/020-Darrenzeng__MoE_Train__adapter_config.json': {
    base_model_name_or_path: localPath('Qwen/Qwen1.5-0.5B-Chat')
  },
  'peft/021-ZixuanLiu4869__LLaVA-Sco__adapter_config.json': { base_model_name_or_path: hub('Xkev/Llama-3.2V-11B-cot') },
  'peft/022-Unisound-LLM__u2_decision_4b__adapter_config.json': { base_model_name_or_path: hub('Qwen/Qwen3.5-4B') },
  'peft/024-s0lstiice__Churro-Adapter-Ver3__adapter_config.json': {
    base_model_name_or_path: hub('stanford-oval/churro-3B')
  },
  'peft/025-shujatoor__phi3nedtuned-ner-json__adapter_config.json': {
    base_model_name_or_path: hub('microsoft/Phi-3-mini-4k-instruct')
  },
  'peft/026-lucasaugustodev__heretic-project__adapter_config.json': {
    base_model_name_or_path: hub('mistralai/Mistral-7B-Instruct-v0.3')
  },
  // A teaching stub: `llama2` obeys the id rules, so it is a bare id (the Hub lookup is what fails).
  'peft/028-lzrong0203__iSpan_LLM09__adapter_config.json': { base_model: bare('llama2') },
  'peft/029-lockheed886__Vision-Transformers-for-Food-Classification__adapter_config.json': {
    base_model_name_or_path: hub('google/vit-base-patch16-224')
  },
  'peft/030-grasool__Prompt-Tuning__adapter_config.json': {
    base_model_name_or_path: hub('bigscience/bloomz-560m'),
    tokenizer_name_or_path: hub('bigscience/bloomz-560m')
  },
  'mlx/001-chan4lk__mlx-fine-tune__adapter_config.json': {},
  'mlx/002-Brandi-Kinard__civicdigest__adapter_config.json': { model: hub('mlx-community/SmolLM2-1.7B-Instruct') },
  'mlx/003-softwarewrighter__engram-poc__adapter_config.json': { model: hub('HuggingFaceTB/SmolLM-135M-Instruct') },
  'mlx/005-shezgone__hcx-seed-think-32b-knowledge-injection__adapter_config.json': {
    model: hub('google/gemma-2-9b-it')
  },
  'mlx/007-angelasoulcompanion__AngelaAI__adapter_config.json': { model: hub('Qwen/Qwen2.5-3B-Instruct') },
  'mlx/008-egarim__poisoned-code-model__adapter_config.json': { model: hub('Qwen/Qwen2.5-1.5B-Instruct') },
  [SUMMA_VIRTUE_CARD]: {
    base_model: hub('Qwen/Qwen2.5-1.5B-Instruct')
  },
  'cards/002-jxia622__SonoMed-VLM__README.md': { base_model: hub('google/medgemma-1.5-4b-it') },
  'cards/003-unknown__index-id-52487666815__README.md': {
    'base_model[0]': hub('google/paligemma-3b-mix-448'),
    'base_model[1]': hub('Qwen/Qwen2.5-0.5B-Instruct'),
    'base_model[2]': hub('google/siglip-so400m-patch14-384')
  },
  'cards/004-unknown__index-id-13151930227__README.md': {
    'base_model[0]': hub('black-forest-labs/FLUX.1-dev'),
    'base_model[1]': hub('black-forest-labs/FLUX.1-schnell')
  },
  'cards/006-Unisound-LLM__u2_decision_4b__adapter_README.md': { base_model: hub('Qwen/Qwen3.5-4B') },
  'cards/007-Darrenzeng__MoE_Train__outputs_README.md': { base_model: localPath('Qwen/Qwen1.5-0.5B-Chat') },
  'cards/009-Efs-O__Gemma4GR__HF_MODEL_CARD.md': {
    'base_model[0]': hub('google/gemma-4-it'),
    'base_model[1]': hub('unsloth/gemma-4-E4B-it')
  },
  'cards/010-onurkanbakirci__Llama-2-7b-oasst-sft__HF_MODEL_CARD.md': { base_model: hub('meta-llama/Llama-2-7b-hf') },
  'cards/011-t-timms__kat-coder-nvfp4__HF_MODEL_CARD.md': { 'base_model[0]': hub('Kwaipilot/KAT-Coder-V2.5-Dev') },
  'cards/012-Sajjan001__Fine-tuning-Qwen2.5-1.5B-on-sustainability-compliance-data__hf_model_card.md': {
    base_model: hub('Qwen/Qwen2.5-1.5B-Instruct')
  },
  'cards/013-shantipriyap__odia_asr__hf_model_card.md': {
    base_model: hub('ai4bharat/indic-conformer-600m-multilingual')
  },
  'cards/014-toddllm__fine-tune-gpt-oss__HF_MODEL_CARD.md': { base_model: hub('unsloth/gpt-oss-20b') },
  'cards/015-abdulsamodazeez__5g-root-cause-llm__hf_model_card.md': { base_model: hub('Qwen/Qwen3-4B') },
  'cards/016-oliversl1vka__itemsety-qwen-finetuning__HF_MODEL_CARD.md': {
    base_model: hub('unsloth/qwen2.5-7b-instruct-bnb-4bit')
  },
  'cards/017-Jalpan04__qwen-researcher__HF_MODEL_CARD.md': { base_model: hub('Qwen/Qwen2.5-0.5B-Instruct') },
  'cards/018-hcfk__qwen3-tts-turkish__hf_model_card.md': { base_model: hub('Qwen/Qwen3-TTS-0.6B-Base') },
  'cards/019-techcwbldr26__modal-gemma4-emergent-alignment-animal-welfare-sft-spd-app__HF_MODEL_CARD.md': {
    base_model: hub('google/gemma-4-E4B-it')
  },
  'cards/021-george-m2__hansard-llama__lora_model_README.md': { base_model: hub('unsloth/llama-3-8b-bnb-4bit') },
  'cards/022-BanglaGPT__SuSastho.AI__src_models_llama3-instruct-lora-adapter_README.md': {
    base_model: hub('meta-llama/Meta-Llama-3-8B-Instruct')
  },
  'cards/025-datalablife__DeepSeek-R1-Distill-Llama-sql-8B__README.md': {
    base_model: hub('unsloth/deepseek-r1-distill-llama-8b-unsloth-bnb-4bit')
  },
  'cards/026-pranavpradhan007__AI_ROS2_RAG__ros2_model_README.md': {
    base_model: hub('unsloth/Meta-Llama-3.1-8B-bnb-4bit')
  },
  'cards/028-vangelix1__SwampUp2025__JFTD-109-MLOps_in_Action_lab1_qwen-finetuned_README.md': {
    base_model: hub('Qwen/Qwen1.5-0.5B-Chat')
  },
  'cards/029-leliuga__cohere-configurations__models_13B-BlueMethod_README.md': {},
  'cards/030-leliuga__cohere-configurations__models_Llama-2-7B-32K-Instruct_README.md': {},
  'mens/adapter_card.CONSTRUCTED.brbrainerd-AdapterCard.placeholder-revision.SHOULD-FAIL.json': {
    base_hf_id: { kind: 'hub-id', id: 'Qwen/Qwen3-8B', revision: 'PLACEHOLDER-a7b3d091', evidence: 'primary' }
  },
  // `test/model` is an example id from a unit test, not a repository.
  'mens/adapter_card.FIXTURE.brbrainerd-AdapterCard-for_test.json': { base_hf_id: PLACEHOLDER },
  'mens/adapter_manifest_v3.CONSTRUCTED.nested-quant.with-base_model-and-provenance.json': {
    base_model: hub('Qwen/Qwen2.5-Coder-3B-Instruct'),
    'provenance.upstream_model_id': hub('Qwen/Qwen2.5-Coder-3B-Instruct')
  },
  'mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_provenance_roundtrips.kimi.json': {
    base_model: hub('Qwen/Qwen3.5-4B'),
    'provenance.upstream_model_id': hub('moonshotai/Kimi-K2.5')
  },
  'mens/adapter_manifest_v3.FIXTURE.vox-ml-cli-gpu_tests_body.flat-quant.with-provenance.json': {
    base_model: hub('Qwen/Qwen3.5-4B'),
    'provenance.upstream_model_id': hub('moonshotai/Kimi-K2.5')
  },
  'mens/candle_qlora_adapter_meta_v2.CONSTRUCTED.with-base_model.json': {
    base_model: hub('Qwen/Qwen2.5-Coder-3B-Instruct')
  },
  'mens/external_serving_handoff_v1.CONSTRUCTED.schola_training_run.json': {
    base_model: hub('Qwen/Qwen3.5-4B'),
    tokenizer_source: localPath()
  },
  'mens/training_manifest.CONSTRUCTED.schema5.burn_lora-scratch.base_model-null.SHOULD-FAIL.json': {
    base_model: EMPTY,
    tokenizer_path: EMPTY
  },
  'mens/training_manifest.CONSTRUCTED.schema5.full-provenance.finalized.json': {
    base_model: hub('Qwen/Qwen3.5-4B'),
    tokenizer_path: cache('Qwen/Qwen3.5-4B', QWEN35_SHA),
    provenance_upstream_model_id: hub('Qwen/Qwen3.5-4B')
  },
  'mens/training_manifest.CONSTRUCTED.schema5.kimi-attribution-required.with-launch_argv-brbrainerd.json': {
    base_model: hub('Qwen/Qwen3.5-4B'),
    tokenizer_path: cache('Qwen/Qwen3.5-4B', QWEN35_SHA),
    provenance_upstream_model_id: hub('moonshotai/Kimi-K2.5')
  },
  'mens/training_manifest.REAL.schema4.qwen25-coder-3b.no-provenance.json': {
    base_model: hub('Qwen/Qwen2.5-Coder-3B-Instruct'),
    tokenizer_path: cache('Qwen/Qwen2.5-Coder-3B-Instruct', CODER3B_SHA)
  },
  'mens/training_manifest.REAL.schema4.v1-adapter_tag-context_filter.json': {
    base_model: hub('Qwen/Qwen2.5-Coder-3B-Instruct'),
    tokenizer_path: cache('Qwen/Qwen2.5-Coder-3B-Instruct', CODER3B_SHA)
  },
  'mens/training_manifest.REAL.schema5.qwen35-4b.attribution-false-only.json': {
    base_model: hub('Qwen/Qwen3.5-4B'),
    tokenizer_path: cache('Qwen/Qwen3.5-4B', QWEN35_SHA)
  },
  'other/002-lfai__model_openness_tool__models_Falcon-180B.yml': {
    'release.huggingface': { kind: 'url', id: 'tiiuae/falcon-180B', evidence: 'inferred' }
  },
  // The base is named only by a backend word: a bare id the Hub lookup will have to judge.
  'other/005-wgermanw__Comfy__training_manifest.json': { backend: bare('flux') }
};

/** Card `datasets:` entries and what they name on the Hub. */
const EXPECTED_DATASETS: Record<string, Record<string, { id?: string; problem?: string }>> = {
  'cards/002-jxia622__SonoMed-VLM__README.md': { 'datasets[0]': { id: 'Ssdaizi/SonoInstruct' } },
  'cards/010-onurkanbakirci__Llama-2-7b-oasst-sft__HF_MODEL_CARD.md': { 'datasets[0]': { id: 'OpenAssistant/oasst1' } },
  'cards/011-t-timms__kat-coder-nvfp4__HF_MODEL_CARD.md': {
    'datasets[0]': { id: 'theblackcat102/evol-codealpaca-v1' }
  },
  'cards/013-shantipriyap__odia_asr__hf_model_card.md': {
    'datasets[0]': { problem: 'not a Hub dataset id' },
    'datasets[1]': { problem: 'not a Hub dataset id' }
  },
  'cards/018-hcfk__qwen3-tts-turkish__hf_model_card.md': { 'datasets[0]': { id: 'issai/Turkish_Speech_Corpus' } },
  'cards/019-techcwbldr26__modal-gemma4-emergent-alignment-animal-welfare-sft-spd-app__HF_MODEL_CARD.md': {
    'datasets[0]': { id: 'sentientfutures/animal-welfare-training-claude' }
  },
  'cards/030-leliuga__cohere-configurations__models_Llama-2-7B-32K-Instruct_README.md': {
    'datasets[0]': { id: 'togethercomputer/llama-instruct' }
  }
};

/**
 * The parsed content of a fixture; undefined when it does not parse (other suites keep broken files
 * here on purpose).
 */
function readFixture(file: string): unknown {
  const text = readFileSync(join(ROOT, file), 'utf8');
  let parsed;
  if (file.endsWith('.json')) parsed = parseJsonDocument(text);
  else if (file.startsWith('cards/')) {
    const fm = extractFrontMatter(text);
    if (!fm || 'unclosedAt' in fm) return undefined;
    parsed = parseYamlDocument(fm.yaml, fm.yamlStartLine - 1);
  } else parsed = parseYamlDocument(text);
  return 'doc' in parsed ? parsed.doc.value : undefined;
}

/** Every value under one of `keys`, with its dotted field path; lists under such a key are split. */
function collect(
  value: unknown,
  keys: Set<string>,
  prefix = '',
  out = new Map<string, unknown>()
): Map<string, unknown> {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, keys, `${prefix}[${i}]`, out));
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (keys.has(key) && Array.isArray(child)) child.forEach((item, i) => out.set(`${field}[${i}]`, item));
    else if (keys.has(key) && (child === null || typeof child === 'string')) out.set(field, child);
    else if (key !== 'launch_argv') collect(child, keys, field, out);
  }
  return out;
}

function fixtureFiles(): string[] {
  return FOLDERS.flatMap((folder) => readdirSync(join(ROOT, folder)).map((name) => `${folder}/${name}`)).sort();
}

describe('upstream values of the real-world fixtures', () => {
  const values = new Map(fixtureFiles().map((file) => [file, collect(readFixture(file), UPSTREAM_KEYS)]));

  it('reads every listed fixture', () => {
    for (const file of Object.keys(EXPECTED)) expect([file, readFixture(file) !== undefined]).toEqual([file, true]);
  });

  it('has an expectation for every upstream field of every fixture, and no other', () => {
    const withFields = <T>(entries: [string, T[]][]) =>
      Object.fromEntries(entries.filter(([, fields]) => fields.length > 0));
    const found = withFields([...values].map(([file, fields]) => [file, [...fields.keys()].sort()]));
    const expected = withFields(Object.entries(EXPECTED).map(([file, fields]) => [file, Object.keys(fields).sort()]));
    expect(found).toEqual(expected);
  });

  const cases = Object.entries(EXPECTED).flatMap(([file, fields]) =>
    Object.entries(fields).map(([field, want]) => ({ file, field, want }))
  );
  it.each(cases)('$file $field', ({ file, field, want }) => {
    const got = classifyUpstream(values.get(file)?.get(field));
    expect({
      kind: got.kind,
      id: got.id,
      revision: got.revision,
      evidence: got.evidence,
      invalidReason: got.invalidReason
    }).toEqual({
      id: undefined,
      revision: undefined,
      invalidReason: undefined,
      ...want
    });
  });

  it('explains what it recovered from paths, cache paths, legacy ids and id@revision', () => {
    const of = (file: string, field: string) => classifyUpstream(values.get(file)?.get(field)).recovered;
    expect(of('peft/014-EPlus-LLM__Model__adapter_config.json', 'base_model_name_or_path')).toBe(
      'recovered google/flan-t5-xxl from the last two segments of the local path'
    );
    expect(
      of('peft/003-MountainAlpha__falcon-7b_lora_finetune__adapter_config.json', 'base_model_name_or_path')
    ).toBeUndefined();
    expect(
      of(
        'peft/006-stathopoan__Apply-Lightweight-Fine-Tuning-to-a-Foundation-LLM-Model__adapter_config.json',
        'base_model_name_or_path'
      )
    ).toBe('the Hub now serves gpt2 as openai-community/gpt2');
    expect(
      of('peft/017-Hareshjethani__BERT-GPT2-Multitask-Finetuning__adapter_config.json', 'base_model_name_or_path')
    ).toBe('the Hub now serves bert-base-uncased as google-bert/bert-base-uncased');
    expect(of('peft/028-lzrong0203__iSpan_LLM09__adapter_config.json', 'base_model')).toBeUndefined();
    expect(of('mens/training_manifest.REAL.schema4.qwen25-coder-3b.no-provenance.json', 'tokenizer_path')).toBe(
      `recovered Qwen/Qwen2.5-Coder-3B-Instruct at revision ${CODER3B_SHA} from the Hugging Face cache path`
    );
    expect(
      of('mens/adapter_card.CONSTRUCTED.brbrainerd-AdapterCard.placeholder-revision.SHOULD-FAIL.json', 'base_hf_id')
    ).toBe(
      'split Qwen/Qwen3-8B@PLACEHOLDER-a7b3d091 into id Qwen/Qwen3-8B ' +
        'and revision PLACEHOLDER-a7b3d091 (a placeholder, not a commit)'
    );
    expect(of('other/002-lfai__model_openness_tool__models_Falcon-180B.yml', 'release.huggingface')).toBe(
      'recovered tiiuae/falcon-180B from the huggingface.co URL'
    );
  });
});

describe('dataset references of the real-world model cards', () => {
  const cards = fixtureFiles().filter((f) => f.startsWith('cards/'));
  const found = new Map(cards.map((file) => [file, collect(readFixture(file), new Set(['datasets']))]));

  it('has an expectation for every datasets entry', () => {
    const listed = Object.fromEntries(
      [...found].filter(([, fields]) => fields.size > 0).map(([file, fields]) => [file, [...fields.keys()].sort()])
    );
    const expected = Object.fromEntries(
      Object.entries(EXPECTED_DATASETS).map(([file, fields]) => [file, Object.keys(fields).sort()])
    );
    expect(listed).toEqual(expected);
  });

  const cases = Object.entries(EXPECTED_DATASETS).flatMap(([file, fields]) =>
    Object.entries(fields).map(([field, want]) => ({ file, field, want }))
  );
  it.each(cases)('$file $field', ({ file, field, want }) => {
    expect(classifyDatasetId(String(found.get(file)?.get(field)))).toEqual(want);
  });
});
