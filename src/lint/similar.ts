import { distance } from 'fastest-levenshtein';

/** Edit distance where swapping two adjacent letters counts as one edit (`gte` → `get`). */
export function editDistance(a: string, b: string): number {
  if (a.length === b.length && a !== b) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return 1;
  }
  return distance(a, b);
}

/** How far a word may be from a known one to count as a typo of it. */
export function typoThreshold(word: string): number {
  return word.length >= 6 ? 2 : 1;
}

/** The known words closest to `word`, if within the typo threshold (several when tied). */
export function closestWords(word: string, known: readonly string[]): string[] {
  if (word.length < 3) return [];
  const limit = typoThreshold(word);
  let best = Infinity;
  let found: string[] = [];
  for (const k of known) {
    if (Math.abs(k.length - word.length) > limit) continue;
    const d = editDistance(word, k);
    if (d === 0) return [];
    if (d < best) {
      best = d;
      found = [k];
    } else if (d === best) found.push(k);
  }
  return best <= limit ? found : [];
}
