import { allUpstreams, quote, sentence, where } from './artifact-facts.js';
import { classifyDatasetId } from '../lineage/classify.js';
import type { FindingDraft, Rule } from './rule.js';

export const unqualifiedHubId: Rule = {
  id: 'unqualified-hub-id',
  meta: {
    description:
      'An upstream is a legacy id without an organisation (`gpt2`), which the Hub now ' +
      'redirects elsewhere; a dataset named by a bare name (`openslr`) is a notice.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/unqualified-hub-id.md'
  },
  check({ artifact }) {
    // A dataset written as a bare name (`openslr`) names no Hub dataset: worth a notice, not a failure.
    const datasets: FindingDraft[] = artifact.records
      .flatMap((r) => r.datasets)
      .filter((d) => !d.id && !d.registered && classifyDatasetId(d.raw).problem === 'not a Hub dataset id')
      .map((d) => ({
        path: d.source.path,
        at: d.source.at,
        message:
          `The dataset ${quote(d.raw)} at ${where(d.source)} is a bare name, not a Hub dataset id ` +
          '(`org/name`): the Hub redirects some legacy names to an organisation (`gsm8k` to `openai/gsm8k`), ' +
          'but the name alone does not say which repository or revision the data came from.',
        fix:
          'Write the Hub dataset id (`org/name`, pinned with `@<sha>` where the ' +
          'format allows), or describe the data in a lineage.yaml `datasets:` entry.',
        subject: `dataset:${d.raw}`,
        severity: 'notice' as const
      }));
    return [
      ...datasets,
      ...allUpstreams(artifact)
        .filter((ref) => ref.kind === 'bare-id' && !ref.invalidReason)
        .map((ref) => ({
          path: ref.source.path,
          at: ref.source.at,
          message:
            `The upstream ${quote(ref.id)} at ${where(ref.source)} has no organisation: ` +
            `legacy ids are redirected by the Hub, so the name alone does not say which ` +
            `repository was used.${ref.recovered ? ` ${sentence(ref.recovered)}.` : ''}`,
          fix: 'Write the full `org/name` id the Hub redirects to, and pin its revision.',
          subject: `${ref.source.field}:${ref.id}`
        }))
    ];
  }
};
