import type { Secret } from './state.ts';
import { isDeprecated } from './staging-labels.ts';

/**
 * A secret's metadata as DescribeSecret and ListSecrets show it. Fields are omitted exactly where AWS omits them
 * (reference §2.9): no RotationEnabled, Tags or KmsKeyId on a fresh secret; Tags becomes [] once every tag has been
 * removed; deprecated versions are left out of the version map.
 */
export function secretMetadata(secret: Secret) {
  const stagesByVersion: Record<string, string[]> = {};
  // for-in, not Object.values: a secret may keep a hundred deprecated versions, and DescribeSecret is called often.
  for (const id in secret.versions) {
    const version = secret.versions[id]!;
    if (!isDeprecated(version)) stagesByVersion[version.versionId] = [...version.stages];
  }
  const hasVersions = Object.keys(stagesByVersion).length > 0;
  const rotation = secret.rotation;
  return {
    arn: secret.arn,
    name: secret.name,
    ...(secret.type !== undefined ? { type: secret.type } : {}),
    ...(secret.description ? { description: secret.description } : {}),
    ...(secret.kmsKeyId !== undefined ? { kmsKeyId: secret.kmsKeyId } : {}),
    ...(rotation
      ? {
          rotationEnabled: rotation.enabled,
          ...(rotation.lambdaArn !== undefined ? { rotationLambdaARN: rotation.lambdaArn } : {}),
          ...(rotation.rules ? { rotationRules: { ...rotation.rules } } : {}),
          ...(rotation.lastRotatedDate !== undefined ? { lastRotatedDate: rotation.lastRotatedDate } : {}),
          ...(rotation.enabled && rotation.nextRotationDate !== undefined ? { nextRotationDate: rotation.nextRotationDate } : {}),
        }
      : {}),
    lastChangedDate: secret.lastChangedDate,
    ...(secret.lastAccessedDate !== undefined ? { lastAccessedDate: secret.lastAccessedDate } : {}),
    ...(secret.deletedDate !== undefined ? { deletedDate: secret.deletedDate } : {}),
    ...(secret.tags !== undefined ? { tags: secret.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
    ...(secret.owningService !== undefined ? { owningService: secret.owningService } : {}),
    createdDate: secret.createdDate,
    ...(secret.primaryRegion !== undefined ? { primaryRegion: secret.primaryRegion } : {}),
    stagesByVersion: hasVersions ? stagesByVersion : undefined,
  };
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
