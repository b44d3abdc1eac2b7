import type { Rule } from './rule.js';
import { dirPhrase } from './artifact-facts.js';

export const unmanifestedWeights: Rule = {
  id: 'unmanifested-weights',
  meta: {
    description:
      'Weights were added or changed in a directory that has no lineage manifest (or whose manifest was deleted).',
    defaultSeverity: 'error',
    docs: 'docs/rules/unmanifested-weights.md'
  },
  check({ artifact }) {
    if (artifact.records.length > 0 || artifact.unreadable.length > 0) return [];
    const touched = artifact.weights.filter((w) => w.status !== 'removed');
    const changed = touched.filter((w) => w.status !== 'present');
    // Weights untouched by this change only matter when their manifest is what was removed (or on a full scan,
    // where the engine marks everything `present` and every artifact as changed).
    const relevant =
      changed.length > 0 ? changed : artifact.removedManifests.length > 0 || artifact.changed ? touched : [];
    if (relevant.length === 0) return [];
    const first = relevant[0];
    const names =
      relevant
        .slice(0, 5)
        .map((w) => w.path.split('/').pop())
        .join(', ') + (relevant.length > 5 ? `, and ${relevant.length - 5} more` : '');
    const removed =
      artifact.removedManifests.length > 0
        ? ` This change deletes its manifest (${artifact.removedManifests.join(', ')}) while the weights stay.`
        : '';
    return [
      {
        path: first.path,
        at: { line: 1, column: 1, endLine: 1, endColumn: 1 },
        message: `${relevant.length === 1 ? 'A weight file' : `${relevant.length} weight files`} ${dirPhrase(artifact.dir)} (${names}) ${relevant.length === 1 ? 'has' : 'have'} no lineage manifest beside ${relevant.length === 1 ? 'it' : 'them'}: nothing records what ${relevant.length === 1 ? 'it derives' : 'they derive'} from or under which license.${removed}`,
        fix: `Add a lineage.yaml (see docs/lineage-manifest.md) or the training tool's manifest (adapter_config.json, training_manifest.json, a model card) ${dirPhrase(artifact.dir)}.`,
        subject: artifact.dir
      }
    ];
  }
};
