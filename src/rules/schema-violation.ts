import type { FindingDraft, Rule } from './rule.js';
import { schemaFileOf } from '../formats/registry.js';

export const schemaViolation: Rule = {
  id: 'schema-violation',
  meta: {
    description:
      "A manifest does not match the schema of its format, or has a manifest's name but none of its formats.",
    defaultSeverity: 'error',
    docs: 'docs/rules/schema-violation.md'
  },
  check({ artifact }) {
    const drafts: FindingDraft[] = artifact.schemaProblems.map((p) => ({
      path: p.path,
      at: p.at,
      message: `${p.path} is not a valid ${p.format}: ${p.message}.`,
      fix: `Correct the value so it matches the ${p.format} schema (${schemaFileOf(p.format)}).`,
      subject: `${p.format}:${p.message}`
    }));
    for (const record of artifact.records) {
      for (const note of record.notes) {
        drafts.push({
          path: note.source.path,
          at: note.source.at,
          message: note.message,
          fix: note.fix,
          subject:
            note.kind === 'unrecognised-format'
              ? `unrecognised:${note.source.path}`
              : `${note.kind}:${note.source.path}:${note.source.field}`,
          // The lineage keys it has were still read (the misspelt key too); the file just is not what it should be.
          severity: 'warning'
        });
      }
    }
    return drafts;
  }
};
