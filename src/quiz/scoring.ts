/**
 * Scoring as SAA-C03 does it: a response is right only when it picks every correct option and nothing else (no
 * partial credit for multiple response), an unanswered question is wrong, unscored (pretest) items never count,
 * and the result is a scaled score from 100 to 1,000 with 720 to pass (exam guide; AWS scoring policy).
 */
import { DOMAINS, domainOf, type Domain } from './schema.ts';
import type { QuizItem } from './bank.ts';

export const MIN_SCALED = 100;
export const MAX_SCALED = 1000;
export const PASSING_SCALED = 720;

/**
 * AWS does not publish the raw cut: a modified-Angoff panel sets it and forms are equated, so 720 is not 72 %.
 * Our ESTIMATE assumes a raw cut of 70 % of the scored items and maps the proportion correct piecewise linearly:
 * 0 → 100, 70 % → 720, 100 % → 1,000. Both pieces rise, so the mapping is strictly monotone; the UI labels the
 * number an estimate.
 */
export const ASSUMED_RAW_CUT = 0.7;

export function isCorrect(item: Pick<QuizItem, 'options'>, selected: readonly string[] | undefined): boolean {
  if (!selected || selected.length === 0) return false;
  const chosen = new Set(selected);
  if (chosen.size !== selected.length) return false;
  return item.options.every((option) => option.correct === chosen.has(option.id)) && [...chosen].every((id) => item.options.some((o) => o.id === id));
}

/** The estimated scaled score for `correct` right answers out of `scored` scored items. */
export function scaledScore(correct: number, scored: number): number {
  if (scored <= 0) return MIN_SCALED;
  const proportion = Math.min(1, Math.max(0, correct / scored));
  const scaled =
    proportion <= ASSUMED_RAW_CUT
      ? MIN_SCALED + (proportion / ASSUMED_RAW_CUT) * (PASSING_SCALED - MIN_SCALED)
      : PASSING_SCALED + ((proportion - ASSUMED_RAW_CUT) / (1 - ASSUMED_RAW_CUT)) * (MAX_SCALED - PASSING_SCALED);
  // Rounding down keeps a score just under the cut from being shown as 720 (a pass).
  return Math.floor(scaled + 1e-9);
}

export interface DomainResult {
  domain: Domain;
  title: string;
  correct: number;
  scored: number;
  /** Coarse band as AWS reports sections: "meets" or "needs improvement" against the assumed cut. */
  band: 'meets-competencies' | 'needs-improvement';
}

export interface ExamResult {
  correct: number;
  scored: number;
  scaled: number;
  passed: boolean;
  domains: DomainResult[];
  /** Per question (scored and unscored alike, so the review can show both): was it right? */
  outcomes: Record<string, boolean>;
}

export interface FormEntry {
  questionId: string;
  scored: boolean;
}

export function scoreExam(
  form: readonly FormEntry[],
  answers: Readonly<Record<string, readonly string[]>>,
  itemOf: (id: string) => QuizItem | undefined,
): ExamResult {
  const perDomain = new Map<Domain, { correct: number; scored: number }>();
  const outcomes: Record<string, boolean> = {};
  let correct = 0;
  let scored = 0;
  for (const entry of form) {
    const item = itemOf(entry.questionId);
    const right = item ? isCorrect(item, answers[entry.questionId]) : false;
    outcomes[entry.questionId] = right;
    if (!entry.scored || !item) continue;
    const domain = domainOf(item.task);
    const tally = perDomain.get(domain) ?? { correct: 0, scored: 0 };
    tally.scored += 1;
    scored += 1;
    if (right) {
      tally.correct += 1;
      correct += 1;
    }
    perDomain.set(domain, tally);
  }
  const scaled = scaledScore(correct, scored);
  const domains = (Object.keys(DOMAINS).map(Number) as Domain[]).map((domain) => {
    const tally = perDomain.get(domain) ?? { correct: 0, scored: 0 };
    return {
      domain,
      title: DOMAINS[domain].title,
      ...tally,
      band: tally.scored > 0 && tally.correct / tally.scored >= ASSUMED_RAW_CUT ? ('meets-competencies' as const) : ('needs-improvement' as const),
    };
  });
  return { correct, scored, scaled, passed: scaled >= PASSING_SCALED, domains, outcomes };
}
