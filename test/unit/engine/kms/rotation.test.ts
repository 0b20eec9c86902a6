import { describe, expect, it } from 'vitest';
import { DAY } from '../../../../src/engine/index.ts';
import { bytes, fails, kms, newKey, newSim, ok, text } from './helpers.ts';

describe('EnableKeyRotation, DisableKeyRotation and GetKeyRotationStatus', () => {
  it('reports rotation off for a new key', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    expect(ok(kms(sim, 'GetKeyRotationStatus', { keyId }))).toEqual({ keyRotationEnabled: false, keyId: arn });
  });

  it('enables yearly rotation by default and reports the next date', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    expect(ok(kms(sim, 'EnableKeyRotation', { keyId }))).toEqual({});
    expect(ok(kms(sim, 'GetKeyRotationStatus', { keyId: arn }))).toEqual({
      keyRotationEnabled: true,
      keyId: arn,
      rotationPeriodInDays: 365,
      nextRotationDate: sim.now + 365 * DAY,
    });
    ok(kms(sim, 'DisableKeyRotation', { keyId }));
    expect(ok(kms(sim, 'GetKeyRotationStatus', { keyId }))).toEqual({ keyRotationEnabled: false, keyId: arn });
    expect(sim.nextTask()).toBeUndefined();
  });

  it('validates RotationPeriodInDays (90..2560)', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    fails(kms(sim, 'EnableKeyRotation', { keyId, rotationPeriodInDays: 89 }), 'ValidationException', /'rotationPeriodInDays'.*greater than or equal to 90/);
    fails(kms(sim, 'EnableKeyRotation', { keyId, rotationPeriodInDays: 2561 }), 'ValidationException', /less than or equal to 2560/);
  });

  it('rotates the material on schedule; old ciphertexts still decrypt, new ones use the new material', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    const before = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('before rotation') })).ciphertextBlob;
    ok(kms(sim, 'EnableKeyRotation', { keyId, rotationPeriodInDays: 90 }));
    sim.advance({ days: 90 });
    const status = ok(kms(sim, 'GetKeyRotationStatus', { keyId }));
    expect(status.nextRotationDate).toBe(sim.now + 90 * DAY);
    const after = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('after rotation') })).ciphertextBlob;
    expect(text(ok(kms(sim, 'Decrypt', { ciphertextBlob: before })).plaintext)).toBe('before rotation');
    expect(text(ok(kms(sim, 'Decrypt', { ciphertextBlob: after })).plaintext)).toBe('after rotation');
    // The blobs carry different material ids (bytes 37-38 of our blob header).
    expect([before[37], before[38]]).not.toEqual([after[37], after[38]]);
    expect(sim.state.log.entries.some((e) => e.kind === 'service-event' && e.eventName === 'RotateKey')).toBe(true);
  });

  it('does not rotate a disabled key, and catches up when it is enabled again', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'EnableKeyRotation', { keyId, rotationPeriodInDays: 90 }));
    const before = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('x') })).ciphertextBlob;
    ok(kms(sim, 'DisableKey', { keyId }));
    sim.advance({ days: 100 });
    expect(ok(kms(sim, 'GetKeyRotationStatus', { keyId })).nextRotationDate).toBeLessThan(sim.now);
    ok(kms(sim, 'EnableKey', { keyId }));
    expect(ok(kms(sim, 'GetKeyRotationStatus', { keyId })).nextRotationDate).toBe(sim.now + 90 * DAY);
    const after = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('x') })).ciphertextBlob;
    expect(after[38]).toBe(before[38]! + 1);
  });

  it('reads false while the key is pending deletion, and restores the status after cancelling', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'EnableKeyRotation', { keyId }));
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    expect(ok(kms(sim, 'GetKeyRotationStatus', { keyId })).keyRotationEnabled).toBe(false);
    ok(kms(sim, 'CancelKeyDeletion', { keyId }));
    expect(ok(kms(sim, 'GetKeyRotationStatus', { keyId })).keyRotationEnabled).toBe(true);
  });

  it('needs an enabled key to change rotation', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'DisableKey', { keyId }));
    fails(kms(sim, 'EnableKeyRotation', { keyId }), 'DisabledException', `${arn} is disabled.`);
    fails(kms(sim, 'DisableKeyRotation', { keyId }), 'DisabledException', `${arn} is disabled.`);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    fails(kms(sim, 'EnableKeyRotation', { keyId }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
    fails(kms(sim, 'DisableKeyRotation', { keyId }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
  });

  it('shows AWS managed keys rotating yearly and refuses to change that', () => {
    const sim = newSim();
    const managed = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    expect(ok(kms(sim, 'GetKeyRotationStatus', { keyId: managed.keyId }))).toEqual({
      keyRotationEnabled: true,
      keyId: managed.arn,
      rotationPeriodInDays: 365,
      nextRotationDate: managed.creationDate + 365 * DAY,
    });
    fails(kms(sim, 'DisableKeyRotation', { keyId: managed.keyId }), 'AccessDeniedException');
    fails(kms(sim, 'EnableKeyRotation', { keyId: managed.keyId }), 'AccessDeniedException');
  });

  it('answers NotFoundException for unknown keys and aliases', () => {
    const sim = newSim();
    fails(kms(sim, 'GetKeyRotationStatus', { keyId: '0f3a7a4e-5b7c-4d5e-9f00-1234567890ab' }), 'NotFoundException');
    fails(kms(sim, 'GetKeyRotationStatus', { keyId: 'alias/x' }), 'NotFoundException', 'Invalid keyId alias/x');
  });
});

describe('RotateKeyOnDemand and ListKeyRotations', () => {
  it('rotates now, keeps old ciphertexts readable, and lists completed rotations', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    const before = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('old') })).ciphertextBlob;
    expect(ok(kms(sim, 'ListKeyRotations', { keyId }))).toEqual({ rotations: [], truncated: false });
    expect(ok(kms(sim, 'RotateKeyOnDemand', { keyId }))).toEqual({ keyId: arn });
    ok(kms(sim, 'EnableKeyRotation', { keyId, rotationPeriodInDays: 90 }));
    sim.advance({ days: 90 });
    expect(ok(kms(sim, 'ListKeyRotations', { keyId })).rotations).toEqual([
      { keyId: arn, rotationDate: sim.now - 90 * DAY, rotationType: 'ON_DEMAND' },
      { keyId: arn, rotationDate: sim.now, rotationType: 'AUTOMATIC' },
    ]);
    expect(text(ok(kms(sim, 'Decrypt', { ciphertextBlob: before })).plaintext)).toBe('old');
  });

  it('needs an enabled customer managed key and stops at 25 on-demand rotations', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    for (let i = 0; i < 25; i++) ok(kms(sim, 'RotateKeyOnDemand', { keyId }));
    fails(kms(sim, 'RotateKeyOnDemand', { keyId }), 'LimitExceededException');
    ok(kms(sim, 'DisableKey', { keyId }));
    fails(kms(sim, 'RotateKeyOnDemand', { keyId }), 'DisabledException', `${arn} is disabled.`);
    const managed = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    fails(kms(sim, 'RotateKeyOnDemand', { keyId: managed.keyId }), 'AccessDeniedException');
  });
});
