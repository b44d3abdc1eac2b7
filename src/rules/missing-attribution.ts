import type { Artifact } from '../lineage/artifact.js';
import type { SourceRef } from '../lineage/record.js';
import { licenseDuty, type LicenseDuty } from '../licenses/known-licenses.js';
import { upstreamFamily } from '../licenses/upstream-families.js';
import type { FindingDraft, Rule } from './rule.js';
import { allUpstreams, dirPhrase, isResolvable, where } from './artifact-facts.js';

/** Why the artifact owes attribution, and where that comes from. */
interface Duty {
  duty?: LicenseDuty;
  because: string;
  source: SourceRef;
  /** Declared by the artifact itself (flag) rather than deduced from an upstream license. */
  declared: boolean;
}

function dutiesOf(artifact: Artifact): Duty[] {
  const duties: Duty[] = [];
  for (const record of artifact.records) {
    for (const decl of record.upstreamLicenses) {
      const duty = licenseDuty(decl.name ?? decl.id);
      if (duty) duties.push({ duty, because: `the upstream license declared at ${where(decl.source)} is ${duty.family}`, source: decl.source, declared: false });
    }
    const own = record.license && licenseDuty(record.license.name ?? record.license.id);
    if (own && record.license) duties.push({ duty: own, because: `the artifact is licensed under ${own.family} (${where(record.license.source)})`, source: record.license.source, declared: false });
    if (record.attribution?.required === true) {
      // The duty the manifest declares is the one of the upstream license it names, when it names one.
      const named = record.upstreamLicenses.map((l) => licenseDuty(l.name ?? l.id)).find(Boolean);
      duties.push({ duty: named, because: `${where(record.attribution.source)} says attribution is required`, source: record.attribution.source, declared: true });
    }
  }
  for (const ref of allUpstreams(artifact)) {
    if (!isResolvable(ref) || !ref.id) continue;
    const family = upstreamFamily(ref.id);
    const duty = family && licenseDuty(family.license);
    if (duty) duties.push({ duty, because: `${ref.id} (${where(ref.source)}) is a ${family.family} model, under the ${duty.family} license`, source: ref.source, declared: false });
  }
  return duties;
}

function carriesAttribution(artifact: Artifact, duty: LicenseDuty | undefined): boolean {
  if (artifact.noticeFiles.length > 0) return true;
  if (artifact.records.some((r) => r.attribution?.text?.trim())) return true;
  const markers = duty?.attributionMarkers ?? [];
  return artifact.records.some((r) => {
    const prose = r.prose?.text.toLowerCase();
    return prose !== undefined && markers.some((m) => prose.includes(m.toLowerCase()));
  });
}

function howToFix(artifact: Artifact, duty: LicenseDuty | undefined): string {
  const text = duty?.attribution ? `"${duty.attribution}"` : 'the attribution text the upstream license asks for';
  return `Carry ${text} with the artifact: in lineage.yaml \`attribution: { text: … }\`, in a NOTICE file ${dirPhrase(artifact.dir)}, or in the model card's text.${duty ? ` Source: ${duty.source}` : ''}`;
}

export const missingAttribution: Rule = {
  id: 'missing-attribution',
  meta: {
    description: 'The artifact owes attribution (it says so, or an upstream license requires a notice) and carries no attribution text.',
    defaultSeverity: 'error',
    docs: 'docs/rules/missing-attribution.md'
  },
  check({ artifact }) {
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    // License-derived duties first: they say which text to add; the artifact's bare "required" adds nothing then.
    const duties = dutiesOf(artifact).sort((a, b) => Number(a.declared) - Number(b.declared));
    for (const d of duties) {
      if (d.declared && drafts.length > 0) continue;
      // A duty that only binds past a scale threshold (Kimi) is owed here only when the artifact says so.
      if (d.duty?.attributionCondition && !d.declared) continue;
      const key = d.declared ? 'declared' : d.duty!.id;
      if (seen.has(key) || carriesAttribution(artifact, d.duty)) continue;
      seen.add(key);
      const condition = d.duty?.attributionCondition ? ` (the ${d.duty.family} license asks this when ${d.duty.attributionCondition})` : '';
      drafts.push({
        path: d.source.path,
        at: d.source.at,
        message: `Attribution is owed because ${d.because}${condition}, but the artifact ${dirPhrase(artifact.dir)} carries no attribution text (no lineage.yaml \`attribution.text\`, no NOTICE file, no notice in the model card).`,
        fix: howToFix(artifact, d.duty),
        subject: `${artifact.dir}:${key}`
      });
    }
    // A manifest that says "no attribution needed" while a known upstream license needs it contradicts itself.
    const unconditional = dutiesOf(artifact).find((d) => d.duty && !d.duty.attributionCondition && !d.declared);
    for (const record of artifact.records) {
      const flag = record.attribution;
      if (!unconditional || flag?.required !== false || drafts.some((x) => x.path === flag.source.path && x.at.line === flag.source.at.line)) continue;
      drafts.push({
        path: flag.source.path,
        at: flag.source.at,
        message: `${where(flag.source)} says attribution is not required, but ${unconditional.because}, which requires a notice.`,
        fix: `Set it to true and ${howToFix(artifact, unconditional.duty).replace(/^Carry/, 'carry')}`,
        subject: `${flag.source.path}:${flag.source.field}:false`
      });
    }
    return drafts;
  }
};
