import { z } from 'zod';
import { startOfUtcDay } from '../../clock/index.ts';
import type { OperationContext, OperationDefinition } from '../../kernel/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { secretsErrors } from '../errors.ts';
import { SENSITIVE_MEMBERS, secretIdSchema, versionIdSchema, versionStageSchema } from '../schemas.ts';
import { AWSCURRENT, versionWithLabel } from '../staging-labels.ts';
import type { Secret, SecretVersion } from '../state.ts';
import { assertNotDeleted, resolveSecret } from '../store.ts';
import { openValue } from '../values.ts';

const input = z.object({
  secretId: secretIdSchema,
  versionId: versionIdSchema.optional(),
  versionStage: versionStageSchema.optional(),
});

/** The version a read names: by id, by label (AWSCURRENT by default), and both must agree if both are given. */
export function selectVersion(secret: Secret, versionId: string | undefined, versionStage: string | undefined): SecretVersion {
  if (versionId !== undefined) {
    const version = secret.versions[versionId];
    if (!version) throw secretsErrors.versionNotFound(versionId);
    if (versionStage !== undefined && !version.stages.includes(versionStage)) throw secretsErrors.stageVersionMismatch();
    return version;
  }
  const stage = versionStage ?? AWSCURRENT;
  const version = versionWithLabel(secret, stage);
  if (!version) throw secretsErrors.stageNotFound(stage);
  return version;
}

/**
 * Reads one version's value (shared by GetSecretValue and BatchGetSecretValue). A secret encrypted with the AWS
 * managed key cannot be read from another account: that key's policy only admits its own account.
 */
export function readSecretValue(ctx: OperationContext, deps: SecretsDeps, secret: Secret, versionId?: string, versionStage?: string) {
  assertNotDeleted(secret);
  if (secret.accountId !== ctx.principal.accountId && secret.kmsKeyId === undefined) throw secretsErrors.defaultKeyCrossAccount();
  const version = selectVersion(secret, versionId, versionStage);
  // The empty AWSPENDING version a rotation starts with has no value yet.
  if (!version.value) throw versionId !== undefined ? secretsErrors.versionNotFound(versionId) : secretsErrors.stageNotFound(versionStage ?? AWSCURRENT);
  const value = openValue(ctx, deps.kms, secret, version);
  // LastAccessedDate has day resolution: midnight UTC of the day of the read.
  const day = startOfUtcDay(ctx.now);
  secret.lastAccessedDate = day;
  version.lastAccessedDate = day;
  return {
    arn: secret.arn,
    name: secret.name,
    versionId: version.versionId,
    ...(value.kind === 'string' ? { secretString: value.text } : { secretBinary: value.bytes }),
    versionStages: [...version.stages],
    createdDate: version.createdDate,
  };
}

export function getSecretValue(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'GetSecretValue',
    readOnly: true,
    input,
    sensitive: SENSITIVE_MEMBERS,
    resolve: resolveSecret,
    execute: (ctx, request, target) => readSecretValue(ctx, deps, target.resource as Secret, request.versionId, request.versionStage),
  };
}
