/**
 * Well-known upstream families and the license their weights are under, matched on the
 * repository name so that quantized mirrors (`unsloth/…-bnb-4bit`, `mlx-community/…`) are
 * recognised too. A name match is inference, never proof: callers say so.
 */
export interface UpstreamFamily {
  /** Orgs that publish the originals, and mirror orgs that republish them unchanged. */
  orgs: readonly string[];
  /** Tested against the name part (after the `/`), case-insensitively. */
  name: RegExp;
  license: string;
  family: string;
}

const MIRROR_ORGS = ['unsloth', 'mlx-community', 'thebloke', 'bartowski', 'lmstudio-community', 'nousresearch'];

function family(orgs: string[], name: RegExp, license: string, label: string): UpstreamFamily {
  return { orgs: [...orgs, ...MIRROR_ORGS], name, license, family: label };
}

export const UPSTREAM_FAMILIES: readonly UpstreamFamily[] = [
  family(['meta-llama'], /^(meta-)?llama-2-/i, 'llama2', 'Llama 2'),
  family(['meta-llama'], /^(meta-)?llama-3\.1-/i, 'llama3.1', 'Llama 3.1'),
  family(['meta-llama'], /^(meta-)?llama-3\.2-/i, 'llama3.2', 'Llama 3.2'),
  family(['meta-llama'], /^(meta-)?llama-3\.3-/i, 'llama3.3', 'Llama 3.3'),
  family(['meta-llama'], /^(meta-)?llama-3-/i, 'llama3', 'Llama 3'),
  family(['meta-llama'], /^llama-4-/i, 'llama4', 'Llama 4'),
  // Gemma 1–3 only: Gemma 4 is Apache-2.0, and MedGemma is under the HAI-DEF terms.
  family(['google'], /^(codegemma|gemma|paligemma|recurrentgemma|shieldgemma)(-?(1\.1|2|3|3n))?-(?!4)/i, 'gemma', 'Gemma'),
  family(['moonshotai'], /^kimi-k2/i, 'modified-mit', 'Kimi K2'),
  family(['qwen'], /^qwen2\.5-(coder-)?3b(-|$)/i, 'qwen-research', 'Qwen2.5 3B'),
  family(['qwen'], /^qwen2\.5-(coder-)?72b(-|$)/i, 'qwen', 'Qwen2.5 72B'),
  family(['deepseek-ai'], /^deepseek-(v2|v2\.5|coder-v2|llm|coder-(1\.3|6\.7|33)b|vl)/i, 'deepseek', 'DeepSeek v1'),
  family(['mistralai'], /^mistral-large-instruct-2407/i, 'mrl', 'Mistral Large 2'),
  family(['mistralai'], /^codestral-22b/i, 'mnpl', 'Codestral')
];

/** The family of a Hub id, if its org and name are well known. */
export function upstreamFamily(id: string): UpstreamFamily | undefined {
  const slash = id.indexOf('/');
  if (slash < 0) return undefined;
  const org = id.slice(0, slash).toLowerCase();
  const name = id.slice(slash + 1);
  return UPSTREAM_FAMILIES.find((f) => f.orgs.includes(org) && f.name.test(name));
}
