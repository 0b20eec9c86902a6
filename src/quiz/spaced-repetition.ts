/**
 * Spaced repetition with ts-fsrs (FSRS-6), scheduled per concept rather than per question, so the learner meets
 * the idea again in a different question instead of memorising one stem (reference §7). Grades come from
 * correctness and the learner's own confidence. Fuzz is off so the schedule is exact and testable; the clock is
 * passed in as epoch milliseconds.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';
import type { QuestionBank, QuizItem } from './bank.ts';
import type { Confidence, Progress, StoredCard } from './progress.ts';

const scheduler = fsrs(generatorParameters({ request_retention: 0.9, maximum_interval: 365, enable_fuzz: false, enable_short_term: true }));

/**
 * Wrong is Again whatever the confidence. A right answer the learner guessed is Hard (it may not be known yet),
 * one they were unsure of is Good, one they were sure of is Easy.
 */
export function gradeOf(correct: boolean, confidence: Confidence): Grade {
  if (!correct) return Rating.Again;
  if (confidence === 'guess') return Rating.Hard;
  if (confidence === 'unsure') return Rating.Good;
  return Rating.Easy;
}

function toCard(stored: StoredCard): Card {
  const { lastQuestionId: _unused, ...fields } = stored;
  void _unused;
  return { ...fields, due: new Date(fields.due), last_review: fields.last_review === undefined ? undefined : new Date(fields.last_review) } as Card;
}

function toStored(card: Card, lastQuestionId: string): StoredCard {
  const stored: StoredCard = {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastQuestionId,
  };
  if (card.last_review) stored.last_review = card.last_review.getTime();
  return stored;
}

/** Schedules every concept the question tests after one answer. */
export function review(progress: Progress, item: QuizItem, correct: boolean, confidence: Confidence, now: number): Progress {
  const cards = { ...progress.cards };
  const grade = gradeOf(correct, confidence);
  for (const concept of item.concepts) {
    const existing = cards[concept];
    const card = existing ? toCard(existing) : createEmptyCard(new Date(now));
    cards[concept] = toStored(scheduler.next(card, new Date(now), grade).card, item.id);
  }
  return { ...progress, cards };
}

/** Probability the concept is recalled at `at` (FSRS retrievability); undefined for a concept never reviewed. */
export function retrievability(card: StoredCard | undefined, at: number): number | undefined {
  if (!card) return undefined;
  return scheduler.get_retrievability(toCard(card), new Date(at), false);
}

export interface DueReview {
  concept: string;
  due: number;
  questionId: string;
}

/**
 * The "due today" queue: concepts whose card falls due by `dayEnd` (the end of the learner's day), most overdue
 * first, each with the question to ask. The question is another one of the concept than the one asked last time
 * when the bank has one, the least recently answered of them.
 */
export function dueQueue(progress: Progress, bank: QuestionBank, dayEnd: number): DueReview[] {
  const lastAnswered = new Map<string, number>();
  for (const response of progress.responses) lastAnswered.set(response.questionId, response.at);
  const queue: DueReview[] = [];
  const chosen = new Set<string>();
  const due = Object.entries(progress.cards)
    .filter(([, card]) => card.due <= dayEnd)
    .sort(([a, x], [b, y]) => x.due - y.due || a.localeCompare(b));
  for (const [concept, card] of due) {
    const candidates = bank.withConcept(concept).filter((item) => !chosen.has(item.id));
    if (candidates.length === 0) continue;
    const others = candidates.filter((item) => item.id !== card.lastQuestionId);
    const pool = others.length > 0 ? others : candidates;
    const pick = [...pool].sort((a, b) => (lastAnswered.get(a.id) ?? -Infinity) - (lastAnswered.get(b.id) ?? -Infinity) || a.id.localeCompare(b.id))[0]!;
    chosen.add(pick.id);
    queue.push({ concept, due: card.due, questionId: pick.id });
  }
  return queue;
}
