import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { descriptionSchema, keyIdSchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, description: descriptionSchema });

/** Replaces a customer managed key's description (an empty string clears it); not while pending deletion. */
export const updateKeyDescription: OperationDefinition<z.infer<typeof input>, Record<string, never>, KeyTarget> = {
  service: 'kms',
  name: 'UpdateKeyDescription',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:UpdateKeyDescription');
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    key.description = request.description;
    return {};
  },
};
