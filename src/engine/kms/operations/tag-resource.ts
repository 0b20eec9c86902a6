import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { keyIdSchema, tagListSchema } from '../schemas.ts';
import { assertTagKeys, mergeTags } from '../tags.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, tags: tagListSchema });

/**
 * Adds or overwrites tags on a customer managed key (tags can also grant access, ABAC). Not on a key pending deletion
 * (key-state table), not on AWS managed keys. Cross-account use: no.
 */
export const tagResource: OperationDefinition<z.infer<typeof input>, Record<string, never>, KeyTarget> = {
  service: 'kms',
  name: 'TagResource',
  readOnly: false,
  input,
  resolve(ctx, request) {
    const target = resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false });
    const context = { ...target.context };
    for (const tag of request.tags) context[`aws:RequestTag/${tag.tagKey}`] = tag.tagValue;
    context['aws:TagKeys'] = request.tags.map((tag) => tag.tagKey);
    return { ...target, context };
  },
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:TagResource');
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    assertTagKeys(request.tags);
    key.tags = mergeTags(key.tags, request.tags);
    return {};
  },
};
