import { describe, expect, it } from 'vitest';
import { createSimulator, DAY, type CloudTrailEvent } from '../../../../src/engine/index.ts';
import { derivedUuid, eventIdOf } from '../../../../src/engine/audit/event-ids.ts';
import { ACCOUNT, REGION, latest, records } from './helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ADMIN_ARN = `arn:aws:iam::${ACCOUNT}:user/admin`;

/** The members every API-call record has, in CloudTrail's words. */
function expectApiCallShape(event: CloudTrailEvent, eventSource: string, eventName: string): void {
  expect(event.eventVersion).toBe('1.11');
  expect(event.eventSource).toBe(eventSource);
  expect(event.eventName).toBe(eventName);
  expect(event.eventType).toBe('AwsApiCall');
  expect(event.eventCategory).toBe('Management');
  expect(event.managementEvent).toBe(true);
  expect(event.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(event.eventID).toMatch(UUID);
  expect(event.requestID).toMatch(UUID);
  expect(typeof event.readOnly).toBe('boolean');
  expect(event.sourceIPAddress).toBeTruthy();
  expect(event.userAgent).toBeTruthy();
  expect(event.userIdentity.accountId).toMatch(/^\d{12}$/);
  expect(event.recipientAccountId).toMatch(/^\d{12}$/);
  expect('requestParameters' in event && 'responseElements' in event).toBe(true);
}

describe('CloudTrail event shape', () => {
  it('every registered operation, called with an empty request, leaves a full API-call record with its error', () => {
    const sim = createSimulator();
    const operations = sim.operations();
    expect(operations.length).toBeGreaterThan(60);
    for (const { service, operation } of operations) {
      const result = sim.call({ service, operation, input: {} });
      const event = records(sim)[0]!;
      const source = `${service}.amazonaws.com`;
      expectApiCallShape(event, source, operation);
      expect(event.requestID).toBe(result.requestId);
      expect(event.userIdentity).toMatchObject({ type: 'IAMUser', arn: ADMIN_ARN, accountId: ACCOUNT, userName: 'admin' });
      if (result.ok) expect(event.errorCode).toBeUndefined();
      else expect([event.errorCode, event.errorMessage]).toEqual([result.error.code, result.error.message]);
    }
  });

  it('GetSecretValue: requestParameters name the secret, responseElements are null, the secret is a typed resource', () => {
    const sim = createSimulator();
    const created = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'db', secretString: 'pw' } });
    if (!created.ok) throw created.error;
    const read = sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'db', versionStage: 'AWSCURRENT' } });
    const event = latest(sim, 'GetSecretValue');
    expectApiCallShape(event, 'secretsmanager.amazonaws.com', 'GetSecretValue');
    expect(event).toMatchObject({
      awsRegion: REGION,
      sourceIPAddress: '203.0.113.10',
      userAgent: 'secretslab-console',
      requestParameters: { secretId: 'db', versionStage: 'AWSCURRENT' },
      responseElements: null,
      requestID: read.requestId,
      readOnly: true,
      resources: [{ accountId: ACCOUNT, type: 'AWS::SecretsManager::Secret', ARN: created.output.arn }],
      recipientAccountId: ACCOUNT,
      eventTime: '2026-01-01T00:00:00Z',
    });
    expect(event.sharedEventID).toBeUndefined();
  });

  it('CreateSecret, a write: readOnly false, responseElements hold the ARN, name and version but no value', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'db', secretString: 'pw', clientRequestToken: 'a'.repeat(32) } });
    const event = latest(sim, 'CreateSecret');
    expect(event.readOnly).toBe(false);
    expect(event.requestParameters).toEqual({ name: 'db', clientRequestToken: 'a'.repeat(32) });
    expect(event.responseElements).toMatchObject({ name: 'db', versionId: 'a'.repeat(32) });
    expect(JSON.stringify(event)).not.toContain('"pw"');
  });

  it("Secrets Manager's own KMS calls are events of the caller, invoked by secretsmanager.amazonaws.com", () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'db', secretString: 'pw' } });
    sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'db' } });
    for (const name of ['GenerateDataKey', 'Decrypt']) {
      const event = latest(sim, name);
      expectApiCallShape(event, 'kms.amazonaws.com', name);
      expect(event.userIdentity).toMatchObject({ type: 'IAMUser', arn: ADMIN_ARN, invokedBy: 'secretsmanager.amazonaws.com' });
      expect(event.sourceIPAddress).toBe('secretsmanager.amazonaws.com');
      expect(event.userAgent).toBe('secretsmanager.amazonaws.com');
      expect(event.resources![0]).toMatchObject({ type: 'AWS::KMS::Key', accountId: ACCOUNT });
      expect((event.requestParameters as { encryptionContext: Record<string, string> }).encryptionContext).toHaveProperty('SecretARN');
    }
  });

  it('a role session carries sessionContext with its issuing role, and Username is the session name', () => {
    const sim = createSimulator();
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    const role = sim.call<{ role: { arn: string; roleId: string } }>({ service: 'iam', operation: 'CreateRole', input: { roleName: 'App', assumeRolePolicyDocument: trust } });
    if (!role.ok) throw role.error;
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {}, caller: { principalArn: `arn:aws:sts::${ACCOUNT}:assumed-role/App/lab` } });
    const event = latest(sim, 'ListSecrets');
    expect(event.userIdentity).toEqual({
      type: 'AssumedRole',
      principalId: `${role.output.role.roleId}:lab`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/App/lab`,
      accountId: ACCOUNT,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: role.output.role.roleId, arn: role.output.role.arn, accountId: ACCOUNT, userName: 'App' },
        attributes: { mfaAuthenticated: 'false' },
      },
    });
  });

  it('a session from AssumeRole: its access key, and the session\'s creation date in sessionContext', () => {
    const sim = createSimulator();
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    const role = sim.call<{ role: { arn: string } }>({ service: 'iam', operation: 'CreateRole', input: { roleName: 'App', assumeRolePolicyDocument: trust } });
    if (!role.ok) throw role.error;
    sim.advance({ minutes: 5 });
    const assumed = sim.call<{ credentials: { accessKeyId: string } }>({ service: 'sts', operation: 'AssumeRole', input: { roleArn: role.output.role.arn, roleSessionName: 'ci' } });
    if (!assumed.ok) throw assumed.error;
    sim.advance({ minutes: 10 });
    const accessKeyId = assumed.output.credentials.accessKeyId;
    sim.call({ service: 'secretsmanager', operation: 'ListSecrets', input: {}, caller: { accessKeyId } });
    const event = latest(sim, 'ListSecrets');
    expect(event.userIdentity).toMatchObject({
      type: 'AssumedRole',
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/App/ci`,
      accessKeyId,
      sessionContext: { attributes: { creationDate: '2026-01-01T00:05:00Z', mfaAuthenticated: 'false' } },
    });
    expect(accessKeyId).toMatch(/^ASIA/);
    expect(event.eventTime).toBe('2026-01-01T00:15:00Z');
  });

  it('IAM calls are recorded in us-east-1 whatever Region the caller names (IAM is global)', () => {
    const sim = createSimulator();
    sim.call({ service: 'iam', operation: 'CreateUser', input: { userName: 'dev' }, region: 'eu-west-1' });
    expect(latest(sim, 'CreateUser')).toMatchObject({
      awsRegion: 'us-east-1',
      resources: [{ accountId: ACCOUNT, type: 'AWS::IAM::User', ARN: `arn:aws:iam::${ACCOUNT}:user/dev` }],
    });
    expect(records(sim, ACCOUNT, { region: 'eu-west-1' })).toEqual([]);
  });

  it('service events (the end of a recovery window) are AwsServiceEvent records with no caller', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'old', secretString: 'x' } });
    sim.call({ service: 'secretsmanager', operation: 'DeleteSecret', input: { secretId: 'old', recoveryWindowInDays: 7 } });
    sim.advance({ days: 8 });
    const events = records(sim, ACCOUNT, { attributes: [{ key: 'EventName', value: 'DeleteSecret' }] });
    const service = events.find((e) => e.eventType === 'AwsServiceEvent')!;
    expect(service).toMatchObject({
      eventVersion: '1.11',
      userIdentity: { type: 'AWSService', accountId: ACCOUNT, invokedBy: 'secretsmanager.amazonaws.com' },
      eventSource: 'secretsmanager.amazonaws.com',
      sourceIPAddress: 'secretsmanager.amazonaws.com',
      requestParameters: null,
      responseElements: null,
      readOnly: false,
      managementEvent: true,
      eventCategory: 'Management',
      recipientAccountId: ACCOUNT,
    });
    expect(Date.parse(service.eventTime)).toBe(sim.now - DAY);
    expect(service.eventID).toMatch(UUID);
  });

  it('event ids are derived, not drawn: the same world replayed gives the same ids, and the services see the same RNG', () => {
    const run = () => {
      const sim = createSimulator({ seed: 'replay' });
      sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'a', secretString: 'x' } });
      sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'a' } });
      return { ids: records(sim).map((e) => e.eventID), rng: sim.state.rng };
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(new Set(first.ids).size).toBe(first.ids.length);
  });

  it('derived ids are uuid-shaped and distinct across many sequences, accounts and seeds', () => {
    const ids = new Set<string>();
    for (let sequence = 1; sequence <= 20_000; sequence++) {
      for (const account of [ACCOUNT, '444455556666']) ids.add(eventIdOf('secretslab', sequence, account));
    }
    for (let sequence = 1; sequence <= 5_000; sequence++) ids.add(eventIdOf('another seed', sequence, ACCOUNT));
    expect(ids.size).toBe(45_000);
    expect(derivedUuid('x', 1)).toMatch(UUID);
  });
});
