import { describe, expect, it } from 'vitest';
import { jaccard, shingles, similarPairs } from '../../../src/quiz/similarity.ts';

describe('near-duplicate detection', () => {
  const stem = 'A company stores database credentials in Secrets Manager and must rotate them every 30 days with the least operational overhead.';

  it('finds a stem with a word or two changed, and not a different question on the same service', () => {
    const reworded = stem.replace('every 30 days', 'every 60 days').replace('company', 'startup');
    const different = 'An application in another account must read a secret encrypted with a customer managed key; which two changes are needed?';
    expect(jaccard(shingles(stem), shingles(reworded))).toBeGreaterThan(0.4);
    expect(jaccard(shingles(stem), shingles(different))).toBeLessThan(0.1);
    expect(similarPairs([{ id: 'x', text: stem }, { id: 'y', text: reworded }, { id: 'z', text: different }], 0.4).map((p) => [p.a, p.b])).toEqual([['x', 'y']]);
  });

  it('ignores case and punctuation', () => {
    expect(jaccard(shingles(stem), shingles(stem.toUpperCase().replace(/,/g, ';')))).toBe(1);
  });
});
