import type { HistoryQuery, LookupAttributeKey } from '../../../engine/index.ts';

/** The event history view's filter form, as the learner fills it in (empty text: no filter). */
export interface AuditFilters {
  eventName: string;
  username: string;
  /** A secret's name or ARN, or any part of a resource ARN. */
  resource: string;
  /** `datetime-local` values, read as UTC like every virtual time the app shows. */
  from: string;
  to: string;
  readOnly: 'all' | 'true' | 'false';
  outcome: 'all' | 'failed' | 'succeeded';
}

export function emptyFilters(resource = ''): AuditFilters {
  return { eventName: '', username: '', resource, from: '', to: '', readOnly: 'all', outcome: 'all' };
}

function utc(value: string): number | undefined {
  if (!value) return undefined;
  const instant = Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(instant) ? undefined : instant;
}

/**
 * The form as an engine query. Unlike LookupEvents (one attribute per request), the view combines filters, as the
 * CloudTrail console's table does once events are listed.
 */
export function toHistoryQuery(filters: AuditFilters, scope: { accountId: string; region: string; now: number }): HistoryQuery {
  const attributes: { key: LookupAttributeKey; value: string }[] = [];
  if (filters.eventName.trim()) attributes.push({ key: 'EventName', value: filters.eventName.trim() });
  if (filters.username.trim()) attributes.push({ key: 'Username', value: filters.username.trim() });
  if (filters.readOnly !== 'all') attributes.push({ key: 'ReadOnly', value: filters.readOnly });
  const startTime = utc(filters.from);
  const endTime = utc(filters.to);
  return {
    ...scope,
    attributes,
    ...(filters.resource.trim() ? { resourceContains: filters.resource.trim() } : {}),
    ...(startTime !== undefined ? { startTime } : {}),
    // A minute-precision end means "through that minute".
    ...(endTime !== undefined ? { endTime: endTime + 59_999 } : {}),
    ...(filters.outcome !== 'all' ? { failed: filters.outcome === 'failed' } : {}),
  };
}

/** A resource's short name for the table: a secret's name without its random suffix, a key's id, an IAM name. */
export function shortResourceName(arn: string): string {
  const secret = /:secret:(.+)-[A-Za-z0-9]{6}$/.exec(arn);
  if (secret) return secret[1]!;
  const tail = arn.slice(arn.lastIndexOf(':') + 1);
  return tail.slice(tail.indexOf('/') + 1);
}
