import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Encode } from '../encoding/index.ts';

const HEX = '0123456789abcdef';

/**
 * A uuid-shaped id derived from the world's seed and an entry's sequence number. The record keeper must not draw on
 * the world's RNG (that would shift every id the services make afterwards, so adding CloudTrail would change the rest
 * of a replay), and ids computed from the entry are the same after a snapshot round trip, so they need no storage.
 */
export function derivedUuid(...parts: (string | number)[]): string {
  const digest = sha256(utf8Encode(parts.join('\u0000')));
  let hex = '';
  for (let i = 0; i < 16; i++) {
    let byte = digest[i]!;
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
