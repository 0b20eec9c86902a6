/**
 * A practice session as plain data (it is saved as it is and survives a reload): a list of question ids answered
 * one at a time, each answer checked at once so the view can show every option's rationale. The builders choose
 * which questions: a set from the whole bank, one domain or topic, or the learner's mistakes.
 */
import type { Domain, Topic } from './schema.ts';
import { domainOf } from './schema.ts';
import type { QuestionBank, QuizItem } from './bank.ts';
import { isCorrect } from './scoring.ts';
import { QuizRandom } from './random.ts';
import type { Confidence, ResponseRecord } from './progress.ts';

export type PracticeFilter =
  | { kind: 'all' }
  | { kind: 'domain'; domain: Domain }
  | { kind: 'topic'; topic: Topic }
  | { kind: 'mistakes' }
  | { kind: 'due' };

export interface PracticeAnswer {
  selected: string[];
  correct: boolean;
  confidence: Confidence;
  answeredAt: number;
}

export interface PracticeSession {
  kind: 'practice';
  id: string;
  filter: PracticeFilter;
  questionIds: string[];
  /** Which question is shown. */
  index: number;
  answers: Record<string, PracticeAnswer>;
  startedAt: number;
}

/** Questions last answered wrong (the most recent answer decides: one put right later is no longer a mistake). */
export function mistakes(responses: readonly ResponseRecord[]): string[] {
  const last = new Map<string, boolean>();
  for (const response of responses) last.set(response.questionId, response.correct);
  return [...last].filter(([, correct]) => !correct).map(([id]) => id);
}

export function practiceCandidates(bank: QuestionBank, filter: PracticeFilter, responses: readonly ResponseRecord[]): QuizItem[] {
  switch (filter.kind) {
    case 'all':
    case 'due':
      return [...bank.items];
    case 'domain':
      return bank.items.filter((item) => domainOf(item.task) === filter.domain);
    case 'topic':
      return bank.withTopic(filter.topic);
    case 'mistakes':
      return mistakes(responses).flatMap((id) => bank.get(id) ?? []);
  }
}

/**
 * A new practice set of up to `size` questions. Questions never answered come first (new material before
 * repeats), each group in seeded random order.
 */
export function startPractice(
  bank: QuestionBank,
  filter: PracticeFilter,
  options: { size: number; seed: string; now: number; responses: readonly ResponseRecord[]; questionIds?: string[] },
): PracticeSession {
  const random = new QuizRandom(`practice:${options.seed}`);
  let questionIds = options.questionIds;
  if (!questionIds) {
    const seen = new Set(options.responses.map((r) => r.questionId));
    const candidates = practiceCandidates(bank, filter, options.responses);
    const fresh = random.shuffle(candidates.filter((item) => !seen.has(item.id)));
    const repeats = random.shuffle(candidates.filter((item) => seen.has(item.id)));
    questionIds = [...fresh, ...repeats].slice(0, options.size).map((item) => item.id);
  }
  return { kind: 'practice', id: `practice-${options.seed}`, filter, questionIds, index: 0, answers: {}, startedAt: options.now };
}

export function currentQuestionId(session: PracticeSession): string | undefined {
  return session.questionIds[session.index];
}

/** Records the answer to the shown question (once: a second answer to the same question is ignored). */
export function answerPractice(session: PracticeSession, item: QuizItem, selected: readonly string[], confidence: Confidence, now: number): PracticeSession {
  if (currentQuestionId(session) !== item.id || session.answers[item.id]) return session;
  const answer: PracticeAnswer = { selected: [...selected], correct: isCorrect(item, selected), confidence, answeredAt: now };
  return { ...session, answers: { ...session.answers, [item.id]: answer } };
}

export function moveTo(session: PracticeSession, index: number): PracticeSession {
  return { ...session, index: Math.max(0, Math.min(session.questionIds.length, index)) };
}

export function practiceFinished(session: PracticeSession): boolean {
  return session.index >= session.questionIds.length;
}

export function practiceTally(session: PracticeSession): { answered: number; correct: number; total: number } {
  const answers = Object.values(session.answers);
  return { answered: answers.length, correct: answers.filter((a) => a.correct).length, total: session.questionIds.length };
}
