import type { Rule } from './rule.js';
import { where } from './artifact-facts.js';
import { hubFactsOf } from './hub-facts.js';

/** The reason as a sentence: its own `?` or `.` kept, a `.` added otherwise. */
function sentenceEnd(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export const hubUnreachable: Rule = {
  id: 'hub-unreachable',
  meta: {
    description:
      'The Hub could not be asked about an upstream (network, rate limit, ' +
      'time budget); an error when the policy requires the Hub.',
    defaultSeverity: 'warning',
    docs: 'docs/rules/hub-unreachable.md'
  },
  check(ctx) {
    return hubFactsOf(ctx).flatMap(({ ref, fact }) =>
      fact.answer.kind === 'unreachable'
        ? [
            {
              path: ref.source.path,
              at: ref.source.at,
              message:
                `Could not ask the Hub about ${fact.id} (${where(ref.source)}): ` +
                `${sentenceEnd(fact.answer.reason)} Nothing about it was verified.`,
              // A question the gate refused to send (a malformed revision) will not be answered by waiting.
              fix: fact.answer.reason.startsWith('not asked')
                ? 'Correct the revision: a 40-hex commit, a branch or tag name, or refs/pr/N.'
                : ctx.policy.require.hub
                  ? 'The policy requires the Hub (`require.hub: true`): re-run ' +
                    'when the Hub answers, or check `hub-endpoint` and `hub-token`.'
                  : 'Re-run when the Hub answers, or check `hub-endpoint` and ' +
                    '`hub-token`; set `require.hub: true` in the policy to fail closed.',
              subject: fact.id.toLowerCase(),
              upstream: fact.id,
              // Fail closed when the policy says the Hub must answer.
              severity: ctx.policy.require.hub ? ('error' as const) : undefined
            }
          ]
        : []
    );
  }
};
