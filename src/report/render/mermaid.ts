import type { Report } from '../report.js';

/** Most nodes drawn: GitHub renders larger graphs poorly, and the diagram must not crowd out findings. */
export const MAX_DIAGRAM_NODES = 60;

const STYLE = {
  fail: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  pass: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328'
} as const;

/** Labels from PR content: only characters Hub ids and paths use survive, so nothing can break out of a label. */
function label(text: string): string {
  return `"${text.replace(/[^A-Za-z0-9._/@:+ -]/g, '_').slice(0, 80)}"`;
}

/**
 * A Mermaid flowchart of the lineage of the checked artifacts — artifact → its local parent
 * artifacts and upstream models → the upstream's own base_model chain on the Hub, each checked
 * artifact coloured by its verdict — or undefined when there is nothing to draw.
 */
export function lineageDiagram(report: Report): string | undefined {
  const ids = new Map<string, string>();
  const lines: string[] = [];
  const edges = new Set<string>();
  let cut = 0;
  const node = (key: string, text: string, shape: 'artifact' | 'model'): string | undefined => {
    const known = ids.get(key);
    if (known) return known;
    if (ids.size >= MAX_DIAGRAM_NODES) {
      cut++;
      return undefined;
    }
    const id = `n${ids.size}`;
    ids.set(key, id);
    lines.push(shape === 'artifact' ? `  ${id}[${label(text)}]` : `  ${id}([${label(text)}])`);
    return id;
  };
  const edge = (from: string | undefined, to: string | undefined, arrow = '-->') => {
    if (!from || !to || edges.has(`${from}>${to}`)) return;
    edges.add(`${from}>${to}`);
    lines.push(`  ${from} ${arrow} ${to}`);
  };
  const status = new Map<string, 'pass' | 'fail'>();
  for (const artifact of report.artifacts) {
    const a = node(`artifact:${artifact.dir}`, artifact.dir, 'artifact');
    if (a) status.set(a, artifact.status);
    // Local parents (another directory of the repository) first: the artifact graph's own edges.
    for (const parent of artifact.parents) edge(a, node(`artifact:${parent.dir}`, parent.dir, 'artifact'));
    for (const u of artifact.upstreams) {
      if (!u.id) continue;
      const up = node(`model:${u.id.toLowerCase()}`, u.id, 'model');
      edge(a, up, u.evidence === 'primary' ? '-->' : '-.->');
      // Ancestors by depth: a single chain is drawn link by link; several parents at one depth hang off the upstream.
      let previous = up;
      const depths = new Map<number, string[]>();
      for (const anc of u.hub?.ancestors ?? []) depths.set(anc.depth, [...(depths.get(anc.depth) ?? []), anc.id]);
      for (const depth of [...depths.keys()].sort((x, y) => x - y)) {
        const atDepth = depths.get(depth)!;
        const nodes = atDepth.map((id) => node(`model:${id.toLowerCase()}`, id, 'model'));
        for (const n of nodes) edge(previous, n);
        previous = nodes.length === 1 ? nodes[0] : up;
      }
    }
  }
  if (edges.size === 0) return undefined;
  if (cut) lines.push(`  more[${label(`and ${cut} more not drawn`)}]`);
  // Each checked artifact coloured by its verdict; parents outside the run and models stay plain.
  for (const verdict of ['fail', 'pass'] as const) {
    const members = [...status].filter(([, s]) => s === verdict).map(([id]) => id);
    if (members.length === 0) continue;
    lines.push(`  classDef ${verdict} ${STYLE[verdict]}`, `  class ${members.join(',')} ${verdict}`);
  }
  return ['```mermaid', 'flowchart LR', ...lines, '```'].join('\n');
}
