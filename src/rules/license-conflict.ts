import type { FindingDraft, Rule } from './rule.js';
import { artifactLicense, quote, where } from './artifact-facts.js';
import { distinctLicenses, licenseAlternatives, nameInferenceHint, upstreamLicensesOf } from './upstream-licenses.js';
import { licenseKey } from '../licenses/license-ids.js';

export const licenseConflict: Rule = {
  id: 'license-conflict',
  meta: {
    description: "The artifact declares a license that drops terms its upstream's license passes down to derivatives.",
    defaultSeverity: 'warning',
    docs: 'docs/rules/license-conflict.md'
  },
  check(ctx) {
    const own = artifactLicense(ctx.artifact);
    const ownKey = own && licenseKey(own);
    if (!own || !ownKey) return [];
    const ownEntry = ctx.knowledge.lookup(ownKey);
    const drafts: FindingDraft[] = [];
    for (const u of distinctLicenses(upstreamLicensesOf(ctx))) {
      if (!u.entry?.flowDown) continue;
      // Declaring the upstream's own license (or one of its aliases) keeps its terms.
      if (ownEntry && ownEntry.id === u.entry.id) continue;
      // An expression that includes the upstream's license (`MIT AND llama3.1`) keeps its terms too.
      // Every alternative of an OR must keep them: `MIT OR llama3.1` lets a user pick MIT.
      const names = [u.license, ...u.entry.aliases].map((n) => n.toLowerCase());
      if (licenseAlternatives(ownKey).every((terms) => terms.some((term) => names.includes(term)))) continue;
      drafts.push({
        path: own.source.path,
        at: own.source.at,
        message:
          `The artifact declares ${quote(ownKey)} (${where(own.source)}), but its upstream ` +
          `${u.id} is under ${u.entry.display} (from ${u.source}), whose terms flow down to ` +
          `derivatives${u.entry.restrictions.length ? ` (${u.entry.restrictions.join('; ')})` : ''}: ` +
          `the declared license cannot drop them.`,
        fix:
          `Declare ${u.entry.id === 'other' ? u.license : `\`${u.entry.id}\``} (or \`other\` with a license ` +
          `that includes the upstream's terms) and ship its terms with the artifact. License: ${u.entry.source}` +
          nameInferenceHint(u),
        subject: `${ownKey}:${u.id.toLowerCase()}`,
        upstream: u.id
      });
    }
    return drafts;
  }
};
