import { z } from 'zod';

/**
 * Input members shared by many operations, with the constraints of the Secrets Manager API model (2017-10-17).
 * Member names are camelCase, as in AWS's own validation messages.
 */
export const secretIdSchema = z.string().min(1).max(2048);
export const clientRequestTokenSchema = z.string().min(32).max(64);
export const secretStringSchema = z.string().min(1).max(65536);
export const secretBinarySchema = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.length >= 1, { message: 'Member must have length greater than or equal to 1' })
  .refine((bytes) => bytes.length <= 65536, { message: 'Member must have length less than or equal to 65536' });
export const versionIdSchema = z.string().min(32).max(64);
export const versionStageSchema = z.string().min(1).max(256);
export const versionStagesSchema = z.array(versionStageSchema).min(1).max(20);
export const descriptionSchema = z.string().max(2048);
export const kmsKeyIdSchema = z.string().max(2048);
export const tagSchema = z.object({ key: z.string().min(1).max(128), value: z.string().max(256) });
export const tagListSchema = z.array(tagSchema);
export const regionSchema = z.string().min(1).max(128).regex(/^([a-z]+-)+\d+(-[a-z]+)?$/);
export const replicaRegionSchema = z.object({ region: regionSchema, kmsKeyId: kmsKeyIdSchema.optional() });
export const maxResultsSchema = z.number().int().min(1).max(100);
export const nextTokenSchema = z.string().min(1).max(4096);
export const filterSchema = z.object({
  key: z.enum(['description', 'name', 'tag-key', 'tag-value', 'primary-region', 'owning-service', 'all']),
  values: z
    .array(z.string().max(512).regex(/^!?[a-zA-Z0-9 :_@/+=.\-!]*$/))
    .min(1)
    .max(10)
    .optional(),
});
export const filtersSchema = z.array(filterSchema).max(10);

/** Members whose values must never reach a log, a record or an error message. */
export const SENSITIVE_MEMBERS = ['secretString', 'secretBinary', 'randomPassword'] as const;
