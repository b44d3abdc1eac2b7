import type { FindingDraft, Rule } from './rule.js';
import { where } from './artifact-facts.js';
import { hubFactsOf } from './hub-facts.js';
import { licenseTerms } from './upstream-licenses.js';
import { licenseKey } from '../licenses/license-ids.js';
import { declarationsAbout } from '../licenses/upstream-license.js';
import { isPlaceholderLicense } from '../licenses/placeholder.js';

export const hubLicenseMismatch: Rule = {
  id: 'hub-license-mismatch',
  meta: {
    description:
      "The license the artifact declares for its upstream differs from the license on the upstream's Hub card.",
    defaultSeverity: 'warning',
    docs: 'docs/rules/hub-license-mismatch.md'
  },
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const { fact } of hubFactsOf(ctx)) {
      if (fact.answer.kind !== 'found') continue;
      const info = fact.answer.info;
      const hubKey = licenseKey({ id: info.license, name: info.licenseName });
      if (!hubKey || isPlaceholderLicense(hubKey)) continue;
      const hubEntry = ctx.knowledge.lookup(hubKey);
      for (const record of ctx.artifact.records) {
        const own = record.upstreams.find((u) => u.id?.toLowerCase() === fact.id.toLowerCase());
        if (!own) continue;
        for (const decl of declarationsAbout(own, record)) {
          const declared = licenseKey(decl);
          // Placeholders say nothing to compare; `missing-license` reports them.
          if (!declared || isPlaceholderLicense(declared)) continue;
          const terms = licenseTerms(declared);
          // A whole-value lookup first: an alias may contain spaces (`Apache License 2.0`), which split it into terms.
          const same =
            terms.includes(hubKey.toLowerCase()) ||
            (hubEntry !== undefined && [declared, ...terms].some((t) => ctx.knowledge.lookup(t)?.id === hubEntry.id));
          if (same) continue;
          drafts.push({
            path: decl.source.path,
            at: decl.source.at,
            message:
              `${where(decl.source)} says ${fact.id} is under ${JSON.stringify(declared)}, ` +
              `but its Hub card says ${JSON.stringify(hubKey)}.`,
            fix:
              `Check ${fact.id}'s license on the Hub and declare ` +
              `that one (its terms are what the artifact inherits).`,
            subject: `${fact.id.toLowerCase()}:${declared}:${hubKey}`,
            upstream: fact.id
          });
        }
      }
    }
    // Datasets whose license the artifact states (lineage.yaml `datasets[].license`) are compared too.
    for (const d of ctx.artifact.records.flatMap((r) => r.datasets)) {
      const answer = ctx.hub?.dataset(d);
      if (!d.license || answer?.kind !== 'found') continue;
      const hubKey = licenseKey({ id: answer.info.license, name: answer.info.licenseName });
      if (!hubKey || isPlaceholderLicense(hubKey) || isPlaceholderLicense(d.license)) continue;
      if (
        d.license.toLowerCase() === hubKey.toLowerCase() ||
        (ctx.knowledge.lookup(d.license)?.id === ctx.knowledge.lookup(hubKey)?.id && ctx.knowledge.lookup(hubKey))
      )
        continue;
      drafts.push({
        path: d.source.path,
        at: d.source.at,
        message:
          `${where(d.source)} says dataset ${d.id} is under ${JSON.stringify(d.license)}, ` +
          `but its Hub card says ${JSON.stringify(hubKey)}.`,
        fix: `Check ${d.id}'s license on the Hub and declare that one: the data's terms bind the model trained on it.`,
        subject: `dataset:${d.id!.toLowerCase()}:${d.license}:${hubKey}`
      });
    }
    // The same declaration reached through two questions (id with and without a revision) is one finding.
    return drafts.filter(
      (d, i) => drafts.findIndex((o) => o.subject === d.subject && o.path === d.path && o.at.line === d.at.line) === i
    );
  }
};
