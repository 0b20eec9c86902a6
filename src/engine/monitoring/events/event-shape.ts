import { isoTime } from '../../clock/index.ts';
import type { LogEntry } from '../../kernel/index.ts';

/**
 * A log entry as EventBridge delivers it to one account's default bus: "AWS API Call via CloudTrail" for calls and
 * "AWS Service Event via CloudTrail" for service events (RotationFailed…), with the CloudTrail record as `detail`.
 * The CloudTrail record here carries the fields rules filter on; the full event history belongs to engine/audit.
 */
export function eventBridgeEvent(entry: LogEntry, accountId: string): Record<string, unknown> {
  const time = isoTime(entry.eventTime);
  if (entry.kind === 'call') {
    const p = entry.principal;
    return {
      version: '0',
      id: `secretslab-event-${entry.sequence}-${accountId}`,
      'detail-type': 'AWS API Call via CloudTrail',
      source: `aws.${entry.service}`,
      account: accountId,
      time,
      region: entry.region,
      resources: [],
      detail: {
        eventVersion: '1.09',
        userIdentity: {
          type: p.type,
          principalId: p.principalId,
          arn: p.arn,
          accountId: p.accountId,
          ...(p.accessKeyId ? { accessKeyId: p.accessKeyId } : {}),
          ...(entry.invokedBy ? { invokedBy: entry.invokedBy } : {}),
        },
        eventTime: time,
        eventSource: `${entry.service}.amazonaws.com`,
        eventName: entry.operation,
        awsRegion: entry.region,
        sourceIPAddress: entry.sourceIpAddress,
        userAgent: entry.userAgent,
        requestParameters: entry.requestParameters,
        responseElements: entry.responseElements,
        ...(entry.errorCode ? { errorCode: entry.errorCode, errorMessage: entry.errorMessage } : {}),
        requestID: entry.requestId,
        eventID: `secretslab-${entry.sequence}`,
        readOnly: entry.readOnly,
        resources: entry.resources.map((r) => ({ ARN: r.arn, accountId: r.accountId })),
        eventType: 'AwsApiCall',
        managementEvent: true,
        recipientAccountId: accountId,
        eventCategory: 'Management',
      },
    };
  }
  return {
    version: '0',
    id: `secretslab-event-${entry.sequence}-${accountId}`,
    'detail-type': 'AWS Service Event via CloudTrail',
    source: `aws.${entry.service}`,
    account: accountId,
    time,
    region: entry.region,
    resources: [],
    detail: {
      eventVersion: '1.09',
      userIdentity: { accountId: entry.accountId, invokedBy: `${entry.service}.amazonaws.com` },
      eventTime: time,
      eventSource: `${entry.service}.amazonaws.com`,
      eventName: entry.eventName,
      awsRegion: entry.region,
      sourceIPAddress: `${entry.service}.amazonaws.com`,
      userAgent: `${entry.service}.amazonaws.com`,
      requestParameters: null,
      responseElements: null,
      additionalEventData: entry.details,
      eventID: `secretslab-${entry.sequence}`,
      readOnly: false,
      resources: entry.resources.map((r) => ({ ARN: r.arn, accountId: r.accountId })),
      eventType: 'AwsServiceEvent',
      managementEvent: true,
      recipientAccountId: accountId,
      eventCategory: 'Management',
    },
  };
}

/** The accounts whose trail (and so whose default bus) receives the entry: the caller's and each resource owner's. */
export function recipientAccounts(entry: LogEntry): string[] {
  const own = entry.kind === 'call' ? entry.principal.accountId : entry.accountId;
  const accounts = [own];
  for (const r of entry.resources) if (!accounts.includes(r.accountId)) accounts.push(r.accountId);
  return accounts;
}
