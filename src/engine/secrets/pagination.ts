import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../encoding/index.ts';
import { secretsErrors } from './errors.ts';

/**
 * Opaque NextTokens, as AWS's are: the position in the listing, bound to the listing it came from, so a token
 * from one call cannot be replayed against a different listing.
 */
export function paginate<T>(items: readonly T[], scope: string, maxResults: number | undefined, nextToken: string | undefined, defaultPageSize: number) {
  const start = nextToken === undefined ? 0 : decodeToken(nextToken, scope);
  const size = maxResults ?? defaultPageSize;
  const page = items.slice(start, start + size);
  const end = start + page.length;
  return { page, nextToken: end < items.length ? encodeToken(end, scope) : undefined };
}

function encodeToken(offset: number, scope: string): string {
  return bytesToBase64(utf8Encode(JSON.stringify({ o: offset, s: scope })));
}

function decodeToken(token: string, scope: string): number {
  const bytes = base64ToBytes(token);
  try {
    const parsed = bytes ? (JSON.parse(utf8Decode(bytes)) as { o?: unknown; s?: unknown }) : undefined;
    if (parsed && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope) return parsed.o;
  } catch {
    // fall through: not one of our tokens
  }
  throw secretsErrors.invalidNextToken();
}
