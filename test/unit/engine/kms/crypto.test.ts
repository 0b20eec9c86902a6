import { describe, expect, it } from 'vitest';
import { REGION, bytes, fails, kms, newKey, newSim, ok, text } from './helpers.ts';

describe('Encrypt', () => {
  it('encrypts under a key named any way and reports the key ARN', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    for (const ref of [keyId, arn, 'alias/app', `arn:aws:kms:${REGION}:111122223333:alias/app`]) {
      const output = ok(kms(sim, 'Encrypt', { keyId: ref, plaintext: bytes('secret') }));
      expect(output.keyId).toBe(arn);
      expect(output.encryptionAlgorithm).toBe('SYMMETRIC_DEFAULT');
      expect(output.ciphertextBlob).toBeInstanceOf(Uint8Array);
      expect(text(output.ciphertextBlob)).not.toContain('secret');
    }
  });

  it('accepts 1..4096 bytes of plaintext and never echoes it in errors', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'Encrypt', { keyId, plaintext: new Uint8Array(4096) }));
    fails(
      kms(sim, 'Encrypt', { keyId, plaintext: new Uint8Array(4097) }),
      'ValidationException',
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
    );
    fails(
      kms(sim, 'Encrypt', { keyId, plaintext: new Uint8Array(0) }),
      'ValidationException',
      "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('never logs the plaintext', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('TOP-SECRET') }));
    const entry = sim.state.log.entries.at(-1)!;
    expect(entry).toMatchObject({ kind: 'call', operation: 'Encrypt' });
    expect(JSON.stringify(entry)).not.toContain('TOP-SECRET');
    expect(entry.kind === 'call' && entry.requestParameters).not.toHaveProperty('plaintext');
  });

  it('refuses other algorithms for a symmetric key, and honours DryRun', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    fails(kms(sim, 'Encrypt', { keyId, plaintext: bytes('x'), encryptionAlgorithm: 'RSAES_OAEP_SHA_256' }), 'InvalidKeyUsageException');
    fails(kms(sim, 'Encrypt', { keyId, plaintext: bytes('x'), encryptionAlgorithm: 'AES' }), 'ValidationException', /'encryptionAlgorithm'/);
    fails(
      kms(sim, 'Encrypt', { keyId, plaintext: bytes('x'), dryRun: true }),
      'DryRunOperationException',
      'The request would have succeeded, but the DryRun option is set.',
    );
  });

  it('refuses direct use of the AWS managed key (only Secrets Manager may use it)', () => {
    const sim = newSim();
    fails(kms(sim, 'Encrypt', { keyId: 'alias/aws/secretsmanager', plaintext: bytes('x') }), 'AccessDeniedException', /kms:Encrypt/);
    // Refusing did not create the key.
    expect(ok(kms(sim, 'ListKeys')).keys).toEqual([]);
    ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' }));
    fails(kms(sim, 'Encrypt', { keyId: 'alias/aws/secretsmanager', plaintext: bytes('x') }), 'AccessDeniedException');
  });

  it('answers NotFoundException for unknown keys', () => {
    const sim = newSim();
    fails(kms(sim, 'Encrypt', { keyId: 'alias/none', plaintext: bytes('x') }), 'NotFoundException', /^Alias .*alias\/none is not found\.$/);
  });
});

describe('Decrypt', () => {
  it('decrypts without a KeyId (the blob names its key) or with the right one', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    const { ciphertextBlob } = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('hello') }));
    expect(ok(kms(sim, 'Decrypt', { ciphertextBlob }))).toEqual({ keyId: arn, plaintext: bytes('hello'), encryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(text(ok(kms(sim, 'Decrypt', { ciphertextBlob, keyId: 'alias/app' })).plaintext)).toBe('hello');
  });

  it('answers IncorrectKeyException when KeyId names another key', () => {
    const sim = newSim();
    const first = newKey(sim);
    const second = newKey(sim);
    const { ciphertextBlob } = ok(kms(sim, 'Encrypt', { keyId: first.keyId, plaintext: bytes('hello') }));
    fails(
      kms(sim, 'Decrypt', { ciphertextBlob, keyId: second.keyId }),
      'IncorrectKeyException',
      'The key ID in the request does not identify a CMK that can perform this operation.',
    );
    fails(kms(sim, 'Decrypt', { ciphertextBlob, keyId: 'alias/none' }), 'NotFoundException');
  });

  it('requires the same encryption context', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    const encryptionContext = { SecretARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:app-AbCdEf', SecretVersionId: 'v1' };
    const { ciphertextBlob } = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('hello'), encryptionContext }));
    // Order of the pairs does not matter; their content does.
    const reordered = { SecretVersionId: 'v1', SecretARN: encryptionContext.SecretARN };
    expect(text(ok(kms(sim, 'Decrypt', { ciphertextBlob, encryptionContext: reordered })).plaintext)).toBe('hello');
    fails(kms(sim, 'Decrypt', { ciphertextBlob }), 'InvalidCiphertextException', '');
    fails(kms(sim, 'Decrypt', { ciphertextBlob, encryptionContext: { ...encryptionContext, SecretVersionId: 'v2' } }), 'InvalidCiphertextException', '');
    fails(kms(sim, 'Decrypt', { ciphertextBlob, encryptionContext: { ...encryptionContext, extra: 'x' } }), 'InvalidCiphertextException', '');
  });

  it('answers InvalidCiphertextException for foreign or tampered blobs', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    const { ciphertextBlob } = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('hello') }));
    fails(kms(sim, 'Decrypt', { ciphertextBlob: bytes('definitely not a kms ciphertext blob, not at all') }), 'InvalidCiphertextException');
    const tampered = Uint8Array.from(ciphertextBlob as Uint8Array);
    tampered[tampered.length - 1]! ^= 1;
    fails(kms(sim, 'Decrypt', { ciphertextBlob: tampered }), 'InvalidCiphertextException');
    fails(kms(sim, 'Decrypt', { ciphertextBlob: new Uint8Array(0) }), 'ValidationException', /'ciphertextBlob'/);
  });

  it('does not decrypt in another Region, nor after the key is deleted', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    const { ciphertextBlob } = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('hello') }));
    fails(kms(sim, 'Decrypt', { ciphertextBlob }, { region: 'eu-west-1' }), 'InvalidCiphertextException');
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId, pendingWindowInDays: 7 }));
    fails(kms(sim, 'Decrypt', { ciphertextBlob }), 'KMSInvalidStateException', /is pending deletion\.$/);
    sim.advance({ days: 7 });
    fails(kms(sim, 'Decrypt', { ciphertextBlob }), 'InvalidCiphertextException');
  });

  it('never logs the plaintext it returns', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    const { ciphertextBlob } = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('TOP-SECRET') }));
    ok(kms(sim, 'Decrypt', { ciphertextBlob }));
    expect(JSON.stringify(sim.state.log.entries)).not.toContain('TOP-SECRET');
  });
});

describe('GenerateDataKey', () => {
  it('returns a data key in plaintext and encrypted; Decrypt recovers it', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    const encryptionContext = { purpose: 'test' };
    const output = ok(kms(sim, 'GenerateDataKey', { keyId, keySpec: 'AES_256', encryptionContext }));
    expect(output.keyId).toBe(arn);
    expect(output.plaintext).toHaveLength(32);
    const decrypted = ok(kms(sim, 'Decrypt', { ciphertextBlob: output.ciphertextBlob, encryptionContext }));
    expect(decrypted.plaintext).toEqual(output.plaintext);
    expect(ok(kms(sim, 'GenerateDataKey', { keyId, keySpec: 'AES_128' })).plaintext).toHaveLength(16);
    expect(ok(kms(sim, 'GenerateDataKey', { keyId, numberOfBytes: 1024 })).plaintext).toHaveLength(1024);
    expect(JSON.stringify(sim.state.log.entries)).not.toContain('"plaintext"');
  });

  it('needs exactly one of KeySpec and NumberOfBytes, within bounds', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    fails(kms(sim, 'GenerateDataKey', { keyId }), 'ValidationException', 'Please specify either number of bytes or key spec.');
    fails(kms(sim, 'GenerateDataKey', { keyId, keySpec: 'AES_256', numberOfBytes: 32 }), 'ValidationException', 'Please specify either number of bytes or key spec.');
    fails(
      kms(sim, 'GenerateDataKey', { keyId, numberOfBytes: 1025 }),
      'ValidationException',
      "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
    );
    fails(kms(sim, 'GenerateDataKey', { keyId, numberOfBytes: 0 }), 'ValidationException', /greater than or equal to 1/);
    fails(
      kms(sim, 'GenerateDataKey', { keyId, keySpec: 'AES_512' }),
      'ValidationException',
      "1 validation error detected: Value 'AES_512' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]",
    );
  });

  it('refuses disabled keys, keys pending deletion and the AWS managed key', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    fails(kms(sim, 'GenerateDataKey', { keyId, keySpec: 'AES_256' }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
    fails(kms(sim, 'GenerateDataKey', { keyId: 'alias/aws/secretsmanager', keySpec: 'AES_256' }), 'AccessDeniedException', /kms:GenerateDataKey/);
  });
});

describe('GenerateDataKeyWithoutPlaintext', () => {
  it('returns only the encrypted data key', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    const output = ok(kms(sim, 'GenerateDataKeyWithoutPlaintext', { keyId, keySpec: 'AES_256' }));
    expect(Object.keys(output).sort()).toEqual(['ciphertextBlob', 'keyId']);
    expect(output.keyId).toBe(arn);
    expect(ok(kms(sim, 'Decrypt', { ciphertextBlob: output.ciphertextBlob })).plaintext).toHaveLength(32);
    ok(kms(sim, 'DisableKey', { keyId }));
    fails(kms(sim, 'GenerateDataKeyWithoutPlaintext', { keyId, keySpec: 'AES_256' }), 'DisabledException');
  });
});
