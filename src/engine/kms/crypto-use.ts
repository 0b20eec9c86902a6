import type { OperationContext, ResolvedTarget } from '../kernel/index.ts';
import { kmsErrors } from './errors.ts';
import { assertUsable } from './keys.ts';
import type { KmsKey } from './state.ts';
import { assertCustomerManaged, type KeyTarget } from './targets.ts';

/**
 * The checks every cryptographic operation (Encrypt, Decrypt, GenerateDataKey*) makes on its key, in KMS's order:
 * the key policy (an AWS managed key may only be used through its service, kms:ViaService), the key state (Disabled:
 * DisabledException "is disabled."; PendingDeletion: KMSInvalidStateException "is pending deletion."), the algorithm,
 * and finally DryRun, which answers DryRunOperationException once everything else would have succeeded.
 */
export function keyForCryptoUse(
  ctx: OperationContext,
  target: ResolvedTarget<KeyTarget>,
  action: string,
  options: { encryptionAlgorithm?: string | undefined; dryRun?: boolean | undefined },
): KmsKey {
  const key = target.resource?.key;
  // A predefined AWS alias with no key yet: its key would be AWS managed, so direct use is refused either way, and
  // refusing before creating it keeps the refused call from changing anything.
  if (!key) throw kmsErrors.keyPolicyDenied(ctx.principal.arn, action, target.resourceArn);
  assertCustomerManaged(ctx, key, action);
  assertUsable(key);
  const algorithm = options.encryptionAlgorithm ?? 'SYMMETRIC_DEFAULT';
  if (algorithm !== 'SYMMETRIC_DEFAULT') {
    throw kmsErrors.invalidKeyUsage(`Algorithm ${algorithm} is incompatible with key spec SYMMETRIC_DEFAULT.`);
  }
  if (options.dryRun) throw kmsErrors.dryRun();
  return key;
}

/** Condition keys a cryptographic request carries: kms:EncryptionContext:<key>, kms:EncryptionContextKeys, ... */
export function cryptoConditionKeys(
  encryptionContext: Record<string, string> | undefined,
  encryptionAlgorithm?: string,
): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  const entries = Object.entries(encryptionContext ?? {});
  for (const [name, value] of entries) context[`kms:EncryptionContext:${name}`] = value;
  if (entries.length > 0) context['kms:EncryptionContextKeys'] = entries.map(([name]) => name);
  context['kms:EncryptionAlgorithm'] = encryptionAlgorithm ?? 'SYMMETRIC_DEFAULT';
  return context;
}
