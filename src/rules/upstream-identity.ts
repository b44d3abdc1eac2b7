/**
 * When two upstream ids name the same model: the same id in any case, a legacy bare id and its
 * namespaced one, a mirror's or quantization's copy and its original, or — with the Hub on — a
 * model and one of its own ancestors on the `base_model` chain.
 */
import { stripMirrorSuffixes, type LicenseKnowledge } from '../licenses/knowledge.js';
import { currentIdOfLegacy } from '../lineage/legacy-ids.js';
import type { UpstreamRef } from '../lineage/record.js';
import type { HubFacts } from '../hub/verify.js';

/** The model's name without org, mirror suffixes or Meta's `Meta-` prefix: what re-uploads keep. */
function nameKey(id: string): string | undefined {
  const name = id.split('/')[1];
  if (!name) return undefined;
  return `name:${stripMirrorSuffixes(name)
    .toLowerCase()
    .replace(/^meta-(?=llama)/, '')}`;
}

/** Keys under which an id matches another: itself, its current id, its original, its name. */
export function identityKeys(id: string, knowledge: LicenseKnowledge): Set<string> {
  const keys = new Set<string>();
  const add = (value: string | undefined) => {
    if (!value) return;
    keys.add(value.toLowerCase());
    const name = nameKey(value);
    if (name) keys.add(name);
  };
  add(id);
  add(currentIdOfLegacy(id));
  add(knowledge.mirrorUpstream(id));
  return keys;
}

/** An upstream's keys, with those of its ancestors when the Hub was asked. */
function keysWithAncestors(ref: UpstreamRef, knowledge: LicenseKnowledge, hub?: HubFacts): Set<string> {
  const keys = identityKeys(ref.id!, knowledge);
  for (const link of hub?.fact(ref)?.ancestry.chain ?? []) {
    for (const key of identityKeys(link.id, knowledge)) keys.add(key);
  }
  return keys;
}

/** Whether two upstreams name the same model, or one derives from the other on the Hub. */
export function sameUpstream(a: UpstreamRef, b: UpstreamRef, knowledge: LicenseKnowledge, hub?: HubFacts): boolean {
  if (!a.id || !b.id) return false;
  const own = (ref: UpstreamRef) => identityKeys(ref.id!, knowledge);
  const overlaps = (x: Set<string>, y: Set<string>) => [...x].some((k) => y.has(k));
  return (
    overlaps(own(a), keysWithAncestors(b, knowledge, hub)) || overlaps(keysWithAncestors(a, knowledge, hub), own(b))
  );
}
