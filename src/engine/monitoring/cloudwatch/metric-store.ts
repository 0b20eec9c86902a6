import { z } from 'zod';
import { DAY, HOUR, MINUTE } from '../../clock/index.ts';

/**
 * CloudWatch's metric data as the simulator keeps it: one series per (account, region, namespace, metric name,
 * dimensions), its datapoints as statistic sets (sum, sample count, minimum, maximum) in one-minute buckets.
 * Retention follows CloudWatch's: one-minute data is kept 15 days and then rolled into one-hour data, which is kept
 * 455 days (15 months), so a series never holds more than 21,600 minute buckets plus 10,920 hour buckets however
 * long the world runs.
 */
export const MINUTE_RETENTION = 15 * DAY;
export const HOUR_RETENTION = 455 * DAY;

/** [bucket start (ms), sum, sample count, minimum, maximum] */
export type StatisticSet = [number, number, number, number, number];

export const dimensionSchema = z.object({ name: z.string(), value: z.string() });
export type Dimension = z.infer<typeof dimensionSchema>;

const statisticSetSchema = z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]);

export const seriesSchema = z.object({
  accountId: z.string(),
  region: z.string(),
  namespace: z.string(),
  metricName: z.string(),
  dimensions: z.array(dimensionSchema),
  unit: z.string(),
  minutes: z.array(statisticSetSchema),
  hours: z.array(statisticSetSchema),
});
export type MetricSeries = z.infer<typeof seriesSchema>;

export const metricStoreSchema = z.object({
  series: z.record(z.string(), seriesSchema),
  /** When one-minute data was last rolled up (an hourly chore, not per datapoint). */
  lastRollup: z.number(),
});
export type MetricStore = z.infer<typeof metricStoreSchema>;

export function emptyMetricStore(): MetricStore {
  return { series: {}, lastRollup: 0 };
}

export interface MetricId {
  accountId: string;
  region: string;
  namespace: string;
  metricName: string;
  dimensions: readonly Dimension[];
}

/** Dimensions are a set: CloudWatch treats the same names and values in any order as the same metric. */
export function sortedDimensions(dimensions: readonly Dimension[]): Dimension[] {
  return [...dimensions].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function seriesKey(id: MetricId): string {
  let key = `${id.accountId}|${id.region}|${id.namespace}|${id.metricName}`;
  for (const d of sortedDimensions(id.dimensions)) key += `|${d.name}=${d.value}`;
  return key;
}

/**
 * Adds one value at an instant to its one-minute bucket, creating the series on first use (the metric's identity is
 * needed only then; a caller that knows the series exists may pass its key alone).
 */
export function putDatapoint(store: MetricStore, id: MetricId | undefined, at: number, value: number, unit = 'None', key = seriesKey(id!)): void {
  let series = store.series[key];
  if (!series) {
    if (!id) throw new Error(`No metric series ${key}`);
    series = store.series[key] = {
      accountId: id.accountId,
      region: id.region,
      namespace: id.namespace,
      metricName: id.metricName,
      dimensions: sortedDimensions(id.dimensions),
      unit,
      minutes: [],
      hours: [],
    };
  }
  const start = Math.floor(at / MINUTE) * MINUTE;
  addToBuckets(series.minutes, start, value);
  // A bucket older than every other (a new series, or a datapoint timestamped in the past) may bring the next roll-up forward.
  const due = rollUpDue.get(store);
  if (due !== undefined && start + MINUTE_RETENTION < due) rollUpDue.set(store, start + MINUTE_RETENTION);
}

/**
 * The instant after which the next roll-up has something to do: the oldest minute bucket turning 15 days old, or the
 * oldest hour bucket 455 days. Kept beside the store, not in the world; a store not yet walked here (a new or loaded
 * world) has none and is walked in full. Buckets are added only by putDatapoint (which brings it forward when needed)
 * and by the roll-up itself; merges into the last minute bucket change no series' oldest bucket.
 */
const rollUpDue = new WeakMap<MetricStore, number>();

function addToBuckets(buckets: StatisticSet[], start: number, value: number, count = 1, min = value, max = value): void {
  const last = buckets[buckets.length - 1];
  // Virtual time only moves forward, so nearly every datapoint lands in the last bucket or a new one after it.
  if (last && last[0] === start) {
    mergeInto(last, value, count, min, max);
    return;
  }
  if (!last || last[0] < start) {
    buckets.push([start, value, count, min, max]);
    return;
  }
  const index = firstAtOrAfter(buckets, start);
  const found = buckets[index];
  if (found && found[0] === start) mergeInto(found, value, count, min, max);
  else buckets.splice(index, 0, [start, value, count, min, max]);
}

function mergeInto(set: StatisticSet, sum: number, count: number, min: number, max: number): void {
  set[1] += sum;
  set[2] += count;
  if (min < set[3]) set[3] = min;
  if (max > set[4]) set[4] = max;
}

function firstAtOrAfter(buckets: readonly StatisticSet[], instant: number): number {
  let low = 0;
  let high = buckets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (buckets[mid]![0] < instant) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Moves one-minute data older than 15 days into hour buckets and drops hour data older than 455 days. */
export function rollUp(store: MetricStore, now: number): void {
  store.lastRollup = now;
  // An hourly chore over every series (thousands with per-secret rotation metrics): skipped while nothing is old enough.
  const due = rollUpDue.get(store);
  if (due !== undefined && now <= due) return;
  let next = Infinity;
  for (const key in store.series) {
    const series = store.series[key]!;
    // Hourly over every series: most have nothing old enough, and then nothing is spliced (no array allocated).
    const cut = firstAtOrAfter(series.minutes, now - MINUTE_RETENTION);
    if (cut > 0) {
      for (const old of series.minutes.splice(0, cut)) {
        addToBuckets(series.hours, Math.floor(old[0] / HOUR) * HOUR, old[1], old[2], old[3], old[4]);
      }
    }
    const expired = firstAtOrAfter(series.hours, now - HOUR_RETENTION);
    if (expired > 0) series.hours.splice(0, expired);
    if (series.minutes.length === 0 && series.hours.length === 0) delete store.series[key];
    if (series.minutes.length > 0) next = Math.min(next, series.minutes[0]![0] + MINUTE_RETENTION);
    if (series.hours.length > 0) next = Math.min(next, series.hours[0]![0] + HOUR_RETENTION);
  }
  rollUpDue.set(store, next);
}

export type Statistic = 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';
export const STATISTICS: readonly Statistic[] = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

export interface AggregatedPoint {
  timestamp: number;
  sampleCount: number;
  sum: number;
  minimum: number;
  maximum: number;
}

/**
 * The statistic sets of [start, end) grouped into periods aligned on `start`, oldest first; periods with no data are
 * absent (CloudWatch returns no datapoint for them, which is what "missing data" means to an alarm).
 */
export function aggregate(series: MetricSeries | undefined, start: number, end: number, periodMs: number): AggregatedPoint[] {
  if (!series) return [];
  const byPeriod = new Map<number, AggregatedPoint>();
  for (const buckets of [series.hours, series.minutes]) {
    for (let i = firstAtOrAfter(buckets, start); i < buckets.length; i++) {
      const [at, sum, count, min, max] = buckets[i]!;
      if (at >= end) break;
      const timestamp = start + Math.floor((at - start) / periodMs) * periodMs;
      const point = byPeriod.get(timestamp);
      if (!point) byPeriod.set(timestamp, { timestamp, sampleCount: count, sum, minimum: min, maximum: max });
      else {
        point.sampleCount += count;
        point.sum += sum;
        point.minimum = Math.min(point.minimum, min);
        point.maximum = Math.max(point.maximum, max);
      }
    }
  }
  return [...byPeriod.values()].sort((a, b) => a.timestamp - b.timestamp);
}

export function statisticOf(point: AggregatedPoint, statistic: Statistic): number {
  switch (statistic) {
    case 'SampleCount':
      return point.sampleCount;
    case 'Sum':
      return point.sum;
    case 'Minimum':
      return point.minimum;
    case 'Maximum':
      return point.maximum;
    case 'Average':
      return point.sum / point.sampleCount;
  }
}

/** Every series of an account and region whose namespace, name and dimensions match (ListMetrics' filters). */
export function matchingSeries(
  store: MetricStore,
  filter: { accountId: string; region: string; namespace?: string; metricName?: string; dimensions?: { name: string; value?: string }[] },
): MetricSeries[] {
  return Object.values(store.series).filter(
    (s) =>
      s.accountId === filter.accountId &&
      s.region === filter.region &&
      (filter.namespace === undefined || s.namespace === filter.namespace) &&
      (filter.metricName === undefined || s.metricName === filter.metricName) &&
      (filter.dimensions ?? []).every((d) => s.dimensions.some((own) => own.name === d.name && (d.value === undefined || own.value === d.value))),
  );
}

/** The start of every bucket with data in [start, end), oldest first (hour buckets, then minute buckets). */
export function bucketStarts(series: MetricSeries | undefined, start: number, end: number): number[] {
  if (!series) return [];
  const starts: number[] = [];
  for (const buckets of [series.hours, series.minutes]) {
    for (let i = firstAtOrAfter(buckets, start); i < buckets.length && buckets[i]![0] < end; i++) starts.push(buckets[i]![0]);
  }
  return starts;
}

/** The start of the most recent bucket with data, or undefined for an empty series. */
export function lastBucketStart(series: MetricSeries | undefined): number | undefined {
  if (!series) return undefined;
  return series.minutes[series.minutes.length - 1]?.[0] ?? series.hours[series.hours.length - 1]?.[0];
}
