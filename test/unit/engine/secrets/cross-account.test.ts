import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../src/engine/index.ts';
import { NOT_FOUND, OTHER_ADMIN, create, fails, kms, names, newKey, newSim, ok, sm, token } from './helpers.ts';

const DEFAULT_KEY_CROSS_ACCOUNT =
  "You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key.";
const AS_OTHER = { caller: OTHER_ADMIN };

/** A resource policy that lets the second account (whose admin has AdministratorAccess) use the secret. */
const SHARE_WITH_OTHER = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'secretsmanager:*', Resource: '*' }],
});

function sharedSecret(sim: Simulator, name: string, extra: Record<string, unknown> = {}): string {
  const { arn } = create(sim, name, 'v1', { clientRequestToken: token(1), ...extra });
  ok(sm(sim, 'PutResourcePolicy', { secretId: name, resourcePolicy: SHARE_WITH_OTHER }));
  return arn as string;
}

/** A customer managed key whose policy also lets the second account decrypt and generate data keys. */
function sharedKey(sim: Simulator) {
  const key = newKey(sim);
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Other', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' },
    ],
  });
  ok(kms(sim, 'PutKeyPolicy', { keyId: key.keyId, policyName: 'default', policy }));
  return key;
}

describe('cross-account access (§2.8)', () => {
  it('without a resource policy, another account is denied (AccessDeniedException)', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app');
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, AS_OTHER), 'AccessDeniedException');
    fails(sm(sim, 'DescribeSecret', { secretId: arn }, AS_OTHER), 'AccessDeniedException');
  });

  it('the default key: GetSecretValue and PutSecretValue give the recorded InvalidRequestException, even with a resource policy', () => {
    const sim = newSim();
    const arn = sharedSecret(sim, 'app');
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, AS_OTHER), 'InvalidRequestException', DEFAULT_KEY_CROSS_ACCOUNT);
    fails(sm(sim, 'PutSecretValue', { secretId: arn, secretString: 'v2' }, AS_OTHER), 'InvalidRequestException', DEFAULT_KEY_CROSS_ACCOUNT);
    expect(ok(sm(sim, 'GetSecretValue', { secretId: 'app' })).secretString).toBe('v1');
  });

  it('the default key: metadata operations still work cross-account with a resource policy', () => {
    const sim = newSim();
    const arn = sharedSecret(sim, 'app');
    expect(ok(sm(sim, 'DescribeSecret', { secretId: arn }, AS_OTHER)).name).toBe('app');
    expect(ok(sm(sim, 'ListSecretVersionIds', { secretId: arn }, AS_OTHER)).versions).toHaveLength(1);
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: arn }, AS_OTHER)).resourcePolicy).toBe(SHARE_WITH_OTHER);
    ok(sm(sim, 'TagResource', { secretId: arn, tags: [{ key: 'k', value: 'v' }] }, AS_OTHER));
    ok(sm(sim, 'UntagResource', { secretId: arn, tagKeys: ['k'] }, AS_OTHER));
    ok(sm(sim, 'PutResourcePolicy', { secretId: arn, resourcePolicy: SHARE_WITH_OTHER }, AS_OTHER));
  });

  it('a customer managed key whose policy admits the other account: cross-account Get and Put work', () => {
    const sim = newSim();
    const key = sharedKey(sim);
    const arn = sharedSecret(sim, 'app', { kmsKeyId: key.arn });
    expect(ok(sm(sim, 'GetSecretValue', { secretId: arn }, AS_OTHER)).secretString).toBe('v1');
    ok(sm(sim, 'PutSecretValue', { secretId: arn, secretString: 'v2' }, AS_OTHER));
    expect(ok(sm(sim, 'GetSecretValue', { secretId: 'app' })).secretString).toBe('v2');
  });

  it('a customer managed key whose policy does not admit the other account: "Access to KMS is not allowed"', () => {
    const sim = newSim();
    const key = newKey(sim);
    const arn = sharedSecret(sim, 'app', { kmsKeyId: key.arn });
    fails(sm(sim, 'GetSecretValue', { secretId: arn }, AS_OTHER), 'AccessDeniedException', 'Access to KMS is not allowed');
    fails(sm(sim, 'PutSecretValue', { secretId: arn, secretString: 'v2' }, AS_OTHER), 'AccessDeniedException', 'Access to KMS is not allowed');
  });

  it('another account must use the ARN: the name alone is not found', () => {
    const sim = newSim();
    sharedSecret(sim, 'app');
    fails(sm(sim, 'DescribeSecret', { secretId: 'app' }, AS_OTHER), 'ResourceNotFoundException', NOT_FOUND);
  });

  it("ListSecrets lists only the caller's account", () => {
    const sim = newSim();
    sharedSecret(sim, 'mine');
    create(sim, 'theirs', 'v', {}, AS_OTHER);
    expect(names(ok(sm(sim, 'ListSecrets')).secretList)).toEqual(['mine']);
    expect(names(ok(sm(sim, 'ListSecrets', {}, AS_OTHER)).secretList)).toEqual(['theirs']);
  });
});
