import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretIdSchema } from '../schemas.ts';
import type { Secret } from '../state.ts';
import { assertNotReplica, resolveSecret } from '../store.ts';
import { PURGE_TASK } from './delete-secret.ts';

const input = z.object({ secretId: secretIdSchema });

/** Cancels a scheduled deletion: same ARN, versions, tags and policy, readable again. */
export function restoreSecret(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'RestoreSecret',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, _request, target) {
      const secret = target.resource as Secret;
      assertNotReplica(secret);
      if (secret.deletedDate !== undefined) {
        delete secret.deletedDate;
        secret.lastChangedDate = ctx.now;
        ctx.unschedule((task) => task.kind === PURGE_TASK && task.payload.arn === secret.arn);
      }
      return { arn: secret.arn, name: secret.name };
    },
  };
}
