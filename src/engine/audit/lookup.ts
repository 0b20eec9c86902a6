import type { LogEntry, World } from '../kernel/index.ts';
import { awsRegionOf, entryResources, eventSourceOf, renderEvent, type CloudTrailEvent } from './cloudtrail-event.ts';
import { eventIdOf } from './event-ids.ts';
import { EVENTS_PER_ACCOUNT, RETENTION_MS, eventHistoryOf } from './history.ts';
import { resourceTypeOf } from './resources.ts';
import { usernameOf } from './user-identity.ts';

/** LookupEvents' lookup attribute keys (the LookupAttributeKey enum of CloudTrail's API model). */
export const LOOKUP_ATTRIBUTE_KEYS = [
  'EventId',
  'EventName',
  'ReadOnly',
  'Username',
  'ResourceType',
  'ResourceName',
  'EventSource',
  'AccessKeyId',
] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/**
 * What to look for. LookupEvents allows one attribute per request; the app's event history view combines several,
 * and also filters on errors, which AWS's lookup cannot (the console does that in the table).
 */
export interface HistoryQuery {
  accountId: string;
  region: string;
  now: number;
  attributes?: { key: LookupAttributeKey; value: string }[];
  /** Inclusive bounds, epoch milliseconds. */
  startTime?: number;
  endTime?: number;
  /** true: only failed calls; false: only successful ones. */
  failed?: boolean;
  /** Part of a resource ARN, e.g. a secret's name (the app's filter; LookupEvents matches whole names only). */
  resourceContains?: string;
}

/** One row of the history: the fields LookupEvents returns beside the record itself. */
export interface HistoryEvent {
  sequence: number;
  eventId: string;
  eventName: string;
  readOnly: 'true' | 'false';
  accessKeyId?: string;
  eventTime: number;
  eventSource: string;
  username?: string;
  resources: { resourceType?: string; resourceName: string }[];
  errorCode?: string;
  record: CloudTrailEvent;
}

function attributeMatches(entry: LogEntry, key: LookupAttributeKey, value: string, recipient: string, seed: string): boolean {
  switch (key) {
    case 'EventName':
      return (entry.kind === 'call' ? entry.operation : entry.eventName) === value;
    case 'EventSource':
      return eventSourceOf(entry.service) === value;
    case 'ReadOnly':
      return String(entry.kind === 'call' && entry.readOnly) === value;
    case 'Username':
      return entry.kind === 'call' && usernameOf(entry.principal) === value;
    case 'AccessKeyId':
      return entry.kind === 'call' && entry.principal.accessKeyId === value;
    case 'ResourceName':
      return entryResources(entry).some((resource) => resource.arn === value);
    case 'ResourceType':
      return entryResources(entry).some((resource) => resourceTypeOf(resource.arn) === value);
    case 'EventId':
      return eventIdOf(seed, entry.sequence, recipient) === value;
  }
}

function matches(entry: LogEntry, query: HistoryQuery, seed: string): boolean {
  if (awsRegionOf(entry) !== query.region) return false;
  if (query.startTime !== undefined && entry.eventTime < query.startTime) return false;
  if (query.endTime !== undefined && entry.eventTime > query.endTime) return false;
  if (query.failed !== undefined && (entry.kind === 'call' && entry.errorCode !== undefined) !== query.failed) return false;
  const fragment = query.resourceContains;
  if (fragment && !entryResources(entry).some((resource) => resource.arn.includes(fragment))) return false;
  for (const { key, value } of query.attributes ?? []) {
    if (!attributeMatches(entry, key, value, query.accountId, seed)) return false;
  }
  return true;
}

function toHistoryEvent(entry: LogEntry, accountId: string, seed: string, sessionStarts: Readonly<Record<string, number>>): HistoryEvent {
  const record = renderEvent(entry, accountId, seed, sessionStarts);
  const username = entry.kind === 'call' ? usernameOf(entry.principal) : undefined;
  const accessKeyId = entry.kind === 'call' ? entry.principal.accessKeyId : undefined;
  return {
    sequence: entry.sequence,
    eventId: record.eventID,
    eventName: record.eventName,
    readOnly: record.readOnly ? 'true' : 'false',
    ...(accessKeyId ? { accessKeyId } : {}),
    eventTime: entry.eventTime,
    eventSource: record.eventSource,
    ...(username ? { username } : {}),
    resources: entryResources(entry).map((resource) => {
      const resourceType = resourceTypeOf(resource.arn);
      return { ...(resourceType ? { resourceType } : {}), resourceName: resource.arn };
    }),
    ...(record.errorCode ? { errorCode: record.errorCode } : {}),
    record,
  };
}

/**
 * The account's events in the query's Region over the last 90 days of virtual time, most recent first, up to `limit`
 * of them, starting below the event with sequence `before` (a page boundary that stays put while new events arrive).
 */
export function queryEventHistory(
  world: Readonly<World>,
  query: HistoryQuery,
  page: { limit: number; before?: number } = { limit: Number.POSITIVE_INFINITY },
): { events: HistoryEvent[]; more: boolean } {
  const state = eventHistoryOf(world);
  const history = state.accounts[query.accountId] ?? [];
  const horizon = query.now - RETENTION_MS;
  const events: HistoryEvent[] = [];
  // Storage trims in batches; what is visible is exactly the newest EVENTS_PER_ACCOUNT.
  const oldest = Math.max(0, history.length - EVENTS_PER_ACCOUNT);
  for (let i = history.length - 1; i >= oldest; i--) {
    const entry = history[i]!;
    if (entry.eventTime < horizon) break;
    if (page.before !== undefined && entry.sequence >= page.before) continue;
    if (!matches(entry, query, world.seed)) continue;
    if (events.length === page.limit) return { events, more: true };
    events.push(toHistoryEvent(entry, query.accountId, world.seed, state.sessionStarts ?? {}));
  }
  return { events, more: false };
}
