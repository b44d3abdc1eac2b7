import type { ParentLink } from '../lineage/artifact.js';
import type { Rule } from './rule.js';
import { quote, where } from './artifact-facts.js';

/** What is (not) at the end of the reference. */
function deadEnd(link: ParentLink): string {
  if (link.state === 'artifact') return `${link.dir} holds no manifest or weights that say what it is`;
  return link.dir ? `nothing exists at ${link.dir}` : 'that path leads outside the repository';
}

export const danglingParent: Rule = {
  id: 'dangling-parent',
  meta: {
    description:
      'A manifest names a local parent artifact (a relative path) that does not exist in the repository, or a ' +
      'directory that holds nothing saying what it is.',
    defaultSeverity: 'error',
    docs: 'docs/rules/dangling-parent.md'
  },
  check({ artifact }) {
    return (artifact.parents ?? [])
      .filter((link) => link.state === 'missing' || (link.holdsNothing && link.explicit))
      .map((link) => ({
        path: link.source.path,
        at: link.source.at,
        message:
          `${where(link.source)} names the local artifact ${quote(link.raw)}, but ${deadEnd(link)}: ` +
          'the lineage stops at a parent no one can inspect, and its license duties are lost.',
        fix:
          'Commit the parent artifact at that path, correct the path (relative to the manifest), or name ' +
          "the parent's Hub id (`org/name`) instead.",
        subject: `${link.source.field}:${link.raw}`
      }));
  }
};
