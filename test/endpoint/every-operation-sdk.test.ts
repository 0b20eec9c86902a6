import {
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DisableKeyRotationCommand,
  EnableKeyRotationCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  ListAliasesCommand,
  ListKeyPoliciesCommand,
  ListKeyRotationsCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  RotateKeyOnDemandCommand,
  TagResourceCommand as KmsTagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
  DescribeKeyCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import {
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DescribeSecretCommand,
  InvalidRequestException,
  RemoveRegionsFromReplicationCommand,
  ReplicateSecretToRegionsCommand,
  RotateSecretCommand,
  StopReplicationToReplicaCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { kmsClient, secretsClient, startTestEndpoint } from './helpers.ts';

/**
 * The operations the other endpoint files do not reach, each called once through the real SDK over HTTP, so every
 * operation of docs/coverage.md for Secrets Manager and KMS has crossed the wire at least once.
 */
let endpoint: RunningEndpoint;
let kms: KMSClient;
let sm: SecretsManagerClient;

beforeAll(async () => {
  endpoint = await startTestEndpoint();
  kms = kmsClient(endpoint);
  sm = secretsClient(endpoint);
});

afterAll(async () => {
  await endpoint.close();
});

describe('KMS key management over HTTP', () => {
  it('rotation, policies, aliases, tags and descriptions', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: 'first' }));
    const KeyId = KeyMetadata!.KeyId!;

    await kms.send(new EnableKeyRotationCommand({ KeyId }));
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId }))).KeyRotationEnabled).toBe(true);
    await kms.send(new RotateKeyOnDemandCommand({ KeyId }));
    const rotations = await kms.send(new ListKeyRotationsCommand({ KeyId }));
    expect(rotations.Rotations?.[0]?.RotationType).toBe('ON_DEMAND');
    expect(rotations.Rotations?.[0]?.RotationDate).toBeInstanceOf(Date);
    await kms.send(new DisableKeyRotationCommand({ KeyId }));
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId }))).KeyRotationEnabled).toBe(false);

    expect((await kms.send(new ListKeyPoliciesCommand({ KeyId }))).PolicyNames).toEqual(['default']);
    const { Policy } = await kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }));
    const document = JSON.parse(Policy!) as { Statement: unknown[] };
    document.Statement.push({ Sid: 'Extra', Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' });
    await kms.send(new PutKeyPolicyCommand({ KeyId, PolicyName: 'default', Policy: JSON.stringify(document) }));
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId }))).Policy).toContain('"Extra"');

    await kms.send(new UpdateKeyDescriptionCommand({ KeyId, Description: 'second' }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata?.Description).toBe('second');

    await kms.send(new KmsTagResourceCommand({ KeyId, Tags: [{ TagKey: 'team', TagValue: 'payments' }] }));
    expect((await kms.send(new ListResourceTagsCommand({ KeyId }))).Tags).toEqual([{ TagKey: 'team', TagValue: 'payments' }]);

    const { KeyMetadata: other } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/app', TargetKeyId: KeyId }));
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/app', TargetKeyId: other!.KeyId! }));
    const aliased = (await kms.send(new ListAliasesCommand({}))).Aliases?.find((a) => a.AliasName === 'alias/app');
    expect(aliased?.TargetKeyId).toBe(other!.KeyId);
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/app' }));
    expect((await kms.send(new ListAliasesCommand({}))).Aliases?.some((a) => a.AliasName === 'alias/app')).toBe(false);

    const dataKey = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId, KeySpec: 'AES_256' }));
    expect(dataKey.CiphertextBlob?.length).toBeGreaterThan(32);
    expect('Plaintext' in dataKey).toBe(false);
  });
});

describe('Secrets Manager replication and rotation over HTTP', () => {
  it('replicates, promotes a replica in its own region, and removes replicas', async () => {
    const created = await sm.send(new CreateSecretCommand({ Name: 'dr/db', SecretString: 'v1' }));
    const replicated = await sm.send(new ReplicateSecretToRegionsCommand({ SecretId: 'dr/db', AddReplicaRegions: [{ Region: 'us-west-2' }, { Region: 'eu-west-1' }] }));
    expect(replicated.ReplicationStatus?.map((r) => `${r.Region}:${r.Status}`).sort()).toEqual(['eu-west-1:InSync', 'us-west-2:InSync']);

    const west = secretsClient(endpoint, { region: 'us-west-2' });
    const replica = await west.send(new DescribeSecretCommand({ SecretId: 'dr/db' }));
    expect(replica.PrimaryRegion).toBe('us-east-1');
    expect(replica.ARN).toBe(created.ARN!.replace(':us-east-1:', ':us-west-2:'));
    await expect(west.send(new PutSecretValueCommand({ SecretId: 'dr/db', SecretString: 'no' }))).rejects.toBeInstanceOf(InvalidRequestException);

    const promoted = await west.send(new StopReplicationToReplicaCommand({ SecretId: 'dr/db' }));
    expect(promoted.ARN).toBe(replica.ARN);
    await west.send(new PutSecretValueCommand({ SecretId: 'dr/db', SecretString: 'writable now' }));

    const removed = await sm.send(new RemoveRegionsFromReplicationCommand({ SecretId: 'dr/db', RemoveReplicaRegions: ['eu-west-1'] }));
    expect(removed.ReplicationStatus ?? []).toEqual([]);
    const primary = await sm.send(new DescribeSecretCommand({ SecretId: 'dr/db' }));
    expect(primary.ReplicationStatus).toBeUndefined();
  });

  it('refuses rotation without a function the service can invoke, and cancels nothing harmfully', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'rot/db', SecretString: 'v1' }));
    const noFunction = sm.send(new RotateSecretCommand({ SecretId: 'rot/db' }));
    await expect(noFunction).rejects.toBeInstanceOf(InvalidRequestException);
    await expect(noFunction).rejects.toThrow('No Lambda rotation function ARN is associated with this secret.');
    const unknownFunction = sm.send(new RotateSecretCommand({ SecretId: 'rot/db', RotationLambdaARN: 'arn:aws:lambda:us-east-1:111122223333:function:nope' }));
    // AccessDeniedException is not in the Secrets Manager model, so the SDK raises a generic service exception by name.
    await expect(unknownFunction).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: 'Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.',
    });
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'rot/db' }));
    expect(described.RotationEnabled).toBeUndefined();
    const cancelled = await sm.send(new CancelRotateSecretCommand({ SecretId: 'rot/db' }));
    expect(cancelled.Name).toBe('rot/db');
    expect(cancelled.VersionId).toBeUndefined();
  });
});
