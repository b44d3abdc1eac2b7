import type { Report } from '../report.js';

/** Most nodes drawn: GitHub renders larger graphs poorly, and the diagram must not crowd out findings. */
export const MAX_DIAGRAM_NODES = 60;

/** Labels from PR content: only characters Hub ids and paths use survive, so nothing can break out of a label. */
function label(text: string): string {
  return `"${text.replace(/[^A-Za-z0-9._/@:+ -]/g, '_').slice(0, 80)}"`;
}

/**
 * A Mermaid flowchart of the lineage of the checked artifacts — artifact → upstream → the
 * upstream's own base_model chain on the Hub — or undefined when there is nothing to draw.
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
  for (const artifact of report.artifacts) {
    const a = node(`artifact:${artifact.dir}`, artifact.dir, 'artifact');
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
  return ['```mermaid', 'flowchart LR', ...lines, '```'].join('\n');
}
