/**
 * The artifact graph's pure parts: which values of a record refer to other directories of the
 * repository, where such a reference can lead, and which artifacts derive from each other in a loop.
 */
import { posix } from 'node:path';
import type { LineageRecord, SourceRef, UpstreamRole } from './record.js';

/** A value of a manifest that names another local directory. */
export interface LocalReference {
  raw: string;
  source: SourceRef;
  role: UpstreamRole;
  /** Written as a reference to a local artifact, not just a path where a Hub id belongs. */
  explicit: boolean;
}

/** Absolute, home-relative or drive paths only exist on the machine that trained the artifact. */
const OFF_REPOSITORY = /^([\\/]|~([\\/]|$)|[A-Za-z]:([\\/]|$))/;
const EXPLICITLY_RELATIVE = /^\.{1,2}([\\/]|$)/;

/** Every reference of a record to a local directory: its explicit ones, and relative paths written as upstreams. */
export function localReferences(record: LineageRecord): LocalReference[] {
  const out: LocalReference[] = (record.localRefs ?? []).map((ref) => ({
    raw: ref.raw,
    source: ref.source,
    role: ref.role ?? 'base',
    explicit: true
  }));
  for (const ref of record.upstreams) {
    if (ref.kind !== 'local-path' || ref.raw === null || OFF_REPOSITORY.test(ref.raw)) continue;
    out.push({ raw: ref.raw, source: ref.source, role: ref.role, explicit: EXPLICITLY_RELATIVE.test(ref.raw) });
  }
  return out;
}

/**
 * Repository-relative paths a reference may mean, most likely first: relative to the manifest's
 * directory, then (for tools that record paths relative to where they ran, like mlx_lm) to the
 * repository root. Paths that leave the repository are dropped; `.` is the root.
 */
export function candidatePaths(manifestPath: string, raw: string): string[] {
  if (OFF_REPOSITORY.test(raw)) return [];
  const value = raw.replace(/\\/g, '/').replace(/\/+$/, '');
  if (!value) return [];
  const manifestDir = posix.dirname(manifestPath);
  const out: string[] = [];
  for (const joined of [posix.join(manifestDir, value), posix.normalize(value)]) {
    if (joined === '..' || joined.startsWith('../')) continue;
    const path = joined === '' ? '.' : joined;
    if (!out.includes(path)) out.push(path);
  }
  return out;
}

/**
 * Groups of artifacts that derive from each other in a loop (strongly connected components of more
 * than one node, Tarjan's algorithm, iterative so a long chain cannot overflow the stack).
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of [...edges.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; child: number }[] = [{ node: start, child: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const children = edges.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++];
        if (!index.has(child)) {
          index.set(child, next);
          low.set(child, next++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
