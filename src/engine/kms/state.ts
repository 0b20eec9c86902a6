import { z } from 'zod';

export const keyStateSchema = z.enum(['Enabled', 'Disabled', 'PendingDeletion']);

export const kmsKeySchema = z.object({
  keyId: z.string(),
  arn: z.string(),
  accountId: z.string(),
  region: z.string(),
  description: z.string(),
  keyManager: z.enum(['AWS', 'CUSTOMER']),
  keyState: keyStateSchema,
  creationDate: z.number(),
  deletionDate: z.number().optional(),
  pendingDeletionWindowInDays: z.number().optional(),
  policy: z.string(),
  keyRotationEnabled: z.boolean(),
  rotationPeriodInDays: z.number().optional(),
  nextRotationDate: z.number().optional(),
  /** Backing key material, oldest first; rotation appends and keeps the old material for decryption. */
  material: z.array(
    z.object({
      id: z.number().int(),
      keyBase64: z.string(),
      createdDate: z.number(),
      /** How this material came (absent for the key's original material), as ListKeyRotations reports it. */
      rotationType: z.enum(['AUTOMATIC', 'ON_DEMAND']).optional(),
    }),
  ),
  tags: z.array(z.object({ tagKey: z.string(), tagValue: z.string() })),
});

export const kmsAliasSchema = z.object({
  aliasName: z.string(),
  aliasArn: z.string(),
  targetKeyId: z.string(),
  creationDate: z.number(),
  lastUpdatedDate: z.number(),
});

export const kmsRegionStateSchema = z.object({
  keys: z.record(z.string(), kmsKeySchema),
  aliases: z.record(z.string(), kmsAliasSchema),
});

export const kmsStateSchema = z.object({
  /** Keyed `${accountId}/${region}`: KMS keys are regional and belong to one account. */
  regions: z.record(z.string(), kmsRegionStateSchema),
});

export type KeyState = z.infer<typeof keyStateSchema>;
export type KmsKey = z.infer<typeof kmsKeySchema>;
export type KmsAlias = z.infer<typeof kmsAliasSchema>;
export type KmsRegionState = z.infer<typeof kmsRegionStateSchema>;
export type KmsState = z.infer<typeof kmsStateSchema>;

export function emptyKmsState(): KmsState {
  return { regions: {} };
}
