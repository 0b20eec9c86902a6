import { DAY } from '../clock/index.ts';
import { bytesToBase64 } from '../encoding/index.ts';
import type { OperationContext } from '../kernel/index.ts';
import type { Rng } from '../ids/index.ts';
import type { KmsKey } from './state.ts';

/** EnableKeyRotation's default period; AWS managed keys rotate yearly too (since May 2022). */
export const DEFAULT_ROTATION_PERIOD_DAYS = 365;

export const ROTATE_TASK = 'kms.rotateKey';

/**
 * New backing key material. The old material stays with the key, so ciphertexts made before the rotation still
 * decrypt; new encryptions use the newest material (KMS developer guide, "How automatic key rotation works").
 */
export function rotateKeyMaterial(key: KmsKey, rng: Rng, now: number, rotationType: 'AUTOMATIC' | 'ON_DEMAND' = 'AUTOMATIC'): void {
  const last = key.material[key.material.length - 1];
  key.material.push({ id: (last?.id ?? 0) + 1, keyBase64: bytesToBase64(rng.bytes(32)), createdDate: now, rotationType });
}

/** KMS allows at most 25 on-demand rotations per key (KMS quotas, RotateKeyOnDemand API reference). */
export const MAX_ON_DEMAND_ROTATIONS = 25;

/** Replaces the key's pending rotation task with one at its nextRotationDate (if rotation is on). */
export function scheduleRotation(ctx: OperationContext, key: KmsKey): void {
  unscheduleRotation(ctx, key);
  if (!key.keyRotationEnabled || key.nextRotationDate === undefined || key.keyManager === 'AWS') return;
  ctx.schedule({
    at: key.nextRotationDate,
    kind: ROTATE_TASK,
    payload: { accountId: key.accountId, region: key.region, keyId: key.keyId },
    description: `KMS rotates the key material of ${key.arn}`,
  });
}

export function unscheduleRotation(ctx: OperationContext, key: KmsKey): void {
  ctx.unschedule(
    (task) =>
      task.kind === ROTATE_TASK &&
      task.payload.keyId === key.keyId &&
      task.payload.accountId === key.accountId &&
      task.payload.region === key.region,
  );
}

/**
 * KMS does not rotate a disabled key or one pending deletion; once the key is enabled again, a rotation date that
 * has passed is honoured at once and the schedule continues from there.
 */
export function catchUpRotation(ctx: OperationContext, key: KmsKey): void {
  if (!key.keyRotationEnabled || key.nextRotationDate === undefined || key.keyManager === 'AWS') return;
  if (key.nextRotationDate <= ctx.now) {
    rotateKeyMaterial(key, ctx.rng, ctx.now);
    key.nextRotationDate = ctx.now + (key.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS) * DAY;
  }
  scheduleRotation(ctx, key);
}

/** AWS managed keys rotate every year from their creation; the simulator reports that date. */
export function awsManagedNextRotation(key: KmsKey, now: number): number {
  const period = (key.rotationPeriodInDays ?? DEFAULT_ROTATION_PERIOD_DAYS) * DAY;
  const elapsed = Math.max(0, now - key.creationDate);
  return key.creationDate + (Math.floor(elapsed / period) + 1) * period;
}
