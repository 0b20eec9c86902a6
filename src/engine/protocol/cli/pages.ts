import { base64ToBytes, bytesToBase64, utf8Decode, utf8Encode } from '../../encoding/index.ts';
import type { CallRequest, CallResult } from '../../kernel/index.ts';
import { paramValidationError } from './cli-errors.ts';
import type { PagingOptions } from './command-line.ts';
import type { Json } from './output-formats.ts';
import type { Paginator } from './paginators.ts';

/**
 * The CLI's automatic pagination, as botocore's PageIterator and build_full_result do it: follow the output token
 * page after page, concatenate the result key's lists, stop at `--max-items` and hand back a resume token
 * (`NextToken` in the output: base64 of `{"<InputToken>": <token>, "boto_truncate_amount": <n>}`), start again from
 * `--starting-token`, ask for `--page-size` items per call. Only the result key is kept (none of the paginators
 * used here name non-aggregate keys).
 */

export type PageCall = (input: Record<string, unknown>) => CallResult;

/** json.dumps with its default separators (`", "` and `": "`), for the token the CLI prints. */
function pythonJson(value: Record<string, string | number | null>): string {
  return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`).join(', ')}}`;
}

function encodeToken(paginator: Paginator, token: string | null, truncate?: number): string {
  const value: Record<string, string | number | null> = { [paginator.inputTokenWire]: token };
  if (truncate !== undefined) value.boto_truncate_amount = truncate;
  return bytesToBase64(utf8Encode(pythonJson(value)));
}

function decodeToken(paginator: Paginator, text: string): { token: string | null; truncate: number } {
  const bytes = base64ToBytes(text);
  let parsed: unknown;
  try {
    parsed = bytes ? JSON.parse(utf8Decode(bytes)) : undefined;
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !(paginator.inputTokenWire in parsed)) {
    // botocore raises ValueError; the CLI reports it in these words.
    throw paramValidationError([`Bad starting token: ${text}`]);
  }
  const record = parsed as Record<string, unknown>;
  const token = record[paginator.inputTokenWire];
  return { token: typeof token === 'string' ? token : null, truncate: typeof record.boto_truncate_amount === 'number' ? record.boto_truncate_amount : 0 };
}

export function allPages(
  paginator: Paginator,
  paging: PagingOptions,
  call: PageCall,
  input: Record<string, unknown>,
  toCli: (output: unknown) => Record<string, Json>,
): { value: Record<string, Json>; pages: PageItems[]; resume?: string } | { error: CallResult & { ok: false } } {
  const resultKey = paginator.wire.resultKey;
  let nextToken: string | null = null;
  let startingTruncation = 0;
  if (paging.startingToken !== undefined) ({ token: nextToken, truncate: startingTruncation } = decodeToken(paginator, paging.startingToken));
  const items: Json[] = [];
  const pages: PageItems[] = [];
  let sawResult = false;
  let resume: string | undefined;
  let first = true;
  for (;;) {
    const request: Record<string, unknown> = { ...input };
    if (nextToken !== null) request[paginator.inputToken] = nextToken;
    if (paging.pageSize !== undefined) request[paginator.limitKey] = paging.pageSize;
    const result = call(request);
    if (!result.ok) return { error: result };
    const page = toCli(result.output);
    let current = Array.isArray(page[resultKey]) ? (page[resultKey] as Json[]) : [];
    if (page[resultKey] !== undefined) sawResult = true;
    if (first && startingTruncation > 0) current = current.slice(startingTruncation);
    else if (!first) startingTruncation = 0;
    first = false;
    const truncateAmount = paging.maxItems !== undefined ? items.length + current.length - paging.maxItems : 0;
    if (truncateAmount > 0) {
      const keep = current.length - truncateAmount;
      items.push(...current.slice(0, keep));
      pages.push(page[resultKey] === undefined ? null : current.slice(0, keep));
      // The resume token names the page just read and how many of its items were already shown.
      resume = encodeToken(paginator, nextToken, keep + startingTruncation);
      break;
    }
    items.push(...current);
    pages.push(page[resultKey] === undefined ? null : current);
    const raw = (result.output as Record<string, unknown>)[paginator.outputTokenDomain];
    const more = paginator.wire.moreResults ? page[paginator.wire.moreResults] !== false : true;
    if (typeof raw !== 'string' || raw === '' || !more) break;
    if (paging.maxItems !== undefined && items.length === paging.maxItems) {
      resume = encodeToken(paginator, raw);
      break;
    }
    nextToken = raw;
  }
  const value: Record<string, Json> = sawResult ? { [resultKey]: items } : {};
  if (resume !== undefined) value.NextToken = resume;
  return { value, pages, ...(resume !== undefined ? { resume } : {}) };
}

/**
 * One page's share of the result key, after `--max-items` and `--starting-token` trimmed it; null when the page had
 * no result key at all (botocore's search then yields None). The text format prints page by page.
 */
export type PageItems = Json[] | null;

export type { CallRequest };
