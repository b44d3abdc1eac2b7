import type { PathSegment } from '../source/span.js';
import { valueAt } from './fields.js';

/** JSON Pointer (`/a/0/b~1c`, as ajv reports it) → path segments, with indices where the data holds an array. */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: PathSegment = Array.isArray(node) && /^\d+$/.test(key) ? Number(key) : key;
    path.push(seg);
    node = valueAt(node, [seg]);
  }
  return path;
}
