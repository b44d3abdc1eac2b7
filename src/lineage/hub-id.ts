/**
 * The Hugging Face Hub's repo-id rules (as `huggingface_hub`'s validator applies them), turned
 * into a short human reason so a finding can say exactly what is wrong with an id.
 */

/** Longest name part the Hub accepts. */
export const MAX_NAME_LENGTH = 96;

const FULL_SHA = /^[0-9a-f]{40}$/i;
const ALLOWED_CHAR = /^[A-Za-z0-9_.-]$/;

/** True for a 40-hex commit sha, the only kind of revision that pins a repo. */
export function isFullSha(s: string): boolean {
  return FULL_SHA.test(s);
}

/** Undefined when `id` is a valid Hub repo id (`name` or `namespace/name`), else why it is not. */
export function hubIdProblem(id: string): string | undefined {
  if (id.length === 0) return 'is empty';
  if (id.includes(' ')) return 'contains a space';
  if (/\s/.test(id)) return 'contains whitespace';
  if (id.startsWith('/')) return "starts with '/'";
  if (id.endsWith('/')) return "ends with '/'";
  if (id.includes('\\')) return "contains '\\'";
  const parts = id.split('/');
  if (parts.length > 2) return "has more than one '/'";
  const labelled: [string, string][] =
    parts.length === 2
      ? [
          ['namespace', parts[0]],
          ['name', parts[1]]
        ]
      : [['name', parts[0]]];
  for (const [label, part] of labelled) {
    const problem = partProblem(label, part);
    if (problem) return problem;
  }
  const name = parts[parts.length - 1];
  if (name.length > MAX_NAME_LENGTH) return `the name is longer than ${MAX_NAME_LENGTH} characters`;
  if (id.toLowerCase().endsWith('.git')) return "ends in '.git'";
  return undefined;
}

function partProblem(label: string, part: string): string | undefined {
  if (part.length === 0) return `has an empty ${label}`;
  for (const ch of part) {
    if (ALLOWED_CHAR.test(ch)) continue;
    // Code points above U+007F are never allowed: say so, since they often look like ASCII.
    return ch.codePointAt(0)! > 0x7f ? `contains the non-ASCII character '${ch}'` : `contains '${ch}'`;
  }
  if (part.includes('--')) return "contains '--'";
  if (part.includes('..')) return "contains '..'";
  for (const edge of ['-', '.']) {
    if (part.startsWith(edge)) return `the ${label} starts with '${edge}'`;
    if (part.endsWith(edge)) return `the ${label} ends with '${edge}'`;
  }
  return undefined;
}
