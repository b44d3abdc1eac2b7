import type { Rule } from './rule.js';
import { where } from './artifact-facts.js';
import {
  datasetLicensesOf,
  distinctLicenses,
  nameInferenceHint,
  upstreamLicensesOf,
  upstreamNoun
} from './upstream-licenses.js';

export const nonCommercialUpstream: Rule = {
  id: 'non-commercial-upstream',
  meta: {
    description:
      'An upstream model or a training dataset is under a non-commercial or research-only license ' +
      '(qwen-research, Mistral MRL/MNPL, CC BY-NC …).',
    defaultSeverity: 'warning',
    docs: 'docs/rules/non-commercial-upstream.md'
  },
  check(ctx) {
    // A non-commercial dataset restricts the model trained on it as a non-commercial base model does.
    return distinctLicenses([...upstreamLicensesOf(ctx), ...datasetLicensesOf(ctx)])
      .filter((u) => u.entry?.nonCommercial)
      .map((u) => ({
        path: u.ref.source.path,
        at: u.ref.source.at,
        message:
          `The ${upstreamNoun(u)} ${u.id} (${where(u.ref.source)}) is under ${u.entry!.display} (license from ` +
          `${u.source}), which allows non-commercial or research use only: the artifact inherits that ` +
          `restriction.${u.entry!.restrictions.length ? ` Terms: ${u.entry!.restrictions.join('; ')}.` : ''}`,
        fix:
          `Keep the artifact out of commercial use, or train from ` +
          `${upstreamNoun(u) === 'dataset' ? 'data' : 'an upstream'} whose license allows it. ` +
          `License: ${u.entry!.source}${nameInferenceHint(u)}`,
        subject: u.id.toLowerCase(),
        upstream: u.id
      }));
  }
};
