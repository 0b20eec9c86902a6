/**
 * The quiz view's one state holder: the learner's progress (sessions in progress included) as one record, saved
 * to IndexedDB under its own key after every change, and the clock. Time is read from `now()` (injected; the
 * wall clock in the app), so the exam timer is always computed from the exam's start instant: a reload shows the
 * time the real exam would.
 */
import { dueQueue } from '../../../quiz/spaced-repetition.ts';
import { answerInPractice, submitExamAttempt } from '../../../quiz/learner.ts';
import { emptyProgress, readProgress, type Confidence, type Progress } from '../../../quiz/progress.ts';
import { moveTo, startPractice, type PracticeFilter, type PracticeSession } from '../../../quiz/practice-session.ts';
import { answerExam, expireIfDue, goTo, startExam, toggleFlag, type ExamSession } from '../../../quiz/exam-session.ts';
import { assessReadiness, type Readiness } from '../../../quiz/readiness.ts';
import type { QuestionBank } from '../../../quiz/bank.ts';
import type { KeyValueStore } from '../../state/key-value-store.ts';

export const PROGRESS_KEY = 'quiz:progress';
export const PRACTICE_SIZE = 10;

function endOfLocalDay(now: number): number {
  const date = new Date(now);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime() - 1;
}

function isPractice(value: unknown): value is PracticeSession {
  const v = value as PracticeSession | undefined;
  return Boolean(v && v.kind === 'practice' && Array.isArray(v.questionIds) && typeof v.index === 'number' && v.answers && typeof v.answers === 'object');
}

function isExam(value: unknown): value is ExamSession {
  const v = value as ExamSession | undefined;
  return Boolean(v && v.kind === 'exam' && Array.isArray(v.form) && typeof v.startedAt === 'number' && typeof v.durationMs === 'number' && Array.isArray(v.flagged));
}

export class QuizState {
  progress = $state.raw<Progress>(emptyProgress());
  loaded = $state(false);
  notice = $state<string | undefined>(undefined);
  /** The clock as last read; a one-second tick keeps the exam timer moving. */
  clock = $state(0);

  readonly practice = $derived(isPractice(this.progress.practice) ? this.progress.practice : undefined);
  readonly exam = $derived(isExam(this.progress.exam) ? this.progress.exam : undefined);

  constructor(
    readonly bank: QuestionBank,
    private readonly store: KeyValueStore,
    readonly now: () => number,
  ) {
    this.clock = now();
  }

  async load(): Promise<void> {
    let saved: unknown;
    try {
      saved = await this.store.get(PROGRESS_KEY);
    } catch (error) {
      this.notice = `Your quiz progress could not be read from this browser's storage (${error instanceof Error ? error.message : String(error)}).`;
    }
    const { progress, problem } = readProgress(saved);
    if (problem) {
      // Keep the unreadable record aside rather than overwrite it.
      await this.store.set(`${PROGRESS_KEY}:unreadable`, saved);
      this.notice = `Your saved quiz progress could not be read (${problem}), so the quiz starts afresh. The unreadable copy is kept under “${PROGRESS_KEY}:unreadable”.`;
    }
    this.progress = progress;
    this.loaded = true;
    this.tick();
  }

  private async commit(progress: Progress): Promise<void> {
    this.progress = progress;
    try {
      await this.store.set(PROGRESS_KEY, $state.snapshot(progress));
    } catch (error) {
      this.notice = `Your quiz progress could not be saved (${error instanceof Error ? error.message : String(error)}).`;
    }
  }

  /** Reads the clock; an exam whose time ran out is submitted as it stands. */
  tick(): void {
    this.clock = this.now();
    const exam = this.exam;
    if (exam && exam.submittedAt === undefined && expireIfDue(exam, this.bank, this.clock) !== exam) void this.submitExam();
  }

  dueQueue() {
    return dueQueue(this.progress, this.bank, endOfLocalDay(this.clock));
  }

  readiness(): Readiness {
    return assessReadiness(this.progress, this.bank, { seed: `readiness-${this.progress.responses.length}`, dueCount: this.dueQueue().length });
  }

  startPractice(filter: PracticeFilter): Promise<void> {
    const now = this.now();
    const questionIds = filter.kind === 'due' ? this.dueQueue().map((review) => review.questionId) : undefined;
    const session = startPractice(this.bank, filter, { size: PRACTICE_SIZE, seed: String(now), now, responses: this.progress.responses, ...(questionIds ? { questionIds } : {}) });
    return this.commit({ ...this.progress, practice: session });
  }

  answerPractice(selected: string[], confidence: Confidence): Promise<void> {
    return this.commit(answerInPractice(this.progress, this.bank, selected, confidence, this.now()));
  }

  movePractice(index: number): Promise<void> {
    const session = this.practice;
    return session ? this.commit({ ...this.progress, practice: moveTo(session, index) }) : Promise.resolve();
  }

  endPractice(): Promise<void> {
    const { practice: _ended, ...rest } = this.progress;
    void _ended;
    return this.commit(rest as Progress);
  }

  startExam(): Promise<void> {
    const now = this.now();
    // The form is drawn from the written questions only, as the real exam has no generated items.
    const pool = this.bank.items.filter((item) => !item.generator);
    return this.commit({ ...this.progress, exam: startExam(this.bank, String(now), now, { pool }) });
  }

  private updateExam(change: (exam: ExamSession, now: number) => ExamSession): Promise<void> {
    const exam = this.exam;
    if (!exam) return Promise.resolve();
    const now = this.now();
    this.clock = now;
    return this.commit({ ...this.progress, exam: change(exam, now) });
  }

  answerExam(questionId: string, selected: string[]): Promise<void> {
    return this.updateExam((exam, now) => answerExam(exam, questionId, selected, now));
  }

  toggleFlag(questionId: string): Promise<void> {
    return this.updateExam((exam, now) => toggleFlag(exam, questionId, now));
  }

  goTo(index: number): Promise<void> {
    return this.updateExam((exam) => goTo(exam, index));
  }

  submitExam(): Promise<void> {
    this.clock = this.now();
    return this.commit(submitExamAttempt(this.progress, this.bank, this.clock));
  }

  closeExam(): Promise<void> {
    const { exam: _closed, ...rest } = this.progress;
    void _closed;
    return this.commit(rest as Progress);
  }
}
