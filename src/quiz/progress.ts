/**
 * The learner's saved progress, one serializable record: every response (the evidence for readiness and the list
 * of mistakes), the spaced-repetition card of each concept, the exam attempts with their results, and the sessions
 * in progress. It is saved whole under its own key and read back through this schema, so a damaged or older
 * record is reported rather than trusted.
 */
import { z } from 'zod';

export const PROGRESS_VERSION = 1;

export const CONFIDENCES = ['guess', 'unsure', 'sure'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export type ResponseSource = 'practice' | 'review' | 'exam';

export interface ResponseRecord {
  questionId: string;
  correct: boolean;
  at: number;
  source: ResponseSource;
  /** The learner's first answer to this question ever: with spaced reviews, the only evidence readiness uses. */
  firstAttempt: boolean;
  confidence?: Confidence;
}

/** A ts-fsrs card with its dates as epoch milliseconds (JSON and IndexedDB keep numbers exactly). */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number;
  /** The question asked at the last review, so the next one can be another question of the concept. */
  lastQuestionId?: string;
}

export interface AttemptSummary {
  id: string;
  startedAt: number;
  submittedAt: number;
  correct: number;
  scored: number;
  scaled: number;
  passed: boolean;
  domains: { domain: number; correct: number; scored: number }[];
}

const finite = z.number().refine(Number.isFinite);
const responseSchema = z.object({
  questionId: z.string(),
  correct: z.boolean(),
  at: finite,
  source: z.enum(['practice', 'review', 'exam']),
  firstAttempt: z.boolean(),
  confidence: z.enum(CONFIDENCES).optional(),
});
const cardSchema = z.object({
  due: finite,
  stability: finite,
  difficulty: finite,
  elapsed_days: finite,
  scheduled_days: finite,
  learning_steps: finite,
  reps: finite,
  lapses: finite,
  state: z.number().int().min(0).max(3),
  last_review: finite.optional(),
  lastQuestionId: z.string().optional(),
});
const attemptSchema = z.object({
  id: z.string(),
  startedAt: finite,
  submittedAt: finite,
  correct: z.number().int(),
  scored: z.number().int(),
  scaled: z.number().int(),
  passed: z.boolean(),
  domains: z.array(z.object({ domain: z.number().int(), correct: z.number().int(), scored: z.number().int() })),
});

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  responses: z.array(responseSchema),
  cards: z.record(z.string(), cardSchema),
  attempts: z.array(attemptSchema),
  /** Sessions in progress are kept as they are (their own modules define them); unknown shapes are dropped. */
  practice: z.unknown().optional(),
  exam: z.unknown().optional(),
});

export interface Progress {
  version: typeof PROGRESS_VERSION;
  responses: ResponseRecord[];
  cards: Record<string, StoredCard>;
  attempts: AttemptSummary[];
  practice?: unknown;
  exam?: unknown;
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, responses: [], cards: {}, attempts: [] };
}

export function readProgress(saved: unknown): { progress: Progress; problem: string | undefined } {
  if (saved === undefined || saved === null) return { progress: emptyProgress(), problem: undefined };
  const parsed = progressSchema.safeParse(saved);
  if (!parsed.success) return { progress: emptyProgress(), problem: parsed.error.issues[0]?.message ?? 'unreadable' };
  return { progress: parsed.data as Progress, problem: undefined };
}

/** Appends a response, marking it a first attempt when the question was never answered before. */
export function recordResponse(progress: Progress, response: Omit<ResponseRecord, 'firstAttempt'>): Progress {
  const firstAttempt = !progress.responses.some((r) => r.questionId === response.questionId);
  return { ...progress, responses: [...progress.responses, { ...response, firstAttempt }] };
}
