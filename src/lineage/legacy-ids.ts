/**
 * Legacy "canonical" Hub ids (no namespace) and the organisation the Hub moved each one to in
 * January 2024 (huggingface/transformers#28795, "canonical repos moves"); the Hub redirects the old
 * name. Only the most-used ones: the list exists to give a helpful hint, not to resolve ids — an
 * id missing here is still looked up on the Hub like any other.
 */
const LEGACY_CANONICAL: Record<string, string> = {
  gpt2: 'openai-community/gpt2',
  'gpt2-medium': 'openai-community/gpt2-medium',
  'gpt2-large': 'openai-community/gpt2-large',
  'gpt2-xl': 'openai-community/gpt2-xl',
  'openai-gpt': 'openai-community/openai-gpt',
  distilgpt2: 'distilbert/distilgpt2',
  'bert-base-uncased': 'google-bert/bert-base-uncased',
  'bert-base-cased': 'google-bert/bert-base-cased',
  'bert-large-uncased': 'google-bert/bert-large-uncased',
  'bert-large-cased': 'google-bert/bert-large-cased',
  'bert-base-multilingual-cased': 'google-bert/bert-base-multilingual-cased',
  'bert-base-multilingual-uncased': 'google-bert/bert-base-multilingual-uncased',
  'bert-base-chinese': 'google-bert/bert-base-chinese',
  'distilbert-base-uncased': 'distilbert/distilbert-base-uncased',
  'distilbert-base-cased': 'distilbert/distilbert-base-cased',
  'distilroberta-base': 'distilbert/distilroberta-base',
  'roberta-base': 'FacebookAI/roberta-base',
  'roberta-large': 'FacebookAI/roberta-large',
  'xlm-roberta-base': 'FacebookAI/xlm-roberta-base',
  'xlm-roberta-large': 'FacebookAI/xlm-roberta-large',
  't5-small': 'google-t5/t5-small',
  't5-base': 'google-t5/t5-base',
  't5-large': 'google-t5/t5-large',
  't5-3b': 'google-t5/t5-3b',
  't5-11b': 'google-t5/t5-11b',
  'albert-base-v2': 'albert/albert-base-v2',
  'albert-large-v2': 'albert/albert-large-v2',
  'xlnet-base-cased': 'xlnet/xlnet-base-cased',
  'xlnet-large-cased': 'xlnet/xlnet-large-cased'
};

/** The namespaced id the Hub now serves a legacy bare id under, when it is one of the well-known ones. */
export function currentIdOfLegacy(bareId: string): string | undefined {
  return Object.hasOwn(LEGACY_CANONICAL, bareId.toLowerCase()) ? LEGACY_CANONICAL[bareId.toLowerCase()] : undefined;
}
