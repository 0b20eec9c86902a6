import { isoTime } from '../clock/index.ts';
import type { LogEntry } from '../kernel/index.ts';
import { eventIdOf, serviceRequestIdOf, sharedEventIdOf } from './event-ids.ts';
import { resourceTypeOf } from './resources.ts';
import { scrub } from './scrub.ts';
import { userIdentityOf, type UserIdentity } from './user-identity.ts';

/**
 * The record format version: "The current version is 1.11" (CloudTrail User Guide, record contents). Our reference
 * quotes 1.08/1.09 from older sample events; minor versions only add fields, and AWS's documentation wins.
 */
export const EVENT_VERSION = '1.11';

/** IAM is a global service: CloudTrail records its calls in US East (N. Virginia), whatever Region the caller named. */
const GLOBAL_SERVICE_REGION: Record<string, string> = { iam: 'us-east-1', organizations: 'us-east-1' };

/** One CloudTrail event record, as the event history stores and LookupEvents returns it (the CloudTrailEvent JSON). */
export interface CloudTrailEvent {
  eventVersion: string;
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: unknown;
  responseElements: unknown;
  additionalEventData?: unknown;
  requestID: string;
  eventID: string;
  readOnly: boolean;
  resources?: { accountId: string; type?: string; ARN: string }[];
  eventType: 'AwsApiCall' | 'AwsServiceEvent';
  managementEvent: true;
  recipientAccountId: string;
  sharedEventID?: string;
  eventCategory: 'Management';
}

export function eventSourceOf(service: string): string {
  return `${service}.amazonaws.com`;
}

export function awsRegionOf(entry: LogEntry): string {
  return GLOBAL_SERVICE_REGION[entry.service] ?? entry.region;
}

/**
 * The accounts whose event history holds an entry: the caller's (or, for a service event, the resource owner's), and
 * every other account whose resource the action involved (CloudTrail delivers the event to both, sharing an id).
 */
export function recipientsOf(entry: LogEntry): string[] {
  const own = entry.kind === 'call' ? entry.principal.accountId : entry.accountId;
  let recipients: string[] | undefined;
  for (const resource of entry.resources) {
    if (resource.accountId !== own && !(recipients ?? []).includes(resource.accountId)) (recipients ??= [own]).push(resource.accountId);
  }
  return recipients ?? [own];
}

/**
 * The resources an event names. A create call is authorized before its resource exists (CreateKey on `*`,
 * CreateSecret on the ARN without its random suffix), but the record names what it made, so a new secret's or key's
 * history starts with its creation.
 */
export function entryResources(entry: LogEntry): readonly { arn: string; accountId: string }[] {
  if (entry.kind !== 'call' || entry.errorCode || !entry.responseElements) return entry.resources;
  const response = entry.responseElements as { arn?: unknown; keyMetadata?: { arn?: unknown } };
  const made = typeof response.arn === 'string' ? response.arn : typeof response.keyMetadata?.arn === 'string' ? response.keyMetadata.arn : undefined;
  const accountId = made?.split(':')[4];
  if (!made || !accountId) return entry.resources;
  if (entry.resources.length === 0) return [{ arn: made, accountId }];
  if (entry.resources.length === 1 && made !== entry.resources[0]!.arn && made.startsWith(entry.resources[0]!.arn)) return [{ arn: made, accountId }];
  return entry.resources;
}

function resourcesOf(entry: LogEntry): CloudTrailEvent['resources'] {
  const resources = entryResources(entry);
  if (resources.length === 0) return undefined;
  return resources.map((resource) => {
    const type = resourceTypeOf(resource.arn);
    return { accountId: resource.accountId, ...(type ? { type } : {}), ARN: resource.arn };
  });
}

/** The record one account sees of one log entry. */
export function renderEvent(entry: LogEntry, recipientAccountId: string, seed: string, sessionStarts: Readonly<Record<string, number>> = {}): CloudTrailEvent {
  const shared = recipientsOf(entry).length > 1 ? { sharedEventID: sharedEventIdOf(seed, entry.sequence) } : {};
  const resources = resourcesOf(entry);
  const eventSource = eventSourceOf(entry.service);
  if (entry.kind === 'service-event') {
    return {
      eventVersion: EVENT_VERSION,
      userIdentity: { type: 'AWSService', accountId: entry.accountId, invokedBy: eventSource },
      eventTime: isoTime(entry.eventTime),
      eventSource,
      eventName: entry.eventName,
      awsRegion: awsRegionOf(entry),
      sourceIPAddress: eventSource,
      userAgent: eventSource,
      requestParameters: null,
      responseElements: null,
      additionalEventData: scrub(entry.details),
      requestID: serviceRequestIdOf(seed, entry.sequence),
      eventID: eventIdOf(seed, entry.sequence, recipientAccountId),
      readOnly: false,
      ...(resources ? { resources } : {}),
      eventType: 'AwsServiceEvent',
      managementEvent: true,
      recipientAccountId,
      ...shared,
      eventCategory: 'Management',
    };
  }
  return {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentityOf(
      entry.principal,
      recipientAccountId,
      entry.invokedBy,
      entry.principal.accessKeyId !== undefined ? sessionStarts[entry.principal.accessKeyId] : undefined,
    ),
    eventTime: isoTime(entry.eventTime),
    eventSource,
    eventName: entry.operation,
    awsRegion: awsRegionOf(entry),
    sourceIPAddress: entry.sourceIpAddress,
    userAgent: entry.userAgent,
    ...(entry.errorCode ? { errorCode: entry.errorCode, errorMessage: entry.errorMessage ?? '' } : {}),
    requestParameters: entry.requestParameters === null ? null : scrub(entry.requestParameters),
    // Reads never log their response (GetSecretValue's value above all); the pipeline already leaves it null.
    responseElements: entry.readOnly || entry.responseElements === null ? null : scrub(entry.responseElements),
    requestID: entry.requestId,
    eventID: eventIdOf(seed, entry.sequence, recipientAccountId),
    readOnly: entry.readOnly,
    ...(resources ? { resources } : {}),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId,
    ...shared,
    eventCategory: 'Management',
  };
}
