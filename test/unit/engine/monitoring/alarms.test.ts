import { describe, expect, it } from 'vitest';
import { createSimulator, DAY, DEFAULT_START_TIME, HOUR, MINUTE, injectFault, monitoring, resourceState, type Simulator } from '../../../../src/engine/index.ts';
import { cw, pendingVersion, rotationSetup, sm, token } from './helpers.ts';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:secretslab-inbox';

function alarm(sim: Simulator, name: string) {
  return cw(sim, 'DescribeAlarms', { alarmNames: [name] }).metricAlarms[0];
}

function inbox(sim: Simulator): { via: string; name: string; title: string }[] {
  return (sim.state.records.events as { items: { via: string; name: string; title: string }[] }).items;
}

describe('an alarm on failed rotations (real rotation engine)', () => {
  it('goes to ALARM when a rotation fails and back to OK after a success, notifying its actions', () => {
    const { sim, secretArn, functionArn } = rotationSetup();
    cw(sim, 'PutMetricAlarm', {
      alarmName: 'rotation-failed',
      namespace: monitoring.ROTATION_NAMESPACE,
      metricName: monitoring.ROTATION_FAILED,
      statistic: 'Maximum',
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      // No rotation for weeks is not news: the alarm keeps its state until the next outcome.
      treatMissingData: 'ignore',
      alarmActions: [TOPIC],
      okActions: [TOPIC],
    });
    expect(alarm(sim, 'rotation-failed')).toMatchObject({ stateValue: 'INSUFFICIENT_DATA', stateReason: 'Unchecked: Initial alarm creation' });

    sm(sim, 'RotateSecret', { secretId: secretArn, rotationLambdaARN: functionArn, rotationRules: { automaticallyAfterDays: 30 }, clientRequestToken: token() });
    sim.advance(5 * MINUTE);
    expect(alarm(sim, 'rotation-failed').stateValue).toBe('OK');

    injectFault(sim, functionArn, 'testSecret', { kind: 'wrongPassword' });
    sim.advance(10 * MINUTE);
    sm(sim, 'RotateSecret', { secretId: secretArn, clientRequestToken: token() });
    sim.advance(5 * MINUTE);
    const failed = alarm(sim, 'rotation-failed');
    expect(failed.stateValue).toBe('ALARM');
    expect(failed.stateReason).toMatch(/^Threshold Crossed: 1 out of the last 1 datapoints \[1\.0 \(01\/01\/26 00:1\d:00\)\] was greater than or equal to the threshold \(1\.0\)/);

    // Quiet weeks do not clear it ('ignore' keeps the state).
    sim.advance(3 * DAY);
    expect(alarm(sim, 'rotation-failed').stateValue).toBe('ALARM');

    injectFault(sim, functionArn, 'testSecret', undefined);
    sm(sim, 'RotateSecret', { secretId: secretArn, clientRequestToken: pendingVersion(sim, secretArn) });
    sim.advance(5 * MINUTE);
    expect(alarm(sim, 'rotation-failed').stateValue).toBe('OK');

    const history = cw(sim, 'DescribeAlarmHistory', { alarmName: 'rotation-failed', historyItemType: 'StateUpdate', scanBy: 'TimestampAscending' }).alarmHistoryItems;
    expect(history.map((h: { historySummary: string }) => h.historySummary)).toEqual([
      'Alarm updated from INSUFFICIENT_DATA to OK',
      'Alarm updated from OK to ALARM',
      'Alarm updated from ALARM to OK',
    ]);
    expect(inbox(sim).filter((i) => i.via === 'alarm').map((i) => i.title)).toEqual([
      'rotation-failed: INSUFFICIENT_DATA → OK',
      'rotation-failed: OK → ALARM',
      'rotation-failed: ALARM → OK',
    ]);
  });
});

describe('alarm evaluation (M out of N, missing data)', () => {
  /** An alarm on a custom metric, and the values put one per period (undefined: no datapoint that period). */
  function run(values: (number | undefined)[], options: { evaluationPeriods: number; datapointsToAlarm?: number; treatMissingData?: string }) {
    const sim = createSimulator();
    cw(sim, 'PutMetricAlarm', {
      alarmName: 'a',
      namespace: 'Lab',
      metricName: 'Errors',
      statistic: 'Sum',
      period: 60,
      threshold: 5,
      comparisonOperator: 'GreaterThanThreshold',
      ...options,
    });
    const states: string[] = [];
    for (const value of values) {
      if (value !== undefined) cw(sim, 'PutMetricData', { namespace: 'Lab', metricData: [{ metricName: 'Errors', value }] });
      sim.advance(MINUTE);
      states.push(alarm(sim, 'a').stateValue);
    }
    return states;
  }

  it('alarms when M of the last N periods breach', () => {
    expect(run([9, 1, 9, 9, 1, 1], { evaluationPeriods: 3, datapointsToAlarm: 2 })).toEqual(['OK', 'OK', 'ALARM', 'ALARM', 'ALARM', 'OK']);
    expect(run([9, 9, 9], { evaluationPeriods: 3 })).toEqual(['OK', 'OK', 'ALARM']);
  });

  it('treats missing data as missing (INSUFFICIENT_DATA when all are missing), breaching, notBreaching, or ignore', () => {
    const gap = [9, undefined, undefined, undefined];
    expect(run(gap, { evaluationPeriods: 2, datapointsToAlarm: 1 })).toEqual(['ALARM', 'ALARM', 'INSUFFICIENT_DATA', 'INSUFFICIENT_DATA']);
    expect(run(gap, { evaluationPeriods: 2, datapointsToAlarm: 1, treatMissingData: 'notBreaching' })).toEqual(['ALARM', 'ALARM', 'OK', 'OK']);
    expect(run([1, undefined, undefined], { evaluationPeriods: 2, datapointsToAlarm: 2, treatMissingData: 'breaching' })).toEqual(['OK', 'OK', 'ALARM']);
    expect(run(gap, { evaluationPeriods: 2, datapointsToAlarm: 1, treatMissingData: 'ignore' })).toEqual(['ALARM', 'ALARM', 'ALARM', 'ALARM']);
  });

  it('an alarm on AWS/Usage CallCount sees GetSecretValue calls per minute', () => {
    const sim = createSimulator();
    const arn = sm(sim, 'CreateSecret', { name: 'hot', secretString: 'v' }).arn;
    cw(sim, 'PutMetricAlarm', {
      alarmName: 'reads',
      ...monitoring.callCountMetric('111122223333', 'us-east-1', 'secretsmanager', 'GetSecretValue'),
      statistic: 'Sum',
      period: 60,
      evaluationPeriods: 1,
      threshold: 10,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
    });
    for (let i = 0; i < 11; i++) sm(sim, 'GetSecretValue', { secretId: arn });
    sim.advance(MINUTE);
    expect(alarm(sim, 'reads').stateValue).toBe('ALARM');
    sim.advance(MINUTE);
    expect(alarm(sim, 'reads').stateValue).toBe('OK');
  });

  it('keeps one evaluation task in the schedule for any number of alarms, and none without alarms', () => {
    const sim = createSimulator();
    expect(sim.state.schedule.tasks).toEqual([]);
    for (const [name, period] of [['one', 60], ['five', 300], ['hour', 3600]] as const) {
      cw(sim, 'PutMetricAlarm', { alarmName: name, namespace: 'Lab', metricName: 'M', statistic: 'Sum', period, evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanThreshold' });
    }
    expect(sim.state.schedule.tasks.filter((t) => t.kind === 'monitoring.evaluateAlarms')).toHaveLength(1);
    sim.advance(2 * HOUR);
    expect(sim.state.schedule.tasks.filter((t) => t.kind === 'monitoring.evaluateAlarms')).toHaveLength(1);
    cw(sim, 'DeleteAlarms', { alarmNames: ['one', 'five', 'hour'] });
    sim.advance(HOUR);
    expect(sim.state.schedule.tasks).toEqual([]);
  });
});

describe('alarm evaluation on long time jumps', () => {
  it('rests while its window is empty, yet a jump still records each transition at the period end it happened', () => {
    const sim = createSimulator();
    cw(sim, 'PutMetricAlarm', { alarmName: 'spike', namespace: 'Lab', metricName: 'M', statistic: 'Maximum', period: 60, evaluationPeriods: 1, threshold: 5, comparisonOperator: 'GreaterThanThreshold', treatMissingData: 'notBreaching' });
    cw(sim, 'PutMetricData', { namespace: 'Lab', metricData: [{ metricName: 'M', value: 9 }] });
    const start = sim.now;
    sim.advance(30 * DAY);
    const history = cw(sim, 'DescribeAlarmHistory', { alarmName: 'spike', historyItemType: 'StateUpdate', scanBy: 'TimestampAscending' }).alarmHistoryItems;
    expect(history.map((h: { timestamp: number; historySummary: string }) => [h.timestamp - start, h.historySummary])).toEqual([
      [MINUTE, 'Alarm updated from INSUFFICIENT_DATA to ALARM'],
      [2 * MINUTE, 'Alarm updated from ALARM to OK'],
    ]);
    // Resting: the one evaluation task wakes once an hour, not every minute.
    const tick = () => sim.state.schedule.tasks.filter((t) => t.kind === 'monitoring.evaluateAlarms');
    expect(tick()).toHaveLength(1);
    sim.advanceTo(tick()[0]!.at);
    expect(tick()[0]!.at - sim.now).toBe(HOUR);
    // A successful call's datapoint wakes it for the next period end.
    cw(sim, 'PutMetricData', { namespace: 'Lab', metricData: [{ metricName: 'M', value: 7 }] });
    expect(sim.state.schedule.tasks.find((t) => t.kind === 'monitoring.evaluateAlarms')!.at - sim.now).toBeLessThanOrEqual(MINUTE);
    sim.advance(MINUTE);
    expect(alarm(sim, 'spike').stateValue).toBe('ALARM');
  });
});

describe('refused calls', () => {
  it('count in CallCount but change no resource, not even the schedule of a resting alarm', () => {
    const sim = createSimulator();
    cw(sim, 'PutMetricAlarm', { alarmName: 'reads', ...monitoring.callCountMetric('111122223333', 'us-east-1', 'secretsmanager', 'GetSecretValue'), statistic: 'Sum', period: 60, evaluationPeriods: 1, threshold: 0, comparisonOperator: 'GreaterThanThreshold', treatMissingData: 'notBreaching' });
    sim.advance(2 * HOUR);
    const before = structuredClone(resourceState(sim.state));
    const refused = sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'missing' } });
    expect(refused.ok).toBe(false);
    expect(resourceState(sim.state)).toEqual(before);
    // Its datapoint is still evaluated when the alarm next wakes, at the instant it mattered.
    sim.advance(HOUR);
    const history = cw(sim, 'DescribeAlarmHistory', { alarmName: 'reads', historyItemType: 'StateUpdate', scanBy: 'TimestampAscending' }).alarmHistoryItems;
    expect(history.map((h: { newState: string; timestamp: number }) => [h.newState, h.timestamp - DEFAULT_START_TIME])).toEqual([
      ['OK', MINUTE],
      ['ALARM', 2 * HOUR + MINUTE],
      ['OK', 2 * HOUR + 2 * MINUTE],
    ]);
  });
});

describe('alarm API checks', () => {
  it('PutMetricAlarm refuses DatapointsToAlarm above EvaluationPeriods and a bad enum (ValidationError)', () => {
    const sim = createSimulator();
    const base = { alarmName: 'x', namespace: 'Lab', metricName: 'M', statistic: 'Sum', period: 60, threshold: 1, comparisonOperator: 'GreaterThanThreshold' };
    const tooMany = sim.call({ service: 'monitoring', operation: 'PutMetricAlarm', input: { ...base, evaluationPeriods: 1, datapointsToAlarm: 2 } });
    expect(!tooMany.ok && tooMany.error.code).toBe('ValidationError');
    const badOperator = sim.call({ service: 'monitoring', operation: 'PutMetricAlarm', input: { ...base, evaluationPeriods: 1, comparisonOperator: 'Bigger' } });
    expect(!badOperator.ok && badOperator.error.message).toMatch(/^1 validation error detected: Value 'Bigger' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set/);
    expect(cw(sim, 'DescribeAlarms', {}).metricAlarms).toEqual([]);
  });

  it('DeleteAlarms with an unknown name deletes nothing (ResourceNotFound)', () => {
    const sim = createSimulator();
    cw(sim, 'PutMetricAlarm', { alarmName: 'keep', namespace: 'Lab', metricName: 'M', statistic: 'Sum', period: 60, evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanThreshold' });
    const result = sim.call({ service: 'monitoring', operation: 'DeleteAlarms', input: { alarmNames: ['keep', 'missing'] } });
    expect(!result.ok && result.error.code).toBe('ResourceNotFound');
    expect(cw(sim, 'DescribeAlarms', {}).metricAlarms.map((a: { alarmName: string }) => a.alarmName)).toEqual(['keep']);
  });
});
