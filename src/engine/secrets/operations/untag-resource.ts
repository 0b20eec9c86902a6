import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretIdSchema } from '../schemas.ts';
import { resolveSecret, writableSecret } from '../store.ts';

const input = z.object({ secretId: secretIdSchema, tagKeys: z.array(z.string().min(1).max(128)) });

/** Removing a key that is not there is not an error. Removing the last tag leaves Tags: [] in DescribeSecret. */
export function untagResource(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'UntagResource',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, request, target) {
      const secret = writableSecret(target);
      if (secret.tags) {
        secret.tags = secret.tags.filter((t) => !request.tagKeys.includes(t.key));
        secret.lastChangedDate = ctx.now;
      }
      return {};
    },
  };
}
