import type { Artifact } from '../lineage/artifact.js';
import type { DatasetRef, UpstreamRef } from '../lineage/record.js';
import { resolveAncestry, type AncestryResult, type RepoInfoSource } from './ancestry.js';
import type { HubAnswer } from './answer.js';

/** What the Hub said about one upstream (at the revision the artifact names) and its ancestry. */
export interface HubFact {
  id: string;
  revision?: string;
  answer: HubAnswer;
  ancestry: AncestryResult;
}

/** The Hub's answers for a run, looked up by upstream reference. */
export interface HubFacts {
  fact(ref: Pick<UpstreamRef, 'id' | 'revision'>): HubFact | undefined;
  /** The Hub's answer about a dataset the artifact names (`/api/datasets/…`). */
  dataset(ref: Pick<DatasetRef, 'id' | 'revision'>): HubAnswer | undefined;
  readonly all: readonly HubFact[];
}

function key(id: string, revision: string | undefined): string {
  return `${id.toLowerCase()}@${revision ?? ''}`;
}

/** Upstreams worth asking about: a valid Hub id, written or recovered. */
function askable(ref: UpstreamRef): boolean {
  return (
    !ref.invalidReason && !!ref.id && (ref.kind === 'hub-id' || ref.kind === 'bare-id' || ref.kind === 'hub-cache-path')
  );
}

/**
 * Asks the Hub once per distinct (id, revision) of every artifact, following each answer's
 * `base_model` up to `maxDepth`. The client dedupes and bounds concurrency, so everything is asked at once.
 */
export async function verifyOnHub(
  artifacts: readonly Artifact[],
  client: RepoInfoSource,
  maxDepth: number
): Promise<HubFacts> {
  const wanted = new Map<string, { id: string; revision?: string }>();
  const datasets = new Map<string, { id: string; revision?: string }>();
  for (const artifact of artifacts) {
    for (const record of artifact.records) {
      for (const ref of record.upstreams) {
        if (askable(ref)) wanted.set(key(ref.id!, ref.revision), { id: ref.id!, revision: ref.revision });
      }
      for (const d of record.datasets) {
        if (d.id) datasets.set(key(d.id, d.revision), { id: d.id, revision: d.revision });
      }
    }
  }
  const datasetAnswers = new Map(
    await Promise.all(
      [...datasets].map(
        async ([k, d]) => [k, await client.repoInfo({ type: 'dataset', id: d.id, revision: d.revision })] as const
      )
    )
  );
  const facts = await Promise.all(
    [...wanted.values()].map(async ({ id, revision }) => {
      const ancestry = await resolveAncestry(client, id, { maxDepth, revision });
      return { id, revision, answer: ancestry.root.answer, ancestry } satisfies HubFact;
    })
  );
  const byKey = new Map(facts.map((f) => [key(f.id, f.revision), f]));
  return {
    all: facts,
    fact: (ref) => (ref.id ? byKey.get(key(ref.id, ref.revision)) : undefined),
    dataset: (ref) => (ref.id ? datasetAnswers.get(key(ref.id, ref.revision)) : undefined)
  };
}
