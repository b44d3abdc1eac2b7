/**
 * `target.push(...items)` without the spread: spreading passes every item as an argument, and an
 * array of ~100,000 (a hostile manifest's list) overflows the stack.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
