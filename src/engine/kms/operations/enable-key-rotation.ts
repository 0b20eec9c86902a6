import { z } from 'zod';
import { DAY } from '../../clock/index.ts';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { DEFAULT_ROTATION_PERIOD_DAYS, scheduleRotation } from '../rotation.ts';
import { keyIdSchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, rotationPeriodInDays: z.number().int().min(90).max(2560).optional() });

/**
 * Turns on automatic rotation of a customer managed key's material every RotationPeriodInDays (90..2560, default
 * 365), the first rotation one period after enabling. Old material is kept, so existing ciphertexts still decrypt.
 * The key must be enabled (key-state table: DisabledException "is disabled.", or "is pending deletion.");
 * AWS managed keys rotate yearly and their rotation cannot be changed. Cross-account use: no.
 */
export const enableKeyRotation: OperationDefinition<z.infer<typeof input>, Record<string, never>, KeyTarget> = {
  service: 'kms',
  name: 'EnableKeyRotation',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:EnableKeyRotation');
    if (key.keyState === 'Disabled') throw kmsErrors.disabled(key.arn);
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    const period = request.rotationPeriodInDays ?? key.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
    // Re-enabling with another period keeps counting from the last rotation (or from now if rotation was off).
    const lastRotation = key.keyRotationEnabled ? key.material[key.material.length - 1]!.createdDate : ctx.now;
    key.keyRotationEnabled = true;
    key.rotationPeriodInDays = period;
    key.nextRotationDate = Math.max(ctx.now, lastRotation + period * DAY);
    scheduleRotation(ctx, key);
    return {};
  },
};
