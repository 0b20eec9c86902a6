/**
 * An exam simulation as plain data: the form, the answers, the flags, and the instant it started. Remaining time
 * is computed from that instant and the injected clock, never counted down, so a reloaded exam shows the time the
 * real exam would (the clock kept running while the page was away). Nothing says right or wrong until submit;
 * when time runs out the exam is submitted as it stands, unanswered questions counting as wrong.
 */
import type { QuestionBank } from './bank.ts';
import { EXAM_DURATION_MS, assembleExamForm, type FormOptions } from './exam-form.ts';
import { scoreExam, type ExamResult, type FormEntry } from './scoring.ts';

export interface ExamSession {
  kind: 'exam';
  id: string;
  seed: string;
  form: FormEntry[];
  answers: Record<string, string[]>;
  flagged: string[];
  /** The question on screen (index into form). */
  current: number;
  startedAt: number;
  durationMs: number;
  submittedAt?: number;
  result?: ExamResult;
}

export function startExam(bank: QuestionBank, seed: string, now: number, options: FormOptions & { durationMs?: number } = {}): ExamSession {
  return {
    kind: 'exam',
    id: `exam-${seed}`,
    seed,
    form: assembleExamForm(bank, seed, options),
    answers: {},
    flagged: [],
    current: 0,
    startedAt: now,
    durationMs: options.durationMs ?? EXAM_DURATION_MS,
  };
}

export function remainingMs(exam: ExamSession, now: number): number {
  const end = exam.submittedAt ?? now;
  return Math.max(0, exam.startedAt + exam.durationMs - end);
}

export function isSubmitted(exam: ExamSession): boolean {
  return exam.submittedAt !== undefined;
}

function open(exam: ExamSession, now: number): boolean {
  return !isSubmitted(exam) && remainingMs(exam, now) > 0;
}

/** Sets the answer to one question (an empty list clears it). Ignored once submitted or out of time. */
export function answerExam(exam: ExamSession, questionId: string, selected: readonly string[], now: number): ExamSession {
  if (!open(exam, now) || !exam.form.some((entry) => entry.questionId === questionId)) return exam;
  const answers = { ...exam.answers };
  if (selected.length === 0) delete answers[questionId];
  else answers[questionId] = [...selected];
  return { ...exam, answers };
}

export function toggleFlag(exam: ExamSession, questionId: string, now: number): ExamSession {
  if (!open(exam, now)) return exam;
  const flagged = exam.flagged.includes(questionId) ? exam.flagged.filter((id) => id !== questionId) : [...exam.flagged, questionId];
  return { ...exam, flagged };
}

export function goTo(exam: ExamSession, index: number): ExamSession {
  return { ...exam, current: Math.max(0, Math.min(exam.form.length - 1, index)) };
}

export interface SheetRow {
  index: number;
  questionId: string;
  answered: boolean;
  flagged: boolean;
}

/** The answer sheet: every question with whether it is answered and flagged (and nothing about scored or right). */
export function answerSheet(exam: ExamSession): SheetRow[] {
  return exam.form.map((entry, index) => ({
    index,
    questionId: entry.questionId,
    answered: (exam.answers[entry.questionId]?.length ?? 0) > 0,
    flagged: exam.flagged.includes(entry.questionId),
  }));
}

/**
 * Submits and scores. Submitting after the time is up records the end of the time as the submission instant:
 * answers could not change after it anyway.
 */
export function submitExam(exam: ExamSession, bank: QuestionBank, now: number): ExamSession {
  if (isSubmitted(exam)) return exam;
  const submittedAt = Math.min(now, exam.startedAt + exam.durationMs);
  return { ...exam, submittedAt, result: scoreExam(exam.form, exam.answers, (id) => bank.get(id)) };
}

/** Submits an exam whose time ran out (e.g. found on reload); an exam still running is returned as it is. */
export function expireIfDue(exam: ExamSession, bank: QuestionBank, now: number): ExamSession {
  return !isSubmitted(exam) && remainingMs(exam, now) === 0 ? submitExam(exam, bank, now) : exam;
}
