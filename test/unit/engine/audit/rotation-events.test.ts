import { describe, expect, it } from 'vitest';
import { injectFault } from '../../../../src/engine/index.ts';
import { finishRun, rotationLab, sm, token } from '../rotation/helpers.ts';
import { ACCOUNT, records } from './helpers.ts';

function rotate(lab: ReturnType<typeof rotationLab>) {
  return sm(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: lab.functionArn, clientRequestToken: token(2) });
}

describe('rotation in the event history', () => {
  it('a successful run: RotationStarted and RotationSucceeded service events name the secret; the function\'s calls are its role session\'s', () => {
    const lab = rotationLab();
    rotate(lab);
    finishRun(lab.sim, lab.secretArn);
    const ofSecret = records(lab.sim, ACCOUNT, { attributes: [{ key: 'ResourceName', value: lab.secretArn }] });
    const service = ofSecret.filter((e) => e.eventType === 'AwsServiceEvent');
    expect(service.map((e) => e.eventName).reverse()).toEqual(['RotationStarted', 'RotationSucceeded']);
    for (const event of service) {
      expect(event).toMatchObject({
        userIdentity: { type: 'AWSService', accountId: ACCOUNT, invokedBy: 'secretsmanager.amazonaws.com' },
        eventSource: 'secretsmanager.amazonaws.com',
        resources: [{ accountId: ACCOUNT, type: 'AWS::SecretsManager::Secret', ARN: lab.secretArn }],
        readOnly: false,
      });
      expect(event.additionalEventData).toMatchObject({ secretId: lab.secretArn });
    }
    const byFunction = ofSecret.filter((e) => e.userIdentity.type === 'AssumedRole');
    expect(byFunction.map((e) => e.eventName)).toContain('UpdateSecretVersionStage');
    expect(byFunction[0]!.userIdentity.sessionContext?.sessionIssuer.userName).toBe('rotate-orders-role');
    // Username for the function's calls is the session name, as LookupEvents reports for role sessions.
    const bySession = records(lab.sim, ACCOUNT, { attributes: [{ key: 'Username', value: 'rotate-orders' }] });
    expect(bySession.length).toBeGreaterThan(byFunction.length);
    expect(bySession.every((e) => e.userIdentity.type === 'AssumedRole')).toBe(true);
    expect(bySession.map((e) => e.eventName)).toContain('GetRandomPassword');
    // The new password the function generated and stored is in no event.
    const value = JSON.parse(sm(lab.sim, 'GetSecretValue', { secretId: lab.secretArn }).secretString as string) as { password: string };
    expect(JSON.stringify(records(lab.sim))).not.toContain(value.password);
  });

  it('a failed run: RotationFailed is recorded, with the failing step', () => {
    const lab = rotationLab();
    injectFault(lab.sim, lab.functionArn, 'setSecret', { kind: 'databaseUnreachable' });
    rotate(lab);
    finishRun(lab.sim, lab.secretArn);
    const failed = records(lab.sim, ACCOUNT, { attributes: [{ key: 'EventName', value: 'RotationFailed' }] });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ eventType: 'AwsServiceEvent', additionalEventData: { step: 'setSecret' } });
  });
});
