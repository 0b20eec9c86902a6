import type { Dimension, MetricId } from './metric-store.ts';

/**
 * The metrics the simulated AWS publishes, with the names and dimensions CloudWatch uses (see
 * reference/exam-pricing-monitoring.md §6 and the Secrets Manager user guide, "Monitor with CloudWatch").
 */
export const SECRETS_NAMESPACE = 'AWS/SecretsManager';
export const RESOURCE_COUNT = 'ResourceCount';
export const RESOURCE_COUNT_DIMENSIONS: readonly Dimension[] = [
  { name: 'Class', value: 'None' },
  { name: 'Resource', value: 'SecretCount' },
  { name: 'Service', value: 'Secrets Manager' },
  { name: 'Type', value: 'Resource' },
];

export const USAGE_NAMESPACE = 'AWS/Usage';
export const CALL_COUNT = 'CallCount';

/** The Service dimension of AWS/Usage as AWS spells each service. */
const USAGE_SERVICE_NAMES: Record<string, string> = {
  secretsmanager: 'Secrets Manager',
  kms: 'KMS',
  sts: 'STS',
  iam: 'IAM',
  monitoring: 'CloudWatch',
  events: 'Events',
  securityhub: 'SecurityHub',
  organizations: 'Organizations',
};

export function usageServiceName(service: string): string {
  return USAGE_SERVICE_NAMES[service] ?? service;
}

export function callCountMetric(accountId: string, region: string, service: string, operation: string): MetricId {
  return {
    accountId,
    region,
    namespace: USAGE_NAMESPACE,
    metricName: CALL_COUNT,
    dimensions: [
      { name: 'Class', value: 'None' },
      { name: 'Resource', value: operation },
      { name: 'Service', value: usageServiceName(service) },
      { name: 'Type', value: 'API' },
    ],
  };
}

/**
 * Rotation outcomes. AWS publishes no rotation metric of its own: teams count RotationFailed events with an
 * EventBridge rule that feeds a custom metric. The simulator does that wiring for the learner, in its own namespace
 * so nobody mistakes it for an AWS one. RotationFailed is 1 for a failed run and 0 for a successful one, so an alarm
 * on its Maximum goes to ALARM on a failure and back to OK on the next success.
 */
export const ROTATION_NAMESPACE = 'SecretsLab/Rotation';
export const ROTATION_FAILED = 'RotationFailed';
export const ROTATION_SUCCEEDED = 'RotationSucceeded';
