import { bytesToBase64, base64ToBytes, utf8Decode, utf8Encode } from '../encoding/index.ts';
import { ssmErrors } from './errors.ts';

/** A page of a name-sorted list; the token carries the offset and what the list was, so a token from another query fails. */
export function paginate<T>(items: T[], query: string, maxResults: number, nextToken: string | undefined): { page: T[]; nextToken?: string } {
  let start = 0;
  if (nextToken !== undefined) {
    const decoded = base64ToBytes(nextToken);
    const parsed = decoded ? (JSON.parse(safeText(decoded)) as { q?: string; o?: number } | null) : null;
    if (!parsed || parsed.q !== query || typeof parsed.o !== 'number') throw ssmErrors.invalidNextToken();
    start = parsed.o;
  }
  const page = items.slice(start, start + maxResults);
  const end = start + page.length;
  return { page, ...(end < items.length ? { nextToken: bytesToBase64(utf8Encode(JSON.stringify({ q: query, o: end }))) } : {}) };
}

function safeText(bytes: Uint8Array): string {
  const text = utf8Decode(bytes);
  try {
    JSON.parse(text);
    return text;
  } catch {
    return 'null';
  }
}
