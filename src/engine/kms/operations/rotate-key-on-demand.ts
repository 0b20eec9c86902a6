import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { MAX_ON_DEMAND_ROTATIONS, rotateKeyMaterial } from '../rotation.ts';
import { keyIdSchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema });

/**
 * Rotates a customer managed key's material now, whether or not automatic rotation is on, and without changing the
 * automatic schedule. The key must be enabled; at most 25 on-demand rotations per key. (In AWS the rotation completes
 * asynchronously; the simulator completes it at once.) Cross-account use: no. The output's KeyId is the key ARN.
 */
export const rotateKeyOnDemand: OperationDefinition<z.infer<typeof input>, { keyId: string }, KeyTarget> = {
  service: 'kms',
  name: 'RotateKeyOnDemand',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, _request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:RotateKeyOnDemand');
    if (key.keyState === 'Disabled') throw kmsErrors.disabled(key.arn);
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    if (key.material.filter((m) => m.rotationType === 'ON_DEMAND').length >= MAX_ON_DEMAND_ROTATIONS) {
      throw kmsErrors.limitExceeded(`The on-demand rotations limit has been reached for ${key.arn}.`);
    }
    rotateKeyMaterial(key, ctx.rng, ctx.now, 'ON_DEMAND');
    return { keyId: key.arn };
  },
};
