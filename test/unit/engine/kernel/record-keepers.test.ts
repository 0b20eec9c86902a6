import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { Simulator, resourceState, type ServiceModule } from '../../../../src/engine/kernel/index.ts';
import { createSimulator, loadSimulator, simulatorParts } from '../../../../src/engine/index.ts';

/** A keeper that counts what it sees: calls by error code, and service events. */
const counter: ServiceModule = {
  name: 'counter',
  iamPrefix: 'counter',
  targetPrefix: 'Counter',
  stateSchema: z.object({}),
  initialState: () => ({}),
  operations: [],
  records: {
    schema: z.object({ calls: z.number(), denied: z.number() }),
    initial: () => ({ calls: 0, denied: 0 }),
    observe(state, entry) {
      const counts = state as { calls: number; denied: number };
      if (entry.kind !== 'call') return;
      counts.calls += 1;
      if (entry.errorCode) counts.denied += 1;
    },
  },
};

function withCounter(): Simulator {
  const parts = simulatorParts();
  return Simulator.create({ ...parts, services: [...parts.services, counter] });
}

describe('record keepers', () => {
  it('see every call, allowed or refused, in world.records, which a refused call may move but resources may not', () => {
    const sim = withCounter();
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'a', secretString: 'x' } });
    const before = structuredClone(resourceState(sim.state));
    const refused = sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'missing' } });
    expect(refused.ok).toBe(false);
    // CreateSecret, the KMS call Secrets Manager made for it (a nested call is an entry too), the refused read.
    expect(sim.state.records.counter).toEqual({ calls: 3, denied: 1 });
    expect(resourceState(sim.state)).toEqual(before);
  });

  it('keep their records through a snapshot round trip, validated by their schema', () => {
    const sim = withCounter();
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {} });
    const parts = simulatorParts();
    const loaded = Simulator.fromSnapshot({ ...parts, services: [...parts.services, counter] }, sim.snapshot());
    expect(loaded.state.records.counter).toEqual({ calls: 1, denied: 0 });
    const broken = { ...sim.snapshot(), records: { counter: { calls: 'many' } } };
    expect(() => Simulator.fromSnapshot({ ...parts, services: [...parts.services, counter] }, broken)).toThrow(/records\.counter/);
  });

  it('start empty when a snapshot was saved before the keeper (or its service) existed', () => {
    const old = createSimulator().snapshot() as unknown as { services: Record<string, unknown> };
    const parts = simulatorParts();
    const loaded = Simulator.fromSnapshot({ ...parts, services: [...parts.services, counter] }, old);
    expect(loaded.state.records.counter).toEqual({ calls: 0, denied: 0 });
    expect(loaded.state.services.counter).toEqual({});
  });

  it('migrates a version 1 world (no records) to version 2', () => {
    const v1 = { ...createSimulator().snapshot() } as Record<string, unknown>;
    delete v1.records;
    v1.schemaVersion = 1;
    const loaded = loadSimulator(v1);
    expect(loaded.state.schemaVersion).toBe(2);
    // Its history starts empty: every record keeper at its initial state, as in a new world.
    expect(Object.keys(loaded.state.records).length).toBeGreaterThan(0);
    expect(loaded.state.records).toEqual(createSimulator().state.records);
  });
});
