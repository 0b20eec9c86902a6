import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../encoding/index.ts';
import { cloudtrailErrors } from './errors.ts';

/**
 * LookupEvents' NextToken: the sequence number of the last event returned (so a page boundary stays put while newer
 * events, the lookup's own included, arrive at the top) and a fingerprint of the request's filters, because AWS only
 * accepts a token with the same parameters as the request that returned it.
 */
export function encodeNextToken(lastSequence: number, fingerprint: string): string {
  return bytesToBase64(utf8Encode(JSON.stringify({ b: lastSequence, f: fingerprint })));
}

export function decodeNextToken(token: string, fingerprint: string): number {
  const bytes = base64ToBytes(token);
  try {
    const parsed = bytes ? (JSON.parse(utf8Decode(bytes)) as { b?: unknown; f?: unknown }) : undefined;
    if (parsed && typeof parsed.b === 'number' && Number.isInteger(parsed.b) && parsed.f === fingerprint) return parsed.b;
  } catch {
    // not one of our tokens
  }
  throw cloudtrailErrors.nextToken();
}
