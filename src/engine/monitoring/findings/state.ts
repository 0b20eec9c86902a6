import { z } from 'zod';
import type { World } from '../../kernel/index.ts';

export const SECURITY_HUB_SERVICE = 'securityhub';

export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const findingSchema = z.object({
  id: z.string(),
  controlId: z.string(),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  complianceStatus: z.enum(['PASSED', 'FAILED']),
  /** ARCHIVED once the resource is gone or the control no longer applies to it. */
  recordState: z.enum(['ACTIVE', 'ARCHIVED']),
  /** Security Hub sets RESOLVED itself when a FAILED finding passes, and NEW when a passed one fails again. */
  workflowStatus: z.enum(['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED']),
  resourceType: z.enum(['AwsSecretsManagerSecret', 'AwsKmsKey']),
  resourceId: z.string(),
  accountId: z.string(),
  region: z.string(),
  firstObservedAt: z.number(),
  lastObservedAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Why the check came out as it did, in the learner's terms. */
  statusReason: z.string(),
  remediation: z.string(),
  /** Where in the app the learner fixes it (a hash route). */
  fixLink: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const findingRecordsSchema = z.object({
  /** Keyed `${controlId}|${resourceArn}`: one finding per control and resource, updated in place (consolidated). */
  findings: z.record(z.string(), findingSchema),
  /** When the next periodic run is due; 0 until the world is first looked at. */
  nextPeriodicRun: z.number(),
  /** The last rotation outcome of each secret (by ARN), from the RotationSucceeded / RotationFailed events. */
  rotationOutcomes: z.record(z.string(), z.object({ failed: z.boolean(), at: z.number() })),
});
export type FindingRecords = z.infer<typeof findingRecordsSchema>;

export function emptyFindingRecords(): FindingRecords {
  return { findings: {}, nextPeriodicRun: 0, rotationOutcomes: {} };
}

export function findingRecords(world: World): FindingRecords {
  return (world.records[SECURITY_HUB_SERVICE] ??= emptyFindingRecords()) as FindingRecords;
}

/** Control parameters an account has customized (UpdateSecurityControl); absent means the control's defaults. */
export const securityHubStateSchema = z.object({
  parameters: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.union([z.number(), z.array(z.string())])))),
});
export type SecurityHubState = z.infer<typeof securityHubStateSchema>;

export function emptySecurityHubState(): SecurityHubState {
  return { parameters: {} };
}

export function securityHubState(world: World): SecurityHubState {
  return (world.services[SECURITY_HUB_SERVICE] ??= emptySecurityHubState()) as SecurityHubState;
}
