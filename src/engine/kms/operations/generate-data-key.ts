import { z } from 'zod';
import type { OperationContext, OperationDefinition, ResolvedTarget } from '../../kernel/index.ts';
import { cryptoConditionKeys, keyForCryptoUse } from '../crypto-use.ts';
import { sealBlob } from '../envelope.ts';
import { kmsErrors } from '../errors.ts';
import { currentMaterial } from '../keys.ts';
import { SENSITIVE_MEMBERS, encryptionContextSchema, grantTokensSchema, keyIdSchema } from '../schemas.ts';
import { resolveKey, type KeyTarget } from '../targets.ts';

export const dataKeyInput = z.object({
  keyId: keyIdSchema,
  encryptionContext: encryptionContextSchema.optional(),
  numberOfBytes: z.number().int().min(1).max(1024).optional(),
  keySpec: z.enum(['AES_256', 'AES_128']).optional(),
  grantTokens: grantTokensSchema.optional(),
  dryRun: z.boolean().optional(),
});

export type DataKeyInput = z.infer<typeof dataKeyInput>;

/** Exactly one of KeySpec and NumberOfBytes says how long the data key is (AES_256: 32 bytes, AES_128: 16). */
export function resolveDataKey(ctx: OperationContext, request: DataKeyInput): ResolvedTarget<KeyTarget> {
  if ((request.keySpec === undefined) === (request.numberOfBytes === undefined)) throw kmsErrors.dataKeySize();
  const target = resolveKey(ctx, request.keyId, { accept: 'any', crossAccount: true });
  return { ...target, context: { ...target.context, ...cryptoConditionKeys(request.encryptionContext) } };
}

export function makeDataKey(ctx: OperationContext, request: DataKeyInput, target: ResolvedTarget<KeyTarget>, action: string) {
  const key = keyForCryptoUse(ctx, target, action, request);
  const length = request.numberOfBytes ?? (request.keySpec === 'AES_128' ? 16 : 32);
  const plaintext = ctx.rng.bytes(length);
  const ciphertextBlob = sealBlob(key.keyId, currentMaterial(key), plaintext, request.encryptionContext, ctx.rng);
  return { ciphertextBlob, plaintext, keyId: key.arn };
}

/**
 * Envelope encryption's first step: a fresh data key, returned in plaintext (use it, then discard it) and encrypted
 * under the KMS key (store that beside the data). Decrypt turns the encrypted copy back into the key.
 */
export const generateDataKey: OperationDefinition<
  DataKeyInput,
  { ciphertextBlob: Uint8Array; plaintext: Uint8Array; keyId: string },
  KeyTarget
> = {
  service: 'kms',
  name: 'GenerateDataKey',
  readOnly: true,
  input: dataKeyInput,
  sensitive: SENSITIVE_MEMBERS,
  resolve: resolveDataKey,
  execute: (ctx, request, target) => makeDataKey(ctx, request, target, 'kms:GenerateDataKey'),
};
