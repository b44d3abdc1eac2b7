import { Composer, isMap, isPair, isScalar, isSeq, Parser, type Document, type Node as YamlNode } from 'yaml';
import { TreeDocument, type PositionedNode } from './tree-document.js';
import { LineIndex } from './span.js';
import type { ReadProblem, SourceDocument } from './document.js';
import { valueNestingProblem, yamlNestingProblem, yamlTextNestingProblem } from './nesting.js';
import { yamlDuplicateKeyProblem } from './yaml-duplicate-key.js';

/** Bounds for untrusted YAML: alias expansion is the classic "billion laughs" vector. */
const MAX_ALIAS_COUNT = 100;

// logLevel 'error': yaml would print its warnings (a collection used as a key) on the process's stderr.
const OPTIONS = { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error' } as const;

/** Depth is bounded (yamlNestingProblem) before this recursion runs. */
function toPositioned(node: unknown): PositionedNode | undefined {
  const n = node as YamlNode | null;
  if (!n || !('range' in n) || !n.range) return undefined;
  const out: PositionedNode = { start: n.range[0], end: n.range[1] };
  if (isMap(n)) {
    out.children = new Map();
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const key = pair.key;
      const keyValue = isScalar(key) ? key.value : undefined;
      if (keyValue === undefined || keyValue === null || !isScalar(key) || !key.range) continue;
      const child = toPositioned(pair.value) ?? { start: key.range[0], end: key.range[1] };
      child.keyStart = key.range[0];
      child.keyEnd = key.range[1];
      out.children.set(String(keyValue), child);
    }
  } else if (isSeq(n)) {
    out.children = new Map();
    n.items.forEach((item, i) => {
      const child = toPositioned(item);
      if (child) out.children!.set(i, child);
    });
  } else if (isScalar(n) && n.range) {
    // Value end excludes trailing comment/whitespace: range[1] is the value end.
    out.end = n.range[1];
  }
  return out;
}

/**
 * What yaml's parseDocument does, split in two so that nesting is measured on the concrete syntax
 * tree (built without recursion) before the recursive composer sees it.
 */
function compose(text: string, lines: LineIndex): { document: Document } | { problem: ReadProblem } {
  const rough = yamlTextNestingProblem(text, lines);
  if (rough) return { problem: rough };
  const tokens = [...new Parser().parse(text)];
  const deep = yamlNestingProblem(tokens, lines);
  if (deep) return { problem: deep };
  let document: Document | undefined;
  for (const doc of new Composer(OPTIONS).compose(tokens, true, text.length)) {
    if (document)
      return {
        problem: { reason: 'it holds more than one YAML document', span: lines.span(doc.range[0], doc.range[0]) }
      };
    document = doc;
  }
  return { document: document! };
}

/**
 * YAML 1.2 (core schema: dates stay strings) with positions.
 * `lineOffset` shifts reported lines, for front matter that starts below line 1.
 */
export function parseYamlDocument(text: string, lineOffset = 0): { doc: SourceDocument } | { problem: ReadProblem } {
  const lines = new LineIndex(text, lineOffset);
  let composed;
  try {
    composed = compose(text, lines);
  } catch (err) {
    return { problem: { reason: `not valid YAML: ${(err as Error).message}` } };
  }
  if ('problem' in composed) return composed;
  const { document } = composed;
  if (document.errors.length > 0) {
    const first = document.errors[0];
    if (first.code === 'DUPLICATE_KEY') {
      const dup = yamlDuplicateKeyProblem(document, first.pos[0], lines);
      if (dup) return { problem: dup };
    }
    const at = lines.span(first.pos[0], first.pos[1]);
    return { problem: { reason: `not valid YAML: ${firstLine(first.message)}`, span: at } };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    return { problem: { reason: `not valid YAML: ${(err as Error).message}` } };
  }
  const doc = new TreeDocument(value ?? null, toPositioned(document.contents), lines);
  // Only aliases (`*name`) can make the value deeper than the text, already measured.
  const deep = text.includes('*') ? valueNestingProblem(doc) : undefined;
  return deep ? { problem: deep } : { doc };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
