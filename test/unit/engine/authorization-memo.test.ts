import { describe, expect, it } from 'vitest';
import { createSimulator, type CallerRef } from '../../../src/engine/index.ts';

// Decisions are memoized between writes (the hot path); these tests show a memo never outlives what it depends on.
const OTHER: CallerRef = { principalArn: 'arn:aws:iam::444455556666:user/admin' };

function sharedSecret() {
  const sim = createSimulator();
  const created = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'shared', secretString: 'x' } });
  if (!created.ok) throw new Error(created.error.message);
  return { sim, arn: created.output.arn };
}

const grant = (arn: string, condition?: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'secretsmanager:DescribeSecret',
        Resource: arn,
        ...(condition ? { Condition: condition } : {}),
      },
    ],
  });

describe('memoized authorization decisions', () => {
  it('follow a resource policy as soon as it is attached and as soon as it is removed', () => {
    const { sim, arn } = sharedSecret();
    const describe = () => sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: arn }, caller: OTHER }).ok;
    expect(describe()).toBe(false);
    expect(describe()).toBe(false);
    expect(sim.call({ service: 'secretsmanager', operation: 'PutResourcePolicy', input: { secretId: 'shared', resourcePolicy: grant(arn) } }).ok).toBe(true);
    expect(describe()).toBe(true);
    expect(describe()).toBe(true);
    expect(sim.call({ service: 'secretsmanager', operation: 'DeleteResourcePolicy', input: { secretId: 'shared' } }).ok).toBe(true);
    expect(describe()).toBe(false);
  });

  it('follow virtual time for time-bound conditions', () => {
    const { sim, arn } = sharedSecret();
    const until = new Date(sim.now + 3600_000).toISOString();
    const policy = grant(arn, { DateLessThan: { 'aws:CurrentTime': until } });
    expect(sim.call({ service: 'secretsmanager', operation: 'PutResourcePolicy', input: { secretId: 'shared', resourcePolicy: policy } }).ok).toBe(true);
    const describe = () => sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: arn }, caller: OTHER }).ok;
    expect(describe()).toBe(true);
    sim.advance({ hours: 2 });
    expect(describe()).toBe(false);
  });

  it('follow a snapshot load', () => {
    const { sim, arn } = sharedSecret();
    const before = sim.snapshot();
    sim.call({ service: 'secretsmanager', operation: 'PutResourcePolicy', input: { secretId: 'shared', resourcePolicy: grant(arn) } });
    const describe = () => sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: arn }, caller: OTHER }).ok;
    expect(describe()).toBe(true);
    sim.load(before);
    expect(describe()).toBe(false);
  });

  it('keep the trace of the decision they stand for', () => {
    const { sim, arn } = sharedSecret();
    const request = {
      principal: sim.identify(OTHER)!,
      action: 'secretsmanager:DescribeSecret',
      resourceArn: arn,
      resourceAccountId: '111122223333',
      region: 'us-east-1',
      context: {},
      resourcePolicy: { type: 'resource' as const, document: undefined },
    };
    const first = sim.authorize(request);
    const second = sim.authorize(request);
    expect(second).toBe(first);
    expect(first.allowed).toBe(false);
    expect(first.message).toContain('because no resource-based policy allows the secretsmanager:DescribeSecret action');
  });
});
