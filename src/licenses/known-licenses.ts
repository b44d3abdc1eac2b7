/**
 * Seed of the license knowledge base: what a base model's license asks of derivatives.
 * Engineering summary of the license texts (not legal advice); each entry cites its source.
 * Facts: shared/reference/licenses.md.
 */
export interface LicenseDuty {
  /** Hub license id, or the `license_name` used with `license: other`. */
  id: string;
  family: string;
  /** Text a derivative must carry (NOTICE line or display string); absent when only the license notice travels. */
  attribution?: string;
  /** Short phrases whose presence in the artifact's prose shows the duty was met. */
  attributionMarkers?: string[];
  /** Attribution is owed only past a scale threshold (Kimi): still worth recording. */
  attributionCondition?: string;
  source: string;
}

export const LICENSE_DUTIES: readonly LicenseDuty[] = [
  {
    id: 'llama2',
    family: 'Llama 2',
    attribution: 'Llama 2 is licensed under the LLAMA 2 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved.',
    attributionMarkers: ['Llama 2 is licensed under the LLAMA 2 Community License'],
    source: 'https://ai.meta.com/llama/license/'
  },
  {
    id: 'llama3',
    family: 'Llama 3',
    attribution: 'Built with Meta Llama 3. Meta Llama 3 is licensed under the Meta Llama 3 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.',
    attributionMarkers: ['Built with Meta Llama 3'],
    source: 'https://www.llama.com/llama3/license/'
  },
  ...(['3.1', '3.2', '3.3', '4'] as const).map((v) => ({
    id: `llama${v}`,
    family: `Llama ${v}`,
    attribution: `Built with Llama. Llama ${v} is licensed under the Llama ${v} Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.`,
    attributionMarkers: ['Built with Llama'],
    source: `https://www.llama.com/llama${v.replace('.', '_')}/license/`
  })),
  {
    id: 'gemma',
    family: 'Gemma',
    attribution: 'Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms',
    attributionMarkers: ['Gemma Terms of Use'],
    source: 'https://ai.google.dev/gemma/terms'
  },
  {
    id: 'qwen',
    family: 'Qwen',
    attribution: 'Built with Qwen. Qwen is licensed under the Qwen LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.',
    attributionMarkers: ['Built with Qwen', 'Improved using Qwen', 'Qwen LICENSE AGREEMENT'],
    source: 'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE'
  },
  {
    id: 'qwen-research',
    family: 'Qwen (research)',
    attribution: 'Built with Qwen. Qwen is licensed under the Qwen RESEARCH LICENSE AGREEMENT, Copyright (c) Alibaba Cloud. All Rights Reserved.',
    attributionMarkers: ['Built with Qwen', 'Improved using Qwen', 'Qwen RESEARCH LICENSE AGREEMENT'],
    source: 'https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE'
  },
  {
    id: 'deepseek',
    family: 'DeepSeek License v1',
    attribution: 'This model is derived from a DeepSeek model licensed under the DeepSeek License Agreement v1.0 (a copy of which is included).',
    attributionMarkers: ['DeepSeek License'],
    source: 'https://github.com/deepseek-ai/DeepSeek-LLM/blob/main/LICENSE-MODEL'
  },
  {
    id: 'mrl',
    family: 'Mistral Research License',
    attribution: 'Licensed by Mistral AI under the Mistral AI Research License',
    attributionMarkers: ['Mistral AI Research License'],
    source: 'https://mistral.ai/licenses/MRL-0.1.md'
  },
  {
    id: 'mnpl',
    family: 'Mistral Non-Production License',
    attribution: 'Licensed by Mistral AI under the Mistral AI Non-Production License',
    attributionMarkers: ['Mistral AI Non-Production License'],
    source: 'https://mistral.ai/licenses/MNPL-0.1.md'
  },
  {
    id: 'modified-mit',
    family: 'Kimi K2 (Modified MIT)',
    attribution: 'Kimi K2',
    attributionMarkers: ['Kimi K2'],
    attributionCondition: 'products with more than 100M monthly active users or more than US$20M monthly revenue must prominently display "Kimi K2" (K2.5: "Kimi K2.5")',
    source: 'https://huggingface.co/moonshotai/Kimi-K2-Instruct/blob/main/LICENSE'
  }
];

const BY_ID = new Map(LICENSE_DUTIES.map((d) => [d.id, d]));
BY_ID.set('deepseek-license', BY_ID.get('deepseek')!);

export function licenseDuty(id: string | undefined): LicenseDuty | undefined {
  return id ? BY_ID.get(id.toLowerCase()) : undefined;
}
