/** Issue #11: knowledge-base families added with their sources (GLM-4, InternLM). */
import { LicenseKnowledge } from '../../../src/licenses/knowledge.js';
import { classifyUpstream } from '../../../src/lineage/classify.js';
import { evaluateArtifact } from '../../../src/rules/engine.js';
import { findRule } from '../../../src/rules/index.js';
import type { Rule } from '../../../src/rules/rule.js';
import { artifact, at, defaultRuleContext, license, record, upstream } from '../../helpers/build.js';

const kb = LicenseKnowledge.builtin();

describe('GLM-4', () => {
  it.each([
    ['THUDM/glm-4-9b', 'glm-4'],
    ['THUDM/glm-4-9b-chat', 'glm-4'],
    ['zai-org/glm-4-9b-chat-hf', 'glm-4'],
    ['THUDM/glm-4-9b-chat-1m', 'glm-4'],
    ['THUDM/glm-4v-9b', 'glm-4'],
    ['THUDM/GLM-4-9B-0414', 'mit'],
    ['zai-org/GLM-Z1-32B-0414', 'mit'],
    ['THUDM/chatglm3-6b', 'chatglm3-6b-license']
  ])('%s is under %s', (id, want) => {
    expect(kb.family(id)?.license).toBe(want);
  });

  it('the glm-4-9b License asks for "Built with glm-4", a copy of the license and the glm-4 name prefix', () => {
    expect(kb.lookup('glm-4')).toMatchObject({
      display: 'The glm-4-9b License',
      namingPrefix: 'glm-4',
      flowDown: true,
      nonCommercial: false,
      attribution: { text: 'Built with glm-4', markers: ['Built with glm-4'] },
      source: 'https://huggingface.co/THUDM/glm-4-9b-chat/blob/main/LICENSE'
    });
  });

  it('a fine-tune of ZhipuAI/glm-4-9b-chat (a ModelScope id) owes the notice and the name prefix', () => {
    const CARD = 'a/README.md';
    const ref = { ...classifyUpstream('ZhipuAI/glm-4-9b-chat'), raw: 'ZhipuAI/glm-4-9b-chat' };
    const a = artifact('a', {
      records: [
        record(CARD, 'hf-model-card', {
          upstreams: [upstream(CARD, { ...ref, source: at(CARD, 'base_model', 2) })],
          license: license(CARD, 'other', { name: 'glm-4', link: 'LICENSE' })
        })
      ]
    });
    const run = (id: string) => evaluateArtifact(a, [findRule(id) as Rule], defaultRuleContext()).map((e) => e.finding);
    expect(run('missing-attribution')[0].fix).toContain('"Built with glm-4"');
    expect(run('naming-requirement')[0].message).toContain('"glm-4"');
  });
});

describe('InternLM', () => {
  it.each([
    ['internlm/internlm-7b', 'internlm-license'],
    ['internlm/internlm-chat-20b', 'internlm-license'],
    ['internlm/internlm2-7b', 'internlm-license'],
    ['internlm/internlm2-chat-20b', 'internlm-license'],
    ['internlm/internlm2_5-7b-chat', 'internlm-license'],
    ['internlm/internlm2_5-1_8b', 'internlm-license'],
    ['internlm/internlm3-8b-instruct', 'apache-2.0']
  ])('%s is under %s', (id, want) => {
    expect(kb.family(id)?.license).toBe(want);
  });

  it('does not take other InternLM-named projects for the LLM', () => {
    for (const id of ['internlm/internlm-xcomposer2-7b', 'internlm/internlm2-math-plus-7b', 'OpenGVLab/InternVL2-8B'])
      expect(kb.family(id)).toBeUndefined();
  });

  it('the weights terms: free commercial use after applying, not a non-commercial license', () => {
    expect(kb.lookup('internlm')).toMatchObject({
      id: 'internlm-license',
      nonCommercial: false,
      restrictions: [expect.stringContaining('needs a commercial license')]
    });
  });
});
