import { HOUR } from '../../clock/index.ts';
import type { World } from '../../kernel/index.ts';
import { metricRecords } from './metric-records.ts';
import { matchingSeries, type MetricSeries } from './metric-store.ts';
import { resourceCountKey, resourceCountSeries } from './resource-count.ts';

/**
 * One place to read a metric's data between two instants, whether stored (CallCount, rotation outcomes, custom data)
 * or read off a step function (ResourceCount).
 */
export function readSeries(world: World, key: string, start: number, end: number): MetricSeries | undefined {
  const records = metricRecords(world);
  const stored = records.metrics.series[key];
  if (stored) return stored;
  for (const [accountRegion, steps] of Object.entries(records.resourceCounts)) {
    if (resourceCountKey(accountRegion) === key) return resourceCountSeries(accountRegion, steps, start, end, world.clock.now);
  }
  return undefined;
}

/** The metrics ListMetrics shows: stored series plus ResourceCount where a count has been published. */
export function listableSeries(world: World, filter: Parameters<typeof matchingSeries>[1]): MetricSeries[] {
  const records = metricRecords(world);
  const now = world.clock.now;
  const published = Object.entries(records.resourceCounts)
    // A count exists from its first change; the first hourly datapoint follows at the next hour.
    .filter(([, steps]) => steps.length > 0 && Math.ceil(steps[0]![0] / HOUR) * HOUR <= now)
    .map(([accountRegion, steps]) => resourceCountSeries(accountRegion, steps, now - HOUR, now + 1, now));
  return matchingSeries({ series: { ...records.metrics.series, ...Object.fromEntries(published.map((s, i) => [`rc${i}`, s])) }, lastRollup: 0 }, filter);
}
