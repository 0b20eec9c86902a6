import { Simulator, simulatorParts, type SimulatorParts } from '../src/engine/index.ts';
import { EVENTS_PER_ACCOUNT } from '../src/engine/audit/index.ts';
import { BENCH_SECRET_NAME, BENCH_SECRET_VALUE } from './fixture.ts';
import type { Metric } from './results.ts';

/**
 * CloudTrail's cost (issue 6): what the event-history record keeper takes from the pipeline's throughput (GetSecretValue
 * in process, with and without the keeper, per CPU second so other work on the machine matters less), and how fast
 * LookupEvents answers over a full history (5,000 events of an account, one attribute, a page of 50).
 */

const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 1_500);

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

/** Calls per CPU second of `call` over MEASURE_MS of wall time, after a warm-up. */
function perCpuSecond(call: () => void): number {
  const run = (ms: number) => {
    let calls = 0;
    const start = performance.now();
    while (performance.now() - start < ms) {
      for (let i = 0; i < 100; i++) call();
      calls += 100;
    }
    return calls;
  };
  run(300);
  const before = cpuMs();
  const calls = run(MEASURE_MS);
  return (calls / (cpuMs() - before)) * 1000;
}

function getSecretValueRate(sim: Simulator): number {
  const request = { service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: BENCH_SECRET_NAME } };
  return perCpuSecond(() => {
    if (!sim.call(request).ok) throw new Error('GetSecretValue failed in the benchmark');
  });
}

export function auditBench(): Metric[] {
  const full = simulatorParts();
  const without: SimulatorParts = { ...full, services: full.services.filter((m) => m.name !== 'cloudtrail') };
  // Alternate the two worlds so drift in the machine's load touches both alike; keep the best of three each.
  const withKeeper: number[] = [];
  const withoutKeeper: number[] = [];
  for (let round = 0; round < 3; round++) {
    withKeeper.push(getSecretValueRate(world(full)));
    withoutKeeper.push(getSecretValueRate(world(without)));
  }
  const ratio = Math.max(...withKeeper) / Math.max(...withoutKeeper);

  // A full history: reads and writes of 50 secrets until the account holds its 5,000 events.
  const sim = world(full);
  for (let i = 0; i < 50; i++) sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: `app/${i}`, secretString: 'x' } });
  for (let i = 0; sim.state.log.nextSequence < EVENTS_PER_ACCOUNT * 1.1; i++) {
    sim.call({ service: 'secretsmanager', operation: i % 5 === 0 ? 'DescribeSecret' : 'GetSecretValue', input: { secretId: `app/${i % 50}` } });
  }
  const lookup = { service: 'cloudtrail', operation: 'LookupEvents', input: { lookupAttributes: [{ attributeKey: 'EventName', attributeValue: 'DescribeSecret' }], maxResults: 50 } };
  const lookups = perCpuSecond(() => {
    const result = sim.call<{ events: unknown[] }>(lookup);
    if (!result.ok || result.output.events.length !== 50) throw new Error('LookupEvents failed in the benchmark');
  });

  return [
    { name: 'cloudtrail.recordKeeperThroughputRatio', value: ratio, unit: 'ratio', note: `GetSecretValue per CPU s with / without the keeper (${Math.round(Math.max(...withKeeper))} / ${Math.round(Math.max(...withoutKeeper))})` },
    { name: 'cloudtrail.lookupEvents.fullHistory', value: lookups, unit: 'per second', note: 'EventName filter, page of 50, over 5,000 events (per CPU s)' },
  ];
}
