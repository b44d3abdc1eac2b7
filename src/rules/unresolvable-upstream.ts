import type { UpstreamRef } from '../lineage/record.js';
import type { Rule } from './rule.js';
import { allUpstreams, isDeclaredResolvable, quote, upstreamFieldHint, where } from './artifact-facts.js';

const WHAT: Record<string, string> = {
  'local-path': 'a local path, which only exists on the machine that trained it',
  url: 'a URL, not a Hub id',
  placeholder: 'a placeholder, not a model id',
  'ollama-library': 'an Ollama library model, not a Hugging Face id',
  empty: 'empty'
};

function recoveredHint(ref: UpstreamRef): string {
  if (ref.kind === 'url' && ref.id) return ` It points at ${ref.id}${ref.revision ? `@${ref.revision}` : ''}.`;
  return ref.recovered
    ? ` The gate ${ref.recovered} (an inference, not a declaration).`
    : ' Nothing identifiable could be recovered from it.';
}

export const unresolvableUpstream: Rule = {
  id: 'unresolvable-upstream',
  meta: {
    description:
      'An upstream is a local path, URL, placeholder or empty, and no manifest of the artifact names a Hub id ' +
      'instead (for a merge parent: no other file names the merge parents by Hub id).',
    defaultSeverity: 'error',
    docs: 'docs/rules/unresolvable-upstream.md'
  },
  check({ artifact }) {
    const refs = allUpstreams(artifact);
    // A sibling manifest that declares a Hub id supplies what this one lacks: judge the artifact as a whole.
    // Not for a merge's parents: one parent's id says nothing of another's, unless another file names them.
    const covered = (ref: UpstreamRef) =>
      ref.role === 'merge-parent'
        ? refs.some((r) => r.role === 'merge-parent' && isDeclaredResolvable(r) && r.source.path !== ref.source.path)
        : refs.some(isDeclaredResolvable);
    // A path that leads to a local artifact (or is judged as one by the graph rules) is resolved there.
    const linked = new Set((artifact.parents ?? []).map((l) => `${l.source.path}\0${l.source.field}`));
    return refs
      .filter((ref) => ref.kind in WHAT && !covered(ref) && !linked.has(`${ref.source.path}\0${ref.source.field}`))
      .map((ref) => {
        const format = artifact.records.find((r) => r.path === ref.source.path)?.format ?? '';
        const suggestion = ref.id && !ref.invalidReason ? `\`${ref.id}\`` : 'the Hub id (`org/name`)';
        return {
          path: ref.source.path,
          at: ref.source.at,
          message:
            `The upstream ${where(ref.source)} is ${WHAT[ref.kind]} (${quote(ref.raw)}), ` +
            `so no one can verify what the artifact derives from.${recoveredHint(ref)}`,
          fix: !ref.id
            ? `In ${ref.source.path}, ${upstreamFieldHint(format)}.`
            : ref.kind === 'local-path' && !ref.invalidReason
              ? // Read from folder names: a guess to check, not the answer.
                `Replace it with the Hub id the weights were loaded from (the path suggests ${suggestion}: ` +
                'check it on the Hub) and pin the revision, or add a lineage.yaml that declares it.'
              : `Replace it with ${suggestion} (and pin the revision), or add a lineage.yaml that declares it.`,
          subject: `${ref.source.field}:${ref.raw ?? 'null'}`
        };
      });
  }
};
