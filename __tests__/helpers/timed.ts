/** Shared by the property tests: how many inputs per property, and the time bound that catches a hang. */

/** LINEAGE_GATE_FC_RUNS raises the number of inputs per property for a long run (CI keeps 300). */
export const FC_RUNS = Number(process.env.LINEAGE_GATE_FC_RUNS ?? 300);

/** Generous for a loaded 2-core CI machine (quiet runs take 30–40 ms at worst); a hang is what this catches. */
export const LIMIT_MS = 1000;

/**
 * Runs `f`, failing when it throws or takes longer than LIMIT_MS twice in a row: one slow call can
 * be a garbage collection or a compile in a busy test worker, two are the input's doing.
 */
export function timed<T>(f: () => T): T {
  let took = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const started = performance.now();
    const result = f();
    took = performance.now() - started;
    if (took <= LIMIT_MS) return result;
  }
  throw new Error(`took ${took.toFixed(0)} ms twice (limit ${LIMIT_MS} ms)`);
}
