import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY, HOUR, MINUTE } from '../../../../src/engine/index.ts';
import {
  emptyMetricStore,
  HOUR_RETENTION,
  MINUTE_RETENTION,
  putDatapoint,
  rollUp,
  type MetricStore,
  type StatisticSet,
} from '../../../../src/engine/monitoring/cloudwatch/metric-store.ts';

/**
 * The hourly roll-up is skipped while no series holds a minute bucket older than 15 days or an hour bucket older
 * than 455 days. These tests hold it to the roll-up as first written, which walks every series every time.
 */

function plainRollUp(store: MetricStore, now: number): void {
  store.lastRollup = now;
  for (const key in store.series) {
    const series = store.series[key]!;
    const old = series.minutes.filter((b) => b[0] < now - MINUTE_RETENTION);
    series.minutes = series.minutes.filter((b) => b[0] >= now - MINUTE_RETENTION);
    for (const [at, sum, count, min, max] of old) {
      const start = Math.floor(at / HOUR) * HOUR;
      const found = series.hours.find((h) => h[0] === start);
      if (found) {
        found[1] += sum;
        found[2] += count;
        found[3] = Math.min(found[3], min);
        found[4] = Math.max(found[4], max);
      } else series.hours.push([start, sum, count, min, max] as StatisticSet);
    }
    series.hours.sort((a, b) => a[0] - b[0]);
    series.hours = series.hours.filter((h) => h[0] >= now - HOUR_RETENTION);
    if (series.minutes.length === 0 && series.hours.length === 0) delete store.series[key];
  }
}

const metric = (name: string) => ({ accountId: '111122223333', region: 'us-east-1', namespace: 'Test', metricName: name, dimensions: [] });

type Step = { kind: 'put'; name: string; back: number; value: number } | { kind: 'advance'; ms: number };

describe('metric roll-up', () => {
  it('gives the stores the full walk gives, through datapoints new and old and time passing (property)', () => {
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('put' as const),
        name: fc.constantFrom('a', 'b', 'c'),
        // How far in the past the datapoint is timestamped (PutMetricData may backdate).
        back: fc.constantFrom(0, 0, MINUTE, 3 * HOUR, 14 * DAY, 20 * DAY),
        value: fc.integer({ min: -5, max: 5 }),
      }),
      fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(HOUR, 5 * HOUR, 3 * DAY, 16 * DAY, 200 * DAY) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const kept = emptyMetricStore();
        const plain = emptyMetricStore();
        let now = 1_800_000_000_000;
        for (const s of steps) {
          if (s.kind === 'put') {
            putDatapoint(kept, metric(s.name), now - s.back, s.value);
            putDatapoint(plain, metric(s.name), now - s.back, s.value);
          } else {
            now += s.ms;
          }
          // Hourly, as the record keeper asks.
          rollUp(kept, now);
          plainRollUp(plain, now);
          expect(kept).toEqual(plain);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('still rolls a minute bucket up the hour after it turns 15 days old', () => {
    const store = emptyMetricStore();
    const start = 1_800_000_000_000;
    putDatapoint(store, metric('a'), start, 1);
    rollUp(store, start);
    rollUp(store, start + MINUTE_RETENTION);
    expect(Object.values(store.series)[0]!.minutes).toHaveLength(1);
    rollUp(store, start + MINUTE_RETENTION + HOUR);
    expect(Object.values(store.series)[0]!.minutes).toHaveLength(0);
    expect(Object.values(store.series)[0]!.hours).toHaveLength(1);
  });
});
