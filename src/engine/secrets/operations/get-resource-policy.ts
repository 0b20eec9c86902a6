import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretIdSchema } from '../schemas.ts';
import type { Secret } from '../state.ts';
import { resolveSecret } from '../store.ts';

const input = z.object({ secretId: secretIdSchema });

/** ResourcePolicy is left out, not empty, when no policy is attached. */
export function getResourcePolicy(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'GetResourcePolicy',
    readOnly: true,
    input,
    resolve: resolveSecret,
    execute(_ctx, _request, target) {
      const secret = target.resource as Secret;
      return {
        arn: secret.arn,
        name: secret.name,
        ...(secret.resourcePolicy !== undefined ? { resourcePolicy: secret.resourcePolicy } : {}),
      };
    },
  };
}
