import type { Rule } from './rule.js';

export const unreadableManifest: Rule = {
  id: 'unreadable-manifest',
  meta: {
    description:
      'A manifest could not be read: bad JSON/YAML, wrong encoding, too large, binary, or a Git LFS pointer.',
    defaultSeverity: 'error',
    docs: 'docs/rules/unreadable-manifest.md'
  },
  check({ artifact }) {
    return artifact.unreadable.map((u) => ({
      path: u.path,
      at: u.at,
      message: `${u.path} could not be read as a manifest: ${u.reason}.`,
      fix: 'Commit the manifest as UTF-8 JSON/YAML that parses (a linter or `python -m json.tool` shows where), or remove it.',
      subject: u.path
    }));
  }
};
