import type { CharTest, GlobNode } from './parse.js';

/**
 * Thompson's construction and simulation (Russ Cox, "Regular Expression Matching Can Be Simple And
 * Fast"): the set of live states advances one character at a time, so a match costs at most
 * (text length × states) steps whatever the pattern — no backtracking to blow up.
 */

type State = { kind: 'char'; test: CharTest; next: number } | { kind: 'split'; next: number[] } | { kind: 'match' };

/** A fragment under construction: its start and the `split`/`char` slots still to be pointed at what follows. */
interface Fragment {
  start: number;
  ends: { state: number; slot?: number }[];
}

export interface Automaton {
  states: State[];
  start: number;
}

export function compile(tree: GlobNode): Automaton {
  const states: State[] = [];
  const add = (s: State) => states.push(s) - 1;
  const patch = (ends: Fragment['ends'], to: number) => {
    for (const { state, slot } of ends) {
      const s = states[state];
      if (s.kind === 'char') s.next = to;
      else if (s.kind === 'split') s.next[slot ?? 0] = to;
    }
  };

  function build(node: GlobNode): Fragment {
    switch (node.kind) {
      case 'char': {
        const id = add({ kind: 'char', test: node.test, next: -1 });
        return { start: id, ends: [{ state: id }] };
      }
      case 'seq': {
        if (node.items.length === 0) {
          const id = add({ kind: 'split', next: [-1] });
          return { start: id, ends: [{ state: id, slot: 0 }] };
        }
        const parts = node.items.map(build);
        for (let i = 0; i + 1 < parts.length; i++) patch(parts[i].ends, parts[i + 1].start);
        return { start: parts[0].start, ends: parts[parts.length - 1].ends };
      }
      case 'alt': {
        const parts = node.options.map(build);
        const id = add({ kind: 'split', next: parts.map((p) => p.start) });
        return { start: id, ends: parts.flatMap((p) => p.ends) };
      }
      case 'star': {
        const body = build(node.item);
        const id = add({ kind: 'split', next: [body.start, -1] });
        patch(body.ends, id);
        return { start: id, ends: [{ state: id, slot: 1 }] };
      }
      case 'optional': {
        const body = build(node.item);
        const id = add({ kind: 'split', next: [body.start, -1] });
        return { start: id, ends: [...body.ends, { state: id, slot: 1 }] };
      }
    }
  }

  const whole = build(tree);
  patch(whole.ends, add({ kind: 'match' }));
  return { states, start: whole.start };
}

/** Whether the automaton accepts all of `text`. */
export function accepts({ states, start }: Automaton, text: string): boolean {
  const seenIn = new Int32Array(states.length).fill(-1);
  let generation = 0;
  let current: number[] = [];
  // Follows `split`s iteratively (a pattern of many nested options must not deepen the stack).
  const close = (from: number, into: number[]) => {
    const stack = [from];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seenIn[id] === generation) continue;
      seenIn[id] = generation;
      const s = states[id];
      if (s.kind === 'split') for (let i = s.next.length - 1; i >= 0; i--) stack.push(s.next[i]);
      else into.push(id);
    }
  };
  close(start, current);
  for (const c of text) {
    generation++;
    const next: number[] = [];
    for (const id of current) {
      const s = states[id];
      if (s.kind === 'char' && s.test(c)) close(s.next, next);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return current.some((id) => states[id].kind === 'match');
}
