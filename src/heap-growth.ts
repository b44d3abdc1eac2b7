/**
 * How far V8 lets the heap grow past what its last full collection kept. For a process whose
 * collections are cheap V8 allows 4 ×, so a long scan that keeps 35 MB alive ran at about 300 MiB
 * resident (bench/RESULTS.md). At 1.5 × the peak stays near the live set, at no measured cost in time.
 * The Action cannot pass V8 flags to the node24 that runs it, so the flag is set at run time (V8 reads
 * it at every full collection).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Node itself, not another runtime that embeds V8 and reports a Node version (Deno, Bun, Electron). */
export function isPlainNode(versions: NodeJS.ProcessVersions = process.versions): boolean {
  return !('deno' in versions || 'bun' in versions || 'electron' in versions);
}

/**
 * Caps V8's heap growth for this process, unless node was started with a factor of its own; returns
 * whether it did. Only under Node: Node lets flags change after start, other runtimes that embed V8
 * (Deno, Electron) may have frozen them, and changing a frozen flag aborts the process.
 */
export function limitHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  versions: NodeJS.ProcessVersions = process.versions,
  setFlags: (flags: string) => void = setFlagsFromString
): boolean {
  if (!isPlainNode(versions)) return false;
  // (NODE_OPTIONS may not carry this flag: node refuses to start.)
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
