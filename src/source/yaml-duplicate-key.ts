import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { ReadProblem } from './document.js';
import { duplicateKeyProblem } from './duplicate-key.js';
import type { LineIndex, PathSegment } from './span.js';

/**
 * yaml reports only the second of two equal keys (at `secondStart`); find the first too, so that
 * the message names both lines. Undefined when the pair cannot be found (a non-scalar key).
 */
export function yamlDuplicateKeyProblem(
  document: Document,
  secondStart: number,
  lines: LineIndex
): ReadProblem | undefined {
  const stack: { node: unknown; path: PathSegment[] }[] = [{ node: document.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    if (!isMap(node)) continue;
    const seen = new Map<unknown, number>();
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) continue;
      const { value, range } = pair.key;
      const earlier = seen.get(value);
      if (earlier !== undefined && range[0] === secondStart) {
        return duplicateKeyProblem(path, String(value), earlier, range[0], range[1], lines);
      }
      if (earlier === undefined) seen.set(value, range[0]);
      stack.push({ node: pair.value, path: [...path, String(value)] });
    }
  }
  return undefined;
}
