/**
 * The two-parameter logistic item response model and an EAP ability estimate on a fixed θ grid (reference §3):
 * P(right | θ) = 1 / (1 + e^(−a(θ − b))), a standard normal prior, the posterior kept as weights over 81 points
 * from −4 to 4. EAP behaves with few answers where maximum likelihood diverges (all right or all wrong).
 */
export interface ItemParameters {
  a: number;
  b: number;
}

export interface ScoredResponse extends ItemParameters {
  correct: boolean;
}

export const THETA_GRID: readonly number[] = Array.from({ length: 81 }, (_, i) => -4 + i * 0.1);

export function probabilityCorrect(theta: number, item: ItemParameters): number {
  return 1 / (1 + Math.exp(-item.a * (theta - item.b)));
}

export interface AbilityPosterior {
  /** Posterior weights over THETA_GRID, summing to 1. */
  weights: number[];
  mean: number;
  sd: number;
  responses: number;
}

export function estimateAbility(responses: readonly ScoredResponse[]): AbilityPosterior {
  // Log space keeps a long run of answers from underflowing; log P = −log(1 + e^(−z)), log(1 − P) = −log(1 + e^z).
  const logWeights = new Float64Array(THETA_GRID.length);
  let max = -Infinity;
  for (let i = 0; i < THETA_GRID.length; i++) {
    const theta = THETA_GRID[i]!;
    let log = -0.5 * theta * theta;
    for (const response of responses) {
      const z = response.a * (theta - response.b);
      log -= Math.log1p(Math.exp(response.correct ? -z : z));
    }
    logWeights[i] = log;
    if (log > max) max = log;
  }
  let total = 0;
  const weights = Array.from(logWeights, (log) => {
    const weight = Math.exp(log - max);
    total += weight;
    return weight;
  });
  let mean = 0;
  for (let i = 0; i < weights.length; i++) mean += (weights[i]! /= total) * THETA_GRID[i]!;
  let variance = 0;
  for (let i = 0; i < weights.length; i++) variance += weights[i]! * (THETA_GRID[i]! - mean) ** 2;
  return { weights, mean, sd: Math.sqrt(variance), responses: responses.length };
}

/**
 * Returns a sampler of θ from the posterior: a grid point chosen by its weight (binary search over the cumulative
 * weights, as the Monte Carlo draws thousands), jittered within its cell so draws are not lumped on the grid.
 */
export function abilitySampler(posterior: AbilityPosterior): (uniform: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of posterior.weights) cumulative.push((total += weight));
  return (uniform) => {
    const u = uniform() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < u) low = mid + 1;
      else high = mid;
    }
    return THETA_GRID[low]! + (uniform() - 0.5) * 0.1;
  };
}
