import { describe, expect, it } from 'vitest';
import { DAY, resourceState } from '../../../../src/engine/index.ts';
import { bytes, fails, kms, newKey, newSim, ok } from './helpers.ts';

describe('DisableKey and EnableKey', () => {
  it('a disabled key refuses Encrypt, Decrypt and GenerateDataKey; EnableKey restores it', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    const { ciphertextBlob } = ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('hello') }));
    expect(ok(kms(sim, 'DisableKey', { keyId }))).toEqual({});
    expect(ok(kms(sim, 'DescribeKey', { keyId })).keyMetadata).toMatchObject({ enabled: false, keyState: 'Disabled' });
    fails(kms(sim, 'Encrypt', { keyId, plaintext: bytes('hello') }), 'DisabledException', `${arn} is disabled.`);
    fails(kms(sim, 'Decrypt', { ciphertextBlob }), 'DisabledException', `${arn} is disabled.`);
    fails(kms(sim, 'GenerateDataKey', { keyId, keySpec: 'AES_256' }), 'DisabledException', `${arn} is disabled.`);
    ok(kms(sim, 'DisableKey', { keyId }));
    ok(kms(sim, 'EnableKey', { keyId }));
    expect(ok(kms(sim, 'DescribeKey', { keyId })).keyMetadata).toMatchObject({ enabled: true, keyState: 'Enabled' });
    expect(ok(kms(sim, 'Decrypt', { ciphertextBlob })).plaintext).toEqual(bytes('hello'));
  });

  it('refuses keys pending deletion with KMSInvalidStateException', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    fails(kms(sim, 'EnableKey', { keyId }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
    fails(kms(sim, 'DisableKey', { keyId }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
  });

  it('accepts only key id or key ARN, of the caller account', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    ok(kms(sim, 'DisableKey', { keyId: arn }));
    fails(kms(sim, 'EnableKey', { keyId: 'alias/app' }), 'NotFoundException', 'Invalid keyId alias/app');
    const other = arn.replace('111122223333', '444455556666');
    fails(kms(sim, 'EnableKey', { keyId: other }), 'NotFoundException', `Key '${other}' does not exist`);
  });

  it('refuses AWS managed keys (their key policy does not allow it)', () => {
    const sim = newSim();
    const managed = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    fails(
      kms(sim, 'DisableKey', { keyId: managed.keyId }),
      'AccessDeniedException',
      `User: arn:aws:iam::111122223333:user/admin is not authorized to perform: kms:DisableKey on resource: ${managed.arn} because no resource-based policy allows the kms:DisableKey action`,
    );
    fails(kms(sim, 'EnableKey', { keyId: managed.keyId }), 'AccessDeniedException');
  });

  it('a refused call changes nothing', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    const before = JSON.stringify(resourceState(sim.snapshot()));
    fails(kms(sim, 'EnableKey', { keyId }), 'KMSInvalidStateException');
    fails(kms(sim, 'ScheduleKeyDeletion', { keyId }), 'KMSInvalidStateException');
    expect(JSON.stringify(resourceState(sim.snapshot()))).toBe(before);
  });
});

describe('ScheduleKeyDeletion', () => {
  it('puts the key in PendingDeletion for 30 days by default, then deletes it', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    const start = sim.now;
    expect(ok(kms(sim, 'ScheduleKeyDeletion', { keyId }))).toEqual({
      keyId: arn,
      deletionDate: start + 30 * DAY,
      keyState: 'PendingDeletion',
      pendingWindowInDays: 30,
    });
    const metadata = ok(kms(sim, 'DescribeKey', { keyId })).keyMetadata;
    expect(metadata).toMatchObject({ enabled: false, keyState: 'PendingDeletion', deletionDate: start + 30 * DAY });
    expect(metadata).not.toHaveProperty('pendingDeletionWindowInDays');
    expect(sim.nextTask()).toMatchObject({ kind: 'kms.deleteKey', at: start + 30 * DAY });
    fails(kms(sim, 'Encrypt', { keyId, plaintext: bytes('x') }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
    sim.advance({ days: 29 });
    expect(ok(kms(sim, 'DescribeKey', { keyId })).keyMetadata.keyState).toBe('PendingDeletion');
    sim.advance({ days: 1 });
    fails(kms(sim, 'DescribeKey', { keyId }), 'NotFoundException', `Key '${arn}' does not exist`);
    expect(ok(kms(sim, 'ListKeys')).keys).toEqual([]);
  });

  it('accepts 7 to 30 days', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    fails(
      kms(sim, 'ScheduleKeyDeletion', { keyId, pendingWindowInDays: 6 }),
      'ValidationException',
      "1 validation error detected: Value '6' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value greater than or equal to 7",
    );
    fails(
      kms(sim, 'ScheduleKeyDeletion', { keyId, pendingWindowInDays: 31 }),
      'ValidationException',
      "1 validation error detected: Value '31' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value less than or equal to 30",
    );
    expect(ok(kms(sim, 'ScheduleKeyDeletion', { keyId, pendingWindowInDays: 7 })).pendingWindowInDays).toBe(7);
  });

  it('schedules a disabled key too, but not a key already pending deletion', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'DisableKey', { keyId }));
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    fails(kms(sim, 'ScheduleKeyDeletion', { keyId }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
  });

  it('refuses AWS managed keys and unknown keys', () => {
    const sim = newSim();
    const managed = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    fails(kms(sim, 'ScheduleKeyDeletion', { keyId: managed.keyId }), 'AccessDeniedException', /kms:ScheduleKeyDeletion/);
    fails(kms(sim, 'ScheduleKeyDeletion', { keyId: '0f3a7a4e-5b7c-4d5e-9f00-1234567890ab' }), 'NotFoundException');
  });
});

describe('CancelKeyDeletion', () => {
  it('keeps the key, Disabled as in AWS, and removes the deletion task', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId, pendingWindowInDays: 10 }));
    sim.advance({ days: 5 });
    expect(ok(kms(sim, 'CancelKeyDeletion', { keyId }))).toEqual({ keyId: arn });
    expect(sim.nextTask()).toBeUndefined();
    sim.advance({ days: 30 });
    const metadata = ok(kms(sim, 'DescribeKey', { keyId })).keyMetadata;
    expect(metadata).toMatchObject({ keyState: 'Disabled', enabled: false });
    expect(metadata).not.toHaveProperty('deletionDate');
    fails(kms(sim, 'Encrypt', { keyId, plaintext: bytes('x') }), 'DisabledException');
    ok(kms(sim, 'EnableKey', { keyId }));
    ok(kms(sim, 'Encrypt', { keyId, plaintext: bytes('x') }));
  });

  it('refuses a key that is not pending deletion', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    fails(kms(sim, 'CancelKeyDeletion', { keyId }), 'KMSInvalidStateException', `${arn} is not pending deletion.`);
    fails(kms(sim, 'CancelKeyDeletion', { keyId: 'alias/x' }), 'NotFoundException', 'Invalid keyId alias/x');
  });
});
