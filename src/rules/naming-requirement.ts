import type { FindingDraft, Rule } from './rule.js';
import { anchorRecord, isRecipeOnly, manifestRecords, rankedRecords, where } from './artifact-facts.js';
import { nameInferenceHint, upstreamLicensesOf } from './upstream-licenses.js';

/** Compare names without caring about case or the separators people use in repo names. */
function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[-_\s.]+/g, ' ')
    .trim();
}

/** "llama 3 instruct" starts with "llama 3"; "llama 30b" does not. */
function startsWithWord(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix} `);
}

export const namingRequirement: Rule = {
  id: 'naming-requirement',
  meta: {
    description:
      "An upstream's license requires derivative names to start with a prefix " +
      '(Llama 3: "Llama 3"; Llama 3.1+: "Llama") and the artifact\'s name lacks it.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/naming-requirement.md'
  },
  check(ctx) {
    // The name it is published under: a card's `model_name`/`model-index`, a config's `hub_model_id` …
    const declared = rankedRecords(manifestRecords(ctx.artifact))
      .map((r) => r.name)
      .find((n) => n && n.value.trim());
    // A directory of configs is named for the configs, not for what they publish: only a declared name counts.
    const dirName = ctx.artifact.dir === '.' || isRecipeOnly(ctx.artifact) ? '' : ctx.artifact.dir.split('/').pop()!;
    // `org/name` as pushed to the Hub: the license is about the model's name, not its owner's.
    const name = declared ? declared.value.trim().split('/').pop()! : dirName;
    if (!name) return [];
    const drafts: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const u of upstreamLicensesOf(ctx)) {
      const prefix = u.entry?.namingPrefix;
      if (!prefix || seen.has(prefix) || startsWithWord(normalise(name), normalise(prefix))) continue;
      seen.add(prefix);
      const anchor = declared?.source ?? anchorRecord(ctx.artifact)!.anchor;
      drafts.push({
        path: anchor.path,
        at: anchor.at,
        message:
          `The artifact's name ${JSON.stringify(name)} ` +
          `(${declared ? where(declared.source) : 'its directory name, as no manifest names it'}) does not start ` +
          `with "${prefix}", which the ${u.entry!.display} of its upstream ${u.id} requires of derivative models.`,
        fix:
          `Name the artifact "${prefix}…" (e.g. "${prefix.replace(/\s+/g, '-')}-${name}") ` +
          (declared ? `in ${where(declared.source)}` : 'in its model card `model_name` or lineage.yaml `name`') +
          `. License: ${u.entry!.source}` +
          nameInferenceHint(u),
        subject: `${prefix}:${name}`,
        upstream: u.id
      });
    }
    return drafts;
  }
};
