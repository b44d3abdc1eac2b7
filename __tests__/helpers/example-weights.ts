/** Weight files of examples/, written by the test helpers (checked byte for byte by __tests__/unit/examples). */
import { ggufBytes } from './weights.js';

/** "Coder Pro": a card that says in-house beside a GGUF whose header says it was made from Kimi K2.5. */
export const CODER_PRO = ggufBytes({
  entries: [
    ['general.architecture', 'string', 'deepseek2'],
    ['general.type', 'string', 'model'],
    ['general.name', 'string', 'Coder Pro'],
    ['general.license', 'string', 'other'],
    ['general.license.name', 'string', 'modified-mit'],
    ['general.base_model.count', 'uint32', 1],
    ['general.base_model.0.name', 'string', 'Kimi K2.5'],
    ['general.base_model.0.organization', 'string', 'Moonshotai'],
    ['general.base_model.0.repo_url', 'string', 'https://huggingface.co/moonshotai/Kimi-K2.5'],
    ['deepseek2.embedding_length', 'uint32', 7168],
    ['deepseek2.block_count', 'uint32', 61]
  ]
});
