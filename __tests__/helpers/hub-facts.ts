/** Hub answers for rule tests, as HubVerifier would hand them over (no network, no ancestry walk). */
import type { AncestorLink } from '../../src/hub/ancestry.js';
import type { HubAnswer, HubRepoInfo } from '../../src/hub/answer.js';
import type { HubFact, HubFacts } from '../../src/hub/verify.js';

export function info(id: string, extra: Partial<HubRepoInfo> = {}): HubRepoInfo {
  return {
    id,
    gated: false,
    private: false,
    disabled: false,
    licenses: [],
    baseModels: [],
    tags: [],
    siblings: [],
    ...extra
  };
}

export const found = (id: string, extra: Partial<HubRepoInfo> = {}): HubAnswer => ({
  kind: 'found',
  info: info(id, extra)
});

export function fact(
  id: string,
  answer: HubAnswer,
  extra: { revision?: string; chain?: AncestorLink[] } = {}
): HubFact {
  return {
    id,
    revision: extra.revision,
    answer,
    ancestry: { root: { id, revision: extra.revision, answer }, chain: extra.chain ?? [], cycles: [] }
  };
}

/** The Hub's answers as HubVerifier keeps them: by lower-cased id and exact revision. */
export function hubOf(facts: HubFact[], datasets: Record<string, HubAnswer> = {}): HubFacts {
  const key = (id: string | undefined, revision: string | undefined) => `${id?.toLowerCase()}@${revision ?? ''}`;
  return {
    fact: (ref) => facts.find((f) => key(f.id, f.revision) === key(ref.id, ref.revision)),
    dataset: (ref) => (ref.id ? datasets[ref.id.toLowerCase()] : undefined),
    config: () => undefined,
    all: facts
  };
}
