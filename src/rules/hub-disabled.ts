import type { Rule } from './rule.js';
import { where } from './artifact-facts.js';
import { hubFactsOf } from './hub-facts.js';

export const hubDisabled: Rule = {
  id: 'hub-disabled',
  meta: {
    description: 'The upstream repository is disabled on the Hub (taken down).',
    defaultSeverity: 'error',
    docs: 'docs/rules/hub-disabled.md'
  },
  check(ctx) {
    return hubFactsOf(ctx).flatMap(({ ref, fact }) => {
      const a = fact.answer;
      if (a.kind !== 'disabled' && !(a.kind === 'found' && a.info.disabled)) return [];
      return [
        {
          path: ref.source.path,
          at: ref.source.at,
          message:
            `The upstream ${fact.id} (${where(ref.source)}) is disabled on the Hub: ` +
            `it was taken down, which can mean a legal or policy problem with its weights.`,
          fix:
            'Find out why it was disabled before shipping anything ' +
            'derived from it; derive from another upstream if needed.',
          subject: fact.id.toLowerCase(),
          upstream: fact.id
        }
      ];
    });
  }
};
