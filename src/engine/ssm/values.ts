import { ServiceError } from '../errors.ts';
import type { OperationContext } from '../kernel/index.ts';
import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../encoding/index.ts';
import { openWithDataKey, sealWithDataKey } from '../crypto/data-key-cipher.ts';
import { ssmErrors } from './errors.ts';
import type { SsmDeps } from './deps.ts';
import type { Parameter, SealedValue } from './state.ts';

const SERVICE = 'ssm';

/** The encryption context Parameter Store binds a SecureString to (KMS Developer Guide, "How Parameter Store uses AWS KMS"). */
export function encryptionContext(arn: string): Record<string, string> {
  return { PARAMETER_ARN: arn };
}

/**
 * Seals a SecureString value under the parameter's key (alias/aws/ssm when none is named), through KMS on the
 * caller's behalf: the caller needs the KMS permission, and KMS logs and bills the request to the caller's account.
 * AWS encrypts standard parameters with KMS Encrypt and advanced ones with a data key; the simulator uses a data
 * key for both (one KMS request either way, so the bill is the same).
 */
export function sealSecureString(ctx: OperationContext, deps: SsmDeps, arn: string, keyId: string | undefined, text: string): SealedValue {
  try {
    const key = deps.kms.keyForService(ctx, keyId, ctx.principal.accountId, SERVICE);
    const { plaintext: dataKey, ciphertextBlob } = deps.kms.generateDataKey(ctx, key, encryptionContext(arn), SERVICE);
    const sealed = sealWithDataKey(dataKey, utf8Encode(text), utf8Encode(arn), ctx.rng);
    return { keyArn: key.arn, dataKeyBlob: bytesToBase64(ciphertextBlob), nonce: bytesToBase64(sealed.nonce), ciphertext: bytesToBase64(sealed.ciphertext) };
  } catch (error) {
    throw asSsmKmsError(error);
  }
}

export function openSecureString(ctx: OperationContext, deps: SsmDeps, parameter: Parameter): string {
  const sealed = parameter.sealed!;
  let dataKey: Uint8Array;
  try {
    dataKey = deps.kms.decrypt(ctx, sealed.dataKeyBlob, encryptionContext(parameter.arn), SERVICE, sealed);
  } catch (error) {
    throw asSsmKmsError(error);
  }
  const bytes = openWithDataKey(dataKey, base64ToBytes(sealed.nonce)!, base64ToBytes(sealed.ciphertext)!, utf8Encode(parameter.arn));
  if (!bytes) throw ssmErrors.invalidKeyId();
  return utf8Decode(bytes);
}

/**
 * What GetParameter answers for a SecureString read without WithDecryption: AWS returns the encrypted value,
 * base64, never the plaintext. Ours is the wrapped data key followed by the sealed value.
 */
export function ciphertextView(parameter: Parameter): string {
  const sealed = parameter.sealed!;
  const parts = [sealed.dataKeyBlob, sealed.nonce, sealed.ciphertext].map((b) => base64ToBytes(b)!);
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return bytesToBase64(joined);
}

/** The value a read returns: plaintext for String/StringList and decrypted SecureString, the ciphertext otherwise. */
export function readValue(ctx: OperationContext, deps: SsmDeps, parameter: Parameter, withDecryption: boolean): string {
  if (parameter.type !== 'SecureString') return parameter.value ?? '';
  return withDecryption ? openSecureString(ctx, deps, parameter) : ciphertextView(parameter);
}

/**
 * KMS failures as Parameter Store reports them: a denied KMS permission stays AccessDeniedException with KMS's
 * sentence; an unusable key (disabled, pending deletion, unknown) is InvalidKeyId.
 */
function asSsmKmsError(error: unknown): unknown {
  if (!(error instanceof ServiceError)) return error;
  if (error.code === 'AccessDeniedException') return ssmErrors.kmsAccessDenied(error.message);
  return new ServiceError('InvalidKeyId', error.message);
}
