import { isFullSha } from '../lineage/hub-id.js';
import type { UpstreamRef } from '../lineage/record.js';
import type { FindingDraft, Rule } from './rule.js';
import type { Artifact } from '../lineage/artifact.js';
import { findFormat } from '../formats/registry.js';
import { dirPhrase, isResolvable, manifestUpstreams, where } from './artifact-facts.js';

/** Where the manifest naming `ref` records a revision, else a lineage.yaml beside it (every format can have one). */
function whereToPin(artifact: Artifact, ref: UpstreamRef): string {
  const format = artifact.records.find((r) => r.upstreams.includes(ref))?.format;
  const hint = format === undefined ? undefined : findFormat(format)?.revisionHint?.(ref);
  const lineage = `\`upstreams: [{ id: ${ref.id}, revision: <sha> }]\` in a lineage.yaml ${dirPhrase(artifact.dir)}`;
  return hint ? `${hint} in ${ref.source.path}, or ${lineage}` : lineage;
}

export const unpinnedRevision: Rule = {
  id: 'unpinned-revision',
  meta: {
    description:
      'No manifest of the artifact pins an upstream to a 40-hex commit, so the upstream can change underneath it.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/unpinned-revision.md'
  },
  check(ctx) {
    const { artifact } = ctx;
    const byId = new Map<string, UpstreamRef[]>();
    // Pinning is the manifests' job: a weight header never records a revision.
    for (const ref of manifestUpstreams(artifact)) {
      if (!isResolvable(ref) || !ref.id) continue;
      const key = ref.id.toLowerCase();
      byId.set(key, [...(byId.get(key) ?? []), ref]);
    }
    const drafts: FindingDraft[] = [];
    for (const refs of byId.values()) {
      // Any manifest of the artifact pinning the same id (even a tokenizer cache path) is enough.
      if (refs.some((r) => r.revision && isFullSha(r.revision))) continue;
      const ref = refs[0];
      const written = refs.find((r) => r.revision)?.revision;
      drafts.push({
        path: ref.source.path,
        at: ref.source.at,
        message:
          `The upstream ${ref.id} at ${where(ref.source)} is not pinned to a ` +
          `commit${written ? ` (revision ${JSON.stringify(written)} is a branch or tag, which moves)` : ''}: ` +
          `the Hub repo can change after this artifact was made.`,
        fix: `Record the 40-hex commit sha of ${ref.id} that was used: ${whereToPin(artifact, ref)}.`,
        subject: ref.id!.toLowerCase(),
        upstream: ref.id,
        // `require.pinned-revisions` turns the advice into a requirement.
        severity: ctx.policy.require.pinnedRevisions ? 'error' : undefined
      });
    }
    return drafts;
  }
};
