import { licenseAllowed } from '../policy/license-match.js';
import type { FindingDraft, Rule } from './rule.js';
import { artifactLicense, quote, where } from './artifact-facts.js';
import { datasetLicensesOf, distinctLicenses, upstreamLicensesOf } from './upstream-licenses.js';
import { licenseKey } from '../licenses/license-ids.js';

export const licenseNotAllowed: Rule = {
  id: 'license-not-allowed',
  meta: {
    description:
      "The artifact's or an upstream's license is outside the policy's allow-list or on its deny-list " +
      "(a training dataset's: on its deny-list).",
    defaultSeverity: 'error',
    docs: 'docs/rules/license-not-allowed.md'
  },
  check(ctx) {
    const settings = ctx.policy.licenses;
    // With no lists, only the fail-closed switch for unknown licenses has anything to judge.
    if (!settings.allow && settings.deny.length === 0 && settings.unknown !== 'fail') return [];
    const drafts: FindingDraft[] = [];
    const judge = (
      license: string,
      what: string,
      at: FindingDraft['at'],
      path: string,
      upstream?: string,
      denyOnly = false
    ) => {
      const { verdict, matched } = licenseAllowed(license, settings, { knowledge: ctx.knowledge });
      // A dataset is judged by the deny list alone: allow lists and `unknown: fail` are written for
      // model licenses, and data licenses (CC BY, ODC-BY …) are another vocabulary.
      if (denyOnly && verdict !== 'denied') return;
      if (verdict === 'not-in-allow-list' && !settings.allow) return;
      if (verdict === 'allowed') return;
      if (verdict === 'unknown' && settings.unknown === 'allow') return;
      const why =
        verdict === 'denied'
          ? `the policy denies it (\`licenses.deny\`: ${quote(matched)})`
          : verdict === 'not-in-allow-list'
            ? "it is not in the policy's `licenses.allow` list"
            : 'the gate does not know this license, and the policy ' +
              'does not accept unknown licenses (`licenses.unknown`)';
      drafts.push({
        path,
        at,
        message: `${what} is ${quote(license)}, and ${why}.`,
        fix:
          verdict === 'denied'
            ? 'Do not ship this artifact under these terms, or waive the finding in the policy with a reason.'
            : 'Use an allowed license, add it to `licenses.allow` if your ' +
              'legal review accepts it, or waive the finding with a reason.',
        subject: `${upstream ?? 'artifact'}:${license}`,
        severity: verdict === 'unknown' && settings.unknown === 'warn' ? 'warning' : undefined,
        upstream
      });
    };
    const own = artifactLicense(ctx.artifact);
    const ownKey = own && licenseKey(own);
    if (own && ownKey) judge(ownKey, `The artifact's license (${where(own.source)})`, own.source.at, own.source.path);
    for (const u of distinctLicenses(upstreamLicensesOf(ctx))) {
      judge(u.license, `The license of upstream ${u.id} (from ${u.source})`, u.ref.source.at, u.ref.source.path, u.id);
    }
    for (const d of distinctLicenses(datasetLicensesOf(ctx))) {
      const what = `The license of dataset ${d.id} (from ${d.source})`;
      judge(d.license, what, d.ref.source.at, d.ref.source.path, d.id, true);
    }
    return drafts;
  }
};
