import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretIdSchema, tagListSchema } from '../schemas.ts';
import { resolveSecret, writableSecret } from '../store.ts';
import { assertTags, mergeTags } from '../tags.ts';

const input = z.object({ secretId: secretIdSchema, tags: tagListSchema });

/** Tags belong to the secret, not to a version; an existing key (case-sensitive) takes the new value. */
export function tagResource(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'TagResource',
    readOnly: false,
    input,
    resolve(ctx, request) {
      const target = resolveSecret(ctx, request);
      return { ...target, context: { ...target.context, ...Object.fromEntries(request.tags.map((t) => [`aws:RequestTag/${t.key}`, t.value])) } };
    },
    execute(ctx, request, target) {
      const secret = writableSecret(target);
      assertTags(request.tags);
      secret.tags = mergeTags(secret.tags ?? [], request.tags);
      secret.lastChangedDate = ctx.now;
      return {};
    },
  };
}
