/** Real webhook payloads from @octokit/webhooks-examples (the api.github.com set). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

let groups: ExampleGroup[] | undefined;

function load(): ExampleGroup[] {
  if (!groups) {
    const path = createRequire(import.meta.url).resolve('@octokit/webhooks-examples/api.github.com/index.json');
    groups = JSON.parse(readFileSync(path, 'utf8')) as ExampleGroup[];
  }
  return groups;
}

/** A deep copy of the first example of `event` that satisfies `where`, so tests may edit it. */
export function webhookExample(
  event: string,
  where: (payload: Record<string, unknown>) => boolean = () => true
): Record<string, unknown> {
  const group = load().find((g) => g.name === event);
  const found = group?.examples.find(where);
  if (!found) throw new Error(`No ${event} example matches in @octokit/webhooks-examples.`);
  return structuredClone(found);
}
