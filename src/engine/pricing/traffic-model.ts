import { Money, ZERO } from './money.ts';

/**
 * N clients each reading a secret every T seconds, optionally through a cache whose entries live t seconds, worked out
 * in closed form over any period (no per-call loop), so a billion calls cost the same to project as ten.
 *
 * A caching client fetches on its first read after the entry expires, so it calls the API every T × ceil(t / T)
 * seconds (every read when t ≤ T). Calls are spread evenly over time; above the Region's request quota the excess is
 * answered with ThrottlingException, which is not billed. SDK retries of throttled calls are not modelled: they would
 * only add more throttled attempts.
 */

export interface TrafficModel {
  clients: number;
  readEverySeconds: number;
  /** 0 for no cache. */
  cacheTtlSeconds: number;
}

export interface TrafficResult {
  /** API calls per second the clients attempt. */
  attemptedPerSecond: Money;
  /** Calls per second the quota lets through. */
  servedPerSecond: Money;
  quotaPerSecond: number;
  /** Share of attempts throttled, 0 to 1. */
  throttledShare: Money;
  /** Whole calls over the period. */
  attempted: Money;
  served: Money;
  throttled: Money;
  /** Reads the cache answered without a call. */
  cacheHits: Money;
}

export function apiCallInterval(model: TrafficModel): Money {
  const read = new Money(model.readEverySeconds);
  if (model.cacheTtlSeconds <= model.readEverySeconds) return read;
  return read.times(new Money(model.cacheTtlSeconds).div(read).ceil());
}

export function trafficOver(model: TrafficModel, seconds: number, quotaPerSecond: number): TrafficResult {
  if (model.clients < 0 || model.readEverySeconds <= 0 || model.cacheTtlSeconds < 0) {
    throw new RangeError('Traffic needs clients ≥ 0, a read interval > 0 and a cache TTL ≥ 0');
  }
  const period = new Money(seconds);
  const reads = new Money(model.clients).div(model.readEverySeconds).times(period).floor();
  const attemptedPerSecond = new Money(model.clients).div(apiCallInterval(model));
  const servedPerSecond = Money.min(attemptedPerSecond, quotaPerSecond);
  // Multiply before dividing, so whole numbers of calls stay whole (100 clients / 300 s × 2,592,000 s is 864,000).
  const attempted = new Money(model.clients).times(period).div(apiCallInterval(model)).floor();
  const served = Money.min(attempted, period.times(quotaPerSecond)).floor();
  return {
    attemptedPerSecond,
    servedPerSecond,
    quotaPerSecond,
    throttledShare: attemptedPerSecond.isZero() ? ZERO : attemptedPerSecond.minus(servedPerSecond).div(attemptedPerSecond),
    attempted,
    served,
    throttled: attempted.minus(served),
    cacheHits: Money.max(ZERO, reads.minus(attempted)),
  };
}
