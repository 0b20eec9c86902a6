/**
 * Assembling an exam form as SAA-C03 runs it: 65 questions, of which 50 are scored and 15 are unscored pretest
 * items that the candidate cannot tell apart. The scored ones follow the domain weights of scored content:
 * 15 / 13 / 12 / 10 of 50 (30 / 26 / 24 / 20 %). A bank too small for that gives what it can: quotas first, then
 * the rest from any domain, and the unscored items from what is left.
 */
import { DOMAINS, domainOf, type Domain } from './schema.ts';
import type { QuestionBank, QuizItem } from './bank.ts';
import type { FormEntry } from './scoring.ts';
import { QuizRandom } from './random.ts';

export const EXAM_QUESTIONS = 65;
export const EXAM_SCORED = 50;
export const EXAM_DURATION_MS = 130 * 60 * 1000;

/** Largest-remainder apportionment of `total` items over the domain weights (50 → 15/13/12/10). */
export function domainQuotas(total: number): Record<Domain, number> {
  const domains = Object.keys(DOMAINS).map(Number) as Domain[];
  const exact = domains.map((domain) => ({ domain, share: DOMAINS[domain].weight * total }));
  const quotas = Object.fromEntries(exact.map(({ domain, share }) => [domain, Math.floor(share)])) as Record<Domain, number>;
  let left = total - Object.values(quotas).reduce((sum, n) => sum + n, 0);
  for (const { domain } of [...exact].sort((a, b) => (b.share % 1) - (a.share % 1) || a.domain - b.domain)) {
    if (left <= 0) break;
    quotas[domain] += 1;
    left -= 1;
  }
  return quotas;
}

export interface FormOptions {
  questions?: number;
  scored?: number;
  /** Items to draw from (defaults to the whole bank), e.g. without generated items. */
  pool?: readonly QuizItem[];
}

export function assembleExamForm(bank: QuestionBank, seed: string, options: FormOptions = {}): FormEntry[] {
  const random = new QuizRandom(`exam-form:${seed}`);
  const pool = random.shuffle(options.pool ?? bank.items);
  const fullSize = options.questions ?? EXAM_QUESTIONS;
  const fullScored = options.scored ?? EXAM_SCORED;
  const size = Math.min(fullSize, pool.length);
  // A short form keeps the real form's scored share (50 of 65).
  const scoredCount = size === fullSize ? fullScored : Math.round((size * fullScored) / fullSize);
  const quotas = domainQuotas(scoredCount);
  const used = new Set<string>();
  const scored: QuizItem[] = [];
  for (const domain of Object.keys(quotas).map(Number) as Domain[]) {
    for (const item of pool.filter((candidate) => domainOf(candidate.task) === domain).slice(0, quotas[domain])) {
      scored.push(item);
      used.add(item.id);
    }
  }
  // A domain short of questions lends its places to the others, in shuffled order.
  for (const item of pool) {
    if (scored.length >= scoredCount) break;
    if (used.has(item.id)) continue;
    scored.push(item);
    used.add(item.id);
  }
  const unscored = pool.filter((item) => !used.has(item.id)).slice(0, size - scored.length);
  // Unscored items are not marked: the order mixes them in at random.
  const entries = [...scored.map((item) => ({ questionId: item.id, scored: true })), ...unscored.map((item) => ({ questionId: item.id, scored: false }))];
  return random.shuffle(entries);
}
