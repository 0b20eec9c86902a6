import { describe, expect, it } from 'vitest';
import { loadSimulator } from '../../../../src/engine/index.ts';
import { bytes, kms, newKey, newSim, ok, text } from './helpers.ts';

describe('KMS state in snapshots', () => {
  it('survives a snapshot round trip: keys, aliases, rotation and deletion schedules, old ciphertexts', () => {
    const sim = newSim();
    const rotating = newKey(sim);
    const doomed = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: rotating.keyId }));
    const blob = ok(kms(sim, 'Encrypt', { keyId: 'alias/app', plaintext: bytes('kept'), encryptionContext: { a: 'b' } })).ciphertextBlob;
    ok(kms(sim, 'EnableKeyRotation', { keyId: rotating.keyId, rotationPeriodInDays: 90 }));
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId: doomed.keyId, pendingWindowInDays: 7 }));

    const snapshot = sim.snapshot();
    const restored = loadSimulator(JSON.parse(JSON.stringify(snapshot)));
    expect(restored.snapshot()).toEqual(snapshot);

    restored.advance({ days: 90 });
    expect(ok(kms(restored, 'ListKeys')).keys.map((k: { keyId: string }) => k.keyId)).toEqual([rotating.keyId]);
    expect(ok(kms(restored, 'ListKeyRotations', { keyId: rotating.keyId })).rotations).toHaveLength(1);
    expect(text(ok(kms(restored, 'Decrypt', { ciphertextBlob: blob, encryptionContext: { a: 'b' } })).plaintext)).toBe('kept');
  });
});
