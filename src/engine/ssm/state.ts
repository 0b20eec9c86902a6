import { z } from 'zod';

/** A SecureString value: sealed with a data key that KMS wrapped under the parameter's key (envelope encryption). */
export const sealedValueSchema = z.object({
  keyArn: z.string(),
  dataKeyBlob: z.string(),
  nonce: z.string(),
  ciphertext: z.string(),
});

export const parameterSchema = z.object({
  name: z.string(),
  arn: z.string(),
  accountId: z.string(),
  region: z.string(),
  type: z.enum(['String', 'StringList', 'SecureString']),
  tier: z.enum(['Standard', 'Advanced']),
  version: z.number().int(),
  lastModifiedDate: z.number(),
  lastModifiedUser: z.string(),
  description: z.string().optional(),
  /** As the caller named it; undefined means the AWS managed key alias/aws/ssm. SecureString only. */
  keyId: z.string().optional(),
  /** Plain text for String and StringList; absent for SecureString, whose value is `sealed`. */
  value: z.string().optional(),
  sealed: sealedValueSchema.optional(),
  tags: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
  /** When the parameter became Advanced (billed per parameter-month from then on; it never goes back). */
  advancedSince: z.number().optional(),
});

/** An advanced parameter's billed time that ended with its deletion, kept so the month's bill still counts it. */
export const advancedSpanSchema = z.object({
  arn: z.string(),
  accountId: z.string(),
  region: z.string(),
  from: z.number(),
  to: z.number(),
  tags: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
});

export const ssmStateSchema = z.object({
  /** Keyed by `${accountId}/${region}`, then by parameter name. */
  regions: z.record(z.string(), z.object({ parameters: z.record(z.string(), parameterSchema) })),
  deletedAdvanced: z.array(advancedSpanSchema).optional(),
});

export type Parameter = z.infer<typeof parameterSchema>;
export type SealedValue = z.infer<typeof sealedValueSchema>;
export type SsmState = z.infer<typeof ssmStateSchema>;
export type AdvancedSpan = z.infer<typeof advancedSpanSchema>;
export type ParameterType = Parameter['type'];
export type ParameterTier = Parameter['tier'];

export function emptySsmState(): SsmState {
  return { regions: {} };
}
