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
});

export const ssmStateSchema = z.object({
  /** Keyed by `${accountId}/${region}`, then by parameter name. */
  regions: z.record(z.string(), z.object({ parameters: z.record(z.string(), parameterSchema) })),
});

export type Parameter = z.infer<typeof parameterSchema>;
export type SealedValue = z.infer<typeof sealedValueSchema>;
export type SsmState = z.infer<typeof ssmStateSchema>;
export type ParameterType = Parameter['type'];
export type ParameterTier = Parameter['tier'];

export function emptySsmState(): SsmState {
  return { regions: {} };
}
