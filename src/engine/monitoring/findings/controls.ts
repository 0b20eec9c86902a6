import { DAY, HOUR } from '../../clock/index.ts';
import type { Secret } from '../../secrets/index.ts';
import type { KmsKey } from '../../kms/index.ts';
import type { Severity } from './state.ts';

export type CheckResult = { status: 'PASSED' | 'FAILED'; reason: string } | { status: 'NOT_APPLICABLE' };
export type ParameterValue = number | string[] | undefined;

export interface SecretCheckEnv {
  now: number;
  parameter(name: string): ParameterValue;
  lastRotationFailed: boolean;
  isPublic(policy: string): boolean;
}

export interface KeyCheckEnv {
  now: number;
  secretsUsingKey: string[];
}

interface BaseControl {
  id: string;
  title: string;
  severity: Severity;
  /** Change-triggered controls run when the resource changes; periodic ones every 12 hours. */
  schedule: 'change' | 'periodic';
  remediation: string;
  parameters?: Record<string, { min: number; max: number; default?: number } | { maxItems: number; kind: 'stringList' }>;
}

export interface SecretControl extends BaseControl {
  resourceType: 'AwsSecretsManagerSecret';
  check(secret: Secret, env: SecretCheckEnv): CheckResult;
}

export interface KeyControl extends BaseControl {
  resourceType: 'AwsKmsKey';
  check(key: KmsKey, env: KeyCheckEnv): CheckResult;
}

export type Control = SecretControl | KeyControl;

const days = (ms: number) => Math.floor(ms / DAY);

/**
 * Results whose reason never varies, made once: every periodic run checks every control of every secret, and the
 * finding only reads the status and the reason. Those that name the control's limit are kept per limit.
 */
const passed = (reason: string): CheckResult => Object.freeze({ status: 'PASSED', reason });
const failed = (reason: string): CheckResult => Object.freeze({ status: 'FAILED', reason });
const NOT_APPLICABLE: CheckResult = Object.freeze({ status: 'NOT_APPLICABLE' });
const ROTATION_OFF = failed('Automatic rotation is not turned on for this secret.');
const ROTATION_ON = passed('Automatic rotation is on.');
const LAST_ROTATION_FAILED = failed('The most recent rotation failed.');
const ROTATION_MISSED = failed('The scheduled rotation date passed without a successful rotation.');
const ROTATIONS_ON_SCHEDULE = passed('Rotations are happening as scheduled.');
const NO_TAGS = failed('The secret has no tags.');
const TAGGED = passed('The secret is tagged.');
const REQUIRED_TAGS_PRESENT = passed('Every required tag key is present.');
const NO_RESOURCE_POLICY = passed('No resource policy is attached.');
const PUBLIC_POLICY = failed('A statement allows access to any principal.');
const PRIVATE_POLICY = passed('The resource policy does not grant public access.');
const KEY_NOT_PENDING_DELETION = passed('The key is not scheduled for deletion.');
const KEY_ROTATION_ON = passed('Automatic rotation is on.');
const KEY_ROTATION_OFF = failed('Automatic key rotation is off.');

function perLimit(reason: (limit: number) => string): (limit: number) => CheckResult {
  const known = new Map<number, CheckResult>();
  return (limit) => {
    let result = known.get(limit);
    if (!result) known.set(limit, (result = passed(reason(limit))));
    return result;
  };
}
const accessedWithin = perLimit((limit) => `Accessed within the last ${limit} days.`);
const rotatedWithin = perLimit((limit) => `Rotated within the last ${limit} days.`);

/** The rotation interval a secret's rules ask for, in days (a cron schedule is read as "at least daily" if unknown). */
function rotationIntervalDays(secret: Secret): number | undefined {
  const rules = secret.rotation?.rules;
  if (rules?.automaticallyAfterDays !== undefined) return rules.automaticallyAfterDays;
  const rate = rules?.scheduleExpression ? /^rate\((\d+) days?\)$/.exec(rules.scheduleExpression) : null;
  return rate ? Number(rate[1]) : undefined;
}

/**
 * The Security Hub CSPM controls for Secrets Manager (reference §6, "Security Hub CSPM controls for Secrets
 * Manager"), the two KMS controls that bear on secrets, and a public-access check of secret resource policies.
 * Titles are AWS's control titles; remediation texts are our own words.
 */
export const CONTROLS: readonly Control[] = [
  {
    id: 'SecretsManager.1',
    title: 'Secrets Manager secrets should have automatic rotation enabled',
    severity: 'MEDIUM',
    schedule: 'change',
    resourceType: 'AwsSecretsManagerSecret',
    parameters: { maximumAllowedRotationFrequency: { min: 1, max: 365 } },
    remediation:
      'Turn on automatic rotation with a rotation function (or a managed rotation) so the credential changes without anyone remembering to do it. If the control has a maximum frequency, pick a schedule at or under it.',
    check(secret, env) {
      if (!secret.rotation?.enabled) return ROTATION_OFF;
      const limit = env.parameter('maximumAllowedRotationFrequency');
      const interval = rotationIntervalDays(secret);
      if (typeof limit === 'number' && interval !== undefined && interval > limit) {
        return { status: 'FAILED', reason: `The secret rotates every ${interval} days; the control allows at most ${limit}.` };
      }
      return ROTATION_ON;
    },
  },
  {
    id: 'SecretsManager.2',
    title: 'Secrets Manager secrets configured with automatic rotation should rotate successfully',
    severity: 'MEDIUM',
    schedule: 'change',
    resourceType: 'AwsSecretsManagerSecret',
    remediation:
      'Open the secret and look at why the last rotation failed (the failing step and its cause). Fix the function, its permissions or its network path to the database, then rotate again.',
    check(secret, env) {
      const rotation = secret.rotation;
      if (!rotation?.enabled) return NOT_APPLICABLE;
      if (env.lastRotationFailed) return LAST_ROTATION_FAILED;
      // Secrets Manager works out when the rotation should have happened; missing that date fails the control.
      const due = rotation.nextRotationDate;
      const window = rotation.rules?.duration ? Number(rotation.rules.duration.replace('h', '')) * HOUR : DAY;
      if (due !== undefined && env.now > due + window) {
        return ROTATION_MISSED;
      }
      return ROTATIONS_ON_SCHEDULE;
    },
  },
  {
    id: 'SecretsManager.3',
    title: 'Remove unused Secrets Manager secrets',
    severity: 'MEDIUM',
    schedule: 'periodic',
    resourceType: 'AwsSecretsManagerSecret',
    parameters: { unusedForDays: { min: 1, max: 365, default: 90 } },
    remediation:
      'A secret nobody reads is a credential nobody watches. If an application still needs it, read it (the check then passes); otherwise schedule it for deletion with a recovery window.',
    check(secret, env) {
      const limit = (env.parameter('unusedForDays') as number | undefined) ?? 90;
      const lastUse = secret.lastAccessedDate ?? secret.createdDate;
      const idle = days(env.now - lastUse);
      if (idle > limit) return { status: 'FAILED', reason: `Not accessed for ${idle} days (limit ${limit}).` };
      return accessedWithin(limit);
    },
  },
  {
    id: 'SecretsManager.4',
    title: 'Secrets Manager secrets should be rotated within a specified number of days',
    severity: 'MEDIUM',
    schedule: 'periodic',
    resourceType: 'AwsSecretsManagerSecret',
    parameters: { maxDaysSinceRotation: { min: 1, max: 180, default: 90 } },
    remediation: 'Rotate the secret now, and set a rotation schedule shorter than the limit so it never ages past it again.',
    check(secret, env) {
      const limit = (env.parameter('maxDaysSinceRotation') as number | undefined) ?? 90;
      const last = secret.rotation?.lastRotatedDate ?? secret.createdDate;
      const age = days(env.now - last);
      if (age > limit) return { status: 'FAILED', reason: `Last rotated ${age} days ago (limit ${limit}).` };
      return rotatedWithin(limit);
    },
  },
  {
    id: 'SecretsManager.5',
    title: 'Secrets Manager secrets should be tagged',
    severity: 'LOW',
    schedule: 'change',
    resourceType: 'AwsSecretsManagerSecret',
    parameters: { requiredTagKeys: { maxItems: 6, kind: 'stringList' } },
    remediation: 'Add tags (owner, application, environment…) so people, cost reports and ABAC policies can tell what the secret is for.',
    check(secret, env) {
      const required = env.parameter('requiredTagKeys');
      // The common case, no tags and no required keys, needs no list of keys.
      if (secret.tags === undefined && !(Array.isArray(required) && required.length > 0)) return NO_TAGS;
      // System tags (aws:…) do not count.
      const keys = (secret.tags ?? []).map((t) => t.key).filter((k) => !k.startsWith('aws:'));
      if (Array.isArray(required) && required.length > 0) {
        const missing = required.filter((k) => !keys.includes(k));
        if (missing.length > 0) return { status: 'FAILED', reason: `Missing required tag keys: ${missing.join(', ')}.` };
        return REQUIRED_TAGS_PRESENT;
      }
      if (keys.length === 0) return NO_TAGS;
      return TAGGED;
    },
  },
  {
    id: 'SecretsLab.PublicSecretPolicy',
    title: "Secrets Manager secrets' resource policies should not grant public access",
    severity: 'CRITICAL',
    schedule: 'change',
    resourceType: 'AwsSecretsManagerSecret',
    remediation:
      'The resource policy lets any AWS principal read the secret. Name the accounts or roles that need it, or add a condition that confines the wildcard principal (aws:PrincipalOrgID, aws:PrincipalAccount), or delete the policy. Keep "block public policy" on when saving.',
    check(secret, env) {
      if (secret.resourcePolicy === undefined) return NO_RESOURCE_POLICY;
      if (env.isPublic(secret.resourcePolicy)) return PUBLIC_POLICY;
      return PRIVATE_POLICY;
    },
  },
  {
    id: 'KMS.3',
    title: 'AWS KMS keys should not be deleted unintentionally',
    severity: 'CRITICAL',
    schedule: 'change',
    resourceType: 'AwsKmsKey',
    remediation:
      'A key pending deletion takes every secret it encrypts with it when the waiting period ends. If any secret still uses the key, cancel the deletion (and re-enable the key), or first re-encrypt those secrets under another key.',
    check(key, env) {
      if (key.keyManager !== 'CUSTOMER') return NOT_APPLICABLE;
      if (key.keyState !== 'PendingDeletion') return KEY_NOT_PENDING_DELETION;
      const users = env.secretsUsingKey;
      return {
        status: 'FAILED',
        reason: users.length > 0 ? `Scheduled for deletion while ${users.length} secret(s) still use it: ${users.join(', ')}.` : 'The key is scheduled for deletion.',
      };
    },
  },
  {
    id: 'KMS.4',
    title: 'AWS KMS key rotation should be enabled',
    severity: 'MEDIUM',
    schedule: 'periodic',
    resourceType: 'AwsKmsKey',
    remediation: 'Turn on automatic key rotation for the customer managed key: old material stays available for decryption, new data uses fresh material.',
    check(key) {
      if (key.keyManager !== 'CUSTOMER' || key.keyState === 'PendingDeletion') return NOT_APPLICABLE;
      return key.keyRotationEnabled ? KEY_ROTATION_ON : KEY_ROTATION_OFF;
    },
  },
];

export function controlById(id: string): Control | undefined {
  return CONTROLS.find((c) => c.id === id);
}
