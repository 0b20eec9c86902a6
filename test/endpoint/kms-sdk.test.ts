import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  DisabledException,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  InvalidCiphertextException,
  ListAliasesCommand,
  ListKeysCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  CancelKeyDeletionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand, PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { kmsClient, rawPost, secretsClient, startTestEndpoint } from './helpers.ts';

/** The real @aws-sdk/client-kms over HTTP, and what a customer managed key's state does to secrets. */

const START = new Date(Date.UTC(2026, 0, 1));
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const bytes = (s: string) => new TextEncoder().encode(s);

let endpoint: RunningEndpoint;
let kms: KMSClient;
let sm: SecretsManagerClient;

beforeAll(async () => {
  endpoint = await startTestEndpoint();
  kms = kmsClient(endpoint);
  sm = secretsClient(endpoint);
});

afterAll(async () => {
  kms.destroy();
  sm.destroy();
  await endpoint.close();
});

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number }; name: string };
  }
  throw new Error('expected the call to fail');
}

describe('KMS through the real SDK', () => {
  it('creates and describes a key: KeyMetadata with AWSAccountId, Arn and a Date', async () => {
    const created = await kms.send(new CreateKeyCommand({ Description: 'sdk key' }));
    const metadata = created.KeyMetadata!;
    expect(metadata.AWSAccountId).toBe('111122223333');
    expect(metadata.Arn).toBe(`arn:aws:kms:us-east-1:111122223333:key/${metadata.KeyId}`);
    expect(metadata.CreationDate).toEqual(START);
    expect(metadata.KeyState).toBe('Enabled');
    expect(metadata.Enabled).toBe(true);
    const described = await kms.send(new DescribeKeyCommand({ KeyId: metadata.KeyId }));
    expect(described.KeyMetadata?.Description).toBe('sdk key');
    const keys = await kms.send(new ListKeysCommand({}));
    expect(keys.Keys?.map((k) => k.KeyId)).toContain(metadata.KeyId);
  });

  it('encrypts and decrypts with an encryption context; a wrong context fails', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const context = { purpose: 'test', SecretARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:x-AbCdEf' };
    const encrypted = await kms.send(new EncryptCommand({ KeyId: KeyMetadata!.KeyId, Plaintext: bytes('attack at dawn'), EncryptionContext: context }));
    expect(encrypted.CiphertextBlob).toBeInstanceOf(Uint8Array);
    expect(encrypted.KeyId).toBe(KeyMetadata!.Arn);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: context }));
    expect(text(decrypted.Plaintext)).toBe('attack at dawn');
    expect(decrypted.KeyId).toBe(KeyMetadata!.Arn);
    const wrong = await rejection(kms.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { purpose: 'other' } })));
    expect(wrong).toBeInstanceOf(InvalidCiphertextException);
    expect(wrong.$metadata.httpStatusCode).toBe(400);
  });

  it('generates a data key whose ciphertext decrypts to its plaintext', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const dataKey = await kms.send(new GenerateDataKeyCommand({ KeyId: KeyMetadata!.KeyId, KeySpec: 'AES_256' }));
    expect(dataKey.Plaintext).toHaveLength(32);
    const decrypted = await kms.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob }));
    expect([...decrypted.Plaintext!]).toEqual([...dataKey.Plaintext!]);
  });

  it('names keys with aliases', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/sdk-app', TargetKeyId: KeyMetadata!.KeyId }));
    const aliases = await kms.send(new ListAliasesCommand({}));
    const alias = aliases.Aliases?.find((a) => a.AliasName === 'alias/sdk-app');
    expect(alias?.TargetKeyId).toBe(KeyMetadata!.KeyId);
    expect(alias?.AliasArn).toBe('arn:aws:kms:us-east-1:111122223333:alias/sdk-app');
    const described = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/sdk-app' }));
    expect(described.KeyMetadata?.KeyId).toBe(KeyMetadata!.KeyId);
  });

  it('reports a missing key as NotFoundException, with KMS lower-case message member on the wire', async () => {
    const error = await rejection(kms.send(new DescribeKeyCommand({ KeyId: '00000000-0000-0000-0000-000000000000' })));
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.message).toContain('does not exist');
    const raw = await rawPost(endpoint, {
      target: 'TrentService.DescribeKey',
      body: '{"KeyId":"00000000-0000-0000-0000-000000000000"}',
      sign: { service: 'kms' },
    });
    expect(raw.status).toBe(400);
    expect(raw.json?.__type).toBe('NotFoundException');
    expect(typeof raw.json?.message).toBe('string');
  });

  it('a disabled key refuses Encrypt, and a secret sealed with it can no longer be read or written', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const keyId = KeyMetadata!.KeyId!;
    await sm.send(new CreateSecretCommand({ Name: 'kms/cmk-secret', SecretString: 'sealed', KmsKeyId: keyId }));
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'kms/cmk-secret' }))).SecretString).toBe('sealed');

    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    const encrypt = await rejection(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: bytes('x') })));
    expect(encrypt).toBeInstanceOf(DisabledException);
    const read = await rejection(sm.send(new GetSecretValueCommand({ SecretId: 'kms/cmk-secret' })));
    expect(read.name).toBe('DecryptionFailure');
    expect(read.$metadata.httpStatusCode).toBe(400);
    const write = await rejection(sm.send(new PutSecretValueCommand({ SecretId: 'kms/cmk-secret', SecretString: 'new' })));
    expect(write.name).toBe('EncryptionFailure');

    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'kms/cmk-secret' }))).SecretString).toBe('sealed');
  });

  it('schedules and cancels key deletion; DeletionDate is a Date', async () => {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: KeyMetadata!.KeyId, PendingWindowInDays: 7 }));
    expect(scheduled.KeyState).toBe('PendingDeletion');
    expect(scheduled.DeletionDate).toEqual(new Date(START.getTime() + 7 * 86_400_000));
    const described = await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId }));
    expect(described.KeyMetadata?.DeletionDate).toEqual(scheduled.DeletionDate);
    await kms.send(new CancelKeyDeletionCommand({ KeyId: KeyMetadata!.KeyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: KeyMetadata!.KeyId }))).KeyMetadata?.KeyState).toBe('Disabled');
  });
});
