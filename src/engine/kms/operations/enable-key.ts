import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { keyIdSchema } from '../schemas.ts';
import { catchUpRotation } from '../rotation.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema });

/**
 * Enables a disabled customer managed key (enabling an enabled key is a no-op). A key pending deletion must first have
 * its deletion cancelled (key-state table: "is pending deletion."). AWS managed keys are always enabled and their key
 * policy does not allow kms:EnableKey. Cross-account use: no.
 */
export const enableKey: OperationDefinition<z.infer<typeof input>, Record<string, never>, KeyTarget> = {
  service: 'kms',
  name: 'EnableKey',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, _request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:EnableKey');
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    key.keyState = 'Enabled';
    // Rotation does not happen while a key is disabled; a rotation date that passed meanwhile is honoured now.
    catchUpRotation(ctx, key);
    return {};
  },
};
