import { z } from 'zod';
import { HOUR, MINUTE } from '../../clock/index.ts';
import type { LogEntry, RecordKeeper, World } from '../../kernel/index.ts';
import { emptyMetricStore, metricStoreSchema, putDatapoint, rollUp, seriesKey, type MetricStore } from './metric-store.ts';
import { callCountMetric, ROTATION_FAILED, ROTATION_NAMESPACE, ROTATION_SUCCEEDED, USAGE_NAMESPACE } from './metric-names.ts';
import { changesCount, recount, resourceCountsSchema } from './resource-count.ts';
import { wakeAlarms } from './alarm-scheduler.ts';

export const ALARM_TASK = 'monitoring.evaluateAlarms';

export const metricRecordsSchema = z.object({
  metrics: metricStoreSchema,
  resourceCounts: resourceCountsSchema,
});
export type MetricRecords = z.infer<typeof metricRecordsSchema>;

/**
 * The series key of each account, region, service and operation, remembered in nested maps: every call asks for one,
 * and looking up strings the record already holds allocates nothing.
 */
const callCountKeys = new Map<string, Map<string, Map<string, Map<string, string>>>>();

function callCountKey(accountId: string, region: string, service: string, operation: string): string {
  let byRegion = callCountKeys.get(accountId);
  if (!byRegion) callCountKeys.set(accountId, (byRegion = new Map()));
  let byService = byRegion.get(region);
  if (!byService) byRegion.set(region, (byService = new Map()));
  let byOperation = byService.get(service);
  if (!byOperation) byService.set(service, (byOperation = new Map()));
  let key = byOperation.get(operation);
  if (key === undefined) byOperation.set(operation, (key = seriesKey(callCountMetric(accountId, region, service, operation))));
  return key;
}

export function metricRecords(world: World): MetricRecords {
  return (world.records.monitoring ??= { metrics: emptyMetricStore(), resourceCounts: {} }) as MetricRecords;
}

/**
 * CloudWatch's view of the record stream: every API call counts in AWS/Usage CallCount (per minute, in the calling
 * account; refused calls included, since they were made and count towards quotas), secret creations and deletions
 * move ResourceCount, and rotation outcomes become the SecretsLab/Rotation metrics. Old one-minute data is rolled up
 * at most once an hour of virtual time.
 */
export const metricRecordKeeper: RecordKeeper<MetricRecords> = {
  schema: metricRecordsSchema,
  initial: () => ({ metrics: emptyMetricStore(), resourceCounts: {} }),
  observe(records: MetricRecords, entry: LogEntry, world: World) {
    const store = records.metrics;
    if (entry.eventTime - store.lastRollup >= HOUR) rollUp(store, entry.eventTime);
    if (changesCount(entry)) recount(records.resourceCounts, world, entry);
    if (entry.kind === 'call') {
      const accountId = entry.principal.accountId;
      const key = callCountKey(accountId, entry.region, entry.service, entry.operation);
      const series = store.series[key];
      const minute = Math.floor(entry.eventTime / MINUTE) * MINUTE;
      const last = series?.minutes[series.minutes.length - 1];
      // The common case (another call in the same minute) is one addition; the metric's identity is only built for a
      // series' first datapoint.
      if (last && last[0] === minute) {
        last[1] += 1;
        last[2] += 1;
      } else if (series) putDatapoint(store, undefined, entry.eventTime, 1, 'None', key);
      else putDatapoint(store, callCountMetric(accountId, entry.region, entry.service, entry.operation), entry.eventTime, 1, 'None', key);
      // Only a call that succeeded (not a service's nested call, which may belong to a refused one) may wake alarms.
      if (!entry.errorCode && !entry.invokedBy) {
        wakeAlarms(world, entry.eventTime, USAGE_NAMESPACE);
        const custom = entry.operation === 'PutMetricData' ? entry.requestParameters?.namespace : undefined;
        if (typeof custom === 'string') wakeAlarms(world, entry.eventTime, custom);
      }
      return;
    }
    if (entry.service === 'secretsmanager' && (entry.eventName === 'RotationFailed' || entry.eventName === 'RotationSucceeded')) {
      recordRotationOutcome(store, entry.accountId, entry.region, entry.eventTime, entry.eventName === 'RotationFailed', secretNameOf(entry));
      wakeAlarms(world, entry.eventTime, ROTATION_NAMESPACE);
    }
  },
};

function secretNameOf(entry: LogEntry): string | undefined {
  const arn = entry.resources[0]?.arn;
  const match = arn ? /:secret:(.+)-[A-Za-z0-9]{6}$/.exec(arn) : null;
  return match?.[1];
}

export function recordRotationOutcome(store: MetricStore, accountId: string, region: string, at: number, failed: boolean, secretName: string | undefined): void {
  const dimensionSets = secretName ? [[], [{ name: 'SecretName', value: secretName }]] : [[]];
  for (const dimensions of dimensionSets) {
    putDatapoint(store, { accountId, region, namespace: ROTATION_NAMESPACE, metricName: ROTATION_FAILED, dimensions }, at, failed ? 1 : 0, 'Count');
    putDatapoint(store, { accountId, region, namespace: ROTATION_NAMESPACE, metricName: ROTATION_SUCCEEDED, dimensions }, at, failed ? 0 : 1, 'Count');
  }
}
