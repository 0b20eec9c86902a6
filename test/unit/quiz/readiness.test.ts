import { describe, expect, it } from 'vitest';
import { QuestionBank } from '../../../src/quiz/bank.ts';
import { assessReadiness, evidenceOf, normalCdf, MIN_RESPONSES } from '../../../src/quiz/readiness.ts';
import { estimateAbility } from '../../../src/quiz/irt.ts';
import { emptyProgress, recordResponse, type Progress } from '../../../src/quiz/progress.ts';
import { itemsPerDomain } from './fixtures.ts';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const bank = new QuestionBank(itemsPerDomain([15, 15, 15, 15]));

function answered(perDomain: [number, number, number, number], correct: (domain: number, i: number) => boolean): Progress {
  let progress = emptyProgress();
  perDomain.forEach((count, d) => {
    for (let i = 0; i < count; i++) progress = recordResponse(progress, { questionId: `q-d${d + 1}-${i}`, correct: correct(d + 1, i), at: T0 + i, source: 'practice' });
  });
  return progress;
}

describe('readiness', () => {
  it('normal CDF is right to 1e-6 at known points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });

  it('EAP stays finite on all-right and all-wrong, and moves the right way', () => {
    const right = estimateAbility(Array.from({ length: 10 }, () => ({ a: 1, b: 0, correct: true })));
    const wrong = estimateAbility(Array.from({ length: 10 }, () => ({ a: 1, b: 0, correct: false })));
    expect(right.mean).toBeGreaterThan(1);
    expect(right.mean).toBeLessThan(4);
    expect(wrong.mean).toBeCloseTo(-right.mean, 6);
    expect(estimateAbility([]).mean).toBeCloseTo(0, 6);
  });

  it('counts only first attempts and spaced reviews as evidence', () => {
    let progress = answered([1, 0, 0, 0], () => false);
    progress = recordResponse(progress, { questionId: 'q-d1-0', correct: true, at: T0 + 10, source: 'practice' });
    progress = recordResponse(progress, { questionId: 'q-d1-0', correct: true, at: T0 + 20, source: 'review' });
    expect(evidenceOf(progress.responses).map((r) => [r.source, r.correct])).toEqual([
      ['practice', false],
      ['review', true],
    ]);
  });

  it('withholds the forecast until 30 responses and 5 per domain, and says what is missing', () => {
    const few = assessReadiness(answered([10, 10, 10, 4], () => true), bank, { seed: 'r' });
    expect(few.enough).toBe(false);
    expect(few.forecast).toBeUndefined();
    expect(few.needed).toEqual({ total: 0, perDomain: { 1: 0, 2: 0, 3: 0, 4: 1 } });
    expect(few.nextSteps.join(' ')).toContain('1 in domain 4');
    const enough = assessReadiness(answered([8, 8, 7, 7], () => true), bank, { seed: 'r', draws: 500 });
    expect(enough.evidence).toBe(MIN_RESPONSES);
    expect(enough.enough).toBe(true);
    expect(enough.forecast!.probability).toBeGreaterThan(0.5);
    expect(enough.forecast!.low).toBeLessThanOrEqual(enough.forecast!.probability);
    expect(enough.forecast!.high).toBeGreaterThanOrEqual(enough.forecast!.probability);
  });

  it('a stronger record forecasts a higher pass probability; weakest concepts are the ones missed', () => {
    const strong = assessReadiness(answered([10, 10, 10, 10], () => true), bank, { seed: 's', draws: 500 });
    const weak = assessReadiness(answered([10, 10, 10, 10], (d, i) => d !== 2 && i % 2 === 0), bank, { seed: 's', draws: 500 });
    expect(strong.forecast!.probability).toBeGreaterThan(weak.forecast!.probability);
    expect(weak.weakestConcepts.length).toBeGreaterThan(0);
    expect(weak.weakestConcepts.every((c) => c.correct < c.answered)).toBe(true);
    expect(weak.nextSteps.some((s) => s.startsWith('Practise domain 2'))).toBe(true);
    expect(assessReadiness(answered([10, 10, 10, 10], () => true), bank, { seed: 's', draws: 500 })).toEqual(strong);
  });
});
