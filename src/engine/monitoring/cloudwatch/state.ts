import { z } from 'zod';
import type { World } from '../../kernel/index.ts';
import { dimensionSchema } from './metric-store.ts';

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

export const COMPARISON_OPERATORS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const TREAT_MISSING_DATA = ['breaching', 'notBreaching', 'ignore', 'missing'] as const;
export type TreatMissingData = (typeof TREAT_MISSING_DATA)[number];

export const alarmHistoryItemSchema = z.object({
  timestamp: z.number(),
  oldState: z.enum(ALARM_STATES).optional(),
  newState: z.enum(ALARM_STATES).optional(),
  historyItemType: z.enum(['StateUpdate', 'ConfigurationUpdate', 'Action']),
  historySummary: z.string(),
});
export type AlarmHistoryItem = z.infer<typeof alarmHistoryItemSchema>;

export const metricAlarmSchema = z.object({
  alarmName: z.string(),
  alarmArn: z.string(),
  accountId: z.string(),
  region: z.string(),
  alarmDescription: z.string().optional(),
  namespace: z.string(),
  metricName: z.string(),
  dimensions: z.array(dimensionSchema),
  statistic: z.enum(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']),
  /** Seconds, a multiple of 60 (the simulator keeps one-minute data only, no high-resolution metrics). */
  period: z.number().int(),
  evaluationPeriods: z.number().int(),
  datapointsToAlarm: z.number().int(),
  threshold: z.number(),
  comparisonOperator: z.enum(COMPARISON_OPERATORS),
  treatMissingData: z.enum(TREAT_MISSING_DATA),
  unit: z.string().optional(),
  actionsEnabled: z.boolean(),
  alarmActions: z.array(z.string()),
  okActions: z.array(z.string()),
  insufficientDataActions: z.array(z.string()),
  stateValue: z.enum(ALARM_STATES),
  stateReason: z.string(),
  stateReasonData: z.string().optional(),
  stateUpdatedTimestamp: z.number(),
  stateTransitionedTimestamp: z.number(),
  alarmConfigurationUpdatedTimestamp: z.number(),
  /** The period end up to which the alarm has been evaluated (evaluation catches up from here). */
  lastEvaluatedAt: z.number().optional(),
  /** Most recent last, bounded (CloudWatch keeps alarm history for two weeks). */
  history: z.array(alarmHistoryItemSchema),
});
export type MetricAlarm = z.infer<typeof metricAlarmSchema>;

export const cloudWatchStateSchema = z.object({
  /** Keyed `${accountId}/${region}`, then alarm name. */
  alarms: z.record(z.string(), z.record(z.string(), metricAlarmSchema)),
  /** When the evaluation task is due; absent when no alarm exists (nothing is scheduled). */
  nextTickAt: z.number().optional(),
});
export type CloudWatchState = z.infer<typeof cloudWatchStateSchema>;

export function emptyCloudWatchState(): CloudWatchState {
  return { alarms: {} };
}

export const CLOUDWATCH_SERVICE = 'monitoring';

export function cloudWatchState(world: World): CloudWatchState {
  return (world.services[CLOUDWATCH_SERVICE] ??= emptyCloudWatchState()) as CloudWatchState;
}

export function regionAlarms(world: World, accountId: string, region: string): Record<string, MetricAlarm> {
  return (cloudWatchState(world).alarms[`${accountId}/${region}`] ??= {});
}

export function allAlarms(world: World): MetricAlarm[] {
  return Object.values(cloudWatchState(world).alarms).flatMap((byName) => Object.values(byName));
}
