import type { Rule } from './rule.js';
import { quote, where } from './artifact-facts.js';

export const danglingParent: Rule = {
  id: 'dangling-parent',
  meta: {
    description: 'A manifest names a local parent artifact (a relative path) that does not exist in the repository.',
    defaultSeverity: 'error',
    docs: 'docs/rules/dangling-parent.md'
  },
  check({ artifact }) {
    return (artifact.parents ?? [])
      .filter((link) => link.state === 'missing')
      .map((link) => ({
        path: link.source.path,
        at: link.source.at,
        message:
          `${where(link.source)} names the local artifact ${quote(link.raw)}, but ` +
          `${link.dir ? `nothing exists at ${link.dir}` : 'that path leads outside the repository'}: ` +
          'the lineage stops at a parent no one can inspect, and its license duties are lost.',
        fix:
          'Commit the parent artifact at that path, correct the path (relative to the manifest), or name ' +
          "the parent's Hub id (`org/name`) instead.",
        subject: `${link.source.field}:${link.raw}`
      }));
  }
};
