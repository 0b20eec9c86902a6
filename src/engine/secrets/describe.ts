import type { Secret } from './state.ts';
import { isDeprecated } from './staging-labels.ts';

type Rotation = NonNullable<Secret['rotation']>;

/** A secret's metadata as DescribeSecret and ListSecrets show it (`stagesByVersion` becomes each one's version map). */
export interface SecretMetadata {
  arn: string;
  name: string;
  type?: string;
  description?: string;
  kmsKeyId?: string;
  rotationEnabled?: boolean;
  rotationLambdaARN?: string;
  rotationRules?: NonNullable<Rotation['rules']>;
  lastRotatedDate?: number;
  nextRotationDate?: number;
  lastChangedDate: number;
  lastAccessedDate?: number;
  deletedDate?: number;
  tags?: { key: string; value: string }[];
  owningService?: string;
  createdDate: number;
  primaryRegion?: string;
}

/**
 * A secret's metadata as DescribeSecret and ListSecrets show it. Fields are omitted exactly where AWS omits them
 * (reference §2.9): no RotationEnabled, Tags or KmsKeyId on a fresh secret; Tags becomes [] once every tag has been
 * removed; deprecated versions are left out of the version map.
 */
export function secretMetadata(secret: Secret): SecretMetadata & { stagesByVersion: Record<string, string[]> | undefined } {
  const metadata = writeMetadata(secret, {} as SecretMetadata) as SecretMetadata & { stagesByVersion: Record<string, string[]> | undefined };
  metadata.stagesByVersion = stagesOf(secret);
  return metadata;
}

/** The version map of the labelled (not deprecated) versions, or undefined when there are none. */
export function stagesOf(secret: Secret): Record<string, string[]> | undefined {
  let stagesByVersion: Record<string, string[]> | undefined;
  // for-in, not Object.values: a secret may keep a hundred deprecated versions, and DescribeSecret is called often.
  for (const id in secret.versions) {
    const version = secret.versions[id]!;
    if (!isDeprecated(version)) (stagesByVersion ??= {})[version.versionId] = [...version.stages];
  }
  return stagesByVersion;
}

/**
 * Writes the metadata fields into `out` in their response order, each only where AWS includes it. Assigned one by
 * one rather than spread from conditional objects: DescribeSecret runs four times in every rotation.
 */
export function writeMetadata<T extends SecretMetadata>(secret: Secret, out: T): T {
  out.arn = secret.arn;
  out.name = secret.name;
  if (secret.type !== undefined) out.type = secret.type;
  if (secret.description) out.description = secret.description;
  if (secret.kmsKeyId !== undefined) out.kmsKeyId = secret.kmsKeyId;
  const rotation = secret.rotation;
  if (rotation) {
    out.rotationEnabled = rotation.enabled;
    if (rotation.lambdaArn !== undefined) out.rotationLambdaARN = rotation.lambdaArn;
    if (rotation.rules) out.rotationRules = { ...rotation.rules };
    if (rotation.lastRotatedDate !== undefined) out.lastRotatedDate = rotation.lastRotatedDate;
    if (rotation.enabled && rotation.nextRotationDate !== undefined) out.nextRotationDate = rotation.nextRotationDate;
  }
  out.lastChangedDate = secret.lastChangedDate;
  if (secret.lastAccessedDate !== undefined) out.lastAccessedDate = secret.lastAccessedDate;
  if (secret.deletedDate !== undefined) out.deletedDate = secret.deletedDate;
  if (secret.tags !== undefined) out.tags = secret.tags.map((t) => ({ key: t.key, value: t.value }));
  if (secret.owningService !== undefined) out.owningService = secret.owningService;
  out.createdDate = secret.createdDate;
  if (secret.primaryRegion !== undefined) out.primaryRegion = secret.primaryRegion;
  return out;
}

export function replicationStatusOutput(secret: Secret) {
  return (secret.replicas ?? []).map((r) => ({
    region: r.region,
    ...(r.kmsKeyId !== undefined ? { kmsKeyId: r.kmsKeyId } : {}),
    status: r.status,
    ...(r.statusMessage !== undefined ? { statusMessage: r.statusMessage } : {}),
    ...(r.lastAccessedDate !== undefined ? { lastAccessedDate: r.lastAccessedDate } : {}),
  }));
}
