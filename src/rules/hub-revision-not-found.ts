import type { Rule } from './rule.js';
import { where } from './artifact-facts.js';
import { hubFactsOf } from './hub-facts.js';

export const hubRevisionNotFound: Rule = {
  id: 'hub-revision-not-found',
  meta: {
    description: 'The upstream exists on the Hub, but not at the revision the artifact pins.',
    defaultSeverity: 'error',
    docs: 'docs/rules/hub-revision-not-found.md'
  },
  check(ctx) {
    return hubFactsOf(ctx, 'revision').flatMap(({ ref, fact }) =>
      fact.answer.kind === 'revision-not-found'
        ? [
            {
              path: ref.source.path,
              at: ref.source.at,
              message:
                `The Hub has ${fact.id}, but no revision ${JSON.stringify(fact.revision)} ` +
                `of it (${where(ref.source)}): that revision was never there, ` +
                `or was removed (a deleted branch, a force-push).`,
              fix:
                `Pin a revision that exists in ${fact.id}'s commit history ` +
                `on the Hub: the 40-hex commit the training run really used.`,
              subject: `${fact.id.toLowerCase()}@${fact.revision}`,
              upstream: fact.id
            }
          ]
        : []
    );
  }
};
