import { z } from 'zod';
import type { OperationDefinition } from '../../../kernel/index.ts';
import { alarmNameSchema } from '../schemas.ts';
import { cloudWatchState } from '../state.ts';

const input = z.object({
  alarmName: alarmNameSchema.optional(),
  historyItemType: z.enum(['ConfigurationUpdate', 'StateUpdate', 'Action']).optional(),
  startDate: z.number().optional(),
  endDate: z.number().optional(),
  maxRecords: z.number().int().min(1).max(100).optional(),
  scanBy: z.enum(['TimestampDescending', 'TimestampAscending']).optional(),
});

export const describeAlarmHistory: OperationDefinition<z.infer<typeof input>> = {
  service: 'monitoring',
  name: 'DescribeAlarmHistory',
  action: 'cloudwatch:DescribeAlarmHistory',
  readOnly: true,
  input,
  execute(ctx, request) {
    const alarms = Object.values(cloudWatchState(ctx.world).alarms[`${ctx.principal.accountId}/${ctx.region}`] ?? {});
    const items = alarms
      .filter((a) => request.alarmName === undefined || a.alarmName === request.alarmName)
      .flatMap((a) => a.history.map((h) => ({ alarmName: a.alarmName, alarmType: 'MetricAlarm', ...h })))
      .filter((h) => request.historyItemType === undefined || h.historyItemType === request.historyItemType)
      .filter((h) => (request.startDate === undefined || h.timestamp >= request.startDate) && (request.endDate === undefined || h.timestamp <= request.endDate))
      .sort((a, b) => (request.scanBy === 'TimestampAscending' ? a.timestamp - b.timestamp : b.timestamp - a.timestamp))
      .slice(0, request.maxRecords ?? 100);
    return { alarmHistoryItems: items };
  },
};
