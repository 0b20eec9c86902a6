import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { keyMetadata, type KeyMetadata } from '../describe.ts';
import { createKeyRecord } from '../keys.ts';
import { checkKeyPolicy } from '../policy-check.ts';
import { descriptionSchema, policySchema, tagListSchema } from '../schemas.ts';
import { assertTagKeys, mergeTags } from '../tags.ts';

const keySpecs = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'SYMMETRIC_DEFAULT',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'SM2',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'ECC_NIST_EDWARDS25519',
] as const;

const input = z.object({
  policy: policySchema.optional(),
  description: descriptionSchema.optional(),
  keyUsage: z.enum(['SIGN_VERIFY', 'ENCRYPT_DECRYPT', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT']).optional(),
  customerMasterKeySpec: z.enum(keySpecs.slice(0, 13) as unknown as [string, ...string[]]).optional(),
  keySpec: z.enum(keySpecs).optional(),
  origin: z.enum(['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']).optional(),
  customKeyStoreId: z.string().min(1).max(64).optional(),
  bypassPolicyLockoutSafetyCheck: z.boolean().optional(),
  tags: tagListSchema.optional(),
  multiRegion: z.boolean().optional(),
  xksKeyId: z.string().min(1).max(128).optional(),
});

/**
 * Creates a customer managed key. Without a Policy, KMS attaches the default key policy (the account root may do
 * everything, so IAM policies decide). With one, KMS checks it, including the lockout safety check unless bypassed.
 * The simulator models symmetric encryption keys with KMS-generated material in one Region (what Secrets Manager
 * accepts); other key specs, origins and multi-Region keys are refused with UnsupportedOperationException.
 */
export const createKey: OperationDefinition<z.infer<typeof input>, { keyMetadata: KeyMetadata }> = {
  service: 'kms',
  name: 'CreateKey',
  readOnly: false,
  input,
  resolve(ctx, request) {
    const context: Record<string, string | string[]> = { 'kms:CallerAccount': ctx.principal.accountId };
    for (const tag of request.tags ?? []) context[`aws:RequestTag/${tag.tagKey}`] = tag.tagValue;
    if (request.tags?.length) context['aws:TagKeys'] = request.tags.map((t) => t.tagKey);
    return { resourceArn: '*', resourceAccountId: ctx.principal.accountId, context };
  },
  execute(ctx, request) {
    if (request.keySpec && request.customerMasterKeySpec) {
      throw kmsErrors.validation(
        'You cannot specify KeySpec and CustomerMasterKeySpec in the same request. CustomerMasterKeySpec is deprecated.',
      );
    }
    const spec = request.keySpec ?? request.customerMasterKeySpec ?? 'SYMMETRIC_DEFAULT';
    const usage = request.keyUsage ?? 'ENCRYPT_DECRYPT';
    if (spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT') {
      throw kmsErrors.unsupportedOperation(
        `SecretsLab simulates symmetric encryption keys only (KeySpec SYMMETRIC_DEFAULT, KeyUsage ENCRYPT_DECRYPT); ${spec}/${usage} is not simulated.`,
      );
    }
    if ((request.origin ?? 'AWS_KMS') !== 'AWS_KMS' || request.customKeyStoreId || request.xksKeyId) {
      throw kmsErrors.unsupportedOperation('SecretsLab simulates keys with Origin AWS_KMS only (no imported material or custom key stores).');
    }
    if (request.multiRegion) throw kmsErrors.unsupportedOperation('SecretsLab does not simulate multi-Region keys.');
    if (request.policy !== undefined) {
      checkKeyPolicy(request.policy, ctx.principal, request.bypassPolicyLockoutSafetyCheck ?? false);
    }
    const tags = request.tags ?? [];
    assertTagKeys(tags);
    const key = createKeyRecord(ctx.world, ctx.rng, {
      accountId: ctx.principal.accountId,
      region: ctx.region,
      now: ctx.now,
      description: request.description ?? '',
      ...(request.policy !== undefined ? { policy: request.policy } : {}),
      tags: mergeTags([], tags),
    });
    return { keyMetadata: keyMetadata(key) };
  },
};
