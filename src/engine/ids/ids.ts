import type { Rng } from './rng.ts';

const HEX = '0123456789abcdef';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => HEX[i >> 4]! + HEX[i & 15]!);

function h(x: number, shift: number): string {
  return BYTE_HEX[(x >>> shift) & 0xff]!;
}

/** An RFC 4122 version-4 UUID from the world's RNG (AWS uses these for VersionIds, request ids, key ids). */
export function uuid(rng: Rng): string {
  const a = rng.nextUint32();
  const b = rng.nextUint32();
  const c = rng.nextUint32();
  const d = rng.nextUint32();
  // Version nibble 4 in the seventh byte, variant bits 10 in the ninth.
  const b6 = (((b >>> 8) & 0x0f) | 0x40) & 0xff;
  const b8 = ((c >>> 24) & 0x3f) | 0x80;
  return (
    h(a, 24) + h(a, 16) + h(a, 8) + h(a, 0) + '-' +
    h(b, 24) + h(b, 16) + '-' +
    BYTE_HEX[b6]! + h(b, 0) + '-' +
    BYTE_HEX[b8]! + h(c, 16) + '-' +
    h(c, 8) + h(c, 0) + h(d, 24) + h(d, 16) + h(d, 8) + h(d, 0)
  );
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
