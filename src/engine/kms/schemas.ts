import { z } from 'zod';

/**
 * Input members shared by the KMS operations, with the constraints of the KMS API model (2014-11-01). Member names are
 * camelCase, as in AWS's own validation messages (`Value '5' at 'pendingWindowInDays' failed to satisfy ...`).
 */
export const keyIdSchema = z.string().min(1).max(2048);
export const aliasNameSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9:/_-]+$/);
export const descriptionSchema = z.string().max(8192);
export const policySchema = z.string().min(1).max(32768);
export const policyNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w]+$/);
export const encryptionContextSchema = z.record(z.string(), z.string());
export const grantTokensSchema = z.array(z.string().min(1).max(8192)).max(10);
export const tagSchema = z.object({ tagKey: z.string().min(1).max(128), tagValue: z.string().max(256) });
export const tagListSchema = z.array(tagSchema);
export const tagKeyListSchema = z.array(z.string().min(1).max(128));
export const markerSchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[\u0020-\u00FF]*$/);
export const limitSchema = z.number().int().min(1).max(1000);
export const encryptionAlgorithmSchema = z.enum(['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256', 'SM2PKE']);

/** A blob member (Uint8Array in the domain; the protocol decodes base64) with the model's length bounds. */
export function blobSchema(min: number, max: number) {
  return z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.length >= min, { message: `Member must have length greater than or equal to ${min}` })
    .refine((bytes) => bytes.length <= max, { message: `Member must have length less than or equal to ${max}` });
}

/** Members whose values must never reach a log, a record or an error message. */
export const SENSITIVE_MEMBERS = ['plaintext'] as const;
