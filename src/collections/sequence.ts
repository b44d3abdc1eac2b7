/**
 * A list a report holds: walked any number of times, its length known, whether its items are in
 * memory (an array is one) or spilled to disk by a large run (see spill.ts).
 */
export interface Sequence<T> extends Iterable<T> {
  readonly length: number;
}

/** Each item made into another as it is walked. */
export function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** Runs of consecutive items that belong together (`same` of a run's first and the next), each as an array. */
export function* runsOf<T>(items: Iterable<T>, same: (first: T, next: T) => boolean): Generator<T[]> {
  let run: T[] = [];
  for (const item of items) {
    if (run.length > 0 && !same(run[0], item)) {
      yield run;
      run = [];
    }
    run.push(item);
  }
  if (run.length > 0) yield run;
}

/** The first `count` items. */
export function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    if (++taken >= count) return;
  }
}

/**
 * The items that pass `keep`, walked again each time the view is (nothing is copied): for a selection
 * whose size is already known (`length`) and which can be as large as the list.
 */
export function filteredView<T>(items: Iterable<T>, keep: (item: T) => boolean, length: number): Sequence<T> {
  return {
    length,
    *[Symbol.iterator]() {
      for (const item of items) if (keep(item)) yield item;
    }
  };
}

/** The items that pass `keep`, as an array (for selections known to be small, or bounded by the caller). */
export function filterOf<T>(items: Iterable<T>, keep: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) if (keep(item)) out.push(item);
  return out;
}
