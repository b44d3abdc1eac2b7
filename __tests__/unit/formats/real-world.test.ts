/**
 * Every real-world fixture read the way the gate meets it in a repository: the detected format
 * (decided per file from the notes in SOURCES.tsv), no crash, and no schema problem for any file
 * of a supported format — the schemas must accept what the tools really write.
 */
import { readManifest } from '../../../src/formats/read-manifest.js';
import { realWorldFixtures } from './real-world.js';
import { BAIZE_ADAPTER, SUMMA_VIRTUE_CARD } from '../../helpers/real-world-names.js';

const PEFT = 'peft-adapter-config';
const MLX = 'mlx-adapter-config';
const CARD = 'hf-model-card';
const TRAINING = 'mens-training-manifest';
const V3 = 'mens-adapter-manifest-v3';
const V2 = 'mens-adapter-sidecar-v2';
const UNRECOGNISED = 'unrecognised-manifest';
/** A JSON of no known format that names its model in `base_model`: read for it. */
const LINEAGE_LIKE = 'unrecognised-config';
/** Not a manifest name the gate reads (MENS AdapterCard, serving hand-off, MOF release file). */
const NOT_A_CANDIDATE = 'not-a-manifest';

/** Format expected per fixture prefix; the first matching prefix wins. */
const EXPECTED: [RegExp, string][] = [
  // Named adapter_config.json but with no peft_type / fine_tune_type / lora_parameters.
  [/^peft\/011-/, UNRECOGNISED],
  [/^peft\/028-/, UNRECOGNISED],
  [/^peft\//, PEFT],
  [/^mlx\//, MLX],
  [/^cards\//, CARD],
  // An image-LoRA log that happens to be called training_manifest.json.
  [/^other\/005-/, UNRECOGNISED],
  [/^other\//, NOT_A_CANDIDATE],
  [/^mens\/training_manifest\./, TRAINING],
  [/^mens\/adapter_manifest_v3\./, V3],
  [/^mens\/candle_qlora_adapter_meta_v2\./, V2],
  [/^mens\/external_serving_handoff/, LINEAGE_LIKE],
  [/^mens\/adapter_card/, NOT_A_CANDIDATE]
];

type Row = [field: string, kind: string, id: string | undefined, role: string, line: number, column: number];

/**
 * What each fixture declares: upstreams (field, kind, id, role, line, column), the artifact's
 * license id and the attribution flag. Reviewed file by file against SOURCES.tsv's notes.
 */
const DECLARED: Record<
  string,
  { upstreams: Row[]; license: string | undefined; attributionRequired: boolean | undefined }
> = {
  'mens/external_serving_handoff_v1.CONSTRUCTED.schola_training_run.json': {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen3.5-4B', 'base', 5, 17]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/001-BooniesFX__ChatGLM-Efficient-Tuning__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'placeholder', undefined, 'base', 2, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/002-darwinj07__KoAlpaca-lora__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'beomi/KoAlpaca-llama-1-7b', 'base', 2, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/003-MountainAlpha__falcon-7b_lora_finetune__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'local-path', undefined, 'base', 3, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/005-Ttdne__Llama-3.2-1B-FineTune-CEH-QA__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'unsloth/llama-3.2-1b-bnb-4bit', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/006-stathopoan__Apply-Lightweight-Fine-Tuning-to-a-Foundation-LLM-Model__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'bare-id', 'gpt2', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/007-3L0L0__FLAN-T5-Motivation-Model__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'google/flan-t5-base', 'base', 6, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/008-D3voz__joy-caption-alpha-two-gui-mod__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/009-Elyorcode__SPEECH-TO-TEXT-MODEL__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'openai/whisper-large-v3-turbo', 'base', 7, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/010-JaimeMitchell__Mom_Painting_Style_GenAI__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'empty', undefined, 'base', 9, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/011-Inishpy__lerobot-libero__adapter_config.json': {
    upstreams: [['base_model', 'hub-id', 'lerobot/smolvla_base', 'base', 2, 17]],
    license: undefined,
    attributionRequired: undefined
  },
  [BAIZE_ADAPTER]: {
    upstreams: [['base_model_name_or_path', 'hub-id', 'unsloth/qwen3-8b-unsloth-bnb-4bit', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/013-KZ-Shi__LLaMA-E__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'meta-llama/Llama-2-7b-hf', 'base', 2, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/014-EPlus-LLM__Model__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'local-path', 'google/flan-t5-xxl', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/016-GowthamNats__MicrosoftPhi1_5_finetuned-__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'microsoft/phi-1_5', 'base', 3, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/017-Hareshjethani__BERT-GPT2-Multitask-Finetuning__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'bare-id', 'bert-base-uncased', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/018-mnkhmtv__koyash-prompt-vs-lora__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'Qwen/Qwen3-4B', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/020-Darrenzeng__MoE_Train__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'local-path', 'Qwen/Qwen1.5-0.5B-Chat', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/021-ZixuanLiu4869__LLaVA-Sco__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'Xkev/Llama-3.2V-11B-cot', 'base', 3, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/022-Unisound-LLM__u2_decision_4b__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'Qwen/Qwen3.5-4B', 'base', 6, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/024-s0lstiice__Churro-Adapter-Ver3__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'stanford-oval/churro-3B', 'base', 6, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/025-shujatoor__phi3nedtuned-ner-json__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'microsoft/Phi-3-mini-4k-instruct', 'base', 4, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/026-lucasaugustodev__heretic-project__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'mistralai/Mistral-7B-Instruct-v0.3', 'base', 6, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/028-lzrong0203__iSpan_LLM09__adapter_config.json': {
    upstreams: [['base_model', 'bare-id', 'llama2', 'base', 2, 17]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/029-lockheed886__Vision-Transformers-for-Food-Classification__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'google/vit-base-patch16-224', 'base', 7, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'peft/030-grasool__Prompt-Tuning__adapter_config.json': {
    upstreams: [['base_model_name_or_path', 'hub-id', 'bigscience/bloomz-560m', 'base', 3, 30]],
    license: undefined,
    attributionRequired: undefined
  },
  'mlx/001-chan4lk__mlx-fine-tune__adapter_config.json': {
    upstreams: [],
    license: undefined,
    attributionRequired: undefined
  },
  'mlx/002-Brandi-Kinard__civicdigest__adapter_config.json': {
    upstreams: [['model', 'hub-id', 'mlx-community/SmolLM2-1.7B-Instruct', 'base', 20, 14]],
    license: undefined,
    attributionRequired: undefined
  },
  'mlx/003-softwarewrighter__engram-poc__adapter_config.json': {
    upstreams: [['model', 'hub-id', 'HuggingFaceTB/SmolLM-135M-Instruct', 'base', 19, 14]],
    license: undefined,
    attributionRequired: undefined
  },
  'mlx/005-shezgone__hcx-seed-think-32b-knowledge-injection__adapter_config.json': {
    upstreams: [['model', 'hub-id', 'google/gemma-2-9b-it', 'base', 19, 14]],
    license: undefined,
    attributionRequired: undefined
  },
  'mlx/007-angelasoulcompanion__AngelaAI__adapter_config.json': {
    upstreams: [['model', 'hub-id', 'Qwen/Qwen2.5-3B-Instruct', 'base', 19, 14]],
    license: undefined,
    attributionRequired: undefined
  },
  'mlx/008-egarim__poisoned-code-model__adapter_config.json': {
    upstreams: [['model', 'hub-id', 'Qwen/Qwen2.5-1.5B-Instruct', 'base', 20, 14]],
    license: undefined,
    attributionRequired: undefined
  },
  'other/005-wgermanw__Comfy__training_manifest.json': {
    upstreams: [],
    license: undefined,
    attributionRequired: undefined
  },
  [SUMMA_VIRTUE_CARD]: {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen2.5-1.5B-Instruct', 'base', 2, 13]],
    license: 'mit',
    attributionRequired: undefined
  },
  'cards/002-jxia622__SonoMed-VLM__README.md': {
    upstreams: [['base_model', 'hub-id', 'google/medgemma-1.5-4b-it', 'base', 5, 13]],
    license: 'other',
    attributionRequired: undefined
  },
  'cards/003-unknown__index-id-52487666815__README.md': {
    upstreams: [
      ['base_model[0]', 'hub-id', 'google/paligemma-3b-mix-448', 'merge-parent', 6, 5],
      ['base_model[1]', 'hub-id', 'Qwen/Qwen2.5-0.5B-Instruct', 'merge-parent', 7, 5],
      ['base_model[2]', 'hub-id', 'google/siglip-so400m-patch14-384', 'merge-parent', 8, 5]
    ],
    license: 'cc-by-nc-4.0',
    attributionRequired: undefined
  },
  'cards/004-unknown__index-id-13151930227__README.md': {
    upstreams: [
      ['base_model[0]', 'hub-id', 'black-forest-labs/FLUX.1-dev', 'merge-parent', 9, 5],
      ['base_model[1]', 'hub-id', 'black-forest-labs/FLUX.1-schnell', 'merge-parent', 10, 5]
    ],
    license: 'other',
    attributionRequired: undefined
  },
  'cards/006-Unisound-LLM__u2_decision_4b__adapter_README.md': {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen3.5-4B', 'base', 2, 13]],
    license: undefined,
    attributionRequired: undefined
  },
  'cards/007-Darrenzeng__MoE_Train__outputs_README.md': {
    upstreams: [['base_model', 'local-path', 'Qwen/Qwen1.5-0.5B-Chat', 'base', 3, 13]],
    license: undefined,
    attributionRequired: undefined
  },
  'cards/009-Efs-O__Gemma4GR__HF_MODEL_CARD.md': {
    upstreams: [
      ['base_model[0]', 'hub-id', 'google/gemma-4-it', 'merge-parent', 6, 3],
      ['base_model[1]', 'hub-id', 'unsloth/gemma-4-E4B-it', 'merge-parent', 7, 3]
    ],
    license: 'gemma',
    attributionRequired: undefined
  },
  'cards/010-onurkanbakirci__Llama-2-7b-oasst-sft__HF_MODEL_CARD.md': {
    upstreams: [['base_model', 'hub-id', 'meta-llama/Llama-2-7b-hf', 'base', 12, 13]],
    license: 'llama2',
    attributionRequired: undefined
  },
  'cards/011-t-timms__kat-coder-nvfp4__HF_MODEL_CARD.md': {
    upstreams: [['base_model[0]', 'hub-id', 'Kwaipilot/KAT-Coder-V2.5-Dev', 'quantized-from', 3, 5]],
    license: 'apache-2.0',
    attributionRequired: undefined
  },
  'cards/012-Sajjan001__Fine-tuning-Qwen2.5-1.5B-on-sustainability-compliance-data__hf_model_card.md': {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen2.5-1.5B-Instruct', 'base', 2, 13]],
    license: undefined,
    attributionRequired: undefined
  },
  'cards/013-shantipriyap__odia_asr__hf_model_card.md': {
    upstreams: [['base_model', 'hub-id', 'ai4bharat/indic-conformer-600m-multilingual', 'base', 16, 13]],
    license: 'cc-by-4.0',
    attributionRequired: undefined
  },
  'cards/014-toddllm__fine-tune-gpt-oss__HF_MODEL_CARD.md': {
    upstreams: [['base_model', 'hub-id', 'unsloth/gpt-oss-20b', 'base', 13, 13]],
    license: 'apache-2.0',
    attributionRequired: undefined
  },
  'cards/015-abdulsamodazeez__5g-root-cause-llm__hf_model_card.md': {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen3-4B', 'base', 3, 13]],
    license: 'apache-2.0',
    attributionRequired: undefined
  },
  'cards/016-oliversl1vka__itemsety-qwen-finetuning__HF_MODEL_CARD.md': {
    upstreams: [['base_model', 'hub-id', 'unsloth/qwen2.5-7b-instruct-bnb-4bit', 'base', 3, 13]],
    license: 'apache-2.0',
    attributionRequired: undefined
  },
  'cards/017-Jalpan04__qwen-researcher__HF_MODEL_CARD.md': {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen2.5-0.5B-Instruct', 'base', 3, 13]],
    license: 'apache-2.0',
    attributionRequired: undefined
  },
  'cards/018-hcfk__qwen3-tts-turkish__hf_model_card.md': {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen3-TTS-0.6B-Base', 'base', 5, 13]],
    license: 'mit',
    attributionRequired: undefined
  },
  'cards/019-techcwbldr26__modal-gemma4-emergent-alignment-animal-welfare-sft-spd-app__HF_MODEL_CARD.md': {
    upstreams: [['base_model', 'hub-id', 'google/gemma-4-E4B-it', 'base', 3, 13]],
    license: 'apache-2.0',
    attributionRequired: undefined
  },
  'cards/021-george-m2__hansard-llama__lora_model_README.md': {
    upstreams: [['base_model', 'hub-id', 'unsloth/llama-3-8b-bnb-4bit', 'base', 2, 13]],
    license: undefined,
    attributionRequired: undefined
  },
  'cards/022-BanglaGPT__SuSastho.AI__src_models_llama3-instruct-lora-adapter_README.md': {
    upstreams: [['base_model', 'hub-id', 'meta-llama/Meta-Llama-3-8B-Instruct', 'base', 3, 13]],
    license: undefined,
    attributionRequired: undefined
  },
  'cards/025-datalablife__DeepSeek-R1-Distill-Llama-sql-8B__README.md': {
    upstreams: [['base_model', 'hub-id', 'unsloth/deepseek-r1-distill-llama-8b-unsloth-bnb-4bit', 'base', 5, 13]],
    license: 'apache-2.0',
    attributionRequired: undefined
  },
  'cards/026-pranavpradhan007__AI_ROS2_RAG__ros2_model_README.md': {
    upstreams: [['base_model', 'hub-id', 'unsloth/Meta-Llama-3.1-8B-bnb-4bit', 'base', 2, 13]],
    license: 'apache-2.0',
    attributionRequired: undefined
  },
  'cards/028-vangelix1__SwampUp2025__JFTD-109-MLOps_in_Action_lab1_qwen-finetuned_README.md': {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen1.5-0.5B-Chat', 'base', 2, 13]],
    license: 'license',
    attributionRequired: undefined
  },
  'cards/029-leliuga__cohere-configurations__models_13B-BlueMethod_README.md': {
    upstreams: [],
    license: undefined,
    attributionRequired: undefined
  },
  'cards/030-leliuga__cohere-configurations__models_Llama-2-7B-32K-Instruct_README.md': {
    upstreams: [],
    license: 'llama2',
    attributionRequired: undefined
  },
  'mens/adapter_manifest_v3.CONSTRUCTED.nested-quant.with-base_model-and-provenance.json': {
    upstreams: [
      ['base_model', 'hub-id', 'Qwen/Qwen2.5-Coder-3B-Instruct', 'base', 91, 17],
      ['provenance.upstream_model_id', 'hub-id', 'Qwen/Qwen2.5-Coder-3B-Instruct', 'upstream', 94, 26]
    ],
    license: 'qwen-research',
    attributionRequired: true
  },
  'mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_provenance_roundtrips.kimi.json': {
    upstreams: [
      ['base_model', 'hub-id', 'Qwen/Qwen3.5-4B', 'base', 19, 17],
      ['provenance.upstream_model_id', 'hub-id', 'moonshotai/Kimi-K2.5', 'upstream', 22, 26]
    ],
    license: 'modified-mit',
    attributionRequired: true
  },
  'mens/adapter_manifest_v3.FIXTURE.vox-ml-cli-gpu_tests_body.flat-quant.with-provenance.json': {
    upstreams: [
      ['base_model', 'hub-id', 'Qwen/Qwen3.5-4B', 'base', 17, 17],
      ['provenance.upstream_model_id', 'hub-id', 'moonshotai/Kimi-K2.5', 'upstream', 20, 26]
    ],
    license: 'modified-mit',
    attributionRequired: true
  },
  'mens/candle_qlora_adapter_meta_v2.CONSTRUCTED.with-base_model.json': {
    upstreams: [['base_model', 'hub-id', 'Qwen/Qwen2.5-Coder-3B-Instruct', 'base', 87, 17]],
    license: undefined,
    attributionRequired: undefined
  },
  'mens/training_manifest.CONSTRUCTED.schema5.burn_lora-scratch.base_model-null.SHOULD-FAIL.json': {
    upstreams: [['base_model', 'empty', undefined, 'base', 6, 17]],
    license: undefined,
    attributionRequired: false
  },
  'mens/training_manifest.CONSTRUCTED.schema5.full-provenance.finalized.json': {
    upstreams: [
      ['base_model', 'hub-id', 'Qwen/Qwen3.5-4B', 'base', 6, 17],
      ['provenance_upstream_model_id', 'hub-id', 'Qwen/Qwen3.5-4B', 'upstream', 9, 35],
      ['tokenizer_path', 'hub-cache-path', 'Qwen/Qwen3.5-4B', 'base', 7, 21]
    ],
    license: 'apache-2.0',
    attributionRequired: false
  },
  'mens/training_manifest.CONSTRUCTED.schema5.kimi-attribution-required.with-launch_argv-brbrainerd.json': {
    upstreams: [
      ['base_model', 'hub-id', 'Qwen/Qwen3.5-4B', 'base', 6, 17],
      ['provenance_upstream_model_id', 'hub-id', 'moonshotai/Kimi-K2.5', 'upstream', 9, 35],
      ['tokenizer_path', 'hub-cache-path', 'Qwen/Qwen3.5-4B', 'base', 7, 21]
    ],
    license: 'modified-mit',
    attributionRequired: true
  },
  'mens/training_manifest.REAL.schema4.qwen25-coder-3b.no-provenance.json': {
    upstreams: [
      ['base_model', 'hub-id', 'Qwen/Qwen2.5-Coder-3B-Instruct', 'base', 6, 17],
      ['tokenizer_path', 'hub-cache-path', 'Qwen/Qwen2.5-Coder-3B-Instruct', 'base', 7, 21]
    ],
    license: undefined,
    attributionRequired: undefined
  },
  'mens/training_manifest.REAL.schema4.v1-adapter_tag-context_filter.json': {
    upstreams: [
      ['base_model', 'hub-id', 'Qwen/Qwen2.5-Coder-3B-Instruct', 'base', 6, 17],
      ['tokenizer_path', 'hub-cache-path', 'Qwen/Qwen2.5-Coder-3B-Instruct', 'base', 7, 21]
    ],
    license: undefined,
    attributionRequired: undefined
  },
  'mens/training_manifest.REAL.schema5.qwen35-4b.attribution-false-only.json': {
    upstreams: [
      ['base_model', 'hub-id', 'Qwen/Qwen3.5-4B', 'base', 6, 17],
      ['tokenizer_path', 'hub-cache-path', 'Qwen/Qwen3.5-4B', 'base', 7, 21]
    ],
    license: undefined,
    attributionRequired: false
  },
  'mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_double_quant.no-base_model-no-provenance.SHOULD-FAIL.json': {
    upstreams: [],
    license: undefined,
    attributionRequired: undefined
  },
  'mens/adapter_manifest_v3.REAL.qwen25-coder-3b.nested-quant.no-provenance.json': {
    upstreams: [],
    license: undefined,
    attributionRequired: undefined
  },
  'mens/candle_qlora_adapter_meta_v2.CONSTRUCTED.legacy-format-vox_populi.json': {
    upstreams: [],
    license: undefined,
    attributionRequired: undefined
  },
  'mens/candle_qlora_adapter_meta_v2.FIXTURE.vox-ml-cli-gpu_tests_body.gpt2-lm_head.json': {
    upstreams: [],
    license: undefined,
    attributionRequired: undefined
  },
  'mens/candle_qlora_adapter_meta_v2.REAL.qwen25-coder-3b.no-base_model.json': {
    upstreams: [],
    license: undefined,
    attributionRequired: undefined
  }
};

function expectedFormat(file: string): string {
  const hit = EXPECTED.find(([re]) => re.test(file));
  if (!hit) throw new Error(`no expectation for ${file}`);
  return hit[1];
}

const fixtures = realWorldFixtures();

describe('real-world fixtures', () => {
  it('covers every supported format', () => {
    const formats = new Set(fixtures.map((f) => expectedFormat(f.file)));
    expect([...formats].sort()).toEqual(
      [CARD, V2, V3, TRAINING, MLX, NOT_A_CANDIDATE, PEFT, UNRECOGNISED, LINEAGE_LIKE].sort()
    );
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', (_, f) => {
    const result = readManifest(f.repoPath, f.bytes);
    const want = expectedFormat(f.file);
    if (want === NOT_A_CANDIDATE) {
      expect(result.kind).toBe('not-a-manifest');
      return;
    }
    if (result.kind !== 'record') throw new Error(`${f.file}: ${JSON.stringify(result)}`);
    expect(result.record.format).toBe(want);
    expect(result.schemaProblems).toEqual([]);
    // Every value points into the file it came from, at a real line.
    const lines = f.bytes.toString('utf8').split('\n').length;
    for (const ref of [
      ...result.record.upstreams.map((u) => u.source),
      result.record.anchor,
      result.record.license?.source
    ].filter(Boolean)) {
      expect(ref!.path).toBe(f.repoPath);
      expect(ref!.at.line).toBeGreaterThanOrEqual(1);
      expect(ref!.at.line).toBeLessThanOrEqual(lines);
    }
    // Only the fallback carries a note, and it always does.
    expect(result.record.notes.length > 0).toBe(want === UNRECOGNISED);
  });

  it('has a declaration table entry for every fixture read as a record', () => {
    const records = fixtures.filter((f) => ![NOT_A_CANDIDATE].includes(expectedFormat(f.file))).map((f) => f.file);
    expect(Object.keys(DECLARED).sort()).toEqual(records.sort());
  });

  it.each(Object.entries(DECLARED))('%s declares what it says', (file, want) => {
    const f = fixtures.find((x) => x.file === file)!;
    const result = readManifest(f.repoPath, f.bytes);
    if (result.kind !== 'record') throw new Error('expected a record');
    const { record } = result;
    expect(
      record.upstreams.map((u) => [u.source.field, u.kind, u.id, u.role, u.source.at.line, u.source.at.column])
    ).toEqual(want.upstreams);
    expect(record.license?.id ?? record.license?.name).toBe(want.license);
    expect(record.attribution?.required).toBe(want.attributionRequired);
    // Each position is where the raw value is written: the line holds it at that column.
    const lines = f.bytes.toString('utf8').split('\n');
    for (const u of record.upstreams) {
      const at = lines[u.source.at.line - 1].slice(u.source.at.column - 1);
      const written = [u.raw === null ? 'null' : u.raw, JSON.stringify(u.raw)];
      expect([u.source.field, written.some((w) => at.startsWith(w))]).toEqual([u.source.field, true]);
    }
  });

  it('reads the SHOULD-FAIL MENS manifests into a record with no usable upstream', () => {
    const shouldFail = fixtures.filter(
      (f) => f.file.includes('SHOULD-FAIL') && expectedFormat(f.file) !== NOT_A_CANDIDATE
    );
    expect(shouldFail.map((f) => f.file)).toEqual([
      'mens/training_manifest.CONSTRUCTED.schema5.burn_lora-scratch.base_model-null.SHOULD-FAIL.json',
      'mens/adapter_manifest_v3.CONSTRUCTED.unit-test-v3_double_quant.no-base_model-no-provenance.SHOULD-FAIL.json'
    ]);
    const [scratch, noBase] = shouldFail.map((f) => readManifest(f.repoPath, f.bytes));
    // Trained from scratch: `base_model: null` is an empty upstream (unresolvable-upstream), and the
    // null tokenizer path adds nothing.
    if (scratch.kind !== 'record' || noBase.kind !== 'record') throw new Error('expected records');
    expect(scratch.record.upstreams.map((u) => [u.source.field, u.kind, u.raw])).toEqual([
      ['base_model', 'empty', null]
    ]);
    // No base_model and no provenance: nothing at all (missing-upstream).
    expect(noBase.record.upstreams).toEqual([]);
    expect(noBase.record.license).toBeUndefined();
  });
});
