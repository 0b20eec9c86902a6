import { z } from 'zod';
import { DAY } from '../../clock/index.ts';
import type { OperationDefinition } from '../../kernel/index.ts';
import { arnSuffix } from '../../ids/index.ts';
import { secretsErrors } from '../errors.ts';
import { secretIdSchema } from '../schemas.ts';
import { assertValidSecretId, findSecret, isReplica, parseSecretArn, regionSecrets, secretArn, secretTarget } from '../store.ts';

const input = z.object({
  secretId: secretIdSchema,
  recoveryWindowInDays: z.number().int().optional(),
  forceDeleteWithoutRecovery: z.boolean().optional(),
});

export const PURGE_TASK = 'secretsmanager.purgeSecret';

/**
 * Soft delete by default: the secret is scheduled for deletion after a recovery window of 7..30 days (default 30),
 * during which it can be restored and its value cannot be read. ForceDeleteWithoutRecovery deletes at once (API and
 * CLI only; the console cannot) and, as AWS does, succeeds even for a secret that does not exist.
 */
export function deleteSecret(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'DeleteSecret',
    readOnly: false,
    input,
    resolve(ctx, request) {
      assertValidSecretId(request.secretId);
      const secret = findSecret(ctx.world, request.secretId, ctx.principal.accountId, ctx.region);
      if (secret) return secretTarget(secret);
      if (!request.forceDeleteWithoutRecovery) throw secretsErrors.secretNotFound();
      // A SecretId that is already an ARN names the resource itself (never nest it inside another ARN).
      const given = parseSecretArn(request.secretId);
      if (given) return { resourceArn: request.secretId, resourceAccountId: given.accountId };
      return { resourceArn: `arn:aws:secretsmanager:${ctx.region}:${ctx.principal.accountId}:secret:${request.secretId}`, resourceAccountId: ctx.principal.accountId };
    },
    execute(ctx, request, target) {
      const window = request.recoveryWindowInDays;
      const force = request.forceDeleteWithoutRecovery === true;
      if (window !== undefined && (window < 7 || window > 30)) throw secretsErrors.recoveryWindowRange();
      if (force && window !== undefined) throw secretsErrors.forceWithWindow();
      const secret = target.resource as import('../state.ts').Secret | undefined;
      if (!secret) {
        // AWS answers a forced delete of a missing secret as if it existed: Name is the id given (reference §2.7).
        // The ARN must still be a well-formed secret ARN: a full ARN is echoed, a partial one gets a suffix.
        const name = request.secretId;
        const given = parseSecretArn(name);
        const arn = given
          ? given.hasSuffix
            ? name
            : `${name}-${arnSuffix(ctx.rng)}`
          : secretArn(ctx.region, ctx.principal.accountId, name, arnSuffix(ctx.rng));
        return { arn, name, deletionDate: ctx.now };
      }
      if (isReplica(secret)) throw secretsErrors.replicaReadOnly();
      const replicaRegions = (secret.replicas ?? []).map((r) => r.region);
      if (replicaRegions.length > 0) throw secretsErrors.hasReplicas(request.secretId, replicaRegions);
      const matchTask = (task: { kind: string; payload: Record<string, unknown> }) =>
        task.kind === PURGE_TASK && task.payload.arn === secret.arn;
      if (force) {
        delete regionSecrets(ctx.world, secret.accountId, secret.region).secrets[secret.name];
        ctx.unschedule(matchTask);
        return { arn: secret.arn, name: secret.name, deletionDate: ctx.now };
      }
      if (secret.deletedDate !== undefined) {
        throw secretsErrors.invalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
      }
      const deletionDate = ctx.now + (window ?? 30) * DAY;
      secret.deletedDate = deletionDate;
      secret.lastChangedDate = ctx.now;
      ctx.schedule({
        at: deletionDate,
        kind: PURGE_TASK,
        payload: { accountId: secret.accountId, region: secret.region, arn: secret.arn, name: secret.name },
        description: `Secret ${secret.name} is deleted (recovery window ends)`,
      });
      return { arn: secret.arn, name: secret.name, deletionDate };
    },
  };
}
