/**
 * The one place the gate picks a word's form for a count, so every message agrees on it
 * ("1 file", "2 files"; "it has", "they have").
 */

/** `plural(1, 'file')` → `file`, `plural(2, 'file')` → `files`, `plural(2, 'has', 'have')` → `have`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** A count with its word: `counted(3, 'error')` → `3 errors`. */
export function counted(count: number, one: string, many?: string): string {
  return `${count} ${plural(count, one, many)}`;
}
