/**
 * Code-unit order, independent of the machine's locale: the order of sorted output (paths, ids, the
 * report's lists). File names within an artifact are in a person's order instead (compareNames).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// English collation, whatever the machine's locale: `localeCompare` follows LANG, so a laptop set to
// Swedish or Turkish ordered `ä-run.yml` or `I.yml` otherwise than CI did, and with the order the
// manifest a finding points at, its fingerprint, and the report's manifest lists changed. Made on
// first use: loading ICU's collation costs about 10 ms, which a run that sorts no names never pays.
let nameOrder: Intl.Collator | undefined;

/** File names within an artifact in a person's order (`adapter_config.json` before `README.md`), on any machine. */
export function compareNames(a: string, b: string): number {
  return (nameOrder ??= new Intl.Collator('en')).compare(a, b);
}
