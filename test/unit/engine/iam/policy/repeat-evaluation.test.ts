/**
 * A policy's last two evaluations are kept and given back for a request that repeats one of them (same caller,
 * action, resource, boundary flag and values of the condition keys the policy reads). These tests show a kept
 * evaluation is only ever given for a true repeat: every answer equals that of a freshly parsed copy of the policy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize, authorizeThroughKey, policyFromDocument } from '../../../../../src/engine/iam/policy/index.ts';
import type { AuthorizationInput, KeyStep, NamedPolicy } from '../../../../../src/engine/iam/policy/index.ts';

const A = '111111111111';
const B = '222222222222';
const SECRET = `arn:aws:secretsmanager:us-east-1:${B}:secret:shared/orders-Zx81Qa`;
const KEY = `arn:aws:kms:us-east-1:${B}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const identityDocument = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:*:${B}:secret:shared/*` },
    { Sid: 'Office', Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } },
    { Sid: 'Decrypt', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY, Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } } },
  ],
};
const resourceDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${A}:root` },
      Action: 'secretsmanager:GetSecretValue',
      Resource: '*',
      Condition: { 'ForAnyValue:StringEquals': { 'secretsmanager:VersionStage': 'AWSCURRENT' } },
    },
  ],
};
const keyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:Decrypt', Resource: '*' }],
};
// A variable makes the result depend on aws:username too: such a policy is never kept.
const variableDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:*:${B}:secret:\${aws:username}/*` }],
};

const parsed = () => ({
  identity: { name: 'inline:Read', policy: policyFromDocument(identityDocument) } as NamedPolicy,
  variable: { name: 'inline:Own', policy: policyFromDocument(variableDocument) } as NamedPolicy,
  resource: { name: 'secret policy', policy: policyFromDocument(resourceDocument) } as NamedPolicy,
  key: { name: 'key policy', policy: policyFromDocument(keyDocument) } as NamedPolicy,
});

interface Ask {
  user: 'alice' | 'bob' | 'shared';
  ip: string;
  stage: string;
  resource: string;
}

function input(policies: ReturnType<typeof parsed>, ask: Ask): AuthorizationInput {
  return {
    request: {
      principal: `arn:aws:iam::${A}:user/${ask.user}`,
      action: 'secretsmanager:GetSecretValue',
      resource: ask.resource,
      resourceAccount: B,
      context: { 'aws:SourceIp': ask.ip, 'secretsmanager:VersionStage': ask.stage },
    },
    policies: { identity: [policies.identity, policies.variable], resource: policies.resource },
  };
}

const keyStep = (policies: ReturnType<typeof parsed>): KeyStep => ({ keyArn: KEY, keyPolicy: policies.key });

describe('a repeated request', () => {
  it('gets the same answer as a fresh evaluation, and a changed condition value is not taken for a repeat', () => {
    const kept = parsed();
    const ask: Ask = { user: 'alice', ip: '203.0.113.7', stage: 'AWSCURRENT', resource: SECRET };
    for (let i = 0; i < 3; i++) expect(authorizeThroughKey(input(kept, ask), keyStep(kept))).toEqual(authorizeThroughKey(input(parsed(), ask), keyStep(parsed())));
    expect(authorizeThroughKey(input(kept, ask), keyStep(kept)).decision).toBe('Allow');
    // Same caller, action and resource: only the source IP differs, which the identity policy's Deny reads.
    const outside = { ...ask, ip: '198.51.100.1' };
    const denied = authorizeThroughKey(input(kept, outside), keyStep(kept));
    expect(denied.decision).toBe('ExplicitDeny');
    expect(denied).toEqual(authorizeThroughKey(input(parsed(), outside), keyStep(parsed())));
    // And the version stage, which the resource policy reads.
    const pending = { ...ask, stage: 'AWSPENDING' };
    expect(authorize(input(kept, pending)).decision).toBe('ImplicitDeny');
    expect(authorize(input(kept, ask)).decision).toBe('Allow');
  });

  it('agrees with a fresh evaluation under any sequence of requests, repeats and long runs of new ones (property)', () => {
    const ask = fc.record({
      user: fc.constantFrom('alice' as const, 'bob' as const, 'shared' as const),
      ip: fc.constantFrom('203.0.113.7', '198.51.100.1'),
      stage: fc.constantFrom('AWSCURRENT', 'AWSPENDING'),
      resource: fc.constantFrom(SECRET, `arn:aws:secretsmanager:us-east-1:${B}:secret:alice/db-AbCdEf`, `arn:aws:secretsmanager:us-east-1:${B}:secret:other-Qq11Ww`),
    });
    // Runs of the same request (repeats) mixed with single ones, so the kept entries fill, match and pause.
    const stream = fc.array(fc.tuple(ask, fc.integer({ min: 1, max: 6 }), fc.boolean()), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(stream, (runs) => {
        const kept = parsed();
        for (const [a, times, throughKey] of runs) {
          for (let i = 0; i < times; i++) {
            const fresh = parsed();
            if (throughKey) expect(authorizeThroughKey(input(kept, a), keyStep(kept))).toEqual(authorizeThroughKey(input(fresh, a), keyStep(fresh)));
            else expect(authorize(input(kept, a))).toEqual(authorize(input(fresh, a)));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
