import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { QuizState, PROGRESS_KEY } from '../../../src/ui/features/quiz/quiz-state.svelte.ts';
import { memoryStore } from '../../../src/ui/state/key-value-store.ts';
import { QuestionBank } from '../../../src/quiz/bank.ts';
import { remainingMs } from '../../../src/quiz/exam-session.ts';
import { itemsPerDomain } from './fixtures.ts';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const MINUTE = 60_000;
const bank = new QuestionBank(itemsPerDomain([20, 20, 20, 20]));

describe('the quiz view state', () => {
  it('saves an exam under its own key and resumes it after a reload with the time that passed', async () => {
    const store = memoryStore();
    let now = T0;
    const first = new QuizState(bank, store, () => now);
    await first.load();
    await first.startExam();
    const id = first.exam!.form[0]!.questionId;
    await first.answerExam(id, ['a']);
    await first.toggleFlag(id);
    expect([...store.entries.keys()]).toEqual([PROGRESS_KEY]);

    now = T0 + 25 * MINUTE;
    const second = new QuizState(bank, store, () => now);
    await second.load();
    flushSync();
    expect(second.exam?.answers[id]).toEqual(['a']);
    expect(second.exam?.flagged).toEqual([id]);
    expect(remainingMs(second.exam!, second.clock)).toBe(105 * MINUTE);
  });

  it('submits an exam found out of time on load, and keeps the attempt', async () => {
    const store = memoryStore();
    let now = T0;
    const first = new QuizState(bank, store, () => now);
    await first.load();
    await first.startExam();
    now = T0 + 200 * MINUTE;
    const second = new QuizState(bank, store, () => now);
    await second.load();
    await Promise.resolve();
    expect(second.exam?.submittedAt).toBe(T0 + 130 * MINUTE);
    expect(second.progress.attempts).toHaveLength(1);
  });

  it('keeps unreadable saved progress aside and says so', async () => {
    const store = memoryStore({ [PROGRESS_KEY]: { version: 1, responses: 'broken' } });
    const quiz = new QuizState(bank, store, () => T0);
    await quiz.load();
    expect(quiz.notice).toContain('could not be read');
    expect(store.entries.get(`${PROGRESS_KEY}:unreadable`)).toEqual({ version: 1, responses: 'broken' });
    expect(quiz.progress.responses).toEqual([]);
  });
});
