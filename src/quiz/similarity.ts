/**
 * Near-duplicate detection for question stems: Jaccard similarity of word 3-shingles (lower-cased, punctuation
 * dropped). Two stems that share most of their three-word runs say the same thing with a word or two changed;
 * two questions that merely test the same service share few of them.
 */
export function shingles(text: string, size = 3): Set<string> {
  const words = text.toLowerCase().replace(/[^a-z0-9\s]+/g, ' ').split(/\s+/).filter(Boolean);
  const result = new Set<string>();
  for (let i = 0; i + size <= words.length; i++) result.add(words.slice(i, i + size).join(' '));
  if (result.size === 0 && words.length > 0) result.add(words.join(' '));
  return result;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface SimilarPair {
  a: string;
  b: string;
  similarity: number;
}

/** Every pair of texts at or above the threshold, most similar first. */
export function similarPairs(texts: ReadonlyArray<{ id: string; text: string }>, threshold: number): SimilarPair[] {
  const sets = texts.map(({ id, text }) => ({ id, set: shingles(text) }));
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const similarity = jaccard(sets[i]!.set, sets[j]!.set);
      if (similarity >= threshold) pairs.push({ a: sets[i]!.id, b: sets[j]!.id, similarity });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}
