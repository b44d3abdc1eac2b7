import type { Rule } from './rule.js';
import { allUpstreams, quote, sentence, where } from './artifact-facts.js';

export const unqualifiedHubId: Rule = {
  id: 'unqualified-hub-id',
  meta: {
    description: 'An upstream is a legacy id without an organisation (`gpt2`), which the Hub now redirects elsewhere.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/unqualified-hub-id.md'
  },
  check({ artifact }) {
    return allUpstreams(artifact)
      .filter((ref) => ref.kind === 'bare-id' && !ref.invalidReason)
      .map((ref) => ({
        path: ref.source.path,
        at: ref.source.at,
        message: `The upstream ${quote(ref.id)} at ${where(ref.source)} has no organisation: legacy ids are redirected by the Hub, so the name alone does not say which repository was used.${ref.recovered ? ` ${sentence(ref.recovered)}.` : ''}`,
        fix: 'Write the full `org/name` id the Hub redirects to, and pin its revision.',
        subject: `${ref.source.field}:${ref.id}`
      }));
  }
};
