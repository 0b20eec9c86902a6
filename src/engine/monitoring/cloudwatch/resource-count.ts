import { z } from 'zod';
import { HOUR } from '../../clock/index.ts';
import type { LogEntry, World } from '../../kernel/index.ts';
import { secretsState } from '../../secrets/index.ts';
import { RESOURCE_COUNT, RESOURCE_COUNT_DIMENSIONS, SECRETS_NAMESPACE } from './metric-names.ts';
import { HOUR_RETENTION, seriesKey, type MetricSeries, type StatisticSet } from './metric-store.ts';

/**
 * AWS/SecretsManager ResourceCount is published every hour: the number of secrets in the account and Region at that
 * hour, secrets scheduled for deletion included. Rather than a task that wakes every hour of a long time jump, the
 * simulator keeps each account and Region's count as a step function (an entry whenever it changes) and reads the
 * hourly datapoints off it: the same datapoints, at no cost while nothing happens.
 */
export const resourceCountsSchema = z.record(z.string(), z.array(z.tuple([z.number(), z.number()])));
export type ResourceCounts = z.infer<typeof resourceCountsSchema>;

/** Operations and service events that can change how many secrets a Region holds. */
const COUNT_CHANGING = new Set(['CreateSecret', 'DeleteSecret', 'ReplicateSecretToRegions', 'RemoveRegionsFromReplication', 'StopReplicationToReplica']);

export function changesCount(entry: LogEntry): boolean {
  if (entry.service !== 'secretsmanager') return false;
  if (entry.kind === 'call') return !entry.errorCode && COUNT_CHANGING.has(entry.operation);
  return entry.eventName === 'DeleteSecret' || /Replica|Replication/.test(entry.eventName);
}

/** Counts again every Region of the accounts the entry involves and records any change. */
export function recount(counts: ResourceCounts, world: World, entry: LogEntry): void {
  const accounts = new Set<string>(entry.resources.map((r) => r.accountId));
  accounts.add(entry.kind === 'call' ? entry.principal.accountId : entry.accountId);
  for (const [key, region] of Object.entries(secretsState(world).regions)) {
    if (!accounts.has(key.slice(0, key.indexOf('/')))) continue;
    const steps = (counts[key] ??= []);
    const count = Object.keys(region.secrets).length;
    const last = steps[steps.length - 1];
    if (last && last[1] === count) continue;
    if (last && last[0] === entry.eventTime) last[1] = count;
    else steps.push([entry.eventTime, count]);
    // Keep the last step before the retention window: it still gives the count at the window's first hour.
    while (steps.length > 1 && steps[1]![0] < entry.eventTime - HOUR_RETENTION) steps.shift();
  }
}

const countKeys = new Map<string, string>();

/** The series key of an account and Region's ResourceCount (remembered: alarm evaluation asks often). */
export function resourceCountKey(accountRegion: string): string {
  let key = countKeys.get(accountRegion);
  if (key === undefined) {
    const [accountId, region] = accountRegion.split('/') as [string, string];
    key = seriesKey({ accountId, region, namespace: SECRETS_NAMESPACE, metricName: RESOURCE_COUNT, dimensions: RESOURCE_COUNT_DIMENSIONS });
    if (countKeys.size < 1000) countKeys.set(accountRegion, key);
  }
  return key;
}

/** The hourly datapoints of [start, end), none later than now nor older than the retention, as a series. */
export function resourceCountSeries(accountRegion: string, steps: readonly [number, number][], start: number, end: number, now: number): MetricSeries {
  const [accountId, region] = accountRegion.split('/') as [string, string];
  const hours: StatisticSet[] = [];
  const first = steps[0]?.[0];
  if (first !== undefined) {
    const from = Math.max(Math.ceil(Math.max(start, first, now - HOUR_RETENTION) / HOUR) * HOUR, 0);
    let index = 0;
    for (let hour = from; hour < end && hour <= now; hour += HOUR) {
      while (index + 1 < steps.length && steps[index + 1]![0] <= hour) index++;
      const count = steps[index]![1];
      hours.push([hour, count, 1, count, count]);
    }
  }
  return {
    accountId,
    region,
    namespace: SECRETS_NAMESPACE,
    metricName: RESOURCE_COUNT,
    dimensions: [...RESOURCE_COUNT_DIMENSIONS],
    unit: 'Count',
    minutes: [],
    hours,
  };
}
