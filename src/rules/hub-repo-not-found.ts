import type { Rule } from './rule.js';
import { where } from './artifact-facts.js';
import { hubFactsOf } from './hub-facts.js';

export const hubRepoNotFound: Rule = {
  id: 'hub-repo-not-found',
  meta: {
    description: "The Hub has no repository with the upstream's id (or hides it from this token: private or gated).",
    defaultSeverity: 'error',
    docs: 'docs/rules/hub-repo-not-found.md'
  },
  check(ctx) {
    const datasets = ctx.artifact.records
      .flatMap((r) => r.datasets)
      .flatMap((d) => {
        const a = ctx.hub?.dataset(d);
        if (a?.kind !== 'not-found') return [];
        return [
          {
            path: d.source.path,
            at: d.source.at,
            message:
              `The Hub has no dataset ${d.id} ` +
              `(${where(d.source)})${a.authenticated ? '' : ', or it is private or gated and needs a token'}: ` +
              `the training data cannot be verified.`,
            fix: 'Correct the dataset id, or set `hub-token` if it is private or gated.',
            subject: `dataset:${d.id!.toLowerCase()}`
          }
        ];
      });
    return [
      ...datasets,
      ...hubFactsOf(ctx).flatMap(({ ref, fact }) => {
        const a = fact.answer;
        if (a.kind !== 'not-found') return [];
        // A 401 to an anonymous request proves nothing: missing, private and gated repos answer alike.
        const anonymous = !a.authenticated && a.status === 401;
        return [
          {
            path: ref.source.path,
            at: ref.source.at,
            message: anonymous
              ? `The Hub answers that ${fact.id} (${where(ref.source)}) does not exist, ` +
                `or is private or gated and needs a token: asked without one, it cannot tell which.`
              : `The Hub has no repository ${fact.id} ` +
                `(${where(ref.source)})${a.authenticated ? ', even with the token given' : ''}: ` +
                `the upstream cannot be verified.`,
            fix: anonymous
              ? 'Set `hub-token` (or HF_TOKEN) to a token that can read the repository, or correct the id.'
              : 'Correct the id (it may have been renamed or deleted), or record where the weights really came from.',
            subject: fact.id.toLowerCase(),
            upstream: fact.id
          }
        ];
      })
    ];
  }
};
