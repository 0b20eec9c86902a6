import type { OperationContext } from '../kernel/index.ts';
import type { SecretsDeps } from './deps.ts';
import { secretsErrors } from './errors.ts';
import { assertWithinQuotas, AWSCURRENT, AWSPENDING, labelNewVersion, previewNewVersion, pruneDeprecatedVersions } from './staging-labels.ts';
import type { Secret, SecretValue, SecretVersion } from './state.ts';
import { openValue, sameValue, sealValue } from './values.ts';

export interface AddedVersion {
  version: SecretVersion;
  /** False when the token named an existing version with the same value (an idempotent retry). */
  created: boolean;
}

/**
 * Adds a version to a secret (PutSecretValue, UpdateSecret), following AWS's idempotency rules: the token becomes
 * the VersionId; a token already used with the same value changes nothing and answers as before; with a different
 * value it is refused. The empty AWSPENDING version a rotation created is filled in, not refused. Quotas are checked
 * on a preview before anything changes.
 */
export function addVersion(
  ctx: OperationContext,
  deps: SecretsDeps,
  secret: Secret,
  token: string,
  value: SecretValue,
  requestedStages: readonly string[] | undefined,
): AddedVersion {
  const existing = secret.versions[token];
  if (existing?.value) {
    if (sameValue(openValue(ctx, deps.kms, secret, existing), value)) return { version: existing, created: false };
    throw secretsErrors.tokenInUse(token, secret.arn);
  }
  if (!existing) assertWithinQuotas(previewNewVersion(secret, token, ctx.now, requestedStages), ctx.now);
  const sealed = sealValue(ctx, deps.kms, secret, token, value);

  const version: SecretVersion = existing ?? { versionId: token, createdDate: ctx.now, stages: [] };
  version.value = sealed;
  if (secret.kmsKeyId !== undefined) version.kmsKeyId = secret.kmsKeyId;
  else delete version.kmsKeyId;
  secret.versions[token] = version;
  const { rotationAbandoned } = labelNewVersion(secret, version, requestedStages ?? (existing ? [...existing.stages] : undefined));
  pruneDeprecatedVersions(secret, ctx.now, false);
  secret.lastChangedDate = ctx.now;
  if (version.stages.includes(AWSCURRENT) && !version.stages.includes(AWSPENDING)) deps.rotation.manualChange?.(ctx, secret);
  if (rotationAbandoned) {
    // AWS records RotationAbandoned when a manual change ends a rotation in flight (CloudTrail service event).
    ctx.emitServiceEvent({
      service: 'secretsmanager',
      eventName: 'RotationAbandoned',
      accountId: secret.accountId,
      resources: [{ arn: secret.arn, accountId: secret.accountId }],
      details: { secretId: secret.arn, reason: `A new version took AWSCURRENT while ${AWSPENDING} was attached.` },
    });
  }
  return { version, created: true };
}
