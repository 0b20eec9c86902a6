import { bytesToBase64, base64ToBytes, utf8Decode, utf8Encode } from '../../encoding/index.ts';
import { eventsErrors } from './errors.ts';

/**
 * ListRules and ListTargetsByRule page with NextToken and Limit (at most 100 per page). The token names the list it
 * came from and the offset of the next item, so a token from another list (or made up) is refused instead of
 * silently reading from somewhere else.
 */
export const PAGE_LIMIT = 100;

export function pageOf<T>(items: readonly T[], list: string, limit: number | undefined, nextToken: string | undefined): { page: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const decoded = decodeToken(nextToken);
    if (!decoded || decoded.l !== list) throw eventsErrors.validation('The NextToken provided is invalid.');
    start = decoded.o;
  }
  const page = items.slice(start, start + (limit ?? PAGE_LIMIT));
  const end = start + page.length;
  return { page, ...(end < items.length ? { nextToken: bytesToBase64(utf8Encode(JSON.stringify({ l: list, o: end }))) } : {}) };
}

function decodeToken(token: string): { l: string; o: number } | undefined {
  const bytes = base64ToBytes(token);
  if (!bytes) return undefined;
  try {
    const parsed = JSON.parse(utf8Decode(bytes)) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { l, o } = parsed as { l?: unknown; o?: unknown };
    return typeof l === 'string' && typeof o === 'number' && Number.isInteger(o) && o >= 0 ? { l, o } : undefined;
  } catch {
    return undefined;
  }
}
