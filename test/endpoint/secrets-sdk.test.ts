import {
  BatchGetSecretValueCommand,
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RestoreSecretCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
  ValidateResourcePolicyCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { secondAccountKeys, secretsClient, startTestEndpoint } from './helpers.ts';

/** The real @aws-sdk/client-secrets-manager over HTTP against the endpoint (the wire, not the engine, is under test). */

const START = new Date(Date.UTC(2026, 0, 1));

let endpoint: RunningEndpoint;
let sm: SecretsManagerClient;

beforeAll(async () => {
  endpoint = await startTestEndpoint();
  sm = secretsClient(endpoint);
});

afterAll(async () => {
  sm.destroy();
  await endpoint.close();
});

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; requestId?: string }; name: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number }; name: string };
  }
  throw new Error('expected the call to fail');
}

describe('Secrets Manager through the real SDK', () => {
  it('creates, reads and describes a secret; timestamps arrive as Dates', async () => {
    const created = await sm.send(new CreateSecretCommand({ Name: 'sdk/round-trip', SecretString: '{"user":"app","password":"p@ss"}', Description: 'first' }));
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:111122223333:secret:sdk\/round-trip-[A-Za-z0-9]{6}$/);
    expect(created.Name).toBe('sdk/round-trip');
    expect(created.VersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const value = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/round-trip' }));
    expect(value.SecretString).toBe('{"user":"app","password":"p@ss"}');
    expect(value.SecretBinary).toBeUndefined();
    expect(value.VersionStages).toEqual(['AWSCURRENT']);
    expect(value.CreatedDate).toBeInstanceOf(Date);
    expect(value.CreatedDate?.getTime()).toBe(START.getTime());

    const described = await sm.send(new DescribeSecretCommand({ SecretId: created.ARN }));
    expect(described.Name).toBe('sdk/round-trip');
    expect(described.Description).toBe('first');
    expect(described.CreatedDate).toBeInstanceOf(Date);
    expect(described.LastChangedDate?.getTime()).toBe(START.getTime());
    expect(described.LastAccessedDate).toBeInstanceOf(Date);
    // Map keys are version ids: they cross the wire unchanged.
    expect(described.VersionIdsToStages).toEqual({ [created.VersionId!]: ['AWSCURRENT'] });
  });

  it('delivers ResourceNotFoundException as the SDK exception class with HTTP 400', async () => {
    const error = await rejection(sm.send(new GetSecretValueCommand({ SecretId: 'sdk/missing' })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.message).toBe("Secrets Manager can't find the specified secret.");
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.$metadata?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('round-trips SecretBinary as bytes, NUL and 0xff included', async () => {
    const bytes = new Uint8Array([0, 1, 2, 0xff, 0xfe, 0xfd, 0x80, 0x7f]);
    await sm.send(new CreateSecretCommand({ Name: 'sdk/binary', SecretBinary: bytes }));
    const value = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/binary' }));
    expect(value.SecretString).toBeUndefined();
    expect(value.SecretBinary).toBeInstanceOf(Uint8Array);
    expect([...value.SecretBinary!]).toEqual([...bytes]);
  });

  it('takes the region from the signature scope', async () => {
    const west = secretsClient(endpoint, { region: 'us-west-2' });
    try {
      const created = await west.send(new CreateSecretCommand({ Name: 'sdk/regional', SecretString: 'west' }));
      expect(created.ARN).toContain(':us-west-2:');
      expect((await west.send(new GetSecretValueCommand({ SecretId: 'sdk/regional' }))).SecretString).toBe('west');
      const elsewhere = await rejection(sm.send(new GetSecretValueCommand({ SecretId: 'sdk/regional' })));
      expect(elsewhere).toBeInstanceOf(ResourceNotFoundException);
      const listed = await sm.send(new ListSecretsCommand({}));
      expect(listed.SecretList?.map((s) => s.Name)).not.toContain('sdk/regional');
    } finally {
      west.destroy();
    }
  });

  it('knows who signed: the second account sees only its own secrets', async () => {
    const other = secretsClient(endpoint, { credentials: secondAccountKeys(endpoint) });
    try {
      const created = await other.send(new CreateSecretCommand({ Name: 'sdk/round-trip', SecretString: 'other account' }));
      expect(created.ARN).toContain(':444455556666:secret:sdk/round-trip-');
      expect((await other.send(new GetSecretValueCommand({ SecretId: 'sdk/round-trip' }))).SecretString).toBe('other account');
      expect((await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/round-trip' }))).SecretString).toContain('p@ss');
    } finally {
      other.destroy();
    }
  });

  it('moves staging labels with PutSecretValue and UpdateSecretVersionStage', async () => {
    const first = await sm.send(new CreateSecretCommand({ Name: 'sdk/versions', SecretString: 'v1' }));
    const second = await sm.send(new PutSecretValueCommand({ SecretId: 'sdk/versions', SecretString: 'v2' }));
    expect(second.VersionStages).toEqual(['AWSCURRENT']);
    const previous = await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/versions', VersionStage: 'AWSPREVIOUS' }));
    expect(previous.SecretString).toBe('v1');
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'sdk/versions',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: first.VersionId,
        RemoveFromVersionId: second.VersionId,
      }),
    );
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/versions' }))).SecretString).toBe('v1');
    const versions = await sm.send(new ListSecretVersionIdsCommand({ SecretId: 'sdk/versions' }));
    const stages = Object.fromEntries((versions.Versions ?? []).map((v) => [v.VersionId, v.VersionStages]));
    expect(stages).toEqual({ [first.VersionId!]: ['AWSCURRENT'], [second.VersionId!]: ['AWSPREVIOUS'] });
    expect(versions.Versions?.[0]?.CreatedDate).toBeInstanceOf(Date);
  });

  it('answers a reused token with a different value with ResourceExistsException', async () => {
    const token = '0123456789abcdef0123456789abcdef';
    await sm.send(new CreateSecretCommand({ Name: 'sdk/idempotent', SecretString: 'a', ClientRequestToken: token }));
    const again = await sm.send(new CreateSecretCommand({ Name: 'sdk/idempotent', SecretString: 'a', ClientRequestToken: token }));
    expect(again.VersionId).toBe(token);
    const error = await rejection(sm.send(new PutSecretValueCommand({ SecretId: 'sdk/idempotent', SecretString: 'b', ClientRequestToken: token })));
    expect(error).toBeInstanceOf(ResourceExistsException);
  });

  it('updates, tags and untags, lists with filters', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'sdk/tagged', SecretString: 'x' }));
    await sm.send(new UpdateSecretCommand({ SecretId: 'sdk/tagged', Description: 'updated' }));
    const tagged = await sm.send(new TagResourceCommand({ SecretId: 'sdk/tagged', Tags: [{ Key: 'team', Value: 'payments' }, { Key: 'env', Value: 'prod' }] }));
    expect(tagged.$metadata.httpStatusCode).toBe(200);
    await sm.send(new UntagResourceCommand({ SecretId: 'sdk/tagged', TagKeys: ['env'] }));
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'sdk/tagged' }));
    expect(described.Description).toBe('updated');
    expect(described.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
    const listed = await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'tag-value', Values: ['payments'] }] }));
    expect(listed.SecretList?.map((s) => s.Name)).toEqual(['sdk/tagged']);
    expect(listed.SecretList?.[0]?.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
  });

  it('puts, gets, validates and deletes a resource policy', async () => {
    const { ARN } = await sm.send(new CreateSecretCommand({ Name: 'sdk/policy', SecretString: 'x' }));
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    });
    const validated = await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: policy }));
    expect(typeof validated.PolicyValidationPassed).toBe('boolean');
    const put = await sm.send(new PutResourcePolicyCommand({ SecretId: 'sdk/policy', ResourcePolicy: policy }));
    expect(put.ARN).toBe(ARN);
    const got = await sm.send(new GetResourcePolicyCommand({ SecretId: 'sdk/policy' }));
    expect(JSON.parse(got.ResourcePolicy!)).toEqual(JSON.parse(policy));
    await sm.send(new DeleteResourcePolicyCommand({ SecretId: 'sdk/policy' }));
    expect((await sm.send(new GetResourcePolicyCommand({ SecretId: 'sdk/policy' }))).ResourcePolicy).toBeUndefined();
  });

  it('deletes with a recovery window and restores; a deleted secret refuses reads', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'sdk/deleted', SecretString: 'x' }));
    const deleted = await sm.send(new DeleteSecretCommand({ SecretId: 'sdk/deleted', RecoveryWindowInDays: 7 }));
    expect(deleted.DeletionDate).toBeInstanceOf(Date);
    expect(deleted.DeletionDate!.getTime() - START.getTime()).toBe(7 * 24 * 3600 * 1000);
    const error = await rejection(sm.send(new GetSecretValueCommand({ SecretId: 'sdk/deleted' })));
    expect(error).toBeInstanceOf(InvalidRequestException);
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'sdk/deleted' }));
    expect(described.DeletedDate).toBeInstanceOf(Date);
    await sm.send(new RestoreSecretCommand({ SecretId: 'sdk/deleted' }));
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/deleted' }))).SecretString).toBe('x');
  });

  it('rejects a recovery window out of range with InvalidParameterException', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'sdk/window', SecretString: 'x' }));
    const error = await rejection(sm.send(new DeleteSecretCommand({ SecretId: 'sdk/window', RecoveryWindowInDays: 3 })));
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
  });

  it('batch-reads values and generates random passwords', async () => {
    const batch = await sm.send(new BatchGetSecretValueCommand({ SecretIdList: ['sdk/binary', 'sdk/versions', 'sdk/nope'] }));
    expect(batch.SecretValues?.map((v) => v.Name).sort()).toEqual(['sdk/binary', 'sdk/versions']);
    expect(batch.SecretValues?.find((v) => v.Name === 'sdk/binary')?.SecretBinary).toBeInstanceOf(Uint8Array);
    expect(batch.Errors?.[0]?.SecretId).toBe('sdk/nope');
    expect(batch.Errors?.[0]?.ErrorCode).toBe('ResourceNotFoundException');
    const password = await sm.send(new GetRandomPasswordCommand({ PasswordLength: 24, ExcludePunctuation: true }));
    expect(password.RandomPassword).toMatch(/^[A-Za-z0-9]{24}$/);
  });

  it('reports validation failures as ValidationException', async () => {
    const error = await rejection(sm.send(new GetRandomPasswordCommand({ PasswordLength: 5000 })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain("at 'passwordLength'");
  });
});
