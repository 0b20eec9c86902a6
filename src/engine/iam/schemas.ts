import { z } from 'zod';

/**
 * Input members shared by the IAM operations, with the constraints of the IAM API model (2010-05-08). Member names
 * are camelCase as in AWS's validation messages; patterns are reported as the model writes them (`[\w+=,.@-]+`),
 * so they are checked with a refinement rather than an anchored zod regex.
 */
export function awsPattern(pattern: string) {
  const regex = new RegExp(`^(?:${pattern})$`, 'u');
  return (value: string) => regex.test(value);
}

function patterned(min: number, max: number, pattern: string) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine(awsPattern(pattern), { message: `Member must satisfy regular expression pattern: ${pattern}` });
}

export const NAME_PATTERN = '[\\w+=,.@-]+';
export const userNameSchema = patterned(1, 64, NAME_PATTERN);
/** Names of existing users are looked up with the wider `existingUserNameType` (128 characters). */
export const existingUserNameSchema = patterned(1, 128, NAME_PATTERN);
export const roleNameSchema = patterned(1, 64, NAME_PATTERN);
export const groupNameSchema = patterned(1, 128, NAME_PATTERN);
export const policyNameSchema = patterned(1, 128, NAME_PATTERN);
export const pathSchema = patterned(1, 512, '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
export const pathPrefixSchema = patterned(1, 512, '\\u002F[\\u0021-\\u007F]*');
/** Managed policies have their own, narrower path rule (`policyPathType`). */
export const policyPathSchema = patterned(1, 512, '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/');
export const policyDocumentSchema = patterned(1, 131072, '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+');
export const arnSchema = z.string().min(20).max(2048);
export const accessKeyIdSchema = patterned(16, 128, '[\\w]+');
export const statusSchema = z.enum(['Active', 'Inactive', 'Expired']);
export const markerSchema = patterned(1, 320, '[\\u0020-\\u00FF]+');
export const maxItemsSchema = z.number().int().min(1).max(1000);
export const roleDescriptionSchema = z
  .string()
  .max(1000)
  .refine(awsPattern('[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*'), {
    message: 'Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*',
  });
export const policyDescriptionSchema = z.string().max(1000);
export const maxSessionDurationSchema = z.number().int().min(3600).max(43200);
export const policyVersionIdSchema = patterned(1, 128, 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?');
export const tagKeySchema = patterned(1, 128, '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+');
export const tagSchema = z.object({
  key: tagKeySchema,
  value: z
    .string()
    .max(256)
    .refine(awsPattern('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*'), { message: 'Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' }),
});
export const tagListSchema = z.array(tagSchema).max(50);
export const tagKeyListSchema = z.array(tagKeySchema).max(50);

export const paginationMembers = { marker: markerSchema.optional(), maxItems: maxItemsSchema.optional() };

/** Members whose values must never reach a log or a record: a new access key's secret. */
export const SENSITIVE_MEMBERS = ['secretAccessKey'] as const;
