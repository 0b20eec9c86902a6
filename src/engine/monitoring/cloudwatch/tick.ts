import { isoTime } from '../../clock/index.ts';
import type { ScheduledTask } from '../../clock/index.ts';
import type { OperationContext, World } from '../../kernel/index.ts';
import { deliver } from '../events/state.ts';
import { evaluateAlarm } from './alarm-evaluation.ts';
import { recordHistory } from './alarm-history.ts';
import { TICK_TASK } from './metric-records.ts';
import { readSeries } from './metric-source.ts';
import { seriesKey } from './metric-store.ts';
import { allAlarms, type AlarmState, type MetricAlarm } from './state.ts';

function transition(world: World, alarm: MetricAlarm, state: AlarmState, reason: string, datapoints: number[], now: number): void {
  const old = alarm.stateValue;
  alarm.stateValue = state;
  alarm.stateReason = reason;
  alarm.stateReasonData = JSON.stringify({
    version: '1.0',
    queryDate: isoTime(now),
    statistic: alarm.statistic,
    period: alarm.period,
    recentDatapoints: datapoints,
    threshold: alarm.threshold,
    evaluatedDatapoints: datapoints.length,
  });
  alarm.stateUpdatedTimestamp = now;
  alarm.stateTransitionedTimestamp = now;
  recordHistory(alarm, { timestamp: now, historyItemType: 'StateUpdate', oldState: old, newState: state, historySummary: `Alarm updated from ${old} to ${state}` });
  const actions = state === 'ALARM' ? alarm.alarmActions : state === 'OK' ? alarm.okActions : alarm.insufficientDataActions;
  if (!alarm.actionsEnabled || actions.length === 0) return;
  // What an SNS topic subscribed to the alarm would receive: the alarm's new state and why.
  deliver(world, {
    time: now,
    accountId: alarm.accountId,
    region: alarm.region,
    via: 'alarm',
    name: alarm.alarmName,
    targets: actions,
    title: `${alarm.alarmName}: ${old} → ${state}`,
    event: {
      AlarmName: alarm.alarmName,
      AlarmArn: alarm.alarmArn,
      AWSAccountId: alarm.accountId,
      NewStateValue: state,
      OldStateValue: old,
      NewStateReason: reason,
      StateChangeTime: isoTime(now),
      Region: alarm.region,
      Trigger: {
        MetricName: alarm.metricName,
        Namespace: alarm.namespace,
        Statistic: alarm.statistic.toUpperCase(),
        Period: alarm.period,
        EvaluationPeriods: alarm.evaluationPeriods,
        DatapointsToAlarm: alarm.datapointsToAlarm,
        ComparisonOperator: alarm.comparisonOperator,
        Threshold: alarm.threshold,
        TreatMissingData: alarm.treatMissingData,
        Dimensions: alarm.dimensions,
      },
    },
  });
}

/** The earliest period end, after `now`, of any alarm; undefined when there is no alarm to evaluate. */
export function nextEvaluation(alarms: readonly MetricAlarm[], now: number): number | undefined {
  let next: number | undefined;
  for (const alarm of alarms) {
    const periodMs = alarm.period * 1000;
    const end = Math.floor(now / periodMs) * periodMs + periodMs;
    if (next === undefined || end < next) next = end;
  }
  return next;
}

export function evaluationTask(at: number): Omit<ScheduledTask, 'id'> {
  return { at, kind: TICK_TASK, payload: {}, description: 'CloudWatch evaluates metric alarms' };
}

/**
 * Alarm evaluation: one task in the schedule while any alarm exists (not one per alarm), run at the end of each
 * period some alarm has; it evaluates the alarms whose period ends then and schedules itself for the next period end.
 * Worlds without alarms schedule nothing, so long time jumps cost nothing.
 */
export function evaluateAlarmsTask(ctx: OperationContext): void {
  const world = ctx.world;
  const now = ctx.now;
  const alarms = allAlarms(world);
  for (const alarm of alarms) {
    const periodMs = alarm.period * 1000;
    if (now % periodMs !== 0) continue;
    const series = readSeries(world, seriesKey(alarm), now - alarm.evaluationPeriods * periodMs, now);
    const result = evaluateAlarm(alarm, series, now);
    if (result.state !== alarm.stateValue) transition(world, alarm, result.state, result.reason, result.recentDatapoints, now);
  }
  const next = nextEvaluation(alarms, now);
  if (next !== undefined) ctx.schedule(evaluationTask(next));
}
