import type { CharTest, GlobNode } from './parse.js';

/**
 * Thompson's construction and simulation (Russ Cox, "Regular Expression Matching Can Be Simple And
 * Fast"): the set of live states advances one character at a time, so a match costs at most
 * (text length × states) steps whatever the pattern — no backtracking to blow up. Sets already met
 * are remembered with their transitions (a lazy DFA, as RE2 does), so typical globs cost a map
 * lookup per character.
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

/** A set of live NFA states, remembered with its transitions: the lazily built DFA of RE2. */
interface DfaState {
  accepting: boolean;
  /** Next set per ASCII code; null when no state survives (the text cannot match any more). */
  ascii: (DfaState | null | undefined)[];
  /** The same for other characters (code points). */
  next: Map<string, DfaState | null>;
  states: number[];
}

/** Caps on the remembered DFA (about 1 MB a glob): past them a step is computed again (still linear, only slower). */
const MAX_REMEMBERED_IDS = 200_000;
const MAX_EDGES_PER_STATE = 128;

/** What the automaton says of a text: whether it matches, and whether some longer text that starts with it could. */
export interface Matchers {
  matches: (text: string) => boolean;
  /** False once no text with this prefix can match: a walk need not enter a directory that gives false. */
  canContinue: (prefix: string) => boolean;
}

/** A matcher for the automaton (see matchers). */
export function matcher(automaton: Automaton): (text: string) => boolean {
  return matchers(automaton).matches;
}

/**
 * Matchers sharing one lazily built DFA. Each character costs one map lookup once its transition is
 * known, and at most (states) steps the first time: linear in the text whatever the pattern.
 */
export function matchers({ states, start }: Automaton): Matchers {
  const seenIn = new Int32Array(states.length).fill(-1);
  let generation = 0;
  const known = new Map<string, DfaState>();
  let rememberedIds = 0;

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
  const dfaState = (ids: number[]): DfaState => {
    const accepting = ids.some((id) => states[id].kind === 'match');
    if (rememberedIds + ids.length > MAX_REMEMBERED_IDS) return { accepting, ascii: [], next: new Map(), states: ids };
    ids.sort((a, b) => a - b);
    const key = ids.join(',');
    const found = known.get(key);
    if (found) return found;
    const made: DfaState = { accepting, ascii: new Array(128), next: new Map(), states: ids };
    known.set(key, made);
    rememberedIds += ids.length;
    return made;
  };
  const step = (from: DfaState, c: string): DfaState | null => {
    generation++;
    const ids: number[] = [];
    for (const id of from.states) {
      const s = states[id];
      if (s.kind === 'char' && s.test(c)) close(s.next, ids);
    }
    return ids.length === 0 ? null : dfaState(ids);
  };

  generation++;
  const initial: number[] = [];
  close(start, initial);
  const first = dfaState(initial);

  const run = (text: string): DfaState | null => {
    let current = first;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next: DfaState | null | undefined;
      if (code < 128) {
        next = current.ascii[code];
        if (next === undefined) next = current.ascii[code] = step(current, text[i]);
      } else {
        const c = String.fromCodePoint(text.codePointAt(i)!);
        i += c.length - 1;
        next = current.next.get(c);
        if (next === undefined) {
          next = step(current, c);
          if (current.next.size < MAX_EDGES_PER_STATE) current.next.set(c, next);
        }
      }
      if (next === null) return null;
      current = next;
    }
    return current;
  };
  return { matches: (text) => run(text)?.accepting ?? false, canContinue: (prefix) => run(prefix) !== null };
}
