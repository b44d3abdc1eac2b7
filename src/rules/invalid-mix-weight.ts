import type { Rule } from './rule.js';
import { where } from './artifact-facts.js';

export const invalidMixWeight: Rule = {
  id: 'invalid-mix-weight',
  meta: {
    description:
      "A source's weight in a training run's data mix (MENS mix.yaml) is negative, or zero on a source the mix " +
      'requires (zero on an optional source, a common way to switch it off, is a notice).',
    defaultSeverity: 'error',
    docs: 'docs/rules/invalid-mix-weight.md'
  },
  check({ artifact }) {
    return (
      artifact.records
        .flatMap((r) => r.dataMix?.sources ?? [])
        // Not a finite number at all (a word, .inf, .nan) is a schema violation: JSON has no such numbers.
        .filter((s) => s.weight !== null && Number.isFinite(s.weight) && s.weight <= 0)
        .map((s) => {
          const switchedOff = s.weight === 0 && s.optional;
          return {
            path: s.weightSource.path,
            at: s.weightSource.at,
            message: switchedOff
              ? `${where(s.weightSource)} gives the optional source ${s.path} the weight 0: it is in the mix but ` +
                'supplies no data, so the mix (and the pedigree that binds it) lists data the run did not use.'
              : `${where(s.weightSource)} gives the source ${s.path} the weight ${s.weight}: a mix weight must be ` +
                'positive (sources are sampled in proportion to their weights' +
                `${s.weight === 0 ? ', and a required source that supplies nothing is a contradiction' : ''}).`,
            fix: switchedOff
              ? 'Remove the source from the mix until it should be sampled, or give it a positive weight.'
              : 'Give the source a positive weight, or remove it from the mix (or mark it `optional: true`) if it ' +
                'should not be sampled.',
            subject: `weight:${s.path}`,
            ...(switchedOff ? { severity: 'notice' as const } : {})
          };
        })
    );
  }
};
