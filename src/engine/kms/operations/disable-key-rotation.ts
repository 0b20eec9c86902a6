import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { unscheduleRotation } from '../rotation.ts';
import { keyIdSchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema });

/**
 * Turns off automatic rotation; material already rotated stays with the key. Same key-state rules as
 * EnableKeyRotation. Cross-account use: no.
 */
export const disableKeyRotation: OperationDefinition<z.infer<typeof input>, Record<string, never>, KeyTarget> = {
  service: 'kms',
  name: 'DisableKeyRotation',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, _request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:DisableKeyRotation');
    if (key.keyState === 'Disabled') throw kmsErrors.disabled(key.arn);
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    key.keyRotationEnabled = false;
    delete key.nextRotationDate;
    unscheduleRotation(ctx, key);
    return {};
  },
};
