import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator, DAY, HOUR, MINUTE, monitoring } from '../../../../src/engine/index.ts';
import { aggregate, emptyMetricStore, putDatapoint, rollUp } from '../../../../src/engine/monitoring/cloudwatch/metric-store.ts';
import { cw, sm } from './helpers.ts';

const START = Date.UTC(2026, 0, 1);

describe('AWS/SecretsManager ResourceCount', () => {
  it('is published every hour, counts secrets scheduled for deletion, and ListMetrics shows it with its dimensions', () => {
    const sim = createSimulator();
    sm(sim, 'CreateSecret', { name: 'a', secretString: 'v' });
    sm(sim, 'CreateSecret', { name: 'b', secretString: 'v' });
    sim.advance(2 * HOUR + 30 * MINUTE);
    sm(sim, 'DeleteSecret', { secretId: 'b', recoveryWindowInDays: 7 });
    sm(sim, 'CreateSecret', { name: 'c', secretString: 'v' });
    sim.advance(2 * HOUR);
    const stats = cw(sim, 'GetMetricStatistics', {
      namespace: 'AWS/SecretsManager',
      metricName: 'ResourceCount',
      dimensions: monitoring.RESOURCE_COUNT_DIMENSIONS,
      startTime: START,
      endTime: START + 5 * HOUR,
      period: 3600,
      statistics: ['Maximum'],
    });
    expect(stats.datapoints.map((d: { timestamp: number; maximum: number }) => [(d.timestamp - START) / HOUR, d.maximum])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
      [3, 3],
      [4, 3],
    ]);
    sim.advance(8 * DAY); // b's recovery window ends: it is gone
    const later = cw(sim, 'GetMetricStatistics', {
      namespace: 'AWS/SecretsManager',
      metricName: 'ResourceCount',
      dimensions: monitoring.RESOURCE_COUNT_DIMENSIONS,
      startTime: sim.now - HOUR,
      endTime: sim.now + 1,
      period: 3600,
      statistics: ['Maximum'],
    });
    expect(later.datapoints.map((d: { maximum: number }) => d.maximum)).toEqual([2]);
    const listed = cw(sim, 'ListMetrics', { namespace: 'AWS/SecretsManager' }).metrics;
    expect(listed).toEqual([{ namespace: 'AWS/SecretsManager', metricName: 'ResourceCount', dimensions: monitoring.RESOURCE_COUNT_DIMENSIONS }]);
  });
});

describe('AWS/Usage CallCount', () => {
  it('counts each API call per operation per minute in the calling account, refused ones included', () => {
    const sim = createSimulator();
    sm(sim, 'CreateSecret', { name: 'a', secretString: 'v' });
    for (let i = 0; i < 3; i++) sm(sim, 'GetSecretValue', { secretId: 'a' });
    sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'missing' } });
    sim.advance(MINUTE);
    sm(sim, 'GetSecretValue', { secretId: 'a' });
    const { datapoints } = cw(sim, 'GetMetricStatistics', {
      ...monitoring.callCountMetric('111122223333', 'us-east-1', 'secretsmanager', 'GetSecretValue'),
      startTime: START,
      endTime: START + 2 * MINUTE,
      period: 60,
      statistics: ['Sum', 'SampleCount'],
    });
    expect(datapoints).toEqual([
      { timestamp: START, sum: 4, sampleCount: 4, unit: 'None' },
      { timestamp: START + MINUTE, sum: 1, sampleCount: 1, unit: 'None' },
    ]);
    const dims = cw(sim, 'ListMetrics', { namespace: 'AWS/Usage', dimensions: [{ name: 'Resource', value: 'GetSecretValue' }] }).metrics[0].dimensions;
    expect(dims).toEqual([
      { name: 'Class', value: 'None' },
      { name: 'Resource', value: 'GetSecretValue' },
      { name: 'Service', value: 'Secrets Manager' },
      { name: 'Type', value: 'API' },
    ]);
  });

  it('GetMetricStatistics refuses more than 1,440 datapoints, as CloudWatch does', () => {
    const sim = createSimulator();
    const result = sim.call({
      service: 'monitoring',
      operation: 'GetMetricStatistics',
      input: { namespace: 'AWS/Usage', metricName: 'CallCount', startTime: START, endTime: START + 2 * DAY, period: 60, statistics: ['Sum'] },
    });
    expect(!result.ok && result.error.code).toBe('InvalidParameterCombination');
  });
});

describe('metric retention', () => {
  it('rolls one-minute data into hours after 15 days and drops it after 455 days, keeping every sum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 * 24 * 60 }), fc.integer({ min: -50, max: 50 })), { minLength: 1, maxLength: 60 }), (points) => {
        const store = emptyMetricStore();
        const id = { accountId: '1', region: 'r', namespace: 'N', metricName: 'M', dimensions: [] };
        const sorted = [...points].sort((a, b) => a[0] - b[0]);
        for (const [minute, value] of sorted) putDatapoint(store, id, START + minute * MINUTE, value);
        const now = START + 41 * DAY;
        rollUp(store, now);
        const series = Object.values(store.series)[0]!;
        expect(series.minutes.every(([t]) => t >= now - monitoring.MINUTE_RETENTION)).toBe(true);
        const total = aggregate(series, START, now, 41 * DAY)[0]!;
        expect(total.sum).toBe(sorted.reduce((s, [, v]) => s + v, 0));
        expect(total.sampleCount).toBe(sorted.length);
        expect(total.maximum).toBe(Math.max(...sorted.map(([, v]) => v)));
        rollUp(store, now + monitoring.HOUR_RETENTION);
        expect(store.series).toEqual({});
      }),
      { numRuns: 60 },
    );
  });

  it('PutMetricData refuses the AWS/ namespaces', () => {
    const sim = createSimulator();
    const result = sim.call({ service: 'monitoring', operation: 'PutMetricData', input: { namespace: 'AWS/SecretsManager', metricData: [{ metricName: 'ResourceCount', value: 1 }] } });
    expect(!result.ok && result.error.code).toBe('InvalidParameterValue');
  });
});
