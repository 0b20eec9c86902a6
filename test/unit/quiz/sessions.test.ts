import { describe, expect, it } from 'vitest';
import { QuestionBank } from '../../../src/quiz/bank.ts';
import { answerExam, answerSheet, expireIfDue, goTo, remainingMs, startExam, submitExam, toggleFlag } from '../../../src/quiz/exam-session.ts';
import { answerPractice, currentQuestionId, mistakes, moveTo, practiceFinished, practiceTally, startPractice } from '../../../src/quiz/practice-session.ts';
import { EXAM_DURATION_MS } from '../../../src/quiz/exam-form.ts';
import { emptyProgress, readProgress, recordResponse, type Progress } from '../../../src/quiz/progress.ts';
import { itemsPerDomain, makeItem } from './fixtures.ts';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const MINUTE = 60_000;

describe('exam session', () => {
  const bank = new QuestionBank(itemsPerDomain([20, 20, 20, 20]));

  it('runs 130 minutes from its start instant, and a JSON round trip (a reload) keeps the remaining time', () => {
    const exam = startExam(bank, 's1', T0);
    expect(exam.durationMs).toBe(130 * MINUTE);
    expect(remainingMs(exam, T0 + 10 * MINUTE)).toBe(120 * MINUTE);
    const reloaded = JSON.parse(JSON.stringify(exam));
    expect(remainingMs(reloaded, T0 + 45 * MINUTE)).toBe(85 * MINUTE);
    expect(remainingMs(reloaded, T0 + 200 * MINUTE)).toBe(0);
  });

  it('flags and unflags, keeps answers, and shows them on the answer sheet without right or wrong', () => {
    let exam = startExam(bank, 's2', T0);
    const [first, second] = exam.form;
    exam = answerExam(exam, first!.questionId, ['b'], T0 + MINUTE);
    exam = toggleFlag(exam, second!.questionId, T0 + MINUTE);
    exam = goTo(exam, 1);
    const sheet = answerSheet(exam);
    expect(sheet[0]).toEqual({ index: 0, questionId: first!.questionId, answered: true, flagged: false });
    expect(sheet[1]).toEqual({ index: 1, questionId: second!.questionId, answered: false, flagged: true });
    expect(Object.keys(sheet[0]!)).not.toContain('correct');
    expect(exam.result).toBeUndefined();
    exam = toggleFlag(exam, second!.questionId, T0 + 2 * MINUTE);
    expect(exam.flagged).toEqual([]);
    exam = answerExam(exam, first!.questionId, [], T0 + 3 * MINUTE);
    expect(exam.answers).toEqual({});
  });

  it('refuses answers after time is up, and a late submit is stamped at the end of the time', () => {
    let exam = startExam(bank, 's3', T0);
    const id = exam.form[0]!.questionId;
    exam = answerExam(exam, id, ['a'], T0 + EXAM_DURATION_MS + 1);
    expect(exam.answers).toEqual({});
    const expired = expireIfDue(exam, bank, T0 + EXAM_DURATION_MS + 5 * MINUTE);
    expect(expired.submittedAt).toBe(T0 + EXAM_DURATION_MS);
    expect(expired.result?.correct).toBe(0);
    expect(expireIfDue(startExam(bank, 's4', T0), bank, T0 + MINUTE).submittedAt).toBeUndefined();
  });

  it('scores on submit and then accepts no change', () => {
    let exam = startExam(bank, 's5', T0);
    for (const entry of exam.form) exam = answerExam(exam, entry.questionId, ['a'], T0 + MINUTE);
    exam = submitExam(exam, bank, T0 + 60 * MINUTE);
    expect(exam.result).toMatchObject({ correct: 50, scored: 50, scaled: 1000, passed: true });
    expect(remainingMs(exam, T0 + 100 * MINUTE)).toBe(70 * MINUTE);
    expect(answerExam(exam, exam.form[0]!.questionId, ['b'], T0 + 61 * MINUTE)).toBe(exam);
    expect(submitExam(exam, bank, T0 + 62 * MINUTE)).toBe(exam);
  });
});

describe('practice session', () => {
  const items = [...itemsPerDomain([3, 3, 3, 3]), makeItem('q-multi', '1.3', { correct: ['a', 'd'] })];
  const bank = new QuestionBank(items);

  it('puts unseen questions first and filters by domain', () => {
    let progress = emptyProgress();
    progress = recordResponse(progress, { questionId: 'q-d1-0', correct: true, at: T0, source: 'practice' });
    const session = startPractice(bank, { kind: 'domain', domain: 1 }, { size: 10, seed: 'p', now: T0, responses: progress.responses });
    expect(session.questionIds).toHaveLength(4);
    expect(session.questionIds.at(-1)).toBe('q-d1-0');
    expect(new Set(session.questionIds)).toEqual(new Set(['q-d1-0', 'q-d1-1', 'q-d1-2', 'q-multi']));
  });

  it('checks each answer at once, once, and tallies', () => {
    let session = startPractice(bank, { kind: 'all' }, { size: 2, seed: 'q', now: T0, responses: [], questionIds: ['q-multi', 'q-d2-0'] });
    const multi = bank.get('q-multi')!;
    session = answerPractice(session, multi, ['a'], 'sure', T0 + 1);
    expect(session.answers['q-multi']).toMatchObject({ correct: false, selected: ['a'] });
    expect(answerPractice(session, multi, ['a', 'd'], 'sure', T0 + 2)).toBe(session);
    session = moveTo(session, 1);
    expect(currentQuestionId(session)).toBe('q-d2-0');
    session = answerPractice(session, bank.get('q-d2-0')!, ['a'], 'unsure', T0 + 3);
    session = moveTo(session, 2);
    expect(practiceFinished(session)).toBe(true);
    expect(practiceTally(session)).toEqual({ answered: 2, correct: 1, total: 2 });
  });

  it('reviews mistakes: the last answer to a question decides', () => {
    let progress = emptyProgress();
    progress = recordResponse(progress, { questionId: 'q-d1-0', correct: false, at: T0, source: 'practice' });
    progress = recordResponse(progress, { questionId: 'q-d1-1', correct: false, at: T0, source: 'practice' });
    progress = recordResponse(progress, { questionId: 'q-d1-1', correct: true, at: T0 + 1, source: 'review' });
    expect(mistakes(progress.responses)).toEqual(['q-d1-0']);
    expect(progress.responses.map((r) => r.firstAttempt)).toEqual([true, true, false]);
    const session = startPractice(bank, { kind: 'mistakes' }, { size: 10, seed: 'm', now: T0, responses: progress.responses });
    expect(session.questionIds).toEqual(['q-d1-0']);
  });
});

describe('saved progress', () => {
  it('reads back what it saved, and reports a damaged record instead of trusting it', () => {
    const progress = recordResponse(emptyProgress(), { questionId: 'q-x', correct: true, at: T0, source: 'exam', confidence: 'sure' });
    expect(readProgress(JSON.parse(JSON.stringify(progress)))).toEqual({ progress, problem: undefined });
    expect(readProgress(undefined).problem).toBeUndefined();
    const damaged = readProgress({ version: 1, responses: 'nope', cards: {}, attempts: [] });
    expect(damaged.problem).toBeDefined();
    expect(damaged.progress).toEqual(emptyProgress());
  });
});

describe('learner actions', async () => {
  const { answerInPractice, submitExamAttempt } = await import('../../../src/quiz/learner.ts');
  const bank = new QuestionBank(itemsPerDomain([20, 20, 20, 20]));

  it('a practice answer is recorded, scheduled and kept in the session; a due-queue answer is a spaced review', () => {
    let progress: Progress = { ...emptyProgress(), practice: startPractice(bank, { kind: 'all' }, { size: 2, seed: 'l', now: T0, responses: [], questionIds: ['q-d1-0', 'q-d1-1'] }) };
    progress = answerInPractice(progress, bank, ['b'], 'sure', T0 + 1);
    expect(progress.responses).toEqual([{ questionId: 'q-d1-0', correct: false, at: T0 + 1, source: 'practice', firstAttempt: true, confidence: 'sure' }]);
    expect(Object.keys(progress.cards)).toEqual(['test.q-d1-0']);
    expect(answerInPractice(progress, bank, ['a'], 'sure', T0 + 2)).toBe(progress);
    const due = { ...progress, practice: startPractice(bank, { kind: 'due' }, { size: 1, seed: 'd', now: T0, responses: [], questionIds: ['q-d1-0'] }) };
    expect(answerInPractice(due, bank, ['a'], 'unsure', T0 + 3).responses.at(-1)).toMatchObject({ source: 'review', firstAttempt: false, correct: true });
  });

  it('a submitted exam adds an attempt to the history and its answered questions as evidence', () => {
    let exam = startExam(bank, 'h', T0);
    exam = answerExam(exam, exam.form[0]!.questionId, ['a'], T0 + 1);
    exam = answerExam(exam, exam.form[1]!.questionId, ['c'], T0 + 2);
    const progress = submitExamAttempt({ ...emptyProgress(), exam }, bank, T0 + 10 * MINUTE);
    expect(progress.attempts).toHaveLength(1);
    expect(progress.attempts[0]).toMatchObject({ id: 'exam-h', submittedAt: T0 + 10 * MINUTE, scored: 50 });
    expect(progress.responses.map((r) => [r.questionId, r.correct, r.source])).toEqual([
      [exam.form[0]!.questionId, true, 'exam'],
      [exam.form[1]!.questionId, false, 'exam'],
    ]);
    expect(submitExamAttempt(progress, bank, T0 + 11 * MINUTE)).toBe(progress);
  });
});
