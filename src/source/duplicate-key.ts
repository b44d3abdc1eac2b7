import type { ReadProblem } from './document.js';
import type { LineIndex, PathSegment } from './span.js';

/** Readers disagree on which of two equal keys wins, so neither may silently count. */
export function duplicateKeyProblem(
  parent: readonly PathSegment[],
  key: string,
  firstStart: number,
  secondStart: number,
  secondEnd: number,
  lines: LineIndex
): ReadProblem {
  const name = key.length > 60 ? `${key.slice(0, 59)}…` : key;
  const where = parent.length ? ` in \`${parentName(parent)}\`` : '';
  const first = lines.position(firstStart).line;
  const second = lines.position(secondStart).line;
  const at = first === second ? `both on line ${first}` : `lines ${first} and ${second}`;
  return {
    reason: `the key \`${name}\`${where} appears twice (${at}): which one counts is undefined; keep one`,
    span: lines.span(secondStart, secondEnd),
    fix: `Delete one of the two \`${name}\` keys${where} (${lineChoice(first, second)}), keeping the value used.`
  };
}

function lineChoice(first: number, second: number): string {
  return first === second ? `line ${first}` : `line ${first} or ${second}`;
}

function parentName(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : String(seg);
  return out.length > 60 ? `${out.slice(0, 59)}…` : out;
}
