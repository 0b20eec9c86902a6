import { DAY } from '../clock/index.ts';
import type { OperationContext } from '../kernel/index.ts';
import { peekRegionState } from './keys.ts';
import { DEFAULT_ROTATION_PERIOD_DAYS, ROTATE_TASK, rotateKeyMaterial, scheduleRotation, unscheduleRotation } from './rotation.ts';

interface KeyPayload {
  accountId: string;
  region: string;
  keyId: string;
}

/** Work KMS does on virtual time: the end of a key's deletion waiting period, and automatic key rotation. */
export const kmsTaskHandlers: Record<string, (ctx: OperationContext, payload: Record<string, unknown>) => void> = {
  'kms.deleteKey': (ctx, payload) => {
    const { accountId, region, keyId } = payload as unknown as KeyPayload;
    const state = peekRegionState(ctx.world, accountId, region);
    const key = state?.keys[keyId];
    // CancelKeyDeletion removes the task; the check guards against a snapshot edited by hand.
    if (!state || !key || key.keyState !== 'PendingDeletion') return;
    delete state.keys[keyId];
    // Deleting a key deletes its aliases (KMS developer guide, "Deleting KMS keys").
    for (const [name, alias] of Object.entries(state.aliases)) if (alias.targetKeyId === keyId) delete state.aliases[name];
    unscheduleRotation(ctx, key);
    ctx.emitServiceEvent({
      service: 'kms',
      eventName: 'DeleteKey',
      accountId,
      resources: [{ arn: key.arn, accountId }],
      details: { keyId },
    });
  },

  [ROTATE_TASK]: (ctx, payload) => {
    const { accountId, region, keyId } = payload as unknown as KeyPayload;
    const key = peekRegionState(ctx.world, accountId, region)?.keys[keyId];
    if (!key || !key.keyRotationEnabled || key.nextRotationDate === undefined) return;
    // A disabled key, or one pending deletion, is not rotated; EnableKey catches up (see rotation.ts).
    if (key.keyState !== 'Enabled') return;
    rotateKeyMaterial(key, ctx.rng, ctx.now);
    key.nextRotationDate = ctx.now + (key.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS) * DAY;
    scheduleRotation(ctx, key);
    ctx.emitServiceEvent({
      service: 'kms',
      eventName: 'RotateKey',
      accountId,
      resources: [{ arn: key.arn, accountId }],
      details: { keyId, rotationType: 'AUTOMATIC' },
    });
  },
};
