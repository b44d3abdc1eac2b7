import type { Artifact } from '../lineage/artifact.js';
import type { SourceRef } from '../lineage/record.js';
import type { LicenseEntry } from '../licenses/knowledge.js';
import type { FindingDraft, Rule, RuleContext } from './rule.js';
import { anchorRecord, dirPhrase, isRecipeOnly, manifestRecords, where } from './artifact-facts.js';
import { nameInferenceHint, upstreamLicensesOf } from './upstream-licenses.js';
import { licenseKey } from '../licenses/license-ids.js';

/** Why the artifact owes attribution, and where that comes from. */
interface Duty {
  entry?: LicenseEntry;
  because: string;
  source: SourceRef;
  /** Declared by the artifact or required by the policy, rather than deduced from a license. */
  declared: boolean;
  upstream?: string;
  /** How to make a license inferred from the upstream's name primary evidence (empty otherwise). */
  hint?: string;
}

function dutiesOf(ctx: RuleContext): Duty[] {
  const duties: Duty[] = [];
  for (const u of upstreamLicensesOf(ctx)) {
    if (u.entry?.attribution)
      duties.push({
        entry: u.entry,
        because: `${u.id} (${where(u.ref.source)}) is under the ${u.entry.display} (from ${u.source})`,
        source: u.ref.source,
        declared: false,
        upstream: u.id,
        hint: nameInferenceHint(u)
      });
  }
  for (const record of manifestRecords(ctx.artifact)) {
    const ownKey = record.license && licenseKey(record.license);
    const own = ownKey ? ctx.knowledge.lookup(ownKey) : undefined;
    // A model license the artifact carries (Llama, Gemma …: fixed notice text, terms that flow down) names the
    // upstream's terms; a CC BY or Apache license on the artifact says what *others* owe it, not what it owes.
    if (own?.attribution?.text && own.flowDown && record.license)
      duties.push({
        entry: own,
        because: `the artifact is licensed under ${own.display} (${where(record.license.source)})`,
        source: record.license.source,
        declared: false
      });
    if (record.attribution?.required === true) {
      // The duty the manifest declares is the one of the upstream license it names, when it names one.
      const named = record.upstreamLicenses.map((l) => ctx.knowledge.lookup(licenseKey(l))).find((e) => e?.attribution);
      duties.push({
        entry: named,
        because: `${where(record.attribution.source)} says attribution is required`,
        source: record.attribution.source,
        declared: true
      });
    }
  }
  if (ctx.policy.require.attribution === 'always') {
    const anchor = anchorRecord(ctx.artifact);
    if (anchor)
      duties.push({
        because: 'the policy requires attribution text for every artifact (`require.attribution: always`)',
        source: anchor.anchor,
        declared: true
      });
  }
  return duties;
}

function carriesAttribution(artifact: Artifact, entry: LicenseEntry | undefined): boolean {
  if (artifact.noticeFiles.length > 0) return true;
  if (artifact.records.some((r) => r.attribution?.text?.trim())) return true;
  const markers = entry?.attribution?.markers ?? [];
  // A README without card metadata is still the model card the Hub shows: its text counts too.
  const texts = [...artifact.records.map((r) => r.prose?.text), ...(artifact.plainCards ?? []).map((c) => c.prose)];
  return texts.some((text) => {
    const prose = text?.toLowerCase();
    return prose !== undefined && markers.some((m) => prose.includes(m.toLowerCase()));
  });
}

function howToFix(artifact: Artifact, entry: LicenseEntry | undefined): string {
  const text = entry?.attribution?.text
    ? `"${entry.attribution.text}"`
    : 'the attribution text the upstream license asks for';
  return (
    `Carry ${text} with the artifact: in lineage.yaml \`attribution: { text: … }\`, in a NOTICE file ` +
    `${dirPhrase(artifact.dir)}, or in the model card's text.${entry ? ` Source: ${entry.source}` : ''}`
  );
}

export const missingAttribution: Rule = {
  id: 'missing-attribution',
  meta: {
    description:
      'The artifact owes attribution (it says so, the policy asks for it, ' +
      'or an upstream license requires a notice) and carries no attribution text.',
    defaultSeverity: 'error',
    docs: 'docs/rules/missing-attribution.md'
  },
  check(ctx) {
    if (ctx.policy.require.attribution === 'never' || isRecipeOnly(ctx.artifact)) return [];
    const { artifact } = ctx;
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    // License-derived duties first: they say which text to add; a bare "required" adds nothing then.
    const duties = dutiesOf(ctx).sort((a, b) => Number(a.declared) - Number(b.declared));
    for (const d of duties) {
      if (d.declared && drafts.length > 0) continue;
      // A duty that binds only past a scale threshold (Kimi) is owed here only when the artifact says so.
      if (d.entry?.attribution?.condition && !d.declared) continue;
      const key = d.declared ? 'declared' : d.entry!.id;
      if (seen.has(key) || carriesAttribution(artifact, d.entry)) continue;
      seen.add(key);
      const condition = d.entry?.attribution?.condition
        ? ` (the ${d.entry.display} asks this when ${d.entry.attribution.condition})`
        : '';
      drafts.push({
        path: d.source.path,
        at: d.source.at,
        message:
          `Attribution is owed because ${d.because}${condition}, but the artifact ${dirPhrase(artifact.dir)} carries ` +
          `no attribution text (no lineage.yaml \`attribution.text\`, no NOTICE file, no notice in the model card).`,
        fix: howToFix(artifact, d.entry) + (d.hint ?? ''),
        subject: `${artifact.dir}:${key}`,
        upstream: d.upstream
      });
    }
    // A manifest that says "no attribution needed" while a known upstream license needs it contradicts itself.
    const unconditional = duties.find((d) => d.entry?.attribution && !d.entry.attribution.condition && !d.declared);
    for (const record of artifact.records) {
      const flag = record.attribution;
      if (
        !unconditional ||
        flag?.required !== false ||
        drafts.some((x) => x.path === flag.source.path && x.at.line === flag.source.at.line)
      )
        continue;
      drafts.push({
        path: flag.source.path,
        at: flag.source.at,
        message:
          `${where(flag.source)} says attribution is not required, ` +
          `but ${unconditional.because}, which requires a notice.`,
        fix: `Set it to true and ${howToFix(artifact, unconditional.entry).replace(/^Carry/, 'carry')}`,
        subject: `${flag.source.path}:${flag.source.field}:false`,
        upstream: unconditional.upstream
      });
    }
    return drafts;
  }
};
