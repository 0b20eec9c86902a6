import { gcm } from '@noble/ciphers/aes.js';
import type { Rng } from '../ids/index.ts';

/**
 * AES-256-GCM with a data key, the second half of envelope encryption (KMS wraps the key, the service seals the
 * value with it). A foundation module so a service that holds a data key needs nothing else from KMS.
 */
const NONCE_BYTES = 12;

export function sealWithDataKey(dataKey: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, rng: Rng) {
  const nonce = rng.bytes(NONCE_BYTES);
  return { nonce, ciphertext: gcm(dataKey, nonce, aad).encrypt(plaintext) };
}

/** Undefined when the tag does not verify (wrong key, tampered data, different associated data). */
export function openWithDataKey(dataKey: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array | undefined {
  try {
    return gcm(dataKey, nonce, aad).decrypt(ciphertext);
  } catch {
    return undefined;
  }
}
