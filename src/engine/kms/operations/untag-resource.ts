import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { keyIdSchema, tagKeyListSchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, tagKeys: tagKeyListSchema });

/** Removes tags by key; a key that is not there is ignored. Same key-state and ownership rules as TagResource. */
export const untagResource: OperationDefinition<z.infer<typeof input>, Record<string, never>, KeyTarget> = {
  service: 'kms',
  name: 'UntagResource',
  readOnly: false,
  input,
  resolve(ctx, request) {
    const target = resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false });
    return { ...target, context: { ...target.context, 'aws:TagKeys': request.tagKeys } };
  },
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:UntagResource');
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    key.tags = key.tags.filter((tag) => !request.tagKeys.includes(tag.tagKey));
    return {};
  },
};
