import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { secretIdSchema } from '../schemas.ts';
import { AWSCURRENT, AWSPENDING, versionWithLabel } from '../staging-labels.ts';
import { resolveSecret, writableSecret } from '../store.ts';

const input = z.object({ secretId: secretIdSchema });

/**
 * Turns automatic rotation off. The function ARN and rules are kept (DescribeSecret still shows them with
 * RotationEnabled=false). An interrupted rotation's AWSPENDING label is left where it is, as AWS leaves it; the
 * response names that version so the learner can clean it up.
 */
export function cancelRotateSecret(deps?: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'CancelRotateSecret',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, _request, target) {
      const secret = writableSecret(target);
      if (secret.rotation) {
        secret.rotation = { ...secret.rotation, enabled: false };
        delete secret.rotation.nextRotationDate;
        secret.lastChangedDate = ctx.now;
        ctx.unschedule((task) => task.kind.startsWith('secretsmanager.rotat') && task.payload.arn === secret.arn);
        deps?.rotation.cancel?.(ctx, secret);
      }
      const pending = versionWithLabel(secret, AWSPENDING);
      const interrupted = pending && !pending.stages.includes(AWSCURRENT) ? pending.versionId : undefined;
      return { arn: secret.arn, name: secret.name, ...(interrupted ? { versionId: interrupted } : {}) };
    },
  };
}
