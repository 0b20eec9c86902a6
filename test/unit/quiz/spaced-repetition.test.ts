import { describe, expect, it } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import { QuestionBank } from '../../../src/quiz/bank.ts';
import { dueQueue, gradeOf, retrievability, review } from '../../../src/quiz/spaced-repetition.ts';
import { emptyProgress, recordResponse } from '../../../src/quiz/progress.ts';
import { makeItem } from './fixtures.ts';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const DAY = 86_400_000;

describe('spaced repetition per concept', () => {
  const bank = new QuestionBank([
    makeItem('q-rot-1', '1.2', { concepts: ['sm.rotation'] }),
    makeItem('q-rot-2', '1.2', { concepts: ['sm.rotation'] }),
    makeItem('q-rot-3', '1.2', { concepts: ['sm.rotation', 'kms.grants'] }),
    makeItem('q-kms-1', '1.3', { concepts: ['kms.grants'] }),
  ]);

  it('grades from correctness and confidence', () => {
    expect(gradeOf(false, 'sure')).toBe(Rating.Again);
    expect(gradeOf(true, 'guess')).toBe(Rating.Hard);
    expect(gradeOf(true, 'unsure')).toBe(Rating.Good);
    expect(gradeOf(true, 'sure')).toBe(Rating.Easy);
  });

  it('schedules every concept of the question; a sure right answer waits days, a wrong one minutes', () => {
    const right = review(emptyProgress(), bank.get('q-rot-3')!, true, 'sure', T0);
    expect(Object.keys(right.cards).sort()).toEqual(['kms.grants', 'sm.rotation']);
    expect(right.cards['sm.rotation']!.state).toBe(State.Review);
    expect(right.cards['sm.rotation']!.due - T0).toBeGreaterThanOrEqual(DAY);
    const wrong = review(emptyProgress(), bank.get('q-rot-1')!, false, 'sure', T0);
    expect(wrong.cards['sm.rotation']!.due - T0).toBeLessThanOrEqual(10 * 60_000);
    expect(retrievability(right.cards['sm.rotation'], T0 + 30 * DAY)!).toBeLessThan(retrievability(right.cards['sm.rotation'], T0 + DAY)!);
    expect(retrievability(undefined, T0)).toBeUndefined();
  });

  it('queues due concepts with a different question than last time, least recently answered first', () => {
    let progress = recordResponse(emptyProgress(), { questionId: 'q-rot-1', correct: false, at: T0, source: 'practice' });
    progress = review(progress, bank.get('q-rot-1')!, false, 'sure', T0);
    progress = recordResponse(progress, { questionId: 'q-rot-2', correct: true, at: T0 - DAY, source: 'practice' });
    expect(dueQueue(progress, bank, T0 - 1)).toEqual([]);
    const queue = dueQueue(progress, bank, T0 + DAY);
    // q-rot-1 was asked last time; q-rot-3 was never answered, so it comes before q-rot-2.
    expect(queue).toEqual([{ concept: 'sm.rotation', due: progress.cards['sm.rotation']!.due, questionId: 'q-rot-3' }]);
  });

  it('asks the same question again only when the concept has no other', () => {
    let progress = review(emptyProgress(), bank.get('q-kms-1')!, false, 'guess', T0);
    progress = { ...progress, cards: { 'kms.grants': progress.cards['kms.grants']! } };
    const solo = new QuestionBank([bank.get('q-kms-1')!]);
    expect(dueQueue(progress, solo, T0 + DAY).map((r) => r.questionId)).toEqual(['q-kms-1']);
  });
});
