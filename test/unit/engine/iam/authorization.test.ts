import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../src/engine/index.ts';
import { ACCOUNT, OTHER_ACCOUNT, OTHER_ADMIN, allow, fails, iam, kms, newSim, ok, policy, sm, sts, trust, userWithKey } from './helpers.ts';

describe('a same-account IAM user (issue 3, "Done when")', () => {
  it('is denied GetSecretValue without a policy, with AWS\'s exact message, then allowed after PutUserPolicy', () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    const { arn } = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 's3cr3t' }));
    fails(
      sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob }),
      'AccessDeniedException',
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: secretsmanager:GetSecretValue on resource: ${arn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'read', policyDocument: policy(allow('secretsmanager:GetSecretValue', arn)) }));
    expect(ok(sm(sim, 'GetSecretValue', { secretId: arn }, { caller: bob })).secretString).toBe('s3cr3t');
  });

  it('IAM calls themselves are authorized, answered with IAM\'s AccessDenied code', () => {
    const sim = newSim();
    const bob = userWithKey(sim, 'bob');
    fails(
      iam(sim, 'CreateUser', { userName: 'mallory' }, { caller: bob }),
      'AccessDenied',
      `User: arn:aws:iam::${ACCOUNT}:user/bob is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${ACCOUNT}:user/mallory because no identity-based policy allows the iam:CreateUser action`,
    );
    fails(iam(sim, 'GetUser', { userName: 'mallory' }), 'NoSuchEntity');
    // Scoped delegation: iam:PolicyARN limits which policies bob may attach.
    ok(iam(sim, 'PutUserPolicy', { userName: 'bob', policyName: 'delegate', policyDocument: policy({ ...allow('iam:AttachUserPolicy'), Condition: { ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess' } } }) }));
    ok(iam(sim, 'AttachUserPolicy', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, { caller: bob }));
    fails(iam(sim, 'AttachUserPolicy', { userName: 'bob', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, { caller: bob }), 'AccessDenied');
    expect(ok(iam(sim, 'ListAttachedUserPolicies', { userName: 'bob' })).attachedPolicies).toHaveLength(1);
  });
});

/**
 * A secret in 111122223333 read by a role in 444455556666 (spec 8, row 1): the secret's resource policy, the role's
 * identity policy and the key policy of the customer managed key must all allow.
 */
interface CrossAccount {
  sim: Simulator;
  secretArn: string;
  keyArn: string;
  roleArn: string;
  session: { accessKeyId: string };
}

const ROLE_ARN = `arn:aws:iam::${OTHER_ACCOUNT}:role/Reader`;

function crossAccountWorld(grants: { resourcePolicy?: boolean; identityPolicy?: boolean; keyPolicy?: boolean; defaultKey?: boolean } = {}): CrossAccount {
  const { resourcePolicy = true, identityPolicy = true, keyPolicy = true, defaultKey = false } = grants;
  const sim = newSim();
  // The second account: a role its admin may assume, with (or without) an identity policy to read the secret.
  ok(iam(sim, 'CreateRole', { roleName: 'Reader', assumeRolePolicyDocument: trust(`arn:aws:iam::${OTHER_ACCOUNT}:user/admin`) }, { caller: OTHER_ADMIN }));
  // The owning account: a customer managed key whose policy enables its own IAM and grants the role kms:Decrypt.
  const keyStatements: Record<string, unknown>[] = [
    { Sid: 'EnableIAM', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
  ];
  if (keyPolicy) keyStatements.push({ Sid: 'CrossAccountDecrypt', Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 'kms:Decrypt', Resource: '*' });
  const key = ok(kms(sim, 'CreateKey', { policy: policy(...keyStatements) })).keyMetadata;
  const { arn: secretArn } = ok(sm(sim, 'CreateSecret', { name: 'shared', secretString: 'shared-value', ...(defaultKey ? {} : { kmsKeyId: key.arn }) }));
  if (resourcePolicy) {
    ok(sm(sim, 'PutResourcePolicy', { secretId: secretArn, resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }) }));
  }
  if (identityPolicy) {
    ok(iam(sim, 'PutRolePolicy', { roleName: 'Reader', policyName: 'read', policyDocument: policy(allow('secretsmanager:GetSecretValue', secretArn), allow('kms:Decrypt', key.arn)) }, { caller: OTHER_ADMIN }));
  }
  const credentials = ok(sts(sim, 'AssumeRole', { roleArn: ROLE_ARN, roleSessionName: 'reader' }, { caller: OTHER_ADMIN })).credentials;
  return { sim, secretArn, keyArn: key.arn, roleArn: ROLE_ARN, session: { accessKeyId: credentials.accessKeyId } };
}

const SESSION_ARN = `arn:aws:sts::${OTHER_ACCOUNT}:assumed-role/Reader/reader`;

describe('a cross-account read needs all three grants (issue 3, "Done when")', () => {
  it('reads the secret with the resource policy, the identity policy and the key policy', () => {
    const { sim, secretArn, session } = crossAccountWorld();
    expect(ok(sm(sim, 'GetSecretValue', { secretId: secretArn }, { caller: session })).secretString).toBe('shared-value');
  });

  it('is denied without the secret\'s resource policy', () => {
    const { sim, secretArn, session } = crossAccountWorld({ resourcePolicy: false });
    fails(
      sm(sim, 'GetSecretValue', { secretId: secretArn }, { caller: session }),
      'AccessDeniedException',
      `User: ${SESSION_ARN} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secretArn} because no resource-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });

  it("is denied without the role's identity policy", () => {
    const { sim, secretArn, session } = crossAccountWorld({ identityPolicy: false });
    fails(
      sm(sim, 'GetSecretValue', { secretId: secretArn }, { caller: session }),
      'AccessDeniedException',
      `User: ${SESSION_ARN} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secretArn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });

  it('is denied without the key policy grant, as Secrets Manager reports KMS refusals', () => {
    const { sim, secretArn, session } = crossAccountWorld({ keyPolicy: false });
    fails(sm(sim, 'GetSecretValue', { secretId: secretArn }, { caller: session }), 'AccessDeniedException', 'Access to KMS is not allowed');
    const refused = sim.state.log.entries.find((e) => e.kind === 'call' && e.service === 'kms' && e.operation === 'Decrypt');
    expect(refused).toMatchObject({ errorCode: 'AccessDeniedException' });
  });

  it('fails with the default aws/secretsmanager key whatever the policies say', () => {
    const { sim, secretArn, session } = crossAccountWorld({ defaultKey: true });
    fails(
      sm(sim, 'GetSecretValue', { secretId: secretArn }, { caller: session }),
      'InvalidRequestException',
      "You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key.",
    );
  });
});
