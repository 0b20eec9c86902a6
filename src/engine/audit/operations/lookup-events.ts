import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { cloudtrailErrors } from '../errors.ts';
import { LOOKUP_ATTRIBUTE_KEYS, queryEventHistory, type HistoryQuery, type LookupAttributeKey } from '../lookup.ts';
import { decodeNextToken, encodeNextToken } from '../next-token.ts';

// Shapes only: LookupEvents answers its own exceptions (InvalidLookupAttributesException, InvalidMaxResultsException...)
// rather than the generic ValidationException, so the limits are checked in `execute`.
const input = z.object({
  lookupAttributes: z.array(z.object({ attributeKey: z.string(), attributeValue: z.string() })).optional(),
  startTime: z.number().optional(),
  endTime: z.number().optional(),
  eventCategory: z.string().optional(),
  maxResults: z.number().int().optional(),
  nextToken: z.string().optional(),
});
type LookupEventsInput = z.infer<typeof input>;

interface LookupEventsOutput {
  events: {
    eventId: string;
    eventName: string;
    readOnly: string;
    accessKeyId?: string;
    eventTime: number;
    eventSource: string;
    username?: string;
    resources: { resourceType?: string; resourceName: string }[];
    cloudTrailEvent: string;
  }[];
  nextToken?: string;
}

const DEFAULT_MAX_RESULTS = 50;

function isLookupKey(key: string): key is LookupAttributeKey {
  return (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key);
}

function checkedAttributes(request: LookupEventsInput): HistoryQuery['attributes'] {
  const attributes = request.lookupAttributes ?? [];
  // "Currently the list can contain only one item" (LookupEvents API reference, LookupAttributes).
  if (attributes.length > 1) throw cloudtrailErrors.tooManyAttributes();
  return attributes.map(({ attributeKey, attributeValue }) => {
    if (!isLookupKey(attributeKey)) throw cloudtrailErrors.unknownAttribute(attributeKey);
    if (attributeValue.length < 1 || attributeValue.length > 2000) throw cloudtrailErrors.attributeValueLength();
    if (attributeKey === 'ReadOnly' && attributeValue !== 'true' && attributeValue !== 'false') {
      throw cloudtrailErrors.readOnlyValue(attributeValue);
    }
    return { key: attributeKey, value: attributeValue };
  });
}

/**
 * The event history of the caller's account in the Region of the request: management events of the last 90 days,
 * most recent first, at most 50 a page (default 50), filtered by one lookup attribute and a time range. Insights
 * events are asked for with EventCategory `insight`; the simulation has none, so that lookup is empty.
 */
export const lookupEvents: OperationDefinition<LookupEventsInput, LookupEventsOutput> = {
  service: 'cloudtrail',
  name: 'LookupEvents',
  readOnly: true,
  input,
  execute(ctx, request) {
    const attributes = checkedAttributes(request);
    if (request.startTime !== undefined && request.endTime !== undefined && request.startTime > request.endTime) {
      throw cloudtrailErrors.timeRange();
    }
    if (request.eventCategory !== undefined && request.eventCategory !== 'insight') {
      throw cloudtrailErrors.eventCategory(request.eventCategory);
    }
    const limit = request.maxResults ?? DEFAULT_MAX_RESULTS;
    if (limit < 1 || limit > 50) throw cloudtrailErrors.maxResults();
    const fingerprint = JSON.stringify([attributes, request.startTime ?? null, request.endTime ?? null, request.eventCategory ?? null]);
    const before = request.nextToken === undefined ? undefined : decodeNextToken(request.nextToken, fingerprint);
    if (request.eventCategory === 'insight') return { events: [] };

    const { events, more } = queryEventHistory(
      ctx.world,
      {
        accountId: ctx.principal.accountId,
        region: ctx.region,
        now: ctx.now,
        ...(attributes ? { attributes } : {}),
        ...(request.startTime !== undefined ? { startTime: request.startTime } : {}),
        ...(request.endTime !== undefined ? { endTime: request.endTime } : {}),
      },
      { limit, ...(before !== undefined ? { before } : {}) },
    );
    const last = events[events.length - 1];
    return {
      events: events.map((event) => ({
        eventId: event.eventId,
        eventName: event.eventName,
        readOnly: event.readOnly,
        ...(event.accessKeyId ? { accessKeyId: event.accessKeyId } : {}),
        eventTime: event.eventTime,
        eventSource: event.eventSource,
        ...(event.username ? { username: event.username } : {}),
        resources: event.resources,
        cloudTrailEvent: JSON.stringify(event.record),
      })),
      ...(more && last ? { nextToken: encodeNextToken(last.sequence, fingerprint) } : {}),
    };
  },
};
