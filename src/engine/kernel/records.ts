import type { Principal } from './principal.ts';

/**
 * What the pipeline's record stage keeps of every call, allowed or refused: the raw material of the CloudTrail
 * event history, the usage meters and the app's call log. Secret values never reach a record: operations
 * name their sensitive fields and the pipeline drops them.
 */
export interface CallRecord {
  sequence: number;
  requestId: string;
  eventTime: number;
  service: string;
  operation: string;
  region: string;
  principal: Principal;
  /** Set when an AWS service made the call on a principal's behalf (Secrets Manager calling KMS). */
  invokedBy?: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  errorCode?: string;
  errorMessage?: string;
  readOnly: boolean;
  resources: { arn: string; accountId: string }[];
  sourceIpAddress: string;
  userAgent: string;
}

/** A lifecycle event a service emits without an API call (RotationSucceeded, the end of a deletion window). */
export interface ServiceEventRecord {
  sequence: number;
  eventTime: number;
  service: string;
  eventName: string;
  region: string;
  accountId: string;
  resources: { arn: string; accountId: string }[];
  details: Record<string, unknown>;
}

export type LogEntry = ({ kind: 'call' } & CallRecord) | ({ kind: 'service-event' } & ServiceEventRecord);

export interface LogState {
  /** Most recent last; trimmed to `limit` (the event history is bounded, as CloudTrail's is). */
  entries: LogEntry[];
  limit: number;
  nextSequence: number;
}

/** Usage by month ('2026-01'), then account, then meter ('secretsmanager:GetSecretValue'). */
export type UsageState = Record<string, Record<string, Record<string, number>>>;
