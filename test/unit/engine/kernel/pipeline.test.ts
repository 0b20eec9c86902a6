import { describe, expect, it } from 'vitest';
import { createSimulator, DEFAULT_START_TIME, loadSimulator, SnapshotError } from '../../../../src/engine/index.ts';
import { migrations } from '../../../../src/engine/kernel/index.ts';

describe('the call pipeline', () => {
  it('refuses an unknown access key before anything else, and logs nothing for it', () => {
    const sim = createSimulator();
    const result = sim.call({ service: 'secretsmanager', operation: 'ListSecrets', caller: { accessKeyId: 'AKIANOTAREALKEY00000' } });
    expect(result.ok || result.error.code).toBe('UnrecognizedClientException');
    expect(sim.state.log.entries).toHaveLength(0);
  });

  it('answers an operation it does not know with UnknownOperationException', () => {
    const sim = createSimulator();
    const result = sim.call({ service: 'secretsmanager', operation: 'MakeCoffee' });
    expect(result.ok || result.error.code).toBe('UnknownOperationException');
  });

  it('records a refused call with its error code, and meters only successes', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: 'missing' } });
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets' });
    const [refused, listed] = sim.state.log.entries;
    expect(refused).toMatchObject({ kind: 'call', operation: 'DescribeSecret', errorCode: 'ResourceNotFoundException' });
    expect(listed).toMatchObject({ kind: 'call', operation: 'ListSecrets' });
    expect(listed && 'errorCode' in listed).toBe(false);
    expect(sim.state.usage['2026-01']?.['111122223333']).toEqual({ 'secretsmanager:ListSecrets': 1 });
  });

  it('identifies the caller by access key or principal ARN, and refuses an unknown principal', () => {
    const sim = createSimulator();
    expect(sim.identify({ accessKeyId: 'test' })?.arn).toBe('arn:aws:iam::111122223333:user/admin');
    expect(sim.identify({ principalArn: 'arn:aws:iam::444455556666:user/admin' })?.accountId).toBe('444455556666');
    expect(sim.identify({ principalArn: 'arn:aws:iam::444455556666:user/nobody' })).toBeUndefined();
  });

  it('takes the region from the request, so each region has its own secrets', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', region: 'eu-west-1', input: { name: 'regional', secretString: 'x' } });
    const here = sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: 'regional' } });
    const there = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'DescribeSecret', region: 'eu-west-1', input: { secretId: 'regional' } });
    expect(here.ok).toBe(false);
    expect(there.ok && there.output.arn).toMatch(/^arn:aws:secretsmanager:eu-west-1:111122223333:secret:regional-/);
  });

  it('is deterministic: the same seed and calls give the same world', () => {
    const run = () => {
      const sim = createSimulator({ seed: 'replay' });
      sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'a', secretString: 'x' } });
      sim.call({ service: 'secretsmanager', operation: 'GetRandomPassword' });
      return JSON.stringify(sim.snapshot());
    };
    expect(run()).toBe(run());
    const other = createSimulator({ seed: 'other' });
    other.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'a', secretString: 'x' } });
    expect(JSON.stringify(other.snapshot())).not.toBe(run());
  });
});

describe('virtual time', () => {
  it('starts at a fixed instant and runs scheduled work in order as time advances', () => {
    const sim = createSimulator();
    expect(sim.now).toBe(DEFAULT_START_TIME);
    for (const [name, days] of [['late', 20], ['early', 7]] as const) {
      sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name, secretString: 'x' } });
      sim.call({ service: 'secretsmanager', operation: 'DeleteSecret', input: { secretId: name, recoveryWindowInDays: days } });
    }
    expect(sim.nextTask()?.payload.name).toBe('early');
    const events: string[] = [];
    sim.subscribe((event) => {
      if (event.type === 'service-event') events.push(`${event.record.eventName}:${String(event.record.details.secretId).split(':').pop()}`);
    });
    sim.advance({ days: 10 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/^DeleteSecret:early-/);
    sim.advance({ days: 10 });
    expect(events).toHaveLength(2);
    expect(sim.now).toBe(DEFAULT_START_TIME + 20 * 86_400_000);
  });

  it('never moves backwards', () => {
    const sim = createSimulator();
    expect(() => sim.advanceTo(DEFAULT_START_TIME - 1)).toThrow(RangeError);
  });
});

describe('snapshots', () => {
  it('refuses text that is not JSON, a wrong shape and a newer schema version, with a clear error', () => {
    expect(() => loadSimulator('{not json')).toThrow(SnapshotError);
    expect(() => loadSimulator({ schemaVersion: 1 })).toThrow(/does not match the world schema/);
    const future = { ...createSimulator().snapshot(), schemaVersion: 99 };
    expect(() => loadSimulator(future)).toThrow(/newer SecretsLab \(schema version 99/);
  });

  it('migrates an older snapshot step by step', () => {
    const current = createSimulator().snapshot();
    const old = { ...current, schemaVersion: 0, legacySeed: current.seed } as Record<string, unknown>;
    delete old.seed;
    migrations[0] = (snapshot) => {
      const { legacySeed, ...rest } = snapshot;
      return { ...rest, seed: legacySeed, schemaVersion: 1 };
    };
    try {
      const loaded = loadSimulator(old);
      expect(loaded.state.seed).toBe(current.seed);
    } finally {
      delete migrations[0];
    }
    expect(() => loadSimulator(old)).toThrow(/No migration from schema version 0/);
  });

  it('does not share objects with the snapshot it was loaded from', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'a', secretString: 'x' } });
    const snapshot = sim.snapshot();
    const loaded = loadSimulator(snapshot);
    loaded.call({ service: 'secretsmanager', operation: 'TagResource', input: { secretId: 'a', tags: [{ key: 'k', value: 'v' }] } });
    expect(JSON.stringify(snapshot)).not.toContain('"key":"k"');
  });
});
