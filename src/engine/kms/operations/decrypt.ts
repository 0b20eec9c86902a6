import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { cryptoConditionKeys, keyForCryptoUse } from '../crypto-use.ts';
import { openBlob, readBlobHeader } from '../envelope.ts';
import { kmsErrors } from '../errors.ts';
import { materialById } from '../keys.ts';
import {
  SENSITIVE_MEMBERS,
  blobSchema,
  encryptionAlgorithmSchema,
  encryptionContextSchema,
  grantTokensSchema,
  keyIdSchema,
} from '../schemas.ts';
import { findTargetKey, keyByBlobId, keyTarget, type KeyTarget } from '../targets.ts';

const input = z.object({
  ciphertextBlob: blobSchema(1, 6144),
  encryptionContext: encryptionContextSchema.optional(),
  grantTokens: grantTokensSchema.optional(),
  keyId: keyIdSchema.optional(),
  encryptionAlgorithm: encryptionAlgorithmSchema.optional(),
  dryRun: z.boolean().optional(),
});

interface DecryptOutput {
  keyId: string;
  plaintext: Uint8Array;
  encryptionAlgorithm: 'SYMMETRIC_DEFAULT';
}

/**
 * A symmetric ciphertext names the key that made it, so KeyId is optional; if given (any form) and it is not that key,
 * KMS answers IncorrectKeyException (a best practice, so a blob cannot steer you to a key you did not intend).
 * A blob that is not KMS's, was altered, or is given with a different encryption context answers
 * InvalidCiphertextException with no message. Material rotated out still decrypts what it encrypted.
 */
export const decrypt: OperationDefinition<z.infer<typeof input>, DecryptOutput, KeyTarget> = {
  service: 'kms',
  name: 'Decrypt',
  readOnly: true,
  input,
  sensitive: SENSITIVE_MEMBERS,
  resolve(ctx, request) {
    const header = readBlobHeader(request.ciphertextBlob);
    const key = header ? keyByBlobId(ctx, header.keyId) : undefined;
    if (!key) throw kmsErrors.invalidCiphertext();
    if (request.keyId !== undefined) {
      const named = findTargetKey(ctx, request.keyId, { accept: 'any', crossAccount: true });
      if (named.key?.keyId !== key.keyId || named.key.accountId !== key.accountId) throw kmsErrors.incorrectKey();
    }
    const target = keyTarget(ctx, { key }, request.keyId ?? key.keyId);
    return { ...target, context: { ...target.context, ...cryptoConditionKeys(request.encryptionContext, request.encryptionAlgorithm) } };
  },
  execute(ctx, request, target) {
    const key = keyForCryptoUse(ctx, target, 'kms:Decrypt', request);
    const header = readBlobHeader(request.ciphertextBlob)!;
    const material = materialById(key, header.materialId);
    const plaintext = material ? openBlob(request.ciphertextBlob, material, request.encryptionContext) : undefined;
    if (!plaintext) throw kmsErrors.invalidCiphertext();
    return { keyId: key.arn, plaintext, encryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  },
};
