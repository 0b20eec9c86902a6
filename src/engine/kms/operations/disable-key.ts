import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { keyIdSchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema });

/**
 * Disables a customer managed key: it refuses every cryptographic operation (DisabledException) until EnableKey, so
 * Secrets Manager can no longer read or write secrets protected by it. Disabling a disabled key succeeds; a key pending
 * deletion answers "is pending deletion.". AWS managed keys cannot be disabled (their key policy does not allow it).
 */
export const disableKey: OperationDefinition<z.infer<typeof input>, Record<string, never>, KeyTarget> = {
  service: 'kms',
  name: 'DisableKey',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, _request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:DisableKey');
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    key.keyState = 'Disabled';
    return {};
  },
};
