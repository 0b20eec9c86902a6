import { DAY, Simulator, simulatorParts, type SimulatorParts } from '../src/engine/index.ts';
import { BENCH_SECRET_NAME, BENCH_SECRET_VALUE } from './fixture.ts';
import type { Metric } from './results.ts';

/**
 * Monitoring's cost (issue 6, parts 2 and 3): what the three record keepers (CloudWatch metrics, EventBridge rules,
 * Security Hub's change-triggered checks) take from GetSecretValue throughput, and how long a year-long time jump
 * takes in a world that is being watched (100 secrets, 10 customer managed keys, three alarms, three rules), the
 * findings then read (730 periodic runs caught up).
 */

const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 1_500);
const MONITORING = new Set(['monitoring', 'events', 'securityhub']);

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function world(parts: SimulatorParts): Simulator {
  const sim = Simulator.create(parts, { seed: 'bench' });
  const created = sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: BENCH_SECRET_NAME, secretString: BENCH_SECRET_VALUE } });
  if (!created.ok) throw new Error(`bench set-up failed: ${created.error.code}`);
  return sim;
}

function getSecretValuePerCpuSecond(sim: Simulator): number {
  const request = { service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: BENCH_SECRET_NAME } };
  const run = (ms: number) => {
    let calls = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      for (let i = 0; i < 100; i++) if (!sim.call(request).ok) throw new Error('GetSecretValue failed in the benchmark');
      calls += 100;
    }
    return calls;
  };
  run(300);
  const before = cpuMs();
  const calls = run(MEASURE_MS);
  return (calls / (cpuMs() - before)) * 1000;
}

function must(sim: Simulator, service: string, operation: string, input: Record<string, unknown>) {
  const result = sim.call<Record<string, unknown>>({ service, operation, input });
  if (!result.ok) throw new Error(`${operation}: ${result.error.code}: ${result.error.message}`);
  return result.output;
}

export function watchedYear(): { advanceMs: number; findingsMs: number; findings: number } {
  const sim = Simulator.create(simulatorParts(), { seed: 'bench' });
  for (let i = 0; i < 10; i++) {
    const key = must(sim, 'kms', 'CreateKey', {}).keyMetadata as { keyId: string };
    for (let j = 0; j < 10; j++) must(sim, 'secretsmanager', 'CreateSecret', { name: `app/${i}/${j}`, secretString: 'v', kmsKeyId: key.keyId });
  }
  for (const [name, period] of [['calls', 60], ['five', 300], ['count', 3600]] as const) {
    must(sim, 'monitoring', 'PutMetricAlarm', { alarmName: name, namespace: 'AWS/Usage', metricName: 'CallCount', statistic: 'Sum', period, evaluationPeriods: 1, threshold: 100, comparisonOperator: 'GreaterThanThreshold' });
  }
  for (const name of ['deleted', 'rotation', 'reads']) {
    must(sim, 'events', 'PutRule', { name, eventPattern: JSON.stringify({ source: ['aws.secretsmanager'], detail: { eventName: [name] } }) });
    must(sim, 'events', 'PutTargets', { rule: name, targets: [{ id: 'inbox', arn: 'arn:aws:sns:us-east-1:111122223333:inbox' }] });
  }
  const start = performance.now();
  sim.advance(365 * DAY);
  const advanceMs = performance.now() - start;
  const read = performance.now();
  const found = must(sim, 'securityhub', 'GetFindings', { maxResults: 100 }).findings as unknown[];
  return { advanceMs, findingsMs: performance.now() - read, findings: found.length };
}

export function monitoringBench(): Metric[] {
  const full = simulatorParts();
  const without: SimulatorParts = { ...full, services: full.services.filter((m) => !MONITORING.has(m.name)) };
  // Alternate the two worlds so drift in the machine's load touches both alike; keep the best of three each.
  const withKeepers: number[] = [];
  const withoutKeepers: number[] = [];
  for (let round = 0; round < 3; round++) {
    withKeepers.push(getSecretValuePerCpuSecond(world(full)));
    withoutKeepers.push(getSecretValuePerCpuSecond(world(without)));
  }
  const year = watchedYear();
  return [
    {
      name: 'monitoring.recordKeepersThroughputRatio',
      value: Math.max(...withKeepers) / Math.max(...withoutKeepers),
      unit: 'ratio',
      note: `GetSecretValue per CPU s with / without CloudWatch, EventBridge and Security Hub (${Math.round(Math.max(...withKeepers))} / ${Math.round(Math.max(...withoutKeepers))})`,
    },
    { name: 'monitoring.watchedYearAdvance', value: year.advanceMs, unit: 'ms', note: '365 days, 100 secrets, 10 keys, alarms of 1 min / 5 min / 1 h, 3 rules' },
    { name: 'monitoring.getFindingsAfterYear', value: year.findingsMs, unit: 'ms', note: `first GetFindings after the jump: a year of 12-hourly runs caught up, evaluated where a check can flip (${year.findings} findings on the page)` },
  ];
}
