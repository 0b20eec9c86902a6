import { describe, expect, it } from 'vitest';
import { ACCOUNT, ADMIN_ARN, fails, kms, newKey, newSim, ok } from './helpers.ts';

const policyWith = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

const ADMIN_POLICY = policyWith({ Sid: 'admin', Effect: 'Allow', Principal: { AWS: ADMIN_ARN }, Action: 'kms:*', Resource: '*' });

describe('GetKeyPolicy', () => {
  it('returns the default policy, named default, in any key state', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    const output = ok(kms(sim, 'GetKeyPolicy', { keyId, policyName: 'default' }));
    expect(output.policyName).toBe('default');
    expect(JSON.parse(output.policy).Statement[0].Principal.AWS).toBe(`arn:aws:iam::${ACCOUNT}:root`);
  });

  it('shows the AWS managed key policy: use only through Secrets Manager', () => {
    const sim = newSim();
    ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' }));
    const managed = ok(kms(sim, 'ListAliases')).aliases.find((a: { aliasName: string }) => a.aliasName === 'alias/aws/secretsmanager');
    const policy = JSON.parse(ok(kms(sim, 'GetKeyPolicy', { keyId: managed.targetKeyId })).policy);
    expect(policy.Statement[0].Condition.StringEquals['kms:ViaService']).toBe('secretsmanager.us-east-1.amazonaws.com');
  });

  it('knows only the default policy name, and validates it', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    fails(kms(sim, 'GetKeyPolicy', { keyId, policyName: 'other' }), 'NotFoundException', 'No such policy exists');
    fails(kms(sim, 'GetKeyPolicy', { keyId, policyName: 'bad-name' }), 'ValidationException', /'policyName'.*regular expression pattern/);
    fails(kms(sim, 'GetKeyPolicy', { keyId: 'alias/aws/secretsmanager' }), 'NotFoundException', 'Invalid keyId alias/aws/secretsmanager');
  });
});

describe('PutKeyPolicy', () => {
  it('replaces the policy; GetKeyPolicy returns it verbatim', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    expect(ok(kms(sim, 'PutKeyPolicy', { keyId, policy: ADMIN_POLICY }))).toEqual({});
    expect(ok(kms(sim, 'GetKeyPolicy', { keyId })).policy).toBe(ADMIN_POLICY);
    expect(ok(kms(sim, 'ListKeyPolicies', { keyId }))).toEqual({ policyNames: ['default'], truncated: false });
  });

  it('accepts a principal of *, the account id, or the account root with a wildcard action', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    for (const principal of ['*', { AWS: '*' }, { AWS: ACCOUNT }, { AWS: [`arn:aws:iam::${ACCOUNT}:root`] }]) {
      ok(kms(sim, 'PutKeyPolicy', { keyId, policy: policyWith({ Effect: 'Allow', Principal: principal, Action: ['kms:Put*'], Resource: '*' }) }));
    }
  });

  it('rejects malformed documents and unknown principals', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    fails(kms(sim, 'PutKeyPolicy', { keyId, policy: '{"Statement": ' }), 'MalformedPolicyDocumentException', '');
    fails(kms(sim, 'PutKeyPolicy', { keyId, policy: '{"Version":"2012-10-17"}' }), 'MalformedPolicyDocumentException', '');
    fails(
      kms(sim, 'PutKeyPolicy', { keyId, policy: policyWith({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::bad' }, Action: 'kms:*', Resource: '*' }) }),
      'MalformedPolicyDocumentException',
      'Policy contains a statement with one or more invalid principals.',
    );
    fails(
      kms(sim, 'PutKeyPolicy', { keyId, policy: policyWith({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }) }),
      'MalformedPolicyDocumentException',
      'Policy contains a statement with one or more invalid principals.',
    );
    fails(kms(sim, 'PutKeyPolicy', { keyId, policy: '' }), 'ValidationException', /'policy' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  });

  it('runs the lockout safety check unless it is bypassed', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    const someoneElse = policyWith({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/other` }, Action: 'kms:*', Resource: '*' });
    fails(
      kms(sim, 'PutKeyPolicy', { keyId, policy: someoneElse }),
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    );
    const denyOnly = policyWith({ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' });
    fails(kms(sim, 'PutKeyPolicy', { keyId, policy: denyOnly }), 'MalformedPolicyDocumentException');
    ok(kms(sim, 'PutKeyPolicy', { keyId, policy: someoneElse, bypassPolicyLockoutSafetyCheck: true }));
    // What the safety check was for: the key policy no longer lets the admin manage, or even read, the key.
    fails(kms(sim, 'GetKeyPolicy', { keyId }), 'AccessDeniedException', /because no resource-based policy allows the kms:GetKeyPolicy action/);
    fails(kms(sim, 'PutKeyPolicy', { keyId, policy: ADMIN_POLICY }), 'AccessDeniedException');
  });

  it('cannot change an AWS managed key policy', () => {
    const sim = newSim();
    const managed = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    fails(kms(sim, 'PutKeyPolicy', { keyId: managed.keyId, policy: ADMIN_POLICY }), 'AccessDeniedException', /kms:PutKeyPolicy/);
  });
});
