import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { ALARM_TASK } from '../metric-records.ts';
import { evaluationTask, nextEvaluation } from '../alarm-scheduler.ts';
import { cloudWatchErrors } from '../errors.ts';
import { alarmNameSchema, dimensionsSchema, metricNameSchema, namespaceSchema, statisticSchema } from '../schemas.ts';
import { COMPARISON_OPERATORS, TREAT_MISSING_DATA, allAlarms, cloudWatchState, regionAlarms, type MetricAlarm } from '../state.ts';
import { sortedDimensions } from '../metric-store.ts';
import { recordHistory } from '../alarm-history.ts';

const actionsSchema = z.array(z.string().min(1).max(1024)).max(5);

const input = z.object({
  alarmName: alarmNameSchema,
  alarmDescription: z.string().max(1024).optional(),
  actionsEnabled: z.boolean().optional(),
  okActions: actionsSchema.optional(),
  alarmActions: actionsSchema.optional(),
  insufficientDataActions: actionsSchema.optional(),
  metricName: metricNameSchema.optional(),
  namespace: namespaceSchema.optional(),
  statistic: statisticSchema.optional(),
  dimensions: dimensionsSchema.optional(),
  period: z.number().int().min(1).optional(),
  unit: z.string().optional(),
  evaluationPeriods: z.number().int().min(1),
  datapointsToAlarm: z.number().int().min(1).optional(),
  threshold: z.number().optional(),
  comparisonOperator: z.enum(COMPARISON_OPERATORS),
  treatMissingData: z.enum(TREAT_MISSING_DATA).optional(),
});

export function alarmArn(region: string, accountId: string, name: string): string {
  return `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`;
}

/**
 * Creates or replaces a metric alarm. A new alarm starts in INSUFFICIENT_DATA ("Unchecked: Initial alarm creation")
 * and is evaluated at its period ends by the alarm scheduler (alarm-scheduler.ts). Only single-metric alarms on standard
 * resolution (periods that are multiples of 60 seconds) are simulated.
 */
export const putMetricAlarm: OperationDefinition<z.infer<typeof input>> = {
  service: 'monitoring',
  name: 'PutMetricAlarm',
  action: 'cloudwatch:PutMetricAlarm',
  readOnly: false,
  input,
  resolve(ctx, request) {
    const accountId = ctx.principal.accountId;
    return { resourceArn: alarmArn(ctx.region, accountId, request.alarmName), resourceAccountId: accountId };
  },
  execute(ctx, request, target) {
    if (request.namespace === undefined || request.metricName === undefined) {
      throw cloudWatchErrors.validation('SecretsLab simulates single-metric alarms: MetricName and Namespace are required.');
    }
    if (request.statistic === undefined) throw cloudWatchErrors.missingParameter('The parameter Statistic or ExtendedStatistic must be specified.');
    if (request.period === undefined) throw cloudWatchErrors.missingParameter('The parameter Period must be specified.');
    if (request.threshold === undefined) throw cloudWatchErrors.missingParameter('The parameter Threshold must be specified.');
    if (request.period % 60 !== 0) {
      throw cloudWatchErrors.validation('SecretsLab keeps standard-resolution metrics only: Period must be a multiple of 60 seconds.');
    }
    const datapointsToAlarm = request.datapointsToAlarm ?? request.evaluationPeriods;
    if (datapointsToAlarm > request.evaluationPeriods) {
      throw cloudWatchErrors.validation('DatapointsToAlarm must be less than or equal to EvaluationPeriods.');
    }
    // CloudWatch: Period × EvaluationPeriods may not exceed one day for periods under an hour, or 7 days otherwise.
    const span = request.period * request.evaluationPeriods;
    if (span > (request.period < 3600 ? 86_400 : 604_800)) {
      throw cloudWatchErrors.validation('The evaluation period (Period × EvaluationPeriods) is longer than CloudWatch allows.');
    }
    const accountId = ctx.principal.accountId;
    const alarms = regionAlarms(ctx.world, accountId, ctx.region);
    const previous = alarms[request.alarmName];
    const alarm: MetricAlarm = {
      alarmName: request.alarmName,
      alarmArn: target.resourceArn,
      accountId,
      region: ctx.region,
      ...(request.alarmDescription !== undefined ? { alarmDescription: request.alarmDescription } : {}),
      namespace: request.namespace,
      metricName: request.metricName,
      dimensions: sortedDimensions(request.dimensions ?? []),
      statistic: request.statistic,
      period: request.period,
      evaluationPeriods: request.evaluationPeriods,
      datapointsToAlarm,
      threshold: request.threshold,
      comparisonOperator: request.comparisonOperator,
      treatMissingData: request.treatMissingData ?? 'missing',
      ...(request.unit !== undefined ? { unit: request.unit } : {}),
      actionsEnabled: request.actionsEnabled ?? true,
      alarmActions: request.alarmActions ?? [],
      okActions: request.okActions ?? [],
      insufficientDataActions: request.insufficientDataActions ?? [],
      // Updating an alarm keeps its state until the next evaluation; a new one has not been checked yet.
      stateValue: previous?.stateValue ?? 'INSUFFICIENT_DATA',
      stateReason: previous?.stateReason ?? 'Unchecked: Initial alarm creation',
      stateUpdatedTimestamp: previous?.stateUpdatedTimestamp ?? ctx.now,
      stateTransitionedTimestamp: previous?.stateTransitionedTimestamp ?? ctx.now,
      alarmConfigurationUpdatedTimestamp: ctx.now,
      lastEvaluatedAt: ctx.now,
      history: previous?.history ?? [],
    };
    recordHistory(alarm, {
      timestamp: ctx.now,
      historyItemType: 'ConfigurationUpdate',
      historySummary: `Alarm "${alarm.alarmName}" ${previous ? 'updated' : 'created'}`,
    });
    alarms[request.alarmName] = alarm;
    // One evaluation task for all alarms, at the earliest period end any alarm needs (see tick.ts).
    ctx.unschedule((task) => task.kind === ALARM_TASK);
    const next = nextEvaluation(ctx.world, allAlarms(ctx.world), ctx.now)!;
    cloudWatchState(ctx.world).nextTickAt = next;
    ctx.schedule(evaluationTask(next));
    return {};
  },
};
