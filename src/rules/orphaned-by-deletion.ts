import { FILE_START } from '../source/span.js';
import type { Rule, FindingDraft } from './rule.js';
import { dirPhrase, manifestRecords, quote, where } from './artifact-facts.js';

export const orphanedByDeletion: Rule = {
  id: 'orphaned-by-deletion',
  meta: {
    description:
      'The change deletes an artifact or manifest that another artifact still derives from, or deletes the ' +
      'manifest and leaves the weights.',
    defaultSeverity: 'error',
    docs: 'docs/rules/orphaned-by-deletion.md'
  },
  check({ artifact }) {
    const out: FindingDraft[] = [];
    // This artifact derives from one the change deletes.
    for (const link of artifact.parents ?? []) {
      if (link.state !== 'deleted') continue;
      out.push({
        path: link.source.path,
        at: link.source.at,
        message:
          `This change deletes the artifact in ${link.dir}, which ${where(link.source)} still names as its parent ` +
          `(${quote(link.raw)}): its lineage and license duties would be lost.`,
        fix: 'Keep the parent, or point this manifest at where the parent now lives (or at its Hub id).',
        subject: `${link.source.field}:${link.raw}`
      });
    }
    // Manifests elsewhere still derive from this deleted artifact.
    for (const child of artifact.dependents ?? []) {
      out.push({
        path: child.source.path,
        at: child.source.at,
        message:
          `This change deletes the artifact ${dirPhrase(artifact.dir)}, but ${where(child.source)} still derives ` +
          `from it (${quote(child.raw)}): that artifact's lineage would end at nothing.`,
        fix: `Keep ${artifact.dir}, or update ${child.source.path} to name its new parent (or the parent's Hub id).`,
        subject: `dependent:${child.source.path}:${child.source.field}`
      });
    }
    // The manifest goes, the weights stay.
    const weights = artifact.weights.filter((w) => w.status !== 'removed');
    if (artifact.removedManifests.length > 0 && manifestRecords(artifact).length === 0 && weights.length > 0) {
      const names = weights.slice(0, 5).map((w) => w.path.split('/').pop());
      const more = weights.length > 5 ? `, and ${weights.length - 5} more` : '';
      out.push({
        path: weights[0].path,
        at: FILE_START,
        message:
          `This change deletes ${artifact.removedManifests.join(', ')} while the weights stay ` +
          `(${names.join(', ')}${more}): nothing would record what they derive from or under which license.`,
        fix: 'Delete the weights with their manifest, or keep (or replace) the manifest.',
        subject: `weights:${artifact.dir}`
      });
    }
    return out;
  }
};
