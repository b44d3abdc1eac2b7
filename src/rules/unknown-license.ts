import type { LicenseDecl } from '../lineage/record.js';
import type { FindingDraft, Rule } from './rule.js';
import { licenseIdStatus } from '../licenses/license-ids.js';
import { placeholderLicenseOf } from '../licenses/placeholder.js';
import { quote, where, manifestRecords } from './artifact-facts.js';

function problem(decl: LicenseDecl, knows: (id: string) => boolean): string | undefined {
  // A placeholder (`unknown`, `licence: license`, `other` alone, empty …) declares nothing:
  // missing-license reports the artifact's own, and an upstream's is looked up elsewhere.
  if (placeholderLicenseOf(decl) !== undefined || !decl.id) return undefined;
  const status = licenseIdStatus(decl.id);
  if (status === 'placeholder') return undefined;
  if (status === 'other') {
    const lacking = [!decl.name && '`license_name`', !decl.link && '`license_link`'].filter(Boolean);
    return lacking.length ? `\`other\` needs ${lacking.join(' and ')} to say which license it is` : undefined;
  }
  // A license the policy adds to the knowledge base (`licenses.knowledge`) is known.
  return status === 'unknown' && !knows(decl.id)
    ? 'it is neither a Hub license id, an SPDX id, nor a known model license name'
    : undefined;
}

export const unknownLicense: Rule = {
  id: 'unknown-license',
  meta: {
    description: 'A declared license is neither a known Hub/SPDX id nor `other` with a name and a link.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/unknown-license.md'
  },
  check({ artifact, knowledge }) {
    const drafts: FindingDraft[] = [];
    // The manifests declare the license; a weight header's is evidence, compared by inconsistent-lineage.
    for (const record of manifestRecords(artifact)) {
      for (const decl of [record.license, ...record.upstreamLicenses]) {
        if (!decl) continue;
        const why = problem(decl, (id) => knowledge.lookup(id) !== undefined);
        if (!why) continue;
        drafts.push({
          path: decl.source.path,
          at: decl.source.at,
          message: `The license ${quote(decl.id ?? decl.name)} at ${where(decl.source)} cannot be recognised: ${why}.`,
          fix:
            'Use a Hub license id (https://huggingface.co/docs/hub/repositories-licenses) or an SPDX id; ' +
            'for custom terms write `license: other` with `license_name` and `license_link`.',
          subject: `${decl.source.field}:${decl.id ?? decl.name}`
        });
      }
    }
    // The same declaration read twice (MENS license_class is both) is reported once.
    return drafts.filter((d, i) => drafts.findIndex((o) => o.subject === d.subject && o.path === d.path) === i);
  }
};
