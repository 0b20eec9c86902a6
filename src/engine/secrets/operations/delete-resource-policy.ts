import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretIdSchema } from '../schemas.ts';
import { resolveSecret, writableSecret } from '../store.ts';

const input = z.object({ secretId: secretIdSchema });

/** Succeeds whether or not a policy was attached. */
export function deleteResourcePolicy(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'DeleteResourcePolicy',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, _request, target) {
      const secret = writableSecret(target);
      if (secret.resourcePolicy !== undefined) {
        delete secret.resourcePolicy;
        secret.lastChangedDate = ctx.now;
      }
      return { arn: secret.arn, name: secret.name };
    },
  };
}
