const HEX = '0123456789abcdef';

/** Four independent 32-bit FNV-1a style lanes over the text: 128 well-mixed bits, far cheaper than a digest. */
function hash128(text: string): number[] {
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l]! ^ (c + l * 0x3d), 0x01000193 + l * 0x100);
  }
  // A final avalanche per lane (murmur3's fmix32), so nearby inputs (sequence n, n+1) give unrelated ids.
  return lanes.map((h, l) => {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h ^ lanes[(l + 1) % 4]!, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  });
}

/**
 * A uuid-shaped id derived from the world's seed and an entry's sequence number. The record keeper must not draw on
 * the world's RNG (that would shift every id the services make afterwards, so adding CloudTrail would change the rest
 * of a replay), and ids computed from the entry are the same after a snapshot round trip, so they need no storage.
 * They are identifiers, not secrets: a fast non-cryptographic hash is enough.
 */
export function derivedUuid(...parts: (string | number)[]): string {
  const words = hash128(parts.join('\u0000'));
  let hex = '';
  for (let i = 0; i < 16; i++) {
    let byte = (words[i >> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
    // Version 4 and the RFC 4122 variant, so the id looks like every other AWS event id.
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    if (i === 8) byte = (byte & 0x3f) | 0x80;
    hex += HEX[byte >> 4]! + HEX[byte & 15]!;
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Each account's copy of an event has its own eventID. */
export function eventIdOf(seed: string, sequence: number, recipientAccountId: string): string {
  return derivedUuid(seed, 'event', sequence, recipientAccountId);
}

/** The id shared by the copies of one action delivered to two accounts (CloudTrail's sharedEventID). */
export function sharedEventIdOf(seed: string, sequence: number): string {
  return derivedUuid(seed, 'shared', sequence);
}

/** Service events have no API request; CloudTrail still gives them a request id. */
export function serviceRequestIdOf(seed: string, sequence: number): string {
  return derivedUuid(seed, 'request', sequence);
}
