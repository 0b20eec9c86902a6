/**
 * Readiness: how likely the learner is to pass, from what they have shown (reference §3 and §7).
 *
 * 1. Evidence: first attempts and spaced reviews only; an immediate retry of a question just seen says little.
 * 2. Per domain, a 2PL EAP posterior of ability, the items' author-set {a, b} as their parameters.
 * 3. Monte Carlo over simulated exam forms of 50 scored items (15/13/12/10 by domain, items drawn from the bank's
 *    domain pools): draw θ per domain from its posterior and a cut from its prior; the raw cut is unpublished and
 *    forms are equated, so the cut proportion is uncertain, N(0.70, 0.025²) here. Given θ and a form, the number
 *    right is approximately normal (mean ΣP, variance ΣP(1−P)), so P(pass | θ, form) = Φ((m/50 − c̄) / √(σc² + v/2500)).
 *    The pass probability is the mean of that over draws; its spread over draws is the uncertainty shown.
 * 4. Shown only with enough evidence: at least 30 responses, and 5 in every domain.
 */
import { DOMAINS, domainOf, type Domain } from './schema.ts';
import type { QuestionBank } from './bank.ts';
import { abilitySampler, estimateAbility, probabilityCorrect, type AbilityPosterior, type ItemParameters, type ScoredResponse } from './irt.ts';
import { domainQuotas, EXAM_SCORED } from './exam-form.ts';
import { QuizRandom } from './random.ts';
import { scaledScore } from './scoring.ts';
import type { Progress, ResponseRecord } from './progress.ts';

export const MIN_RESPONSES = 30;
export const MIN_PER_DOMAIN = 5;
export const CUT_MEAN = 0.7;
export const CUT_SD = 0.025;

export const ALL_DOMAINS = Object.keys(DOMAINS).map(Number) as Domain[];

export interface PassForecast {
  probability: number;
  /** 10th and 90th percentiles of P(pass | ability, form) over the draws. */
  low: number;
  high: number;
  /** Estimated scaled score (median and 10th–90th percentiles of the expected raw score, mapped). */
  scaled: { median: number; low: number; high: number };
}

/** Standard normal CDF (Abramowitz and Stegun 26.2.17; absolute error below 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

export function forecastPass(
  posteriors: Readonly<Record<Domain, AbilityPosterior>>,
  pools: Readonly<Record<Domain, readonly ItemParameters[]>>,
  options: { seed: string; draws?: number; cutMean?: number; cutSd?: number },
): PassForecast {
  const random = new QuizRandom(`readiness:${options.seed}`);
  const uniform = () => random.next();
  const draws = options.draws ?? 2000;
  const cutMean = options.cutMean ?? CUT_MEAN;
  const cutSd = options.cutSd ?? CUT_SD;
  const quotas = domainQuotas(EXAM_SCORED);
  const samplers = ALL_DOMAINS.map((domain) => abilitySampler(posteriors[domain]));
  const conditional: number[] = [];
  const expectedRaw: number[] = [];
  for (let draw = 0; draw < draws; draw++) {
    let mean = 0;
    let variance = 0;
    for (const [index, domain] of ALL_DOMAINS.entries()) {
      const pool = pools[domain];
      if (pool.length === 0) throw new Error(`no items in domain ${domain} to build a form from`);
      const theta = samplers[index]!(uniform);
      for (let i = 0; i < quotas[domain]; i++) {
        const p = probabilityCorrect(theta, random.pick(pool));
        mean += p;
        variance += p * (1 - p);
      }
    }
    conditional.push(normalCdf((mean / EXAM_SCORED - cutMean) / Math.sqrt(cutSd * cutSd + variance / EXAM_SCORED ** 2)));
    expectedRaw.push(mean);
  }
  const probability = conditional.reduce((sum, p) => sum + p, 0) / draws;
  conditional.sort((a, b) => a - b);
  expectedRaw.sort((a, b) => a - b);
  const scaledAt = (q: number) => scaledScore(Math.round(percentile(expectedRaw, q)), EXAM_SCORED);
  return {
    probability,
    low: percentile(conditional, 0.1),
    high: percentile(conditional, 0.9),
    scaled: { median: scaledAt(0.5), low: scaledAt(0.1), high: scaledAt(0.9) },
  };
}

/** The responses readiness may use: first attempts and spaced reviews. */
export function evidenceOf(responses: readonly ResponseRecord[]): ResponseRecord[] {
  return responses.filter((response) => response.firstAttempt || response.source === 'review');
}

export interface DomainReadiness {
  domain: Domain;
  title: string;
  responses: number;
  ability: AbilityPosterior;
}

export interface ConceptStanding {
  concept: string;
  answered: number;
  correct: number;
  /** Laplace-smoothed share right, (correct + 1) / (answered + 2): one lucky answer does not read as mastery. */
  standing: number;
}

export interface Readiness {
  enough: boolean;
  evidence: number;
  /** Responses still needed overall and per domain before the forecast is shown. */
  needed: { total: number; perDomain: Record<Domain, number> };
  domains: DomainReadiness[];
  forecast: PassForecast | undefined;
  weakestConcepts: ConceptStanding[];
  nextSteps: string[];
}

export function assessReadiness(progress: Progress, bank: QuestionBank, options: { seed: string; draws?: number; dueCount?: number }): Readiness {
  const evidence = evidenceOf(progress.responses);
  const byDomain = Object.fromEntries(ALL_DOMAINS.map((d) => [d, [] as ScoredResponse[]])) as Record<Domain, ScoredResponse[]>;
  const concepts = new Map<string, { answered: number; correct: number }>();
  let used = 0;
  for (const response of evidence) {
    const item = bank.get(response.questionId);
    if (!item) continue;
    used += 1;
    byDomain[domainOf(item.task)].push({ ...item.irt, correct: response.correct });
    for (const concept of item.concepts) {
      const tally = concepts.get(concept) ?? { answered: 0, correct: 0 };
      tally.answered += 1;
      if (response.correct) tally.correct += 1;
      concepts.set(concept, tally);
    }
  }
  const domains = ALL_DOMAINS.map((domain) => ({ domain, title: DOMAINS[domain].title, responses: byDomain[domain].length, ability: estimateAbility(byDomain[domain]) }));
  const perDomain = Object.fromEntries(ALL_DOMAINS.map((d) => [d, Math.max(0, MIN_PER_DOMAIN - byDomain[d].length)])) as Record<Domain, number>;
  const needed = { total: Math.max(0, MIN_RESPONSES - used), perDomain };
  const pools = Object.fromEntries(ALL_DOMAINS.map((d) => [d, bank.inDomain(d).map((item) => item.irt)])) as Record<Domain, ItemParameters[]>;
  const enough = needed.total === 0 && ALL_DOMAINS.every((d) => perDomain[d] === 0) && ALL_DOMAINS.every((d) => pools[d].length > 0);
  const posteriors = Object.fromEntries(domains.map((d) => [d.domain, d.ability])) as Record<Domain, AbilityPosterior>;
  const forecast = enough ? forecastPass(posteriors, pools, { seed: options.seed, ...(options.draws ? { draws: options.draws } : {}) }) : undefined;
  const weakestConcepts = [...concepts]
    .map(([concept, tally]) => ({ concept, ...tally, standing: (tally.correct + 1) / (tally.answered + 2) }))
    .filter((c) => c.correct < c.answered)
    .sort((a, b) => a.standing - b.standing || b.answered - a.answered || a.concept.localeCompare(b.concept))
    .slice(0, 5);
  return { enough, evidence: used, needed, domains, forecast, weakestConcepts, nextSteps: nextSteps(needed, domains, weakestConcepts, forecast, options.dueCount ?? 0) };
}

function nextSteps(needed: Readiness['needed'], domains: DomainReadiness[], weakest: ConceptStanding[], forecast: PassForecast | undefined, dueCount: number): string[] {
  const steps: string[] = [];
  if (dueCount > 0) steps.push(`Review the ${dueCount} concept${dueCount === 1 ? '' : 's'} due today: spaced reviews keep what you know from fading.`);
  const short = ALL_DOMAINS.filter((d) => needed.perDomain[d] > 0);
  if (needed.total > 0 || short.length > 0) {
    const parts = short.map((d) => `${needed.perDomain[d]} in domain ${d}`);
    steps.push(`Answer ${Math.max(needed.total, short.reduce((sum, d) => sum + needed.perDomain[d], 0))} more new questions${parts.length ? ` (at least ${parts.join(', ')})` : ''} before the pass estimate is shown.`);
  }
  const weakestDomain = [...domains].filter((d) => d.responses > 0).sort((a, b) => a.ability.mean - b.ability.mean)[0];
  if (weakestDomain) steps.push(`Practise domain ${weakestDomain.domain} (${weakestDomain.title}): it is your weakest so far.`);
  if (weakest[0]) steps.push(`Go back over ${weakest[0].concept}: review your mistakes there and open its lab.`);
  if (forecast && forecast.probability >= 0.8) steps.push('Take a full timed exam simulation to confirm the estimate under exam conditions.');
  return steps;
}
