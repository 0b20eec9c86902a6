import { describe, expect, it } from 'vitest';
import { loadSimulator, type Simulator } from '../../../../src/engine/index.ts';
import { create, fails, getValue, kms, newKey, newSim, ok, put, sm } from './helpers.ts';

/**
 * A value is remembered in memory from the moment it is sealed (DESIGN.md allows a memo of plaintexts): its first
 * read then needs no AES, but it still is a KMS Decrypt for the caller, checked, logged and billed, and what is
 * stored is the real ciphertext of that value.
 */

const kmsCalls = (sim: Simulator) =>
  sim.state.log.entries.filter((e) => e.kind === 'call' && e.service === 'kms').map((e) => (e as { operation: string }).operation);

const decryptsMetered = (sim: Simulator) =>
  Object.values(sim.state.usage).reduce((n, byAccount) => n + Object.values(byAccount).reduce((m, meters) => m + (meters['kms:Decrypt'] ?? 0), 0), 0);

describe('a value read right after it is written', () => {
  it('is a KMS Decrypt logged and metered, as every read', () => {
    const sim = newSim();
    create(sim, 'app', 'first');
    put(sim, 'app', 'second');
    expect(decryptsMetered(sim)).toBe(0);
    expect(getValue(sim, 'app').secretString).toBe('second');
    expect(getValue(sim, 'app').secretString).toBe('second');
    expect(kmsCalls(sim)).toEqual(['GenerateDataKey', 'GenerateDataKey', 'Decrypt', 'Decrypt']);
    expect(decryptsMetered(sim)).toBe(2);
  });

  it('is refused when the key was disabled after the write', () => {
    const sim = newSim();
    const key = newKey(sim);
    create(sim, 'app', 'sealed under a CMK', { kmsKeyId: key.keyId });
    ok(kms(sim, 'DisableKey', { keyId: key.keyId }));
    fails(sm(sim, 'GetSecretValue', { secretId: 'app' }), 'DecryptionFailure');
    ok(kms(sim, 'EnableKey', { keyId: key.keyId }));
    expect(getValue(sim, 'app').secretString).toBe('sealed under a CMK');
  });

  it('is stored as its real ciphertext: a simulator loaded from the snapshot (no memo) decrypts the same value', () => {
    const sim = newSim();
    create(sim, 'app', 'v1');
    put(sim, 'app', 'written then read from the ciphertext');
    expect(JSON.stringify(sim.snapshot())).not.toContain('written then read');
    expect(getValue(loadSimulator(sim.snapshot()), 'app').secretString).toBe('written then read from the ciphertext');
  });

  it('keeps a binary value as written even if the caller reuses its buffer afterwards', () => {
    const sim = newSim();
    const buffer = Uint8Array.from([1, 2, 3, 4]);
    create(sim, 'blob', null, { secretBinary: buffer });
    buffer.fill(9);
    expect(Array.from(getValue(sim, 'blob').secretBinary as Uint8Array)).toEqual([1, 2, 3, 4]);
    expect(Array.from(getValue(loadSimulator(sim.snapshot()), 'blob').secretBinary as Uint8Array)).toEqual([1, 2, 3, 4]);
  });
});
