/**
 * One-click set-ups the monitoring view offers: the alarms and rules an architect would put on secrets. Each is an
 * ordinary API call (PutMetricAlarm, PutRule + PutTargets) so it shows in the call log and the event history.
 */
export const INBOX_TOPIC = (accountId: string, region: string) => `arn:aws:sns:${region}:${accountId}:secretslab-inbox`;

export interface AlarmPreset {
  id: string;
  label: string;
  input: (accountId: string, region: string) => Record<string, unknown>;
}

export const ALARM_PRESETS: AlarmPreset[] = [
  {
    id: 'rotation-failed',
    label: 'Alarm on failed rotations',
    input: (accountId, region) => ({
      alarmName: 'secret-rotation-failed',
      alarmDescription: 'A rotation of any secret failed (SecretsLab/Rotation RotationFailed, 1 on failure, 0 on success).',
      namespace: 'SecretsLab/Rotation',
      metricName: 'RotationFailed',
      statistic: 'Maximum',
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'ignore',
      alarmActions: [INBOX_TOPIC(accountId, region)],
      okActions: [INBOX_TOPIC(accountId, region)],
    }),
  },
  {
    id: 'read-spike',
    label: 'Alarm on a GetSecretValue spike',
    input: (accountId, region) => ({
      alarmName: 'get-secret-value-spike',
      alarmDescription: 'More than 100 GetSecretValue calls a minute: an application without a cache, or someone harvesting secrets.',
      namespace: 'AWS/Usage',
      metricName: 'CallCount',
      dimensions: [
        { name: 'Class', value: 'None' },
        { name: 'Resource', value: 'GetSecretValue' },
        { name: 'Service', value: 'Secrets Manager' },
        { name: 'Type', value: 'API' },
      ],
      statistic: 'Sum',
      period: 60,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      threshold: 100,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'notBreaching',
      alarmActions: [INBOX_TOPIC(accountId, region)],
    }),
  },
  {
    id: 'secret-count',
    label: 'Alarm when secrets exceed 50',
    input: () => ({
      alarmName: 'secret-count-over-50',
      alarmDescription: 'Secrets are billed per secret per month (those pending deletion included in the count).',
      namespace: 'AWS/SecretsManager',
      metricName: 'ResourceCount',
      dimensions: [
        { name: 'Class', value: 'None' },
        { name: 'Resource', value: 'SecretCount' },
        { name: 'Service', value: 'Secrets Manager' },
        { name: 'Type', value: 'Resource' },
      ],
      statistic: 'Maximum',
      period: 3600,
      evaluationPeriods: 1,
      threshold: 50,
      comparisonOperator: 'GreaterThanThreshold',
      treatMissingData: 'missing',
    }),
  },
];

export interface RulePreset {
  id: string;
  label: string;
  name: string;
  state: 'ENABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  pattern: (accountId: string) => unknown;
}

export const RULE_PRESETS: RulePreset[] = [
  {
    id: 'rotation-failed',
    label: 'Rotation failures',
    name: 'secret-rotation-failed',
    state: 'ENABLED',
    pattern: () => ({ source: ['aws.secretsmanager'], 'detail-type': ['AWS Service Event via CloudTrail'], detail: { eventName: ['RotationFailed'] } }),
  },
  {
    id: 'foreign-read',
    label: 'GetSecretValue from another account',
    name: 'secret-read-from-another-account',
    // Read-only API events reach a rule only in this state.
    state: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS',
    pattern: (accountId) => ({
      source: ['aws.secretsmanager'],
      'detail-type': ['AWS API Call via CloudTrail'],
      detail: { eventName: ['GetSecretValue'], userIdentity: { accountId: [{ 'anything-but': accountId }] } },
    }),
  },
  {
    id: 'deleted',
    label: 'DeleteSecret',
    name: 'secret-deleted',
    state: 'ENABLED',
    pattern: () => ({ source: ['aws.secretsmanager'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['DeleteSecret'] } }),
  },
];
