/** Names of real-world fixtures too long for one line, shared by the tests that read them. */
export const BAIZE_ADAPTER =
  'peft/012-DigitalIntelligenceCenter-of-ICMM__Baize-Traditional-Chinese-Medicine-Large-Language-Model__' +
  'adapter_config.json';
export const SUMMA_VIRTUE_CARD =
  'cards/001-hanzhenzhujene__summa-virtue-alignment__artifacts_christian_virtue_qwen2_5_1_5b_instruct_local_' +
  'baseline_adapter_README.md';
