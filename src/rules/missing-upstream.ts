import { plural } from '../text/plural.js';
import type { Rule } from './rule.js';
import {
  allUpstreams,
  anchorRecord,
  manifestRecords,
  dirPhrase,
  manifestList,
  upstreamFieldHint
} from './artifact-facts.js';

export const missingUpstream: Rule = {
  id: 'missing-upstream',
  meta: {
    description: 'No manifest of the artifact declares any upstream model.',
    defaultSeverity: 'error',
    docs: 'docs/rules/missing-upstream.md'
  },
  check({ artifact }) {
    if (manifestRecords(artifact).length === 0 || allUpstreams(artifact).length > 0) return [];
    // A reference to a local parent artifact is a declared upstream; the graph rules judge it.
    if ((artifact.parents ?? []).length > 0) return [];
    const anchor = anchorRecord(artifact)!;
    return [
      {
        path: anchor.path,
        at: anchor.anchor.at,
        message:
          `No upstream model is declared for the artifact ${dirPhrase(artifact.dir)}: ` +
          `${manifestList(artifact)} ${plural(manifestRecords(artifact).length, 'names', 'name')} ` +
          `no base model, so nothing proves what it derives from.`,
        fix: `In ${anchor.path}, ${upstreamFieldHint(anchor.format)}.`,
        subject: artifact.dir
      }
    ];
  }
};
