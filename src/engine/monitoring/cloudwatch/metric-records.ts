import { z } from 'zod';
import { HOUR } from '../../clock/index.ts';
import type { LogEntry, RecordKeeper, World } from '../../kernel/index.ts';
import { emptyMetricStore, metricStoreSchema, putDatapoint, rollUp, seriesKey, type MetricStore } from './metric-store.ts';
import { callCountMetric, ROTATION_FAILED, ROTATION_NAMESPACE, ROTATION_SUCCEEDED } from './metric-names.ts';
import { changesCount, recount, resourceCountsSchema } from './resource-count.ts';

export const TICK_TASK = 'monitoring.evaluateAlarms';

export const metricRecordsSchema = z.object({
  metrics: metricStoreSchema,
  resourceCounts: resourceCountsSchema,
});
export type MetricRecords = z.infer<typeof metricRecordsSchema>;

/** The series key of each account, region, service and operation, remembered: every call asks for one. */
const callCountKeys = new Map<string, string>();

function callCountKey(accountId: string, region: string, service: string, operation: string): string {
  const lookup = `${accountId}|${region}|${service}|${operation}`;
  let key = callCountKeys.get(lookup);
  if (key === undefined) {
    key = seriesKey(callCountMetric(accountId, region, service, operation));
    if (callCountKeys.size < 10_000) callCountKeys.set(lookup, key);
  }
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
      const id = callCountMetric(accountId, entry.region, entry.service, entry.operation);
      putDatapoint(store, id, entry.eventTime, 1, 'None', callCountKey(accountId, entry.region, entry.service, entry.operation));
      return;
    }
    if (entry.service === 'secretsmanager' && (entry.eventName === 'RotationFailed' || entry.eventName === 'RotationSucceeded')) {
      recordRotationOutcome(store, entry.accountId, entry.region, entry.eventTime, entry.eventName === 'RotationFailed', secretNameOf(entry));
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
