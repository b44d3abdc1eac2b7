import { FILE_START } from '../source/span.js';
import type { Rule } from './rule.js';
import { plural } from '../text/plural.js';
import { dirPhrase, manifestRecords } from './artifact-facts.js';

export const unmanifestedWeights: Rule = {
  id: 'unmanifested-weights',
  meta: {
    description: 'Weights were added or changed in a directory that has no lineage manifest.',
    defaultSeverity: 'error',
    docs: 'docs/rules/unmanifested-weights.md'
  },
  check({ artifact }) {
    if (manifestRecords(artifact).length > 0 || artifact.unreadable.length > 0) return [];
    // A change that deletes the manifest and keeps the weights is `orphaned-by-deletion`'s to report.
    if (artifact.removedManifests.length > 0) return [];
    const touched = artifact.weights.filter((w) => w.status !== 'removed');
    const changed = touched.filter((w) => w.status !== 'present');
    // Weights untouched by this change only matter on a full scan, where every artifact counts as changed.
    const relevant = changed.length > 0 ? changed : artifact.changed ? touched : [];
    if (relevant.length === 0) return [];
    const first = relevant[0];
    const more = relevant.length > 5 ? `, and ${relevant.length - 5} more` : '';
    const names =
      relevant
        .slice(0, 5)
        .map((w) => w.path.split('/').pop())
        .join(', ') + more;
    const one = relevant.length === 1;
    const header = relevant.some((w) => artifact.records.some((r) => r.path === w.path && r.upstreams.length > 0))
      ? ' Its header names an upstream, but bytes are evidence, not a declaration someone answers for.'
      : '';
    return [
      {
        path: first.path,
        at: FILE_START,
        message:
          `${one ? 'A weight file' : `${relevant.length} weight files`} ${dirPhrase(artifact.dir)} (${names}) ` +
          `${plural(relevant.length, 'has', 'have')} no lineage ` +
          `manifest beside ${plural(relevant.length, 'it', 'them')}: ` +
          `nothing records what ${one ? 'it derives' : 'they derive'} from or under which license.${header}`,
        fix:
          'Add a lineage.yaml (see docs/lineage-manifest.md, or run `lineage-gate init`) or the training ' +
          `tool's manifest (adapter_config.json, training_manifest.json, a model card) ${dirPhrase(artifact.dir)}.`,
        subject: artifact.dir
      }
    ];
  }
};
