import { z } from 'zod';

/** A version's value, sealed with a data key that KMS wrapped (envelope encryption, AES-256-GCM). */
export const encryptedValueSchema = z.object({
  kind: z.enum(['string', 'binary']),
  keyArn: z.string(),
  dataKeyBlob: z.string(),
  nonce: z.string(),
  ciphertext: z.string(),
});

export const secretVersionSchema = z.object({
  versionId: z.string(),
  createdDate: z.number(),
  stages: z.array(z.string()),
  lastAccessedDate: z.number().optional(),
  /** Absent for the empty AWSPENDING version RotateSecret creates before the rotation function fills it. */
  value: encryptedValueSchema.optional(),
  /** The KmsKeyId as the secret named it when this version was sealed; undefined for the default key. */
  kmsKeyId: z.string().optional(),
});

export const rotationRulesSchema = z.object({
  automaticallyAfterDays: z.number().int().optional(),
  duration: z.string().optional(),
  scheduleExpression: z.string().optional(),
});

export const replicaStatusSchema = z.object({
  region: z.string(),
  kmsKeyId: z.string().optional(),
  status: z.enum(['InSync', 'Failed', 'InProgress']),
  statusMessage: z.string().optional(),
  lastAccessedDate: z.number().optional(),
});

export const secretSchema = z.object({
  arn: z.string(),
  name: z.string(),
  accountId: z.string(),
  region: z.string(),
  description: z.string().optional(),
  /** As the caller gave it (key id, ARN or alias); undefined means the AWS managed key aws/secretsmanager. */
  kmsKeyId: z.string().optional(),
  createdDate: z.number(),
  lastChangedDate: z.number(),
  lastAccessedDate: z.number().optional(),
  /** When the recovery window ends (the secret is then deleted for good). */
  deletedDate: z.number().optional(),
  /** Undefined until the secret has ever had tags; [] after the last tag is removed (as DescribeSecret shows). */
  tags: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
  versions: z.record(z.string(), secretVersionSchema),
  resourcePolicy: z.string().optional(),
  rotation: z
    .object({
      enabled: z.boolean(),
      lambdaArn: z.string().optional(),
      rules: rotationRulesSchema.optional(),
      lastRotatedDate: z.number().optional(),
      nextRotationDate: z.number().optional(),
    })
    .optional(),
  /** On a replica: the primary's region. On a primary with replicas: its own region. */
  primaryRegion: z.string().optional(),
  /** On a primary: its replicas. */
  replicas: z.array(replicaStatusSchema).optional(),
  owningService: z.string().optional(),
  type: z.string().optional(),
});

export const secretsRegionStateSchema = z.object({
  /** Keyed by name: a name is unique among an account's secrets in a region, deleted-but-recoverable included. */
  secrets: z.record(z.string(), secretSchema),
});

export const secretsStateSchema = z.object({
  /** Keyed `${accountId}/${region}`. */
  regions: z.record(z.string(), secretsRegionStateSchema),
});

export type EncryptedValue = z.infer<typeof encryptedValueSchema>;
export type SecretVersion = z.infer<typeof secretVersionSchema>;
export type RotationRules = z.infer<typeof rotationRulesSchema>;
export type ReplicaStatus = z.infer<typeof replicaStatusSchema>;
export type Secret = z.infer<typeof secretSchema>;
export type SecretsRegionState = z.infer<typeof secretsRegionStateSchema>;
export type SecretsState = z.infer<typeof secretsStateSchema>;

export function emptySecretsState(): SecretsState {
  return { regions: {} };
}

/** A plaintext secret value as the domain sees it: text or bytes. */
export type SecretValue = { kind: 'string'; text: string } | { kind: 'binary'; bytes: Uint8Array };
