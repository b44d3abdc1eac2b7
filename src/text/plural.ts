import { thousands } from './thousands.js';

/**
 * The one place the gate picks a word's form for a count, so every message agrees on it
 * ("1 file", "2 files"; "it has", "they have").
 */

/** `plural(1, 'file')` → `file`, `plural(2, 'file')` → `files`, `plural(2, 'has', 'have')` → `have`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}

/** A count with its word, grouped as the logs group numbers: `counted(3, 'error')` → `3 errors`, `1,000 errors`. */
export function counted(count: number, one: string, many?: string): string {
  return `${thousands(count)} ${plural(count, one, many)}`;
}
