import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../encoding/index.ts';
import { kmsErrors } from './errors.ts';

/**
 * KMS list operations page with Limit and an opaque Marker; `Truncated` is always present and `NextMarker` only when
 * there is more. The marker records the position and the listing it belongs to, so it cannot be replayed elsewhere.
 */
export function paginate<T>(items: readonly T[], scope: string, limit: number, marker: string | undefined) {
  const start = marker === undefined ? 0 : decodeMarker(marker, scope);
  const page = items.slice(start, start + limit);
  const end = start + page.length;
  const truncated = end < items.length;
  return { page, truncated, ...(truncated ? { nextMarker: encodeMarker(end, scope) } : {}) };
}

function encodeMarker(offset: number, scope: string): string {
  return bytesToBase64(utf8Encode(JSON.stringify({ o: offset, s: scope })));
}

function decodeMarker(marker: string, scope: string): number {
  const bytes = base64ToBytes(marker);
  try {
    const parsed = bytes ? (JSON.parse(utf8Decode(bytes)) as { o?: unknown; s?: unknown }) : undefined;
    if (parsed && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope) {
      return parsed.o;
    }
  } catch {
    // not one of our markers
  }
  throw kmsErrors.invalidMarker();
}
