import type { Rule } from './rule.js';
import { quote, where } from './artifact-facts.js';

export const removedMixSource: Rule = {
  id: 'removed-mix-source',
  meta: {
    description:
      "The change deletes a data source that a training run's data mix (MENS mix.yaml) needs: a source not " +
      'marked optional.',
    defaultSeverity: 'error',
    docs: 'docs/rules/removed-mix-source.md'
  },
  check({ artifact }) {
    return (artifact.removedDataSources ?? []).map((s) => ({
      path: s.source.path,
      at: s.source.at,
      message:
        `This change deletes ${quote(s.path)}, which ${where(s.source)} lists as a source of the training data ` +
        'and does not mark optional: MENS stops the mix step when such a source is missing, so the run this ' +
        "directory's manifest describes could no longer be reproduced from the repository.",
      fix:
        'Keep the file, or, if the data is meant to go, mark the source `optional: true` or remove it from the ' +
        'mix (and retrain, so the manifest describes what was trained).',
      subject: `source:${s.path}`
    }));
  }
};
