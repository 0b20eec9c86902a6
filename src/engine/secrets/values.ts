import { ServiceError } from '../errors.ts';
import type { OperationContext } from '../kernel/index.ts';
import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../encoding/index.ts';
import type { KmsPort } from '../kms/index.ts';
import { openWithDataKey, sealWithDataKey } from '../crypto/data-key-cipher.ts';
import { secretsErrors } from './errors.ts';
import type { EncryptedValue, Secret, SecretValue, SecretVersion } from './state.ts';

const SERVICE = 'secretsmanager';

/** The encryption context Secrets Manager binds every version to (Secrets Manager and KMS documentation). */
export function encryptionContext(secret: Secret, versionId: string): Record<string, string> {
  return { SecretARN: secret.arn, SecretVersionId: versionId };
}

function aad(secret: Secret, versionId: string): Uint8Array {
  return utf8Encode(`${secret.arn}\n${versionId}`);
}

/**
 * Seals a new version's value: a fresh data key from KMS GenerateDataKey (on the caller's behalf, so the caller
 * needs kms:GenerateDataKey on a customer managed key), then AES-256-GCM with that key.
 */
export function sealValue(ctx: OperationContext, kms: KmsPort, secret: Secret, versionId: string, value: SecretValue): EncryptedValue {
  try {
    const key = kms.keyForService(ctx, secret.kmsKeyId, secret.accountId, SERVICE);
    const { plaintext: dataKey, ciphertextBlob } = kms.generateDataKey(ctx, key, encryptionContext(secret, versionId), SERVICE);
    const bytes = value.kind === 'string' ? utf8Encode(value.text) : value.bytes;
    const sealed = sealWithDataKey(dataKey, bytes, aad(secret, versionId), ctx.rng);
    const encrypted: EncryptedValue = {
      kind: value.kind,
      keyArn: key.arn,
      dataKeyBlob: bytesToBase64(ciphertextBlob),
      nonce: bytesToBase64(sealed.nonce),
      ciphertext: bytesToBase64(sealed.ciphertext),
    };
    // The value was just sealed with real AES: its first read need not unwrap and decrypt it again (it still goes
    // through KMS Decrypt's checks, log entry and meter). The bytes are copied: the caller may reuse its buffer.
    kms.rememberDataKey(ctx, encrypted, key, dataKey);
    plaintexts.set(encrypted, value.kind === 'string' ? value : { kind: 'binary', bytes: value.bytes.slice() });
    return encrypted;
  } catch (error) {
    throw asSecretsKmsError(error, ctx, 'encrypt');
  }
}

/** Checks, without sealing anything, that the secret's key exists and is usable (CreateSecret with no value). */
export function assertKeyUsable(ctx: OperationContext, kms: KmsPort, secret: Secret): void {
  try {
    const key = kms.keyForService(ctx, secret.kmsKeyId, secret.accountId, SERVICE);
    if (key.keyState !== 'Enabled') throw new ServiceError(key.keyState === 'Disabled' ? 'DisabledException' : 'KMSInvalidStateException', `${key.arn} is ${key.keyState === 'Disabled' ? 'disabled' : 'pending deletion'}.`);
  } catch (error) {
    throw asSecretsKmsError(error, ctx, 'encrypt');
  }
}

/**
 * Plaintexts by sealed value, in memory only (never in the snapshot): filled when a value is sealed or first opened.
 * Keyed by the sealed object itself, which a version replaces (never edits) when its value changes, and which a
 * loaded snapshot never shares with the world it came from.
 */
const plaintexts = new WeakMap<EncryptedValue, SecretValue>();

/**
 * Opens a version's value. The plaintext is memoized in memory, but every read still goes through KMS Decrypt's
 * checks, log entry and meter (DESIGN.md, "Real encryption, synchronous").
 */
export function openValue(ctx: OperationContext, kms: KmsPort, secret: Secret, version: SecretVersion): SecretValue {
  const sealed = version.value;
  if (!sealed) throw new Error(`openValue on version ${version.versionId} that has no value`);
  let dataKey: Uint8Array;
  try {
    dataKey = kms.decrypt(ctx, sealed.dataKeyBlob, encryptionContext(secret, version.versionId), SERVICE, sealed);
  } catch (error) {
    throw asSecretsKmsError(error, ctx, 'decrypt');
  }
  const memoized = plaintexts.get(sealed);
  if (memoized) return memoized;
  const bytes = openWithDataKey(dataKey, base64ToBytes(sealed.nonce)!, base64ToBytes(sealed.ciphertext)!, aad(secret, version.versionId));
  if (!bytes) throw secretsErrors.decryptionFailure();
  const value: SecretValue = sealed.kind === 'string' ? { kind: 'string', text: utf8Decode(bytes) } : { kind: 'binary', bytes };
  plaintexts.set(sealed, value);
  return value;
}

/**
 * KMS failures as Secrets Manager reports them: a permission denied by KMS is "Access to KMS is not allowed"; an
 * unusable key is EncryptionFailure on writes and DecryptionFailure on reads.
 */
function asSecretsKmsError(error: unknown, ctx: OperationContext, direction: 'encrypt' | 'decrypt'): unknown {
  if (!(error instanceof ServiceError)) return error;
  if (error.code === 'AccessDeniedException') return secretsErrors.kmsAccessDenied();
  if (direction === 'encrypt') return secretsErrors.encryptionFailure(error, ctx.requestId);
  return secretsErrors.decryptionFailure();
}

export function valueFromInput(input: { secretString?: string; secretBinary?: Uint8Array }): SecretValue | undefined {
  if (input.secretString !== undefined && input.secretBinary !== undefined) throw secretsErrors.bothValues();
  if (input.secretString !== undefined) return { kind: 'string', text: input.secretString };
  if (input.secretBinary !== undefined) return { kind: 'binary', bytes: input.secretBinary };
  return undefined;
}

export function sameValue(a: SecretValue, b: SecretValue): boolean {
  if (a.kind === 'string' && b.kind === 'string') return a.text === b.text;
  if (a.kind === 'binary' && b.kind === 'binary') return a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  return false;
}
