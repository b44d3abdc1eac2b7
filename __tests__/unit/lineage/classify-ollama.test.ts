import { classifyOllamaReference } from '../../../src/lineage/classify-ollama.js';

describe('classifyOllamaReference', () => {
  it.each([
    ['hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M', 'hub-id', 'bartowski/Llama-3.2-1B-Instruct-GGUF'],
    ['HF.CO/org/repo', 'hub-id', 'org/repo'],
    ['huggingface.co/org/repo:latest', 'hub-id', 'org/repo'],
    ['https://www.huggingface.co/org/repo/', 'hub-id', 'org/repo'],
    ['llama3.2', 'ollama-library', undefined],
    ['llama3.2:1b', 'ollama-library', undefined],
    ['igorls/gemma-4-12B-it-heretic-GGUF:latest', 'ollama-library', undefined],
    ['registry.ollama.ai/library/llama3:8b', 'ollama-library', undefined],
    ['localhost:5000/team/model:v1', 'ollama-library', undefined],
    ['phi3.gguf', 'local-path', undefined],
    ['./models/x', 'local-path', undefined],
    ['C:\\Users\\a\\model.gguf', 'local-path', undefined],
    ['', 'empty', undefined],
    ['<model>', 'placeholder', undefined]
  ])('%s → %s %s', (raw, kind, id) => {
    const c = classifyOllamaReference(raw);
    expect([c.kind, c.id]).toEqual([kind, id]);
    expect(c.revision).toBeUndefined();
  });

  it('never turns a library name into a Hub id, and keeps broken hf.co ids invalid', () => {
    expect(classifyOllamaReference('qwen2.5/coder:7b')).toEqual({ kind: 'ollama-library', evidence: 'primary' });
    expect(classifyOllamaReference('hf.co/org/re..po').invalidReason).toBeDefined();
  });

  it('says how it read a Hub id, and that a tag is a quantisation, from the trimmed value', () => {
    expect(classifyOllamaReference('  HF.CO/org/repo:Q4_K_M  ')).toEqual({
      kind: 'hub-id',
      id: 'org/repo',
      evidence: 'primary',
      recovered:
        "read org/repo from Ollama's hf.co reference `HF.CO/org/repo:Q4_K_M` " +
        '(`:Q4_K_M` picks a quantisation, not a revision)'
    });
    expect(classifyOllamaReference('huggingface.co/org/repo').recovered).toBe(
      "read org/repo from Ollama's huggingface.co reference `huggingface.co/org/repo`"
    );
  });
});
