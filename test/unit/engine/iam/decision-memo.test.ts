import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSimulator, type CallerRef, type Simulator } from '../../../../src/engine/index.ts';
import { ACCOUNT, OTHER_ACCOUNT, OTHER_ADMIN, allow, iam, newSim, ok, policy, sm, userWithKey } from './helpers.ts';

/**
 * The world authorizer keeps decisions across other services' writes and across instants when no policy reads the
 * time; these tests show a kept decision is always the one a fresh evaluation gives.
 */

function world(): { sim: Simulator; arn: string; bob: CallerRef } {
  const sim = newSim();
  const bob = userWithKey(sim, 'bob');
  const { arn } = ok(sm(sim, 'CreateSecret', { name: 'shared', secretString: 's3cr3t' }));
  return { sim, arn, bob };
}

const describeAs = (sim: Simulator, arn: string, caller: CallerRef) =>
  sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: arn }, caller }).ok;

/** The same call's outcome in a simulator loaded from a snapshot of this world: no memo at all. */
const freshly = (sim: Simulator, arn: string, caller: CallerRef) => describeAs(loadSimulator(sim.snapshot()), arn, caller);

const tagCondition = (key: string, value: string) => ({ StringEquals: { [`secretsmanager:ResourceTag/${key}`]: value } });

describe('kept authorization decisions', () => {
  it('see a tag that another tag with the same value replaced (the names are part of what is kept)', () => {
    const { sim, arn, bob } = world();
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'team', policyDocument: policy({ ...allow('secretsmanager:DescribeSecret'), Condition: tagCondition('team', 'blue') }) }));
    ok(sm(sim, 'TagResource', { secretId: arn, tags: [{ key: 'owner', value: 'blue' }] }));
    expect(describeAs(sim, arn, bob)).toBe(false);
    ok(sm(sim, 'UntagResource', { secretId: arn, tagKeys: ['owner'] }));
    ok(sm(sim, 'TagResource', { secretId: arn, tags: [{ key: 'team', value: 'blue' }] }));
    expect(describeAs(sim, arn, bob)).toBe(true);
  });

  it('are dropped by an IAM write even after writes of other services and time passing', () => {
    const { sim, arn, bob } = world();
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'read', policyDocument: policy(allow('secretsmanager:DescribeSecret', arn)) }));
    expect(describeAs(sim, arn, bob)).toBe(true);
    ok(sm(sim, 'UpdateSecret', { secretId: arn, description: 'unrelated write' }));
    sim.advance({ hours: 5 });
    expect(describeAs(sim, arn, bob)).toBe(true);
    ok(iam(sim, 'DeleteUserPolicy', { userName: 'bob', policyName: 'read' }));
    expect(describeAs(sim, arn, bob)).toBe(false);
  });

  it('are kept once when no policy reads the time, and per instant when one does', () => {
    const { sim, arn, bob } = world();
    const request = () => ({
      principal: sim.identify(bob)!,
      action: 'secretsmanager:DescribeSecret',
      resourceArn: arn,
      resourceAccountId: ACCOUNT,
      region: 'us-east-1',
      context: {},
    });
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'read', policyDocument: policy(allow('secretsmanager:DescribeSecret', arn)) }));
    const first = sim.authorize(request());
    sim.advance({ minutes: 10 });
    expect(sim.authorize(request())).toBe(first);

    const until = Math.floor((sim.now + 3600_000) / 1000);
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'read', policyDocument: policy({ ...allow('secretsmanager:DescribeSecret', arn), Condition: { NumericLessThan: { 'aws:EpochTime': String(until) } } }) }));
    const before = sim.authorize(request());
    expect(before.allowed).toBe(true);
    expect(sim.authorize(request())).toBe(before);
    sim.advance({ hours: 2 });
    const after = sim.authorize(request());
    expect(after).not.toBe(before);
    expect(after.allowed).toBe(false);
  });

  it('treat a policy variable that names the time as reading it', () => {
    const { sim, arn, bob } = world();
    // Allowed only at the second the secret's tag names: the variable brings aws:EpochTime into the comparison.
    const condition = { StringEquals: { 'secretsmanager:ResourceTag/at': '${aws:EpochTime}' } };
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'read', policyDocument: policy({ ...allow('secretsmanager:DescribeSecret', arn), Condition: condition }) }));
    ok(sm(sim, 'TagResource', { secretId: arn, tags: [{ key: 'at', value: String(Math.floor(sim.now / 1000)) }] }));
    expect(describeAs(sim, arn, bob)).toBe(true);
    sim.advance({ hours: 1 });
    expect(describeAs(sim, arn, bob)).toBe(false);
  });

  it('agree with a fresh evaluation under any sequence of writes, tags and time (property)', () => {
    const userPolicies = [
      undefined,
      policy(allow('secretsmanager:DescribeSecret')),
      policy({ ...allow('secretsmanager:DescribeSecret'), Condition: tagCondition('team', 'blue') }),
      policy({ ...allow('secretsmanager:DescribeSecret'), Condition: { DateLessThan: { 'aws:CurrentTime': '2026-01-01T02:00:00Z' } } }),
    ];
    const resourcePolicies = [
      undefined,
      policy({ ...allow('secretsmanager:DescribeSecret'), Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` } }),
      policy({ ...allow('secretsmanager:DescribeSecret'), Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Condition: tagCondition('owner', 'red') }),
      policy({ ...allow('secretsmanager:DescribeSecret'), Principal: { AWS: '*' }, Condition: { NumericGreaterThan: { 'aws:EpochTime': '1767229200' } } }),
    ];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('userPolicy' as const), index: fc.nat({ max: userPolicies.length - 1 }) }),
      fc.record({ kind: fc.constant('otherPolicy' as const), allowed: fc.boolean() }),
      fc.record({ kind: fc.constant('resourcePolicy' as const), index: fc.nat({ max: resourcePolicies.length - 1 }) }),
      fc.record({ kind: fc.constant('tag' as const), key: fc.constantFrom('team', 'owner'), value: fc.constantFrom('blue', 'red') }),
      fc.record({ kind: fc.constant('untag' as const), key: fc.constantFrom('team', 'owner') }),
      fc.record({ kind: fc.constant('advance' as const), hours: fc.nat({ max: 4 }) }),
      fc.record({ kind: fc.constant('unrelatedWrite' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        const { sim, arn, bob } = world();
        for (const s of steps) {
          if (s.kind === 'userPolicy') {
            const document = userPolicies[s.index];
            if (document) ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'p', policyDocument: document }));
            else iam(sim, 'DeleteUserPolicy', { userName: 'bob', policyName: 'p' });
          } else if (s.kind === 'otherPolicy') {
            if (s.allowed) ok(iam(sim, 'PutUserPolicy', { userName: 'admin', policyName: 'p', policyDocument: policy(allow('secretsmanager:DescribeSecret')) }, { caller: OTHER_ADMIN }));
            else iam(sim, 'DeleteUserPolicy', { userName: 'admin', policyName: 'p' }, { caller: OTHER_ADMIN });
          } else if (s.kind === 'resourcePolicy') {
            const document = resourcePolicies[s.index];
            if (document) ok(sm(sim, 'PutResourcePolicy', { secretId: arn, resourcePolicy: document }));
            else ok(sm(sim, 'DeleteResourcePolicy', { secretId: arn }));
          } else if (s.kind === 'tag') ok(sm(sim, 'TagResource', { secretId: arn, tags: [{ key: s.key, value: s.value }] }));
          else if (s.kind === 'untag') ok(sm(sim, 'UntagResource', { secretId: arn, tagKeys: [s.key] }));
          else if (s.kind === 'advance') sim.advance({ hours: s.hours });
          else ok(sm(sim, 'UpdateSecret', { secretId: arn, description: `write at ${sim.now}` }));
          for (const caller of [bob, OTHER_ADMIN]) expect(describeAs(sim, arn, caller)).toBe(freshly(sim, arn, caller));
        }
      }),
      { numRuns: 40 },
    );
  });
});
