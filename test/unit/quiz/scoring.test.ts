import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isCorrect, scaledScore, scoreExam, PASSING_SCALED, MIN_SCALED, MAX_SCALED } from '../../../src/quiz/scoring.ts';
import { assembleExamForm, domainQuotas } from '../../../src/quiz/exam-form.ts';
import { QuestionBank } from '../../../src/quiz/bank.ts';
import { domainOf } from '../../../src/quiz/schema.ts';
import { itemsPerDomain, makeItem } from './fixtures.ts';

describe('response scoring', () => {
  const single = makeItem('q-single', '1.2');
  const multi = makeItem('q-multi', '1.2', { correct: ['a', 'c'] });

  it('a single answer is right only with the correct option', () => {
    expect(isCorrect(single, ['a'])).toBe(true);
    expect(isCorrect(single, ['b'])).toBe(false);
    expect(isCorrect(single, ['a', 'b'])).toBe(false);
  });

  it('multiple response needs every correct option and nothing else', () => {
    expect(isCorrect(multi, ['a', 'c'])).toBe(true);
    expect(isCorrect(multi, ['c', 'a'])).toBe(true);
    expect(isCorrect(multi, ['a'])).toBe(false);
    expect(isCorrect(multi, ['a', 'c', 'd'])).toBe(false);
    expect(isCorrect(multi, ['a', 'b'])).toBe(false);
    expect(isCorrect(multi, ['a', 'a'])).toBe(false);
    expect(isCorrect(multi, ['a', 'zz'])).toBe(false);
  });

  it('an unanswered question is wrong', () => {
    expect(isCorrect(single, undefined)).toBe(false);
    expect(isCorrect(single, [])).toBe(false);
  });
});

describe('scaled score', () => {
  it('is strictly monotone in correct answers, from 100 to 1,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.nat(), (scored, raw) => {
        const correct = raw % scored;
        const low = scaledScore(correct, scored);
        const high = scaledScore(correct + 1, scored);
        expect(high).toBeGreaterThan(low);
        expect(low).toBeGreaterThanOrEqual(MIN_SCALED);
        expect(high).toBeLessThanOrEqual(MAX_SCALED);
      }),
    );
    expect(scaledScore(0, 50)).toBe(100);
    expect(scaledScore(50, 50)).toBe(1000);
  });

  it('passes at the assumed raw cut of 70 % and not one answer below it', () => {
    expect(scaledScore(35, 50)).toBe(PASSING_SCALED);
    expect(scaledScore(34, 50)).toBeLessThan(PASSING_SCALED);
  });
});

describe('exam scoring', () => {
  const items = itemsPerDomain([20, 20, 20, 20]);
  const bank = new QuestionBank(items);

  it('never counts unscored items, whatever their answers', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 65, maxLength: 65 }), fc.array(fc.boolean(), { minLength: 65, maxLength: 65 }), (rightA, rightB) => {
        const form = assembleExamForm(bank, 'unscored');
        const answersWith = (right: boolean[]) =>
          Object.fromEntries(form.map((entry, i) => [entry.questionId, [right[i] ? 'a' : 'b']]));
        // Two answer sets that agree on every scored item and differ anywhere on unscored ones.
        const merged = rightB.map((value, i) => (form[i]!.scored ? rightA[i]! : value));
        const a = scoreExam(form, answersWith(rightA), (id) => bank.get(id));
        const b = scoreExam(form, answersWith(merged), (id) => bank.get(id));
        expect(b.correct).toBe(a.correct);
        expect(b.scaled).toBe(a.scaled);
        expect(a.scored).toBe(50);
        expect(a.correct).toBe(form.filter((entry, i) => entry.scored && rightA[i]).length);
      }),
      { numRuns: 50 },
    );
  });

  it('gives a per-domain breakdown of the scored items', () => {
    const form = assembleExamForm(bank, 'breakdown');
    const answers = Object.fromEntries(form.filter((e) => e.questionId.startsWith('q-d1-')).map((e) => [e.questionId, ['a']]));
    const result = scoreExam(form, answers, (id) => bank.get(id));
    expect(result.domains.map((d) => [d.domain, d.correct, d.scored])).toEqual([
      [1, 15, 15],
      [2, 0, 13],
      [3, 0, 12],
      [4, 0, 10],
    ]);
    expect(result.domains[0]!.band).toBe('meets-competencies');
    expect(result.domains[1]!.band).toBe('needs-improvement');
    expect(result.passed).toBe(false);
  });
});

describe('exam form', () => {
  it('apportions 50 scored items 15/13/12/10', () => {
    expect(domainQuotas(50)).toEqual({ 1: 15, 2: 13, 3: 12, 4: 10 });
  });

  it('has 65 distinct questions, 50 scored with the domain spread, in an order that mixes unscored ones in', () => {
    const bank = new QuestionBank(itemsPerDomain([30, 30, 30, 30]));
    const form = assembleExamForm(bank, 'seed-1');
    expect(form).toHaveLength(65);
    expect(new Set(form.map((e) => e.questionId)).size).toBe(65);
    const scored = form.filter((e) => e.scored);
    expect(scored).toHaveLength(50);
    const perDomain = [1, 2, 3, 4].map((d) => scored.filter((e) => domainOf(bank.get(e.questionId)!.task) === d).length);
    expect(perDomain).toEqual([15, 13, 12, 10]);
    expect(form.slice(0, 50).every((e) => e.scored)).toBe(false);
    expect(assembleExamForm(bank, 'seed-1')).toEqual(form);
  });

  it('lends a short domain\'s places to the others, and shrinks with a small bank', () => {
    const bank = new QuestionBank(itemsPerDomain([40, 40, 2, 10]));
    const form = assembleExamForm(bank, 'short');
    expect(form.filter((e) => e.scored)).toHaveLength(50);
    expect(form).toHaveLength(65);
    const tiny = assembleExamForm(new QuestionBank(itemsPerDomain([4, 3, 3, 3])), 'tiny');
    expect(tiny).toHaveLength(13);
    expect(tiny.filter((e) => e.scored)).toHaveLength(10);
  });
});
