import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSimulator, type Simulator } from '../../../../src/engine/index.ts';
import { ACCOUNT, allow, iam, newSim, ok, policy, userWithKey } from './helpers.ts';

/**
 * The decision memo leaves out of its key the values of context keys that no policy of the request reads (a new
 * secret version's kms:EncryptionContext:SecretVersionId, under a key policy that never names it). These tests show
 * that a decision kept that way is exactly (trace included) the one a fresh evaluation gives.
 */

type AuthorizationRequest = Parameters<Simulator['authorize']>[0];

const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const SECRET = (name: string) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}`;
const keyStatement = (condition?: Record<string, unknown>) => ({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  Action: 'kms:*',
  Resource: '*',
  ...(condition ? { Condition: condition } : {}),
});

const KEY_POLICIES = [
  policy(keyStatement()),
  policy(keyStatement({ StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } })),
  policy(keyStatement({ StringLike: { 'kms:EncryptionContext:SecretARN': SECRET('a-*') } })),
  // A variable may name any key: every value then counts.
  policy(keyStatement({ StringEquals: { 'kms:EncryptionContext:SecretVersionId': '${kms:EncryptionContext:Stage}' } })),
];
const USER_POLICIES = [
  undefined,
  policy(allow('kms:Decrypt')),
  policy({ ...allow('kms:Decrypt'), Condition: { StringEquals: { 'kms:EncryptionContext:SecretVersionId': 'v1' } } }),
  policy({ ...allow('kms:Decrypt'), Condition: { StringEqualsIgnoreCase: { 'KMS:ENCRYPTIONCONTEXT:STAGE': 'awscurrent' } } }),
  policy(allow('kms:Decrypt', `arn:aws:kms:us-east-1:${ACCOUNT}:key/\${kms:EncryptionContext:Stage}`)),
];

function world(): { sim: Simulator; request: (context: Record<string, string>, keyPolicy: string) => AuthorizationRequest } {
  const sim = newSim();
  const bob = userWithKey(sim, 'bob');
  const request = (context: Record<string, string>, keyPolicy: string): AuthorizationRequest => ({
    principal: sim.identify(bob)!,
    action: 'kms:Decrypt',
    resourceArn: KEY_ARN,
    resourceAccountId: ACCOUNT,
    region: 'us-east-1',
    context,
    resourcePolicy: { type: 'key', document: keyPolicy },
    viaService: 'secretsmanager.amazonaws.com',
  });
  return { sim, request };
}

const context = (secret: string, version: string): Record<string, string> => ({
  'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com',
  'kms:EncryptionContext:SecretARN': SECRET(secret), 'kms:EncryptionContext:SecretVersionId': version,
});

describe('kept decisions and context keys no policy reads', () => {
  it('one decision serves every secret version when no policy reads the version id, and not when one does', () => {
    const { sim, request } = world();
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'p', policyDocument: USER_POLICIES[1] }));
    const first = sim.authorize(request(context('a-1', 'v1'), KEY_POLICIES[1]!));
    expect(first.allowed).toBe(true);
    expect(sim.authorize(request(context('a-1', 'v2'), KEY_POLICIES[1]!))).toBe(first);
    // The key policy reads the secret's ARN: another secret is another decision.
    const other = sim.authorize(request(context('b-1', 'v2'), KEY_POLICIES[2]!));
    expect(other.allowed).toBe(false);
    expect(sim.authorize(request(context('a-1', 'v2'), KEY_POLICIES[2]!)).allowed).toBe(true);

    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'p', policyDocument: USER_POLICIES[2] }));
    expect(sim.authorize(request(context('a-1', 'v1'), KEY_POLICIES[0]!)).allowed).toBe(true);
    expect(sim.authorize(request(context('a-1', 'v2'), KEY_POLICIES[0]!)).allowed).toBe(false);
  });

  it('agree with a fresh evaluation for any policies and context values, trace included (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('userPolicy' as const), index: fc.nat({ max: USER_POLICIES.length - 1 }) }),
      fc.record({
        kind: fc.constant('authorize' as const),
        keyPolicy: fc.nat({ max: KEY_POLICIES.length - 1 }),
        secret: fc.constantFrom('a-1', 'a-2', 'b-1'),
        version: fc.constantFrom('v1', 'v2', 'v3'),
        stage: fc.option(fc.constantFrom('AWSCURRENT', 'AWSPENDING', 'v1'), { nil: undefined }),
        extra: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const { sim, request } = world();
        for (const s of steps) {
          if (s.kind === 'userPolicy') {
            const document = USER_POLICIES[s.index];
            if (document) ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'p', policyDocument: document }));
            else iam(sim, 'DeleteUserPolicy', { userName: 'bob', policyName: 'p' });
            continue;
          }
          const values = context(s.secret, s.version);
          if (s.stage !== undefined) values['kms:EncryptionContext:Stage'] = s.stage;
          if (s.extra !== undefined) values['kms:EncryptionContext:Unread'] = s.extra;
          const r = request(values, KEY_POLICIES[s.keyPolicy]!);
          const kept = sim.authorize(r);
          // A simulator loaded from a snapshot of this world has no memo: its answer is a fresh evaluation.
          const fresh = loadSimulator(sim.snapshot()).authorize(r);
          expect(kept).toEqual(fresh);
        }
      }),
      { numRuns: 60 },
    );
  });
});
