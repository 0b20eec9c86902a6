import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../encoding/index.ts';
import { iamErrors } from './errors.ts';

/**
 * IAM's list pagination: `MaxItems` (default 100) and an opaque `Marker`; a page that stops early says
 * `IsTruncated: true` and carries the Marker for the next call. The marker is bound to the listing it came from.
 */
export function paginate<T>(items: readonly T[], scope: string, maxItems: number | undefined, marker: string | undefined) {
  const start = marker === undefined ? 0 : decodeMarker(marker, scope);
  const page = items.slice(start, start + (maxItems ?? 100));
  const end = start + page.length;
  const truncated = end < items.length;
  return { page, isTruncated: truncated, ...(truncated ? { marker: bytesToBase64(utf8Encode(JSON.stringify({ o: end, s: scope }))) } : {}) };
}

function decodeMarker(marker: string, scope: string): number {
  const bytes = base64ToBytes(marker);
  try {
    const parsed = bytes ? (JSON.parse(utf8Decode(bytes)) as { o?: unknown; s?: unknown }) : undefined;
    if (parsed && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope) return parsed.o;
  } catch {
    // fall through: not one of our markers
  }
  throw iamErrors.invalidMarker();
}
