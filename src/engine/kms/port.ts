import { ServiceError } from '../errors.ts';
import type { OperationContext } from '../kernel/index.ts';
import { base64ToBytes } from '../encoding/index.ts';
import { kmsErrors } from './errors.ts';
import { openBlob, readBlobHeader, sealBlob } from './envelope.ts';
import { assertUsable, awsManagedKey, currentMaterial, findKey, kmsState, materialById } from './keys.ts';
import type { KmsKey } from './state.ts';

/**
 * What another service may ask of KMS on its caller's behalf (the kernel hands this port to Secrets Manager).
 * Every request is authorized as the caller with kms:ViaService set, recorded as a KMS call "invoked by" the
 * service, and metered to the caller's account, exactly as AWS bills and logs it.
 */
export interface KmsPort {
  /** The key to protect a secret with: the named one, or the AWS managed key for the service (made on first use). */
  keyForService(ctx: OperationContext, keyRef: string | undefined, accountId: string, service: string): KmsKey;
  findKey(ctx: OperationContext, keyRef: string, accountId: string): KmsKey;
  generateDataKey(
    ctx: OperationContext,
    key: KmsKey,
    encryptionContext: Record<string, string>,
    viaService: string,
  ): { plaintext: Uint8Array; ciphertextBlob: Uint8Array };
  /**
   * Remembers the data key GenerateDataKey just returned for `memoKey` (the sealed value that holds its blob), so the
   * first Decrypt of that blob needs no unwrap either; that Decrypt still checks, records and meters as any other.
   */
  rememberDataKey(ctx: OperationContext, memoKey: object, key: KmsKey, dataKey: Uint8Array): void;
  /** `memoKey`: an object whose identity stands for this blob, so the unwrap is done once (see DESIGN.md). */
  decrypt(
    ctx: OperationContext,
    ciphertextBlob: string,
    encryptionContext: Record<string, string>,
    viaService: string,
    memoKey?: object,
  ): Uint8Array;
}

interface MemoizedDataKey {
  dataKey: Uint8Array;
  keyId: string;
  accountId: string;
  region: string;
}

export const kmsPort: KmsPort = {
  keyForService(ctx, keyRef, accountId, service) {
    if (!keyRef) return awsManagedKey(ctx.world, ctx.rng, accountId, ctx.region, service, ctx.now);
    return findKey(ctx.world, keyRef, accountId, ctx.region).key;
  },

  findKey(ctx, keyRef, accountId) {
    return findKey(ctx.world, keyRef, accountId, ctx.region).key;
  },

  generateDataKey(ctx, key, encryptionContext, viaService) {
    authorizeAndRecord(ctx, key, 'GenerateDataKey', encryptionContext, viaService, { keySpec: 'AES_256' });
    const plaintext = ctx.rng.bytes(32);
    return { plaintext, ciphertextBlob: sealBlob(key.keyId, currentMaterial(key), plaintext, encryptionContext, ctx.rng) };
  },

  rememberDataKey(ctx, memoKey, key, dataKey) {
    const memoized: MemoizedDataKey = { dataKey, keyId: key.keyId, accountId: key.accountId, region: key.region };
    ctx.memo.set(memoKey, memoized);
  },

  decrypt(ctx, ciphertextBlob, encryptionContext, viaService, memoKey) {
    const memoized = memoKey ? (ctx.memo.get(memoKey) as MemoizedDataKey | undefined) : undefined;
    if (memoized) {
      // The unwrap is memoized, never the checks: the key's state, the permission, the log entry and the bill.
      const key = keyById(ctx, memoized.keyId, memoized.accountId, memoized.region);
      if (!key) throw kmsErrors.invalidCiphertext();
      authorizeAndRecord(ctx, key, 'Decrypt', encryptionContext, viaService, { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
      return memoized.dataKey;
    }
    const bytes = base64ToBytes(ciphertextBlob);
    const header = bytes ? readBlobHeader(bytes) : undefined;
    const key = header ? keyById(ctx, header.keyId) : undefined;
    if (!bytes || !header || !key) throw kmsErrors.invalidCiphertext();
    authorizeAndRecord(ctx, key, 'Decrypt', encryptionContext, viaService, { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    const material = materialById(key, header.materialId);
    const dataKey = material ? openBlob(bytes, material, encryptionContext) : undefined;
    if (!dataKey) throw kmsErrors.invalidCiphertext();
    if (memoKey) ctx.memo.set(memoKey, { dataKey, keyId: key.keyId, accountId: key.accountId, region: key.region });
    return dataKey;
  },
};

function keyById(ctx: OperationContext, keyId: string, accountId?: string, region?: string): KmsKey | undefined {
  const regions = kmsState(ctx.world).regions;
  if (accountId && region) return regions[`${accountId}/${region}`]?.keys[keyId];
  for (const state of Object.values(regions)) {
    const key = state.keys[keyId];
    if (key) return key;
  }
  return undefined;
}

// The same few condition-key names on every read, made once: looking them up by their parts hashes only strings
// the program already holds, and the decision memo then sees the same string instances every time.
const viaServiceNames = new Map<string, Map<string, string>>();
function viaServiceName(service: string, region: string): string {
  let byRegion = viaServiceNames.get(service);
  if (!byRegion) viaServiceNames.set(service, (byRegion = new Map()));
  let name = byRegion.get(region);
  if (name === undefined) byRegion.set(region, (name = `${service}.${region}.amazonaws.com`));
  return name;
}
const encryptionContextKeys = new Map<string, string>();
function encryptionContextKey(name: string): string {
  let key = encryptionContextKeys.get(name);
  if (key === undefined) encryptionContextKeys.set(name, (key = `kms:EncryptionContext:${name}`));
  return key;
}

const KMS_ACTIONS = { Decrypt: 'kms:Decrypt', GenerateDataKey: 'kms:GenerateDataKey' } as const;
const servicePrincipals = new Map<string, string>();
function servicePrincipalName(service: string): string {
  let name = servicePrincipals.get(service);
  if (name === undefined) servicePrincipals.set(service, (name = `${service}.amazonaws.com`));
  return name;
}

function recordKmsCall(
  ctx: OperationContext,
  key: KmsKey,
  operation: 'Decrypt' | 'GenerateDataKey',
  encryptionContext: Record<string, string>,
  invokedBy: string,
  extra: Record<string, unknown>,
  error: ServiceError | undefined,
): void {
  ctx.recordNestedCall({
    service: 'kms',
    operation,
    invokedBy,
    requestParameters: { keyId: key.arn, encryptionContext, ...extra },
    resources: [{ arn: key.arn, accountId: key.accountId }],
    ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
  });
}

function authorizeAndRecord(
  ctx: OperationContext,
  key: KmsKey,
  operation: 'Decrypt' | 'GenerateDataKey',
  encryptionContext: Record<string, string>,
  viaService: string,
  extra: Record<string, unknown>,
): void {
  const invokedBy = servicePrincipalName(viaService);
  const action = KMS_ACTIONS[operation];
  try {
    assertUsable(key);
    const context: Record<string, string> = {
      'kms:ViaService': viaServiceName(viaService, ctx.region),
      'kms:CallerAccount': ctx.principal.accountId,
    };
    for (const name in encryptionContext) context[encryptionContextKey(name)] = encryptionContext[name]!;
    ctx.requirePermission({
      action,
      resourceArn: key.arn,
      resourceAccountId: key.accountId,
      region: key.region,
      context,
      viaService: invokedBy,
      resourcePolicy: { type: 'key', document: key.policy },
    });
  } catch (error) {
    if (error instanceof ServiceError) recordKmsCall(ctx, key, operation, encryptionContext, invokedBy, extra, error);
    throw error;
  }
  recordKmsCall(ctx, key, operation, encryptionContext, invokedBy, extra, undefined);
  ctx.meter(action, 1);
}
