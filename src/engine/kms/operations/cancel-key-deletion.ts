import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { keyIdSchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema });

/**
 * Cancels a scheduled deletion during the waiting period. The key comes back Disabled, not Enabled (CancelKeyDeletion
 * API reference: use EnableKey to use it again). A key not pending deletion answers "is not pending deletion.".
 * The output's KeyId is the key ARN.
 */
export const cancelKeyDeletion: OperationDefinition<z.infer<typeof input>, { keyId: string }, KeyTarget> = {
  service: 'kms',
  name: 'CancelKeyDeletion',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, _request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:CancelKeyDeletion');
    if (key.keyState !== 'PendingDeletion') throw kmsErrors.notPendingDeletion(key.arn);
    key.keyState = 'Disabled';
    delete key.deletionDate;
    delete key.pendingDeletionWindowInDays;
    ctx.unschedule(
      (task) =>
        task.kind === 'kms.deleteKey' &&
        task.payload.keyId === key.keyId &&
        task.payload.accountId === key.accountId &&
        task.payload.region === key.region,
    );
    return { keyId: key.arn };
  },
};
