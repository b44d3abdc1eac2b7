import type { Rule } from './rule.js';
import {
  anchorRecord,
  artifactLicense,
  dirPhrase,
  isRecipeOnly,
  manifestList,
  manifestRecords,
  plural
} from './artifact-facts.js';

export const missingLicense: Rule = {
  id: 'missing-license',
  meta: {
    description: "No manifest of the artifact declares the artifact's license.",
    defaultSeverity: 'error',
    docs: 'docs/rules/missing-license.md'
  },
  check({ artifact }) {
    if (manifestRecords(artifact).length === 0 || isRecipeOnly(artifact) || artifactLicense(artifact)) return [];
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
            ? `Add \`license:\` to the front matter of ${anchor.path} (a Hub license id such as ` +
              `\`apache-2.0\` or \`llama3.1\`, or \`other\` with \`license_name\` and \`license_link\`).`
            : `Add a model card (README.md with \`license:\` in its front matter) ` +
              `or a lineage.yaml with \`license: { id: … }\` ${dirPhrase(artifact.dir)}.`,
        subject: artifact.dir
      }
    ];
  }
};
