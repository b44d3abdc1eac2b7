/** Says in the report where an ancestry walk was cut short by its repo cap, so a cut is never silent. */
import type { HubFact } from './verify.js';

export function ancestryNotes(facts: readonly HubFact[]): string[] {
  return facts.flatMap(({ id, ancestry: { nodeLimit } }) => {
    if (!nodeLimit) return [];
    const cap = nodeLimit.scope === 'walk' ? 'per upstream' : 'per run';
    const first = nodeLimit.unexplored.map((u) => u.id).join(', ');
    return [
      `The Hub ancestry of ${id} was cut at ${nodeLimit.maxNodes} repos ${cap}: ` +
        `${nodeLimit.skipped} base model name(s) were not asked about (first: ${first}).`
    ];
  });
}
