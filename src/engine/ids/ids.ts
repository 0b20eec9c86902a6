import type { Rng } from './rng.ts';

const HEX = '0123456789abcdef';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An RFC 4122 version-4 UUID from the world's RNG (AWS uses these for VersionIds, request ids, key ids). */
export function uuid(rng: Rng): string {
  const b = rng.bytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += HEX[b[i]! >> 4]! + HEX[b[i]! & 15]!;
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}

/** The six random characters Secrets Manager appends to a secret's name in its ARN. */
export function arnSuffix(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += rng.pick(ALPHANUMERIC);
  return s;
}

/** An IAM-style access key id: AKIA for long-term keys, ASIA for session keys, then 16 characters. */
export function accessKeyId(rng: Rng, prefix: 'AKIA' | 'ASIA'): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let s = prefix;
  for (let i = 0; i < 16; i++) s += rng.pick(alphabet);
  return s;
}

export function randomString(rng: Rng, alphabet: string, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += rng.pick(alphabet);
  return s;
}
