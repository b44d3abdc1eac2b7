/**
 * Issue #11: ModelScope ids and ModelScope download folders are recovered as the Hugging Face id of
 * the same weights (evidence inferred, `recovered` saying how) where data/licenses.yaml documents
 * the org; a ModelScope id is never offered as a Hub id.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import { classifyUpstream } from '../../../src/lineage/classify.js';
import { scanOffline } from '../../helpers/offline-gate.js';
import { tempDir } from '../../helpers/git-repo.js';

const kb = LicenseKnowledge.builtin();

describe('LicenseKnowledge.modelScopeToHub', () => {
  it.each([
    ['LLM-Research/Meta-Llama-3-8B-Instruct', 'meta-llama/Meta-Llama-3-8B-Instruct'],
    ['LLM-Research/gemma-2-9b-it', 'google/gemma-2-9b-it'],
    ['LLM-Research/Phi-3-mini-4k-instruct', 'microsoft/Phi-3-mini-4k-instruct'],
    ['AI-ModelScope/gemma-2b', 'google/gemma-2b'],
    ['AI-ModelScope/Mistral-7B-v0.1', 'mistralai/Mistral-7B-v0.1'],
    ['Shanghai_AI_Laboratory/internlm2-7b', 'internlm/internlm2-7b'],
    ['ZhipuAI/chatglm3-6b', 'zai-org/chatglm3-6b'],
    ['ZhipuAI/glm-4-9b-chat', 'zai-org/glm-4-9b-chat'],
    ['01ai/Yi-6B', '01-ai/Yi-6B'],
    ['qwen/Qwen2-1.5B-Instruct', 'Qwen/Qwen2-1.5B-Instruct'],
    ['Qwen/Qwen2.5-7B-Instruct', 'Qwen/Qwen2.5-7B-Instruct'],
    ['deepseek-ai/DeepSeek-V2-Lite', 'deepseek-ai/DeepSeek-V2-Lite'],
    ['baichuan-inc/Baichuan2-7B-Base', 'baichuan-inc/Baichuan2-7B-Base']
  ])('%s is %s on the Hub', (ms, hub) => {
    const got = kb.modelScopeToHub(ms);
    expect(got?.hubId).toBe(hub);
    expect(got?.source).toMatch(/^https:\/\/github\.com\/hiyouga\/LLaMA-Factory\/blob\/[0-9a-f]{40}\//);
  });

  it('knows no Hub id for an undocumented org, nor for a re-upload whose name matches no family', () => {
    expect(kb.modelScopeToHub('someone/Qwen2-7B')).toBeUndefined();
    expect(kb.modelScopeToHub('LLM-Research/some-research-model')).toBeUndefined();
    expect(kb.modelScopeToHub('AI-ModelScope/TinyLlama-1.1B')).toBeUndefined();
    expect(kb.modelScopeToHub('not an id')).toBeUndefined();
  });

  it('tells ModelScope-only orgs from orgs that exist on both hubs', () => {
    for (const org of ['LLM-Research', 'ai-modelscope', 'ZhipuAI', 'Shanghai_AI_Laboratory', '01ai'])
      expect(kb.isModelScopeOnlyOrg(org)).toBe(true);
    for (const org of ['Qwen', 'qwen', 'deepseek-ai', 'baichuan-inc', 'meta-llama'])
      expect(kb.isModelScopeOnlyOrg(org)).toBe(false);
  });
});

describe('classifyUpstream on ModelScope ids', () => {
  it('reads an id under a ModelScope-only org as the Hub id, inferred', () => {
    expect(classifyUpstream('LLM-Research/Meta-Llama-3-8B-Instruct')).toEqual({
      kind: 'hub-id',
      id: 'meta-llama/Meta-Llama-3-8B-Instruct',
      evidence: 'inferred',
      recovered:
        'read the ModelScope id LLM-Research/Meta-Llama-3-8B-Instruct as meta-llama/Meta-Llama-3-8B-Instruct on the ' +
        "Hugging Face Hub (ModelScope's LLM-Research re-uploads other publishers' weights; Meta-Llama-3-8B-Instruct " +
        'is Llama 3, published on the Hub by meta-llama)'
    });
    expect(classifyUpstream('ZhipuAI/chatglm3-6b')).toMatchObject({ id: 'zai-org/chatglm3-6b', evidence: 'inferred' });
    expect(classifyUpstream('Shanghai_AI_Laboratory/internlm2_5-7b-chat')).toMatchObject({
      id: 'internlm/internlm2_5-7b-chat',
      evidence: 'inferred'
    });
  });

  it('drops a ModelScope revision: it names no commit on the Hub', () => {
    const got = classifyUpstream('01ai/Yi-6B@master');
    expect(got).toMatchObject({ kind: 'hub-id', id: '01-ai/Yi-6B', evidence: 'inferred' });
    expect(got.revision).toBeUndefined();
    expect(got.recovered).toContain("the revision master is ModelScope's and is not kept");
  });

  it('keeps ids of orgs that publish on both hubs as written (primary)', () => {
    expect(classifyUpstream('Qwen/Qwen2-7B')).toEqual({ kind: 'hub-id', id: 'Qwen/Qwen2-7B', evidence: 'primary' });
    expect(classifyUpstream('deepseek-ai/DeepSeek-V2-Lite')).toMatchObject({ evidence: 'primary' });
  });

  it('says when a ModelScope-only id has no known Hub id', () => {
    expect(classifyUpstream('LLM-Research/some-research-model')).toMatchObject({
      kind: 'hub-id',
      evidence: 'primary',
      recovered: 'LLM-Research/some-research-model is a ModelScope id, whose Hugging Face id is not known'
    });
  });
});

describe('classifyUpstream on ModelScope download folders', () => {
  // Real: the LLaMA-Factory fixture llamafactory/010-… (`model_name_or_path`).
  it('decodes `___` and maps the org', () => {
    expect(classifyUpstream('D:\\Pretrained_models\\Qwen\\Qwen2-1___5B-Instruct')).toEqual({
      kind: 'local-path',
      id: 'Qwen/Qwen2-1.5B-Instruct',
      evidence: 'inferred',
      recovered:
        'recovered the ModelScope id Qwen/Qwen2-1.5B-Instruct from a ModelScope download folder (ModelScope ' +
        "writes `.` in names as `___`), which is Qwen/Qwen2-1.5B-Instruct on the Hugging Face Hub (ModelScope's " +
        'qwen is Qwen on the Hub)'
    });
    expect(
      classifyUpstream('/root/.cache/modelscope/hub/models/LLM-Research/Meta-Llama-3___1-8B-Instruct')
    ).toMatchObject({ id: 'meta-llama/Meta-Llama-3.1-8B-Instruct', evidence: 'inferred' });
  });

  it('offers no Hub id for an undocumented org', () => {
    const cache = classifyUpstream('/root/.cache/modelscope/hub/models/someone/Foo-1___5B');
    expect(cache).toMatchObject({ kind: 'local-path', evidence: 'primary' });
    expect(cache.id).toBeUndefined();
    expect(cache.recovered).toContain('recovered the ModelScope id someone/Foo-1.5B');
    expect(cache.recovered).toContain('its Hugging Face id is not known');
    const folder = classifyUpstream('/data/acme/Bar-0___5B-Chat');
    expect(folder.id).toBeUndefined();
    expect(folder.recovered).toContain('ModelScope id acme/Bar-0.5B-Chat');
  });
});

describe('classifyUpstream on ModelScope URLs', () => {
  it('reads a model page URL as the Hub id where the org is documented', () => {
    expect(classifyUpstream('https://modelscope.cn/models/qwen/Qwen2-7B')).toEqual({
      kind: 'url',
      id: 'Qwen/Qwen2-7B',
      evidence: 'inferred',
      recovered:
        'recovered the ModelScope id qwen/Qwen2-7B from the ModelScope URL, which is Qwen/Qwen2-7B on the ' +
        "Hugging Face Hub (ModelScope's qwen is Qwen on the Hub)"
    });
    expect(classifyUpstream('https://www.modelscope.cn/models/ZhipuAI/chatglm3-6b/summary')).toMatchObject({
      id: 'zai-org/chatglm3-6b'
    });
    expect(classifyUpstream('https://modelscope.cn/models/someone/foo')).toEqual({ kind: 'url', evidence: 'primary' });
  });
});

describe('through the engine', () => {
  it('PEFT on a ModelScope download folder: the fix offers the Hub id, never the ModelScope name', async () => {
    const root = tempDir('lg-modelscope-');
    const write = (path: string, value: unknown) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), JSON.stringify(value, null, 2));
    };
    write('ms/adapter_config.json', {
      peft_type: 'LORA',
      base_model_name_or_path: 'D:\\Pretrained_models\\Qwen\\Qwen2-1___5B-Instruct',
      r: 16
    });
    write('llama/adapter_config.json', {
      peft_type: 'LORA',
      base_model_name_or_path: 'LLM-Research/Meta-Llama-3-8B-Instruct'
    });
    const report = await scanOffline(root);
    const [f] = [...report.findings].filter(
      (x) => x.path === 'ms/adapter_config.json' && x.ruleId === 'unresolvable-upstream'
    );
    expect(f.message).toContain('which is Qwen/Qwen2-1.5B-Instruct on the Hugging Face Hub');
    expect(f.fix).toContain('`Qwen/Qwen2-1.5B-Instruct`');
    expect(f.fix).not.toContain('___');
    const llama = [...report.artifacts].find((a) => a.dir === 'llama');
    expect(llama?.upstreams[0]).toMatchObject({ id: 'meta-llama/Meta-Llama-3-8B-Instruct', evidence: 'inferred' });
    // The Llama 3 duties apply to the recovered id.
    const owed = [...report.findings].find(
      (x) => x.path === 'llama/adapter_config.json' && x.ruleId === 'missing-attribution'
    );
    expect(owed?.message).toContain('Meta Llama 3 Community License');
  });

  it('recovers no id from a folder under a ModelScope directory that is not its cache layout', () => {
    expect(classifyUpstream('/data/ModelScope/acme/chat-7b')).toEqual({ kind: 'local-path', evidence: 'primary' });
    // The same folder elsewhere names its org and model plainly.
    expect(classifyUpstream('/data/models/acme/chat-7b')).toMatchObject({ kind: 'local-path', id: 'acme/chat-7b' });
  });

  it('keeps the revision of a ModelScope id whose Hugging Face id is not known, and says both', () => {
    expect(classifyUpstream('LLM-Research/totally-unknown-model@master')).toEqual({
      kind: 'hub-id',
      id: 'LLM-Research/totally-unknown-model',
      revision: 'master',
      evidence: 'primary',
      recovered:
        'split LLM-Research/totally-unknown-model@master into id LLM-Research/totally-unknown-model and revision ' +
        'master (a branch or tag, not a 40-hex commit); ' +
        'LLM-Research/totally-unknown-model is a ModelScope id, whose Hugging Face id is not known'
    });
  });

  it('leaves an invalid id under a ModelScope org invalid rather than reading it as ModelScope', () => {
    const c = classifyUpstream('LLM-Research/Meta..Llama-3-8B');
    expect(c.invalidReason).toBeDefined();
    expect(c.recovered).toBeUndefined();
  });
});
