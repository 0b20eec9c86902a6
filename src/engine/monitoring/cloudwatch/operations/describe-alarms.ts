import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { ServiceError } from '../../../errors.ts';
import { alarmNameSchema } from '../schemas.ts';
import { ALARM_STATES, cloudWatchState, type MetricAlarm } from '../state.ts';

const input = z.object({
  alarmNames: z.array(alarmNameSchema).max(100).optional(),
  alarmNamePrefix: alarmNameSchema.optional(),
  stateValue: z.enum(ALARM_STATES).optional(),
  actionPrefix: z.string().min(1).max(1024).optional(),
  maxRecords: z.number().int().min(1).max(100).optional(),
  nextToken: z.string().optional(),
});

/** An alarm as DescribeAlarms shows it (timestamps in epoch milliseconds, as everywhere in the engine). */
export function alarmDescription(alarm: MetricAlarm) {
  return {
    alarmName: alarm.alarmName,
    alarmArn: alarm.alarmArn,
    ...(alarm.alarmDescription !== undefined ? { alarmDescription: alarm.alarmDescription } : {}),
    alarmConfigurationUpdatedTimestamp: alarm.alarmConfigurationUpdatedTimestamp,
    actionsEnabled: alarm.actionsEnabled,
    okActions: [...alarm.okActions],
    alarmActions: [...alarm.alarmActions],
    insufficientDataActions: [...alarm.insufficientDataActions],
    stateValue: alarm.stateValue,
    stateReason: alarm.stateReason,
    ...(alarm.stateReasonData !== undefined ? { stateReasonData: alarm.stateReasonData } : {}),
    stateUpdatedTimestamp: alarm.stateUpdatedTimestamp,
    metricName: alarm.metricName,
    namespace: alarm.namespace,
    statistic: alarm.statistic,
    dimensions: alarm.dimensions.map((d) => ({ name: d.name, value: d.value })),
    period: alarm.period,
    ...(alarm.unit !== undefined ? { unit: alarm.unit } : {}),
    evaluationPeriods: alarm.evaluationPeriods,
    datapointsToAlarm: alarm.datapointsToAlarm,
    threshold: alarm.threshold,
    comparisonOperator: alarm.comparisonOperator,
    treatMissingData: alarm.treatMissingData,
    stateTransitionedTimestamp: alarm.stateTransitionedTimestamp,
  };
}

export const describeAlarms: OperationDefinition<z.infer<typeof input>> = {
  service: 'monitoring',
  name: 'DescribeAlarms',
  action: 'cloudwatch:DescribeAlarms',
  readOnly: true,
  input,
  execute(ctx, request) {
    if (request.alarmNames && request.alarmNamePrefix !== undefined) {
      throw new ServiceError('InvalidParameterCombination', 'AlarmNames and AlarmNamePrefix cannot be specified together.');
    }
    const alarms = Object.values(cloudWatchState(ctx.world).alarms[`${ctx.principal.accountId}/${ctx.region}`] ?? {})
      .filter((a) => !request.alarmNames || request.alarmNames.includes(a.alarmName))
      .filter((a) => request.alarmNamePrefix === undefined || a.alarmName.startsWith(request.alarmNamePrefix))
      .filter((a) => request.stateValue === undefined || a.stateValue === request.stateValue)
      .filter((a) => request.actionPrefix === undefined || [...a.alarmActions, ...a.okActions, ...a.insufficientDataActions].some((x) => x.startsWith(request.actionPrefix!)))
      .sort((a, b) => (a.alarmName < b.alarmName ? -1 : 1));
    const start = request.nextToken === undefined ? 0 : Number.parseInt(request.nextToken, 10);
    if (!Number.isInteger(start) || start < 0 || start > alarms.length) throw new ServiceError('InvalidNextToken', 'The service returned an invalid pagination token.');
    const size = request.maxRecords ?? 50;
    return {
      metricAlarms: alarms.slice(start, start + size).map(alarmDescription),
      compositeAlarms: [],
      ...(start + size < alarms.length ? { nextToken: String(start + size) } : {}),
    };
  },
};
