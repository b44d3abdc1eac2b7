import type { Rule } from './rule.js';
import { where } from './artifact-facts.js';
import { hubFactsOf } from './hub-facts.js';

export const hubGated: Rule = {
  id: 'hub-gated',
  meta: {
    description: 'The upstream is gated on the Hub: users must accept its terms before downloading it.',
    defaultSeverity: 'notice',
    docs: 'docs/rules/hub-gated.md'
  },
  check(ctx) {
    return hubFactsOf(ctx).flatMap(({ ref, fact }) => {
      const a = fact.answer;
      const gated =
        a.kind === 'gated'
          ? 'gated'
          : a.kind === 'found' && a.info.gated
            ? `gated (${a.info.gated} approval)`
            : undefined;
      if (!gated) return [];
      return [
        {
          path: ref.source.path,
          at: ref.source.at,
          message:
            `The upstream ${fact.id} (${where(ref.source)}) is ${gated} on the Hub: ` +
            `its terms must be accepted before download, and derivatives usually carry them on.`,
          fix: 'Make sure the terms accepted for the upstream allow this use, and pass them on with the artifact.',
          subject: fact.id.toLowerCase(),
          upstream: fact.id
        }
      ];
    });
  }
};
