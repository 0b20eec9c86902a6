import { describe, expect, it } from 'vitest';
import { createSimulator, resourceState, type Simulator } from '../../../../src/engine/index.ts';
import { ACCOUNT, OTHER_ACCOUNT, OTHER_ADMIN, latest, records } from './helpers.ts';

const SHARE_WITH_OTHER = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: 'secretsmanager:*', Resource: '*' }],
});

function secret(sim: Simulator, name: string): string {
  const created = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'CreateSecret', input: { name, secretString: 'v' } });
  if (!created.ok) throw created.error;
  return created.output.arn;
}

describe('denied calls', () => {
  it('a call IAM refuses is an event with AccessDeniedException and AWS message, and changes no resource', () => {
    const sim = createSimulator();
    sim.call({ service: 'iam', operation: 'CreateUser', input: { userName: 'intern' } });
    const before = structuredClone(resourceState(sim.state));
    const denied = sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'x', secretString: 'v' }, caller: { principalArn: `arn:aws:iam::${ACCOUNT}:user/intern` } });
    expect(denied.ok).toBe(false);
    if (denied.ok) return;
    const event = latest(sim, 'CreateSecret');
    expect(event).toMatchObject({
      errorCode: 'AccessDeniedException',
      errorMessage: denied.error.message,
      requestID: denied.requestId,
      responseElements: null,
      userIdentity: { type: 'IAMUser', userName: 'intern' },
    });
    expect(denied.error.message).toMatch(/is not authorized to perform: secretsmanager:CreateSecret/);
    expect(resourceState(sim.state)).toEqual(before);
  });

  it('a service error (the secret does not exist) is recorded with its code; LookupEvents can find only failures in the app query', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'missing' } });
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {} });
    const failed = records(sim, ACCOUNT, { failed: true });
    expect(failed.map((e) => [e.eventName, e.errorCode])).toEqual([['GetSecretValue', 'ResourceNotFoundException']]);
    expect(records(sim, ACCOUNT, { failed: false }).map((e) => e.eventName)).toEqual(['ListSecrets']);
  });

  it('a refused call still records the KMS call Secrets Manager made before the refusal', () => {
    const sim = createSimulator();
    const key = sim.call<{ keyMetadata: { arn: string } }>({ service: 'kms', operation: 'CreateKey', input: {} });
    if (!key.ok) throw key.error;
    sim.call({ service: 'kms', operation: 'DisableKey', input: { keyId: key.output.keyMetadata.arn } });
    const refused = sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'x', secretString: 'v', kmsKeyId: key.output.keyMetadata.arn } });
    expect(refused.ok).toBe(false);
    const names = records(sim).slice(0, 2).map((e) => [e.eventName, e.errorCode]);
    expect(names[0]).toEqual(['CreateSecret', refused.ok ? undefined : refused.error.code]);
    expect(names[1]![0]).toBe('GenerateDataKey');
    expect(names[1]![1]).toBe('DisabledException');
  });
});

describe('cross-account events', () => {
  it('a read of another account\'s secret is in both histories, with one sharedEventID and each its own eventID', () => {
    const sim = createSimulator();
    const arn = secret(sim, 'shared');
    sim.call({ service: 'secretsmanager', operation: 'PutResourcePolicy', input: { secretId: 'shared', resourcePolicy: SHARE_WITH_OTHER } });
    const described = sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: arn }, caller: OTHER_ADMIN });
    expect(described.ok).toBe(true);
    const caller = latest(sim, 'DescribeSecret', OTHER_ACCOUNT);
    const owner = latest(sim, 'DescribeSecret', ACCOUNT);
    expect(caller.sharedEventID).toBeDefined();
    expect(owner.sharedEventID).toBe(caller.sharedEventID);
    expect(owner.eventID).not.toBe(caller.eventID);
    expect(owner.requestID).toBe(caller.requestID);
    expect(caller.recipientAccountId).toBe(OTHER_ACCOUNT);
    expect(owner.recipientAccountId).toBe(ACCOUNT);
    expect(caller.userIdentity).toMatchObject({ type: 'IAMUser', arn: `arn:aws:iam::${OTHER_ACCOUNT}:user/admin`, accountId: OTHER_ACCOUNT });
    // The owner learns which account and principal called, not the caller's user name or access key.
    expect(owner.userIdentity).toEqual({ type: 'AWSAccount', principalId: caller.userIdentity.principalId, accountId: OTHER_ACCOUNT });
    expect(owner.resources).toEqual(caller.resources);
  });

  it('a denied cross-account read is recorded in both accounts with its error code', () => {
    const sim = createSimulator();
    const arn = secret(sim, 'private');
    const denied = sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: arn }, caller: OTHER_ADMIN });
    expect(denied.ok).toBe(false);
    for (const account of [ACCOUNT, OTHER_ACCOUNT]) {
      expect(latest(sim, 'GetSecretValue', account)).toMatchObject({ errorCode: 'AccessDeniedException', recipientAccountId: account });
    }
  });

  it('a call within one account is in that account only, with no sharedEventID', () => {
    const sim = createSimulator();
    secret(sim, 'mine');
    expect(records(sim, OTHER_ACCOUNT)).toEqual([]);
    expect(latest(sim, 'CreateSecret').sharedEventID).toBeUndefined();
  });
});
