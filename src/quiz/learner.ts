/**
 * What one learner action does to the saved progress, in one place for the view: an answer in practice is
 * recorded, scheduled for spaced repetition and kept in the session; a submitted exam is scored, its answers
 * recorded as evidence and scheduled, and the attempt added to the history. Pure: the view passes in the clock.
 */
import type { QuestionBank } from './bank.ts';
import { answerPractice, currentQuestionId, type PracticeSession } from './practice-session.ts';
import { submitExam, type ExamSession } from './exam-session.ts';
import { recordResponse, type Confidence, type Progress } from './progress.ts';
import { review } from './spaced-repetition.ts';

export function answerInPractice(progress: Progress, bank: QuestionBank, selected: readonly string[], confidence: Confidence, now: number): Progress {
  const session = progress.practice as PracticeSession | undefined;
  const id = session && currentQuestionId(session);
  const item = id ? bank.get(id) : undefined;
  if (!session || !item || session.answers[item.id]) return progress;
  const answered = answerPractice(session, item, selected, confidence, now);
  const correct = answered.answers[item.id]!.correct;
  // Answers in the due-today queue are the spaced reviews readiness counts; the others are practice.
  const source = session.filter.kind === 'due' ? 'review' : 'practice';
  const recorded = recordResponse(progress, { questionId: item.id, correct, at: now, source, confidence });
  return { ...review(recorded, item, correct, confidence, now), practice: answered };
}

export function submitExamAttempt(progress: Progress, bank: QuestionBank, now: number): Progress {
  const exam = progress.exam as ExamSession | undefined;
  if (!exam || exam.submittedAt !== undefined) return progress;
  const submitted = submitExam(exam, bank, now);
  const result = submitted.result!;
  let next: Progress = { ...progress, exam: submitted };
  // Answered questions are evidence (a first attempt if never seen) and spaced-repetition reviews; the exam asks
  // for no confidence, so a right answer counts as "unsure" (Good), never Easy. Unanswered ones showed nothing.
  for (const entry of submitted.form) {
    const item = bank.get(entry.questionId);
    if (!item || !submitted.answers[entry.questionId]?.length) continue;
    const correct = result.outcomes[entry.questionId] ?? false;
    next = recordResponse(next, { questionId: item.id, correct, at: submitted.submittedAt!, source: 'exam' });
    next = review(next, item, correct, 'unsure', submitted.submittedAt!);
  }
  const attempt = {
    id: submitted.id,
    startedAt: submitted.startedAt,
    submittedAt: submitted.submittedAt!,
    correct: result.correct,
    scored: result.scored,
    scaled: result.scaled,
    passed: result.passed,
    domains: result.domains.map(({ domain, correct, scored }) => ({ domain, correct, scored })),
  };
  return { ...next, attempts: [...next.attempts, attempt] };
}
