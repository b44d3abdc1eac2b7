interface Head<T> {
  item: T;
  /** Which iterator it came from: equal items leave in that order. */
  run: number;
  rest: Iterator<T>;
}

/**
 * The k-way merge of iterators each sorted by `compare`, through a binary heap of their current heads.
 * Items that compare equal leave in the order of the iterators given, so the merge is stable.
 */
export function* mergeSorted<T>(runs: Iterator<T>[], compare: (a: T, b: T) => number): Generator<T> {
  const before = (a: Head<T>, b: Head<T>) => {
    const order = compare(a.item, b.item);
    return order < 0 || (order === 0 && a.run < b.run);
  };
  const heap: Head<T>[] = [];
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < heap.length && before(heap[left], heap[least])) least = left;
      if (right < heap.length && before(heap[right], heap[least])) least = right;
      if (least === at) return;
      [heap[at], heap[least]] = [heap[least], heap[at]];
      at = least;
    }
  };
  try {
    runs.forEach((rest, run) => {
      const first = rest.next();
      if (!first.done) heap.push({ item: first.value, run, rest });
    });
    for (let i = Math.floor(heap.length / 2) - 1; i >= 0; i--) siftDown(i);
    while (heap.length > 0) {
      const head = heap[0];
      yield head.item;
      const next = head.rest.next();
      if (next.done) {
        const last = heap.pop()!;
        if (heap.length === 0) break;
        heap[0] = last;
      } else {
        head.item = next.value;
      }
      siftDown(0);
    }
  } finally {
    // A walk stopped early (the first N findings) closes the files its iterators still hold open.
    for (const rest of runs) rest.return?.();
  }
}
