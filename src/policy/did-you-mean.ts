/** Edit distance (insertions, deletions, substitutions), bounded by the inputs' small size. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** Punctuation is the usual typo in ids (`apache2`, `pinned_revisions`): count it at most once. */
function closeness(word: string, candidate: string): number {
  const bare = (s: string) => s.replace(/[-_.]/g, '');
  return Math.min(distance(word, candidate), distance(bare(word), bare(candidate)) + 1);
}

/**
 * The candidate closest to `word` (case-insensitive, `_` read as `-`), if it is close enough to be
 * a typo: within a third of the word's length, at least 2 edits.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase().replace(/_/g, '-');
  if (w.length > 200) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(w.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = closeness(w, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean X?)`, or nothing when no candidate is close. */
export function suggestion(word: string, candidates: Iterable<string>, quote = (s: string) => s): string {
  const best = didYouMean(word, candidates);
  return best ? ` (did you mean ${quote(best)}?)` : '';
}
