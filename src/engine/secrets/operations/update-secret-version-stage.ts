import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretIdSchema, versionIdSchema, versionStageSchema } from '../schemas.ts';
import { updateVersionStage } from '../staging-labels.ts';
import { resolveSecret, writableSecret } from '../store.ts';

const input = z.object({
  secretId: secretIdSchema,
  versionStage: versionStageSchema,
  removeFromVersionId: versionIdSchema.optional(),
  moveToVersionId: versionIdSchema.optional(),
});

/** Moves or removes one staging label; the rules live in staging-labels.ts (reference §3). */
export function updateSecretVersionStageOperation(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'UpdateSecretVersionStage',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, request, target) {
      const secret = writableSecret(target);
      updateVersionStage(secret, request.versionStage, request.moveToVersionId, request.removeFromVersionId);
      secret.lastChangedDate = ctx.now;
      return { arn: secret.arn, name: secret.name };
    },
  };
}
