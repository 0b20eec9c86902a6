import { describe, expect, it } from 'vitest';
import { createSimulator, DAY, HOUR, injectFault } from '../../../../src/engine/index.ts';
import { call, finding, pendingVersion, rotationSetup, settle, sm, status, token } from './helpers.ts';

const PUBLIC_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
});

function plainSecret(name = 'app/db') {
  const sim = createSimulator();
  const arn = sm(sim, 'CreateSecret', { name, secretString: 'v' }).arn as string;
  return { sim, arn };
}

function setParameter(sim: ReturnType<typeof createSimulator>, controlId: string, name: string, value: { integer?: number; stringList?: string[] } | 'DEFAULT') {
  call(sim, 'securityhub', 'UpdateSecurityControl', {
    securityControlId: controlId,
    parameters: { [name]: value === 'DEFAULT' ? { valueType: 'DEFAULT' } : { valueType: 'CUSTOM', value } },
  });
}

describe('Security Hub controls go FAILED and back to PASSED as the world changes and time advances', () => {
  it('SecretsManager.1 (change-triggered): fails at creation, passes as soon as rotation is on; maximumAllowedRotationFrequency tightens it', () => {
    const { sim, secretArn, functionArn } = rotationSetup();
    expect(status(sim, 'SecretsManager.1', secretArn)).toBe('FAILED');
    expect(finding(sim, 'SecretsManager.1', secretArn).description).toBe('Automatic rotation is not turned on for this secret.');
    sm(sim, 'RotateSecret', { secretId: secretArn, rotationLambdaARN: functionArn, rotationRules: { automaticallyAfterDays: 30 }, clientRequestToken: token() });
    expect(status(sim, 'SecretsManager.1', secretArn)).toBe('PASSED');
    setParameter(sim, 'SecretsManager.1', 'maximumAllowedRotationFrequency', { integer: 7 });
    expect(status(sim, 'SecretsManager.1', secretArn)).toBe('FAILED');
    expect(finding(sim, 'SecretsManager.1', secretArn).description).toBe('The secret rotates every 30 days; the control allows at most 7.');
    setParameter(sim, 'SecretsManager.1', 'maximumAllowedRotationFrequency', 'DEFAULT');
    expect(status(sim, 'SecretsManager.1', secretArn)).toBe('PASSED');
  });

  it('SecretsManager.2: passes while rotations succeed, fails when the scheduled rotation fails, passes after a successful one', () => {
    const { sim, secretArn, functionArn } = rotationSetup();
    // Not applicable (no finding) until rotation is configured.
    expect(finding(sim, 'SecretsManager.2', secretArn)).toBeUndefined();
    sm(sim, 'RotateSecret', { secretId: secretArn, rotationLambdaARN: functionArn, rotationRules: { automaticallyAfterDays: 30 }, clientRequestToken: token() });
    settle(sim);
    expect(status(sim, 'SecretsManager.2', secretArn)).toBe('PASSED');
    injectFault(sim, functionArn, 'setSecret', { kind: 'wrongPassword' });
    sim.advance(31 * DAY); // the scheduled rotation runs in its window and fails
    expect(status(sim, 'SecretsManager.2', secretArn)).toBe('FAILED');
    expect(finding(sim, 'SecretsManager.2', secretArn).description).toBe('The most recent rotation failed.');
    injectFault(sim, functionArn, 'setSecret', undefined);
    // The failed run left AWSPENDING behind: the retry names that version, as AWS requires.
    sm(sim, 'RotateSecret', { secretId: secretArn, clientRequestToken: pendingVersion(sim, secretArn) });
    settle(sim);
    expect(status(sim, 'SecretsManager.2', secretArn)).toBe('PASSED');
    expect(finding(sim, 'SecretsManager.2', secretArn).workflow.status).toBe('RESOLVED');
  });

  it('SecretsManager.3 (periodic): fails after 90 unused days, passes after a read at the next periodic run', () => {
    const { sim, arn } = plainSecret();
    sim.advance(89 * DAY);
    expect(status(sim, 'SecretsManager.3', arn)).toBe('PASSED');
    sim.advance(2 * DAY);
    expect(status(sim, 'SecretsManager.3', arn)).toBe('FAILED');
    expect(finding(sim, 'SecretsManager.3', arn).description).toBe('Not accessed for 91 days (limit 90).');
    sm(sim, 'GetSecretValue', { secretId: arn });
    // Periodic: the read counts at the next run, within 12 hours.
    expect(status(sim, 'SecretsManager.3', arn)).toBe('FAILED');
    sim.advance(12 * HOUR);
    expect(status(sim, 'SecretsManager.3', arn)).toBe('PASSED');
  });

  it('SecretsManager.3 honours unusedForDays', () => {
    const { sim, arn } = plainSecret();
    setParameter(sim, 'SecretsManager.3', 'unusedForDays', { integer: 10 });
    sim.advance(11 * DAY);
    expect(status(sim, 'SecretsManager.3', arn)).toBe('FAILED');
    const refused = sim.call({ service: 'securityhub', operation: 'UpdateSecurityControl', input: { securityControlId: 'SecretsManager.3', parameters: { unusedForDays: { valueType: 'CUSTOM', value: { integer: 400 } } } } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('InvalidInputException');
  });

  it('SecretsManager.4 (periodic): fails 90 days after the last rotation, passes after a rotation', () => {
    const { sim, secretArn, functionArn } = rotationSetup();
    sim.advance(91 * DAY);
    expect(status(sim, 'SecretsManager.4', secretArn)).toBe('FAILED');
    sm(sim, 'RotateSecret', { secretId: secretArn, rotationLambdaARN: functionArn, rotationRules: { automaticallyAfterDays: 60 }, clientRequestToken: token() });
    settle(sim);
    sim.advance(12 * HOUR);
    expect(status(sim, 'SecretsManager.4', secretArn)).toBe('PASSED');
    const passed = finding(sim, 'SecretsManager.4', secretArn);
    expect(Date.parse(passed.firstObservedAt)).toBeLessThan(Date.parse(passed.lastObservedAt));
  });

  it('SecretsManager.5 (change-triggered): fails untagged, passes once tagged; aws: tags do not count; requiredTagKeys', () => {
    const { sim, arn } = plainSecret();
    expect(status(sim, 'SecretsManager.5', arn)).toBe('FAILED');
    expect(finding(sim, 'SecretsManager.5', arn).severity.label).toBe('LOW');
    sm(sim, 'TagResource', { secretId: arn, tags: [{ key: 'team', value: 'payments' }] });
    expect(status(sim, 'SecretsManager.5', arn)).toBe('PASSED');
    setParameter(sim, 'SecretsManager.5', 'requiredTagKeys', { stringList: ['owner'] });
    expect(status(sim, 'SecretsManager.5', arn)).toBe('FAILED');
    expect(finding(sim, 'SecretsManager.5', arn).description).toBe('Missing required tag keys: owner.');
    sm(sim, 'TagResource', { secretId: arn, tags: [{ key: 'owner', value: 'ana' }] });
    expect(status(sim, 'SecretsManager.5', arn)).toBe('PASSED');
  });

  it('a public resource policy is a CRITICAL finding that passes once the policy is removed', () => {
    const { sim, arn } = plainSecret();
    expect(status(sim, 'SecretsLab.PublicSecretPolicy', arn)).toBe('PASSED');
    sm(sim, 'PutResourcePolicy', { secretId: arn, resourcePolicy: PUBLIC_POLICY, blockPublicPolicy: false });
    expect(status(sim, 'SecretsLab.PublicSecretPolicy', arn)).toBe('FAILED');
    expect(finding(sim, 'SecretsLab.PublicSecretPolicy', arn).severity.label).toBe('CRITICAL');
    sm(sim, 'DeleteResourcePolicy', { secretId: arn });
    expect(status(sim, 'SecretsLab.PublicSecretPolicy', arn)).toBe('PASSED');
    expect(finding(sim, 'SecretsLab.PublicSecretPolicy', arn).severity).toEqual({ label: 'INFORMATIONAL', original: 'CRITICAL' });
  });

  it('KMS.3: a customer managed key scheduled for deletion while a secret uses it fails, and passes when the deletion is cancelled', () => {
    const sim = createSimulator();
    const key = call(sim, 'kms', 'CreateKey', {}).keyMetadata;
    sm(sim, 'CreateSecret', { name: 'uses-key', secretString: 'v', kmsKeyId: key.keyId });
    expect(status(sim, 'KMS.3', key.arn)).toBe('PASSED');
    call(sim, 'kms', 'ScheduleKeyDeletion', { keyId: key.keyId, pendingWindowInDays: 7 });
    expect(status(sim, 'KMS.3', key.arn)).toBe('FAILED');
    expect(finding(sim, 'KMS.3', key.arn).productFields['SecretsLab/FixLink']).toBe(`#/kms/${key.keyId}`);
    expect(finding(sim, 'KMS.3', key.arn).description).toBe('Scheduled for deletion while 1 secret(s) still use it: uses-key.');
    expect(finding(sim, 'KMS.3', key.arn).severity.label).toBe('CRITICAL');
    sim.advance(2 * DAY);
    call(sim, 'kms', 'CancelKeyDeletion', { keyId: key.keyId });
    expect(status(sim, 'KMS.3', key.arn)).toBe('PASSED');
  });

  it('KMS.4 (periodic): a customer managed key without rotation fails, and passes after rotation is enabled', () => {
    const sim = createSimulator();
    const key = call(sim, 'kms', 'CreateKey', {}).keyMetadata;
    sim.advance(12 * HOUR);
    expect(status(sim, 'KMS.4', key.arn)).toBe('FAILED');
    call(sim, 'kms', 'EnableKeyRotation', { keyId: key.keyId });
    sim.advance(12 * HOUR);
    expect(status(sim, 'KMS.4', key.arn)).toBe('PASSED');
    expect(finding(sim, 'KMS.4', key.arn).remediation.recommendation.text).toMatch(/rotation/);
  });
});

describe('findings', () => {
  it('carry the control, the resource, first and last observation, remediation and a fix link into the app', () => {
    const { sim, arn } = plainSecret();
    const f = finding(sim, 'SecretsManager.5', arn);
    expect(f).toMatchObject({
      generatorId: 'security-control/SecretsManager.5',
      title: 'Secrets Manager secrets should be tagged',
      awsAccountId: '111122223333',
      resources: [{ type: 'AwsSecretsManagerSecret', id: arn, region: 'us-east-1' }],
      compliance: { status: 'FAILED', securityControlId: 'SecretsManager.5' },
      workflow: { status: 'NEW' },
      recordState: 'ACTIVE',
      firstObservedAt: '2026-01-01T00:00:00Z',
    });
    expect(f.id).toMatch(/^arn:aws:securityhub:us-east-1:111122223333:security-control\/SecretsManager\.5\/finding\/[0-9a-f-]{36}$/);
    const link = sim.state.records.securityhub as { findings: Record<string, { fixLink: string }> };
    expect(link.findings[`SecretsManager.5|${arn}`]!.fixLink).toBe(`#/secrets/${encodeURIComponent(arn)}`);
  });

  it('are archived when their secret is deleted for good, and only this account and Region sees its findings', () => {
    const { sim, arn } = plainSecret();
    expect(status(sim, 'SecretsManager.5', arn)).toBe('FAILED');
    sm(sim, 'DeleteSecret', { secretId: arn, forceDeleteWithoutRecovery: true });
    expect(finding(sim, 'SecretsManager.5', arn)).toBeUndefined();
    const other = sim.call<{ findings: unknown[] }>({ service: 'securityhub', operation: 'GetFindings', input: {}, region: 'eu-west-1' });
    expect(other.ok && other.output.findings).toEqual([]);
  });

  it('a refused call triggers no check', () => {
    const { sim, arn } = plainSecret();
    const before = structuredClone(sim.state.records.securityhub);
    sim.call({ service: 'secretsmanager', operation: 'TagResource', input: { secretId: arn, tags: [] }, caller: { principalArn: 'arn:aws:iam::111122223333:user/nobody' } });
    expect(sim.state.records.securityhub).toEqual(before);
  });

  it('page through GetFindings with nextToken', () => {
    const sim = createSimulator();
    for (const name of ['a', 'b', 'c']) sm(sim, 'CreateSecret', { name, secretString: 'v' });
    const ids: string[] = [];
    let page = call(sim, 'securityhub', 'GetFindings', { maxResults: 4 });
    ids.push(...page.findings.map((f: { id: string }) => f.id));
    while (page.nextToken) {
      page = call(sim, 'securityhub', 'GetFindings', { maxResults: 4, nextToken: page.nextToken });
      ids.push(...page.findings.map((f: { id: string }) => f.id));
    }
    // Three secrets × the three change-triggered secret controls with a finding at creation (.1, .5, public policy).
    expect(ids).toHaveLength(9);
    expect(new Set(ids).size).toBe(9);
  });
});
