import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { cryptoConditionKeys, keyForCryptoUse } from '../crypto-use.ts';
import { sealBlob } from '../envelope.ts';
import { currentMaterial } from '../keys.ts';
import {
  SENSITIVE_MEMBERS,
  blobSchema,
  encryptionAlgorithmSchema,
  encryptionContextSchema,
  grantTokensSchema,
  keyIdSchema,
} from '../schemas.ts';
import { resolveKey, type KeyTarget } from '../targets.ts';

const input = z.object({
  keyId: keyIdSchema,
  plaintext: blobSchema(1, 4096),
  encryptionContext: encryptionContextSchema.optional(),
  grantTokens: grantTokensSchema.optional(),
  encryptionAlgorithm: encryptionAlgorithmSchema.optional(),
  dryRun: z.boolean().optional(),
});

interface EncryptOutput {
  ciphertextBlob: Uint8Array;
  keyId: string;
  encryptionAlgorithm: 'SYMMETRIC_DEFAULT';
}

/**
 * Encrypts up to 4096 bytes directly under a KMS key (larger data is what data keys are for). The ciphertext blob
 * names its key and material, so Decrypt needs no KeyId; the encryption context is bound as associated data and must
 * be given again, exactly, to decrypt. The output's KeyId is the key ARN. Cross-account use: yes (key or alias ARN).
 */
export const encrypt: OperationDefinition<z.infer<typeof input>, EncryptOutput, KeyTarget> = {
  service: 'kms',
  name: 'Encrypt',
  readOnly: true,
  input,
  sensitive: SENSITIVE_MEMBERS,
  resolve(ctx, request) {
    const target = resolveKey(ctx, request.keyId, { accept: 'any', crossAccount: true });
    return { ...target, context: { ...target.context, ...cryptoConditionKeys(request.encryptionContext, request.encryptionAlgorithm) } };
  },
  execute(ctx, request, target) {
    const key = keyForCryptoUse(ctx, target, 'kms:Encrypt', request);
    const ciphertextBlob = sealBlob(key.keyId, currentMaterial(key), request.plaintext, request.encryptionContext, ctx.rng);
    return { ciphertextBlob, keyId: key.arn, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  },
};
