import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { DEFAULT_ROTATION_PERIOD_DAYS, awsManagedNextRotation } from '../rotation.ts';
import { keyIdSchema } from '../schemas.ts';
import { resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema });

interface GetKeyRotationStatusOutput {
  keyRotationEnabled: boolean;
  keyId: string;
  rotationPeriodInDays?: number;
  nextRotationDate?: number;
}

/**
 * Whether automatic rotation is on, with its period and next date. While a key is pending deletion its status reads
 * false (and is restored if the deletion is cancelled); a disabled key keeps its status. AWS managed keys always
 * rotate yearly. KeyId in the output is the key ARN. Cross-account use: yes (by key ARN).
 */
export const getKeyRotationStatus: OperationDefinition<z.infer<typeof input>, GetKeyRotationStatusOutput, KeyTarget> = {
  service: 'kms',
  name: 'GetKeyRotationStatus',
  readOnly: true,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: true }),
  execute(ctx, _request, target) {
    const key = targetKey(ctx, target);
    if (!key.keyRotationEnabled || key.keyState === 'PendingDeletion') return { keyRotationEnabled: false, keyId: key.arn };
    const period = key.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS;
    const next = key.keyManager === 'AWS' ? awsManagedNextRotation(key, ctx.now) : key.nextRotationDate;
    return {
      keyRotationEnabled: true,
      keyId: key.arn,
      rotationPeriodInDays: period,
      ...(next !== undefined ? { nextRotationDate: next } : {}),
    };
  },
};
