import type { Rule } from './rule.js';
import { where } from './artifact-facts.js';

export const lineageCycle: Rule = {
  id: 'lineage-cycle',
  meta: {
    description: 'Artifacts derive from each other in a loop through their local parent references.',
    defaultSeverity: 'error',
    docs: 'docs/rules/lineage-cycle.md'
  },
  check({ artifact }) {
    const cycle = artifact.cycle;
    if (!cycle) return [];
    return [
      {
        path: cycle.source.path,
        at: cycle.source.at,
        message:
          `${where(cycle.source)} makes the artifact derive from itself: ${cycle.dirs.join(' → ')}. ` +
          'A loop has no base model at its start, so nothing in it can prove where it came from.',
        fix: "Point the reference at the artifact it was really trained from (a parent, or the base's Hub id).",
        subject: cycle.dirs.slice(0, -1).sort().join(',')
      }
    ];
  }
};
