import { HOUR, MINUTE, addTask, isoTime, removeTasks, type ScheduledTask } from '../../clock/index.ts';
import type { OperationContext, World } from '../../kernel/index.ts';
import { deliver } from '../events/state.ts';
import { evaluateAlarm } from './alarm-evaluation.ts';
import { recordHistory } from './alarm-history.ts';
import { ALARM_TASK } from './metric-records.ts';
import { readSeries } from './metric-source.ts';
import { bucketStarts, lastBucketStart, seriesKey } from './metric-store.ts';
import { allAlarms, cloudWatchState, type AlarmState, type MetricAlarm } from './state.ts';

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

/**
 * Evaluates an alarm at every period end from where it was last evaluated up to `now`, as CloudWatch would have at
 * each one. Only the period ends where the window's contents change can change the outcome (a datapoint entering the
 * window, or leaving it), so only those are evaluated: a quiet month costs nothing, and every transition still
 * carries the instant it happened.
 */
export function catchUp(world: World, alarm: MetricAlarm, now: number): void {
  const periodMs = alarm.period * 1000;
  const windowMs = alarm.evaluationPeriods * periodMs;
  const lastEnd = Math.floor(now / periodMs) * periodMs;
  const from = alarm.lastEvaluatedAt ?? alarm.alarmConfigurationUpdatedTimestamp;
  if (lastEnd <= from) return;
  const series = readSeries(world, seriesKey(alarm), from - windowMs, lastEnd);
  const instants = new Set<number>([Math.floor(from / periodMs) * periodMs + periodMs, lastEnd]);
  for (const bucket of bucketStarts(series, from - windowMs, lastEnd)) {
    const periodStart = Math.floor(bucket / periodMs) * periodMs;
    for (let k = 1; k <= alarm.evaluationPeriods + 1; k++) {
      const end = periodStart + k * periodMs;
      if (end > from && end <= lastEnd) instants.add(end);
    }
  }
  for (const at of [...instants].sort((a, b) => a - b)) {
    if (at <= from || at > lastEnd) continue;
    const result = evaluateAlarm(alarm, series, at);
    if (result.state !== alarm.stateValue) transition(world, alarm, result.state, result.reason, result.recentDatapoints, at);
  }
  alarm.lastEvaluatedAt = lastEnd;
}

/**
 * When the evaluation task should next run: at the next period end of an alarm whose recent data can still change its
 * state, otherwise within the hour (a quiet alarm need not wake every minute: catch-up evaluates what it missed, and
 * a new datapoint from a successful call wakes it early, see wakeAlarms). Undefined when there is no alarm.
 */
export function nextEvaluation(world: World, alarms: readonly MetricAlarm[], now: number): number | undefined {
  let next: number | undefined;
  for (const alarm of alarms) {
    const periodMs = alarm.period * 1000;
    const end = Math.floor(now / periodMs) * periodMs + periodMs;
    const windowMs = (alarm.evaluationPeriods + 1) * periodMs;
    const latest = lastBucketStart(readSeries(world, seriesKey(alarm), end - windowMs, end));
    // A new alarm is evaluated at its first period end; after that only data still inside a window keeps it awake.
    const firstEnd = Math.floor(alarm.alarmConfigurationUpdatedTimestamp / periodMs) * periodMs + periodMs;
    const evaluatedOnce = (alarm.lastEvaluatedAt ?? 0) >= firstEnd;
    const active = !evaluatedOnce || (latest !== undefined && latest >= end - windowMs);
    const at = active ? end : Math.max(end, Math.ceil((now + HOUR) / periodMs) * periodMs);
    if (next === undefined || at < next) next = at;
  }
  return next;
}

export function evaluationTask(at: number): Omit<ScheduledTask, 'id'> {
  return { at, kind: ALARM_TASK, payload: {}, description: 'CloudWatch evaluates metric alarms' };
}

/**
 * Alarm evaluation: one task in the schedule while any alarm exists (not one per alarm). It catches every alarm up
 * to now and schedules itself again; worlds without alarms schedule nothing.
 */
export function evaluateAlarmsTask(ctx: OperationContext): void {
  const world = ctx.world;
  const alarms = allAlarms(world);
  for (const alarm of alarms) catchUp(world, alarm, ctx.now);
  const next = nextEvaluation(world, alarms, ctx.now);
  const state = cloudWatchState(world);
  if (next === undefined) {
    delete state.nextTickAt;
    return;
  }
  state.nextTickAt = next;
  ctx.schedule(evaluationTask(next));
}

/**
 * A new datapoint in a namespace (from a successful call or a service event) may matter to an alarm on it that is
 * resting until the hour: bring the evaluation task forward to that alarm's next period end. Refused calls may not
 * touch the schedule; their data is caught up at the next run.
 */
export function wakeAlarms(world: World, at: number, namespace: string): void {
  const state = world.services.monitoring as { nextTickAt?: number } | undefined;
  const scheduled = state?.nextTickAt;
  if (scheduled === undefined || scheduled <= Math.floor(at / MINUTE) * MINUTE + MINUTE) return;
  let next = scheduled;
  for (const alarm of allAlarms(world)) {
    if (alarm.namespace !== namespace) continue;
    const periodMs = alarm.period * 1000;
    next = Math.min(next, Math.floor(at / periodMs) * periodMs + periodMs);
  }
  if (next >= scheduled) return;
  removeTasks(world.schedule, (task) => task.kind === ALARM_TASK);
  addTask(world.schedule, evaluationTask(next));
  state!.nextTickAt = next;
}
