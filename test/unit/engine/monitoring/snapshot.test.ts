import { describe, expect, it } from 'vitest';
import { createSimulator, DAY, loadSimulator, resourceState } from '../../../../src/engine/index.ts';
import { call, cw, sm } from './helpers.ts';

describe('monitoring state in snapshots', () => {
  it('alarms, rules, metrics, the inbox and findings survive save and load, and the loaded world carries on identically', () => {
    const sim = createSimulator();
    const arn = sm(sim, 'CreateSecret', { name: 'kept', secretString: 'v' }).arn;
    cw(sim, 'PutMetricAlarm', { alarmName: 'reads', namespace: 'AWS/Usage', metricName: 'CallCount', dimensions: [{ name: 'Class', value: 'None' }, { name: 'Resource', value: 'GetSecretValue' }, { name: 'Service', value: 'Secrets Manager' }, { name: 'Type', value: 'API' }], statistic: 'Sum', period: 60, evaluationPeriods: 1, threshold: 2, comparisonOperator: 'GreaterThanThreshold', treatMissingData: 'notBreaching', alarmActions: ['arn:aws:sns:us-east-1:111122223333:inbox'] });
    call(sim, 'events', 'PutRule', { name: 'deleted', eventPattern: JSON.stringify({ source: ['aws.secretsmanager'], detail: { eventName: ['DeleteSecret'] } }) });
    call(sim, 'events', 'PutTargets', { rule: 'deleted', targets: [{ id: 'inbox', arn: 'arn:aws:sns:us-east-1:111122223333:inbox' }] });
    for (let i = 0; i < 3; i++) sm(sim, 'GetSecretValue', { secretId: arn });
    sim.advance(DAY);

    const loaded = loadSimulator(JSON.parse(JSON.stringify(sim.snapshot())));
    expect(loaded.state.records).toEqual(sim.state.records);
    for (const next of [sim, loaded]) {
      sm(next, 'DeleteSecret', { secretId: arn, recoveryWindowInDays: 7 });
      next.advance(100 * DAY);
    }
    expect(resourceState(loaded.state)).toEqual(resourceState(sim.state));
    expect(loaded.state.records).toEqual(sim.state.records);
    expect(cw(loaded, 'DescribeAlarms', {}).metricAlarms[0].stateValue).toBe('OK');
  });

  it('a snapshot with a malformed metric series is refused', () => {
    const sim = createSimulator();
    sm(sim, 'CreateSecret', { name: 'x', secretString: 'v' });
    const broken = JSON.parse(JSON.stringify(sim.snapshot()));
    const series = Object.values(broken.records.monitoring.metrics.series)[0] as { minutes: unknown[] };
    series.minutes = [['not a time', 1, 1, 1, 1]];
    expect(() => loadSimulator(broken)).toThrow(/records\.monitoring/);
  });
});
