import { Simulator, simulatorParts, type SimulatorParts } from '../src/engine/index.ts';
import { EVENTS_PER_ACCOUNT, cloudtrailModule } from '../src/engine/audit/index.ts';
import type { LogEntry, World } from '../src/engine/index.ts';
import { BENCH_SECRET_NAME, BENCH_SECRET_VALUE } from './fixture.ts';
import type { Metric } from './results.ts';

/**
 * CloudTrail's cost (issue 6): what the event-history record keeper takes from the pipeline's throughput (GetSecretValue
 * in process, with and without the keeper, per CPU second so other work on the machine matters less), and how fast
 * LookupEvents answers over a full history (5,000 events of an account, one attribute, a page of 50).
 */

const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 700);

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
  // Alternate the two worlds in pairs so drift in the machine's load touches both alike; the median pair decides.
  const pairs: { with: number; without: number }[] = [];
  for (let round = 0; round < 7; round++) pairs.push({ with: getSecretValueRate(world(full)), without: getSecretValueRate(world(without)) });
  const ratios = pairs.map((p) => p.with / p.without).sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 2)]!;
  const withKeeper = pairs.map((p) => p.with);
  const withoutKeeper = pairs.map((p) => p.without);

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

  // The keeper alone, on the entries one GetSecretValue leaves (the call and Secrets Manager's Decrypt): stable where
  // the pipeline ratio above is within the noise of a shared machine.
  const source = world(full);
  source.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: BENCH_SECRET_NAME } });
  const sample = source.state.log.entries.slice(-2) as LogEntry[];
  const keeper = cloudtrailModule.records!;
  const state = keeper.initial();
  let n = 0;
  const observed = perCpuSecond(() => {
    const entry = sample[n++ & 1]!;
    keeper.observe(state, entry, source.state as World);
  });

  return [
    { name: 'cloudtrail.recordKeeper.observe', value: observed, unit: 'per second', note: 'log entries turned into history (push, retention, bound)' },
    { name: 'cloudtrail.recordKeeperThroughputRatio', value: ratio, unit: 'ratio', note: `GetSecretValue per CPU s with / without the keeper, median of 7 pairs (best ${Math.round(Math.max(...withKeeper))} / ${Math.round(Math.max(...withoutKeeper))})` },
    { name: 'cloudtrail.lookupEvents.fullHistory', value: lookups, unit: 'per second', note: 'EventName filter, page of 50, over 5,000 events (per CPU s)' },
  ];
}
