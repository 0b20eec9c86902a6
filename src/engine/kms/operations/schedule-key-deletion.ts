import { z } from 'zod';
import { DAY, isoTime } from '../../clock/index.ts';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { keyIdSchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, pendingWindowInDays: z.number().int().min(7).max(30).optional() });

interface ScheduleKeyDeletionOutput {
  keyId: string;
  deletionDate: number;
  keyState: 'PendingDeletion';
  pendingWindowInDays: number;
}

/**
 * KMS never deletes a key at once: the key enters PendingDeletion for a waiting period of 7 to 30 days (default 30),
 * refuses all cryptographic use meanwhile, and is deleted with its aliases when the period ends, unless
 * CancelKeyDeletion comes first. A key already pending deletion answers "is pending deletion."; AWS managed keys
 * cannot be deleted. The output's KeyId is the key ARN.
 */
export const scheduleKeyDeletion: OperationDefinition<z.infer<typeof input>, ScheduleKeyDeletionOutput, KeyTarget> = {
  service: 'kms',
  name: 'ScheduleKeyDeletion',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:ScheduleKeyDeletion');
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    const pendingWindowInDays = request.pendingWindowInDays ?? 30;
    const deletionDate = ctx.now + pendingWindowInDays * DAY;
    key.keyState = 'PendingDeletion';
    key.deletionDate = deletionDate;
    key.pendingDeletionWindowInDays = pendingWindowInDays;
    ctx.schedule({
      at: deletionDate,
      kind: 'kms.deleteKey',
      payload: { accountId: key.accountId, region: key.region, keyId: key.keyId },
      description: `KMS deletes key ${key.arn} (waiting period of ${pendingWindowInDays} days ends ${isoTime(deletionDate)})`,
    });
    return { keyId: key.arn, deletionDate, keyState: 'PendingDeletion', pendingWindowInDays };
  },
};
