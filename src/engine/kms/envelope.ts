import { gcm } from '@noble/ciphers/aes.js';
import { utf8Decode, utf8Encode } from '../encoding/index.ts';
import type { Rng } from '../ids/index.ts';

/**
 * Real AES-256-GCM, synchronous (@noble/ciphers), with key material and nonces from the world's seeded RNG.
 * A KMS ciphertext blob names the key that made it, as a real one does, so Decrypt needs no KeyId:
 *   [version 0x01][key id, 36 ASCII bytes][material id, 2 bytes][nonce, 12 bytes][ciphertext + tag]
 * The encryption context is the GCM associated data: decrypting with a different context fails.
 */
const VERSION = 0x01;
const KEY_ID_LENGTH = 36;
const HEADER = 1 + KEY_ID_LENGTH + 2;
const NONCE = 12;

export function encryptionContextBytes(context: Record<string, string> | undefined): Uint8Array {
  const entries = Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return utf8Encode(JSON.stringify(entries));
}

export function sealBlob(
  keyId: string,
  material: { id: number; key: Uint8Array },
  plaintext: Uint8Array,
  context: Record<string, string> | undefined,
  rng: Rng,
): Uint8Array {
  const nonce = rng.bytes(NONCE);
  const ciphertext = gcm(material.key, nonce, encryptionContextBytes(context)).encrypt(plaintext);
  const blob = new Uint8Array(HEADER + NONCE + ciphertext.length);
  blob[0] = VERSION;
  blob.set(utf8Encode(keyId.padEnd(KEY_ID_LENGTH, ' ')).subarray(0, KEY_ID_LENGTH), 1);
  blob[1 + KEY_ID_LENGTH] = material.id >> 8;
  blob[2 + KEY_ID_LENGTH] = material.id & 0xff;
  blob.set(nonce, HEADER);
  blob.set(ciphertext, HEADER + NONCE);
  return blob;
}

/** The key id and material id a blob was made with; undefined if it is not one of ours. */
export function readBlobHeader(blob: Uint8Array): { keyId: string; materialId: number } | undefined {
  if (blob.length < HEADER + NONCE + 16 || blob[0] !== VERSION) return undefined;
  const keyId = utf8Decode(blob.subarray(1, 1 + KEY_ID_LENGTH)).trimEnd();
  return { keyId, materialId: (blob[1 + KEY_ID_LENGTH]! << 8) | blob[2 + KEY_ID_LENGTH]! };
}

/** Undefined when the tag does not verify: wrong key material, tampered blob or different encryption context. */
export function openBlob(
  blob: Uint8Array,
  materialKey: Uint8Array,
  context: Record<string, string> | undefined,
): Uint8Array | undefined {
  const nonce = blob.subarray(HEADER, HEADER + NONCE);
  try {
    return gcm(materialKey, nonce, encryptionContextBytes(context)).decrypt(blob.subarray(HEADER + NONCE));
  } catch {
    return undefined;
  }
}
