/** Code-unit order, independent of the machine's locale: the one string order of sorted output. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
