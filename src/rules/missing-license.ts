import { plural } from '../text/plural.js';
import type { Artifact } from '../lineage/artifact.js';
import type { LicenseDecl } from '../lineage/record.js';
import type { FindingDraft, Rule } from './rule.js';
import { placeholderLicenseOf, placeholderReason } from '../licenses/placeholder.js';
import {
  anchorRecord,
  artifactLicense,
  dirPhrase,
  isRecipeOnly,
  manifestList,
  manifestRecords,
  placeholderLicenses,
  quote
} from './artifact-facts.js';

const CARD_FIX =
  'a Hub license id such as `apache-2.0` or `llama3.1`, or `other` with `license_name` and `license_link`';

/** The finding on a placeholder: quoted with its line, and what to write instead. */
function onPlaceholder(decl: LicenseDecl, dir: string, format: string | undefined): FindingDraft {
  // Only ever called with one of `placeholderLicenses`, each a placeholder.
  const value = placeholderLicenseOf(decl)!;
  const { field, path, at } = decl.source;
  const misspelt = field === 'licence' ? ' (and spell the key `license`: the Hub reads no `licence`)' : '';
  const fix =
    format === 'hf-model-card'
      ? `Replace ${quote(value)} in the front matter of ${path} with the artifact's real license (${CARD_FIX})` +
        `${misspelt}; for a derivative start from the upstream's license.`
      : `Write the artifact's real license at \`${field}\` in ${path} (a Hub or SPDX id, or a name and a link).`;
  return {
    path,
    at,
    message:
      `The artifact ${dirPhrase(dir)} declares no license: \`${field}\` in ${path} (line ${at.line}) ` +
      `says ${quote(value)}, a placeholder — ${placeholderReason(value)}. No one can tell under which terms ` +
      `it may be used or what its upstream's license asks of it.`,
    fix,
    subject: dir
  };
}

/** Where to declare the license of an artifact without a model card: its README when it has one, else a new file. */
function addLicense(artifact: Artifact): string {
  const lineage = `a lineage.yaml with \`license: { id: … }\` ${dirPhrase(artifact.dir)}`;
  const readme = artifact.plainCards?.[0];
  if (!readme) return `Add a model card (README.md with \`license:\` in its front matter) or ${lineage}.`;
  if (readme.frontMatter)
    return `Add \`license:\` to the front matter of ${readme.path} (${CARD_FIX}), or add ${lineage}.`;
  return (
    `Start ${readme.path} with YAML front matter that declares the license (a \`---\` line, \`license: …\`, ` +
    `another \`---\` line; ${CARD_FIX}), or add ${lineage}.`
  );
}

export const missingLicense: Rule = {
  id: 'missing-license',
  meta: {
    description: "No manifest of the artifact declares the artifact's license.",
    defaultSeverity: 'error',
    docs: 'docs/rules/missing-license.md'
  },
  check({ artifact }) {
    if (manifestRecords(artifact).length === 0 || isRecipeOnly(artifact) || artifactLicense(artifact)) return [];
    const placeholder = placeholderLicenses(artifact)[0];
    if (placeholder) {
      const format = artifact.records.find((r) => r.license === placeholder)?.format;
      return [onPlaceholder(placeholder, artifact.dir, format)];
    }
    const anchor = anchorRecord(artifact, ['hf-model-card', 'lineage-manifest'])!;
    return [
      {
        path: anchor.path,
        at: anchor.anchor.at,
        message:
          `The artifact ${dirPhrase(artifact.dir)} declares no license (${manifestList(artifact)} ` +
          `${plural(manifestRecords(artifact).length, 'carries', 'carry')} none), so no one ` +
          `can tell under which terms it may be used or what its upstream's license asks of it.`,
        fix:
          anchor.format === 'hf-model-card'
            ? `Add \`license:\` to the front matter of ${anchor.path} (${CARD_FIX}).`
            : addLicense(artifact),
        subject: artifact.dir
      }
    ];
  }
};
