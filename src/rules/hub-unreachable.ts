import type { HubAnswer } from '../hub/answer.js';
import type { HubFact } from '../hub/verify.js';
import type { FindingDraft, Rule, RuleContext } from './rule.js';
import { where } from './artifact-facts.js';
import { hubFactsOf } from './hub-facts.js';
import { counted } from '../text/plural.js';

/** The reason as a sentence: its own `?` or `.` kept, a `.` added otherwise. */
function sentenceEnd(text: string): string {
  const trimmed = text.trim();
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** At most this many upstreams are named in the one finding about an unreachable Hub. */
const MAX_NAMED = 20;

function fixText(ctx: RuleContext, reason: string): string {
  // A question the gate refused to send (a malformed revision) will not be answered by waiting.
  if (reason.startsWith('not asked'))
    return 'Correct the revision: a 40-hex commit, a branch or tag name, or refs/pr/N.';
  return ctx.policy.require.hub
    ? 'The policy requires the Hub (`require.hub: true`): re-run ' +
        'when the Hub answers, or check `hub-endpoint` and `hub-token`.'
    : 'Re-run when the Hub answers, or check `hub-endpoint` and ' +
        '`hub-token`; set `require.hub: true` in the policy to fail closed.';
}

/** A fact whose answer says no connection to the Hub could be made at all. */
type HubDownFact = HubFact & { answer: Extract<HubAnswer, { kind: 'unreachable' }> };

const isHubDown = (fact: HubFact): fact is HubDownFact =>
  fact.answer.kind === 'unreachable' && fact.answer.hubDown === true;

const named = (fact: HubFact): string => (fact.revision ? `${fact.id}@${fact.revision}` : fact.id);

/**
 * When no connection to the Hub could be made at all, that is one fact about the run, not one per
 * upstream: a single finding, at the first place an unverified upstream is named, lists them all.
 */
function hubDownFinding(ctx: RuleContext): FindingDraft[] {
  const down = (ctx.hub?.all ?? []).filter(isHubDown);
  const first = hubFactsOf(ctx).find(({ fact }) => fact === down[0]);
  if (!first) return [];
  const { ref } = first;
  const fact = down[0];
  const { reason } = fact.answer;
  const list = down.slice(0, MAX_NAMED).map(named).join(', ');
  const more = down.length > MAX_NAMED ? ` and ${down.length - MAX_NAMED} more` : '';
  return [
    {
      path: ref.source.path,
      at: ref.source.at,
      message:
        `Could not reach the Hub (first asked about ${fact.id}, ${where(ref.source)}): ` +
        `${sentenceEnd(reason)} ${counted(down.length, 'upstream')} left unverified: ${list}${more}.`,
      fix: fixText(ctx, reason),
      subject: 'hub-down',
      severity: ctx.policy.require.hub ? ('error' as const) : undefined
    }
  ];
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
    const each = hubFactsOf(ctx).flatMap(({ ref, fact }) =>
      fact.answer.kind === 'unreachable' && !isHubDown(fact)
        ? [
            {
              path: ref.source.path,
              at: ref.source.at,
              message:
                `Could not ask the Hub about ${fact.id} (${where(ref.source)}): ` +
                `${sentenceEnd(fact.answer.reason)} Nothing about it was verified.`,
              fix: fixText(ctx, fact.answer.reason),
              subject: fact.id.toLowerCase(),
              upstream: fact.id,
              // Fail closed when the policy says the Hub must answer.
              severity: ctx.policy.require.hub ? ('error' as const) : undefined
            }
          ]
        : []
    );
    return [...hubDownFinding(ctx), ...each];
  }
};
