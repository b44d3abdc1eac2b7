import { syntaxOf } from '../formats/read-manifest.js';
import { FILE_START } from '../source/span.js';
import type { FindingDraft, Rule } from './rule.js';

const YAML_CHECK = "a YAML linter, or `python -c 'import yaml,sys; yaml.safe_load(open(sys.argv[1]))'`, shows where";

/** How to mend a file that does not parse, by what it is written in. */
function parseFix(path: string): string {
  switch (syntaxOf(path)) {
    case 'json':
      return 'Commit the manifest as UTF-8 JSON that parses (`python -m json.tool` shows where), or remove it.';
    case 'yaml':
      return `Commit the manifest as UTF-8 YAML that parses (${YAML_CHECK}), or remove it.`;
    case 'front-matter':
      return `Make the YAML between the two \`---\` lines parse (${YAML_CHECK}), or remove the front matter.`;
    default:
      return 'Commit the manifest as UTF-8 text in the form its tool reads, or remove it.';
  }
}

export const unreadableManifest: Rule = {
  id: 'unreadable-manifest',
  meta: {
    description:
      'A manifest could not be read: bad JSON/YAML, wrong encoding, too large, binary, or a Git LFS pointer ' +
      '(a warning for a weight file whose header is not what its name says).',
    defaultSeverity: 'error',
    docs: 'docs/rules/unreadable-manifest.md'
  },
  check({ artifact }) {
    const manifests: FindingDraft[] = artifact.unreadable.map((u) => ({
      path: u.path,
      at: u.at,
      message: `${u.path} could not be read as a manifest: ${u.reason}.`,
      fix: u.fix ?? parseFix(u.path),
      subject: u.path
    }));
    // A weight file whose header cannot be read is no evidence at all, and may not be what its name says.
    const weights: FindingDraft[] = artifact.weights.flatMap((w) =>
      w.header?.kind === 'unreadable'
        ? [
            {
              path: w.path,
              at: FILE_START,
              severity: 'warning' as const,
              message:
                `The header of ${w.path} could not be read: ${w.header.reason}. Nothing its bytes say about its ` +
                'lineage or shapes can be checked, and it may not be the format its name claims.',
              fix: 'Commit the real file (or its Git LFS pointer), or remove it.',
              subject: `weights:${w.path}`
            }
          ]
        : []
    );
    return [...manifests, ...weights];
  }
};
