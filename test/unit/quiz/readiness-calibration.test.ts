import { describe, expect, it } from 'vitest';
import { estimateAbility, probabilityCorrect, type ItemParameters, type ScoredResponse } from '../../../src/quiz/irt.ts';
import { ALL_DOMAINS, CUT_MEAN, CUT_SD, forecastPass } from '../../../src/quiz/readiness.ts';
import { domainQuotas, EXAM_SCORED } from '../../../src/quiz/exam-form.ts';
import { QuizRandom } from '../../../src/quiz/random.ts';
import type { Domain } from '../../../src/quiz/schema.ts';

// Learners of known ability (θ per domain drawn from the model's N(0,1) prior) answer items drawn from the 2PL
// model; then each sits one simulated exam (a 15/13/12/10 form from the same pools, a cut drawn from the cut
// prior) and passes or not. A calibrated forecast passes about as often as it predicts, bin by bin. Only bins of
// 250 learners or more are checked: their sampling error (at most 0.032) is well inside the 0.05 tolerance.
const random = new QuizRandom('calibration');
const pools = Object.fromEntries(
  ALL_DOMAINS.map((domain) => [
    domain,
    Array.from({ length: 40 }, () => ({ a: 0.7 + random.next() * 1.1, b: -0.8 + random.normal() * 0.9 })),
  ]),
) as Record<Domain, ItemParameters[]>;

function answer(theta: number, items: ItemParameters[], rng: QuizRandom): ScoredResponse[] {
  return items.map((item) => ({ ...item, correct: rng.next() < probabilityCorrect(theta, item) }));
}

function learnerForecast(abilities: Record<Domain, number>, perDomain: number, rng: QuizRandom, seed: string, draws = 200) {
  const posteriors = Object.fromEntries(
    ALL_DOMAINS.map((d) => [d, estimateAbility(answer(abilities[d], Array.from({ length: perDomain }, () => rng.pick(pools[d])), rng))]),
  ) as Record<Domain, ReturnType<typeof estimateAbility>>;
  return { posteriors, forecast: forecastPass(posteriors, pools, { seed, draws }) };
}

function sitExam(abilities: Record<Domain, number>, rng: QuizRandom): boolean {
  const quotas = domainQuotas(EXAM_SCORED);
  let right = 0;
  for (const d of ALL_DOMAINS) for (const response of answer(abilities[d], Array.from({ length: quotas[d] }, () => rng.pick(pools[d])), rng)) if (response.correct) right += 1;
  const cut = CUT_MEAN + CUT_SD * rng.normal();
  return right / EXAM_SCORED >= cut;
}

describe('readiness calibration', () => {
  it('predicted pass probabilities match simulated pass rates within 0.05 per bin, with a Brier score better than the base rate', () => {
    const rng = new QuizRandom('learners');
    const learners = 4000;
    const predictions: { p: number; passed: boolean }[] = [];
    for (let i = 0; i < learners; i++) {
      const abilities = Object.fromEntries(ALL_DOMAINS.map((d) => [d, rng.normal()])) as Record<Domain, number>;
      const perDomain = 5 + rng.int(16);
      const { forecast } = learnerForecast(abilities, perDomain, rng, `learner-${i}`);
      predictions.push({ p: forecast.probability, passed: sitExam(abilities, rng) });
    }
    const bins = Array.from({ length: 10 }, () => ({ n: 0, predicted: 0, observed: 0 }));
    for (const { p, passed } of predictions) {
      const bin = bins[Math.min(9, Math.floor(p * 10))]!;
      bin.n += 1;
      bin.predicted += p;
      bin.observed += passed ? 1 : 0;
    }
    const curve = bins.filter((bin) => bin.n >= 250).map((bin) => ({ n: bin.n, predicted: bin.predicted / bin.n, observed: bin.observed / bin.n }));
    const brier = predictions.reduce((sum, { p, passed }) => sum + (p - (passed ? 1 : 0)) ** 2, 0) / learners;
    const baseRate = predictions.filter((x) => x.passed).length / learners;
    const baseBrier = baseRate * (1 - baseRate);
    console.log(`readiness calibration: ${learners} learners, Brier ${brier.toFixed(4)} (base rate ${baseRate.toFixed(3)}, its Brier ${baseBrier.toFixed(4)})`);
    console.log(curve.map((c) => `  n=${c.n} predicted ${c.predicted.toFixed(3)} observed ${c.observed.toFixed(3)}`).join('\n'));
    expect(curve.length).toBeGreaterThanOrEqual(4);
    for (const point of curve) expect(Math.abs(point.predicted - point.observed)).toBeLessThanOrEqual(0.05);
    expect(brier).toBeLessThan(baseBrier * 0.75);
  }, 180_000);

  it('tightens with evidence: the ability posteriors and the pass interval narrow as answers accumulate', () => {
    const widths: number[] = [];
    const sds: number[] = [];
    for (const perDomain of [5, 20, 80]) {
      let width = 0;
      let sd = 0;
      for (let learner = 0; learner < 20; learner++) {
        const rng = new QuizRandom(`tighten-${learner}-${perDomain}`);
        // A learner near the cut, where the forecast is most uncertain.
        const abilities = { 1: 0.9, 2: 0.7, 3: 0.8, 4: 0.8 } as Record<Domain, number>;
        const { posteriors, forecast } = learnerForecast(abilities, perDomain, rng, `t-${learner}`, 1000);
        width += forecast.scaled.high - forecast.scaled.low;
        sd += ALL_DOMAINS.reduce((sum, d) => sum + posteriors[d].sd, 0) / 4;
      }
      widths.push(width / 20);
      sds.push(sd / 20);
    }
    console.log(`scaled-score interval widths ${widths.map((w) => w.toFixed(0)).join(' > ')}; mean posterior sd ${sds.map((s) => s.toFixed(3)).join(' > ')}`);
    expect(sds[1]!).toBeLessThan(sds[0]!);
    expect(sds[2]!).toBeLessThan(sds[1]!);
    expect(widths[1]!).toBeLessThan(widths[0]!);
    expect(widths[2]!).toBeLessThan(widths[1]!);
  }, 60_000);
});
