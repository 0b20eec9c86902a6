import type { ServiceModule } from '../../kernel/index.ts';
import { metricRecordKeeper, ALARM_TASK } from './metric-records.ts';
import { deleteAlarms } from './operations/delete-alarms.ts';
import { describeAlarmHistory } from './operations/describe-alarm-history.ts';
import { describeAlarms } from './operations/describe-alarms.ts';
import { getMetricStatistics } from './operations/get-metric-statistics.ts';
import { listMetrics } from './operations/list-metrics.ts';
import { putMetricAlarm } from './operations/put-metric-alarm.ts';
import { putMetricData } from './operations/put-metric-data.ts';
import { CLOUDWATCH_SERVICE, cloudWatchStateSchema, emptyCloudWatchState } from './state.ts';
import { evaluateAlarmsTask } from './alarm-scheduler.ts';

/** Amazon CloudWatch (endpoint prefix `monitoring`): metrics, their retention, and metric alarms on virtual time. */
export const cloudWatchModule: ServiceModule = {
  name: CLOUDWATCH_SERVICE,
  iamPrefix: 'cloudwatch',
  targetPrefix: 'GraniteServiceVersion20100801',
  stateSchema: cloudWatchStateSchema,
  initialState: emptyCloudWatchState,
  operations: [
    putMetricAlarm,
    describeAlarms,
    deleteAlarms,
    describeAlarmHistory,
    getMetricStatistics,
    listMetrics,
    putMetricData,
  ],
  errorCodes: { validation: 'ValidationError' },
  taskHandlers: { [ALARM_TASK]: evaluateAlarmsTask },
  records: metricRecordKeeper,
};
