import type { Rule } from './rule.js';
import { allUpstreams, quote, where } from './artifact-facts.js';

export const invalidHubId: Rule = {
  id: 'invalid-hub-id',
  meta: {
    description: "An upstream id breaks the Hugging Face Hub's repo-id rules, so it cannot name any repository.",
    defaultSeverity: 'error',
    docs: 'docs/rules/invalid-hub-id.md'
  },
  check({ artifact }) {
    return allUpstreams(artifact)
      .filter((ref) => ref.invalidReason)
      .map((ref) => ({
        path: ref.source.path,
        at: ref.source.at,
        message:
          `${quote(ref.id ?? ref.raw)} at ${where(ref.source)} ` + `is not a valid Hub repo id: ${ref.invalidReason}.`,
        fix: 'Write the id exactly as the Hub shows it: `org/name`, letters, digits, `-`, `_` and `.` only, one `/`.',
        subject: `${ref.source.field}:${ref.raw}`
      }));
  }
};
