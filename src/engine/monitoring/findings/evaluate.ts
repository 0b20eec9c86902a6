import { DAY, HOUR } from '../../clock/index.ts';
import type { World } from '../../kernel/index.ts';
import { findSecret, secretsState, type Secret } from '../../secrets/index.ts';
import { kmsState, type KmsKey } from '../../kms/index.ts';
import { CONTROLS, type CheckResult, type Control, type ParameterValue, type SecretCheckEnv } from './controls.ts';
import { findingRecords, securityHubState, type Finding, type FindingRecords, type SecurityHubState } from './state.ts';

/** Security Hub runs periodic checks within 12 hours of the previous run (CSPM user guide, "Schedule for running security checks"). */
export const PERIODIC_INTERVAL = 12 * HOUR;
/** Security Hub deletes a finding that has not been updated for 90 days (archived findings here). */
const ARCHIVED_RETENTION = 90 * DAY;

export interface FindingDeps {
  /** Whether a secret's resource policy grants public access (the IAM validator's analysis). */
  isPublicPolicy(document: string): boolean;
}

const SECRET_ARN = /^arn:aws:secretsmanager:([a-z0-9-]+):(\d{12}):secret:/;
const KEY_ARN = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;

function fixLinkFor(control: Control, resourceId: string, keyId?: string): string {
  if (control.resourceType === 'AwsKmsKey') return `#/kms/${encodeURIComponent(keyId ?? resourceId)}`;
  return `#/secrets/${encodeURIComponent(resourceId)}`;
}

/** FNV-1a with different seeds: a stable UUID-shaped id per control and resource, without the world's RNG. */
function stableHex(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function findingId(control: Control, resourceArn: string, region: string, accountId: string): string {
  const key = `${control.id}|${resourceArn}`;
  const a = stableHex(key, 0x811c9dc5);
  const b = stableHex(key, 0x1234567);
  const c = stableHex(key, 0x9e3779b9);
  const d = stableHex(key, 0x85ebca6b);
  const uuid = `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${c.slice(1, 4)}-${c.slice(4)}${d}`;
  return `arn:aws:securityhub:${region}:${accountId}:security-control/${control.id}/finding/${uuid}`;
}

const FINDING_KEY_LIMIT = 50_000;
const findingKeys = new Map<string, Map<string, string>>();

/** `${controlId}|${resourceArn}`, made once per pair: periodic runs ask for every control of every secret. */
function findingKey(controlId: string, arn: string): string {
  let byArn = findingKeys.get(controlId);
  if (!byArn) findingKeys.set(controlId, (byArn = new Map()));
  let key = byArn.get(arn);
  if (key === undefined) {
    if (byArn.size >= FINDING_KEY_LIMIT) byArn.clear();
    byArn.set(arn, (key = `${controlId}|${arn}`));
  }
  return key;
}

/**
 * Every finding of a record, as a list kept beside its dictionary: a periodic run looks at each one, and enumerating
 * a dictionary of thousands of keys costs far more than walking an array. Findings are added (`record`) and deleted
 * (`runAllChecks`) only in this module, which drops the list when it does either; a loaded world brings new objects.
 */
const findingLists = new WeakMap<FindingRecords['findings'], [string, Finding][]>();

function findingList(findings: FindingRecords['findings']): [string, Finding][] {
  let list = findingLists.get(findings);
  if (!list) {
    list = [];
    for (const id in findings) list.push([id, findings[id]!]);
    findingLists.set(findings, list);
  }
  return list;
}

function record(world: World, control: Control, resource: { arn: string; accountId: string; region: string; keyId?: string }, result: CheckResult, now: number): void {
  const records = findingRecords(world);
  const key = findingKey(control.id, resource.arn);
  const existing = records.findings[key];
  if (result.status === 'NOT_APPLICABLE') {
    if (existing && existing.recordState === 'ACTIVE') {
      existing.recordState = 'ARCHIVED';
      existing.updatedAt = now;
    }
    return;
  }
  if (!existing) {
    findingLists.delete(records.findings);
    records.findings[key] = {
      id: findingId(control, resource.arn, resource.region, resource.accountId),
      controlId: control.id,
      title: control.title,
      severity: control.severity,
      complianceStatus: result.status,
      recordState: 'ACTIVE',
      workflowStatus: result.status === 'FAILED' ? 'NEW' : 'RESOLVED',
      resourceType: control.resourceType,
      resourceId: resource.arn,
      accountId: resource.accountId,
      region: resource.region,
      firstObservedAt: now,
      lastObservedAt: now,
      createdAt: now,
      updatedAt: now,
      statusReason: result.reason,
      remediation: control.remediation,
      fixLink: fixLinkFor(control, resource.arn, resource.keyId),
    };
    return;
  }
  const changed = existing.complianceStatus !== result.status || existing.recordState !== 'ACTIVE' || existing.statusReason !== result.reason;
  if (existing.complianceStatus !== result.status) {
    // Security Hub's own workflow rule: a FAILED finding that passes is RESOLVED; one that fails again is NEW.
    existing.workflowStatus = result.status === 'PASSED' ? 'RESOLVED' : 'NEW';
  }
  // Written only when they change: a finding checked every twelve hours keeps its strings instead of taking new ones.
  if (existing.complianceStatus !== result.status) existing.complianceStatus = result.status;
  if (existing.recordState !== 'ACTIVE') existing.recordState = 'ACTIVE';
  if (existing.statusReason !== result.reason) existing.statusReason = result.reason;
  existing.lastObservedAt = now;
  if (changed) existing.updatedAt = now;
}

type AccountParameters = SecurityHubState['parameters'][string] | undefined;

/** What a secret's checks see; one per secret checked, pointed at each control in turn (no closure per control). */
class SecretEnv implements SecretCheckEnv {
  controlId = '';

  constructor(
    readonly now: number,
    private readonly own: AccountParameters,
    readonly lastRotationFailed: boolean,
    readonly isPublic: (policy: string) => boolean,
  ) {}

  parameter(name: string): ParameterValue {
    return this.own?.[this.controlId]?.[name];
  }
}

/** The secrets (by name) whose stored versions were sealed under the key: they become unreadable if it is deleted. */
function secretsUsingKey(world: World, key: KmsKey): string[] {
  const secrets = secretsState(world).regions[`${key.accountId}/${key.region}`]?.secrets ?? {};
  return Object.values(secrets)
    .filter((s) => Object.values(s.versions).some((v) => v.stages.length > 0 && v.value?.keyArn === key.arn))
    .map((s) => s.name);
}

export function checkSecret(world: World, deps: FindingDeps, secret: Secret, now: number, which: 'change' | 'all'): void {
  const outcome = findingRecords(world).rotationOutcomes[secret.arn];
  const env = new SecretEnv(now, securityHubState(world).parameters[secret.accountId], outcome?.failed ?? false, deps.isPublicPolicy);
  for (const control of CONTROLS) {
    if (control.resourceType !== 'AwsSecretsManagerSecret' || (which === 'change' && control.schedule !== 'change')) continue;
    env.controlId = control.id;
    const result = control.check(secret, env);
    record(world, control, secret, result, now);
  }
}

export function checkKey(world: World, key: KmsKey, now: number, which: 'change' | 'all'): void {
  for (const control of CONTROLS) {
    if (control.resourceType !== 'AwsKmsKey' || (which === 'change' && control.schedule !== 'change')) continue;
    // Which secrets use the key matters only to a key pending deletion; finding out scans every version of every
    // secret in the Region (up to a hundred each), so it is asked for only when a check reads it.
    const result = control.check(key, {
      now,
      get secretsUsingKey() {
        return secretsUsingKey(world, key);
      },
    });
    record(world, control, { arn: key.arn, accountId: key.accountId, region: key.region, keyId: key.keyId }, result, now);
  }
}

/** A resource that no longer exists: its findings are archived (they no longer describe anything). */
export function archiveResource(world: World, arn: string, now: number): void {
  const records = findingRecords(world);
  delete records.rotationOutcomes[arn];
  for (const finding of Object.values(records.findings)) {
    if (finding.resourceId === arn && finding.recordState === 'ACTIVE') {
      finding.recordState = 'ARCHIVED';
      finding.updatedAt = now;
    }
  }
}

/** Change-triggered checks for a resource named by ARN (a secret or a KMS key). */
export function checkChangedResource(world: World, deps: FindingDeps, arn: string, now: number): void {
  const secretArn = SECRET_ARN.exec(arn);
  if (secretArn) {
    const secret = findSecret(world, arn, secretArn[2]!, secretArn[1]!);
    if (secret) checkSecret(world, deps, secret, now, 'change');
    else archiveResource(world, arn, now);
    return;
  }
  const keyArn = KEY_ARN.exec(arn);
  if (keyArn) {
    const key = kmsState(world).regions[`${keyArn[2]}/${keyArn[1]}`]?.keys[keyArn[3]!];
    if (key) checkKey(world, key, now, 'change');
    else archiveResource(world, arn, now);
  }
}

/**
 * Periodic runs happen every 12 hours of virtual time (at 00:00 and 12:00 UTC). They are not scheduled tasks: a run
 * that fell due is carried out, at its own instant, when the world is next looked at (any logged entry, or
 * GetFindings). Between entries nothing changes a secret or key (scheduled work logs a service event), so a late
 * run sees exactly what an on-time run would have seen, and a year-long jump costs nothing until someone looks.
 */
export function catchUpPeriodicChecks(world: World, deps: FindingDeps, now: number): void {
  const records = findingRecords(world);
  if (records.nextPeriodicRun === 0) records.nextPeriodicRun = Math.floor(now / PERIODIC_INTERVAL) * PERIODIC_INTERVAL + PERIODIC_INTERVAL;
  const first = records.nextPeriodicRun;
  if (first > now) return;
  const last = first + Math.floor((now - first) / PERIODIC_INTERVAL) * PERIODIC_INTERVAL;
  // In a quiet stretch only the passing of time changes a result, at instants known in advance (a secret's idle days
  // or rotation age crossing its limit, a rotation date passing): the runs at or just after those instants, and the
  // last one, give every status and every transition time that running all of them would.
  const runs = new Set<number>([first, last]);
  for (const instant of timeFlips(world)) {
    if (instant > last) continue;
    const run = first + Math.max(0, Math.ceil((instant - first) / PERIODIC_INTERVAL)) * PERIODIC_INTERVAL;
    for (const r of [run, run + PERIODIC_INTERVAL]) if (r <= last) runs.add(r);
  }
  for (const run of [...runs].sort((a, b) => a - b)) runAllChecks(world, deps, run);
  records.nextPeriodicRun = last + PERIODIC_INTERVAL;
}

/** The instants at which a time-based check of some secret changes its answer with nothing else happening. */
function timeFlips(world: World): number[] {
  const flips: number[] = [];
  for (const region of Object.values(secretsState(world).regions)) {
    for (const name in region.secrets) {
      const secret = region.secrets[name]!;
      const own = securityHubState(world).parameters[secret.accountId];
      const unused = (own?.['SecretsManager.3']?.['unusedForDays'] as number | undefined) ?? 90;
      const maxAge = (own?.['SecretsManager.4']?.['maxDaysSinceRotation'] as number | undefined) ?? 90;
      flips.push((secret.lastAccessedDate ?? secret.createdDate) + (unused + 1) * DAY);
      flips.push((secret.rotation?.lastRotatedDate ?? secret.createdDate) + (maxAge + 1) * DAY);
      const due = secret.rotation?.nextRotationDate;
      const duration = secret.rotation?.rules?.duration;
      if (due !== undefined) flips.push(due + (duration ? Number(duration.replace('h', '')) * HOUR : DAY) + 1);
    }
  }
  return flips;
}

/** Every control on every secret and customer managed key; findings of vanished resources archived, old ones pruned. */
export function runAllChecks(world: World, deps: FindingDeps, now: number): void {
  const records = findingRecords(world);
  const seen = new Set<string>();
  for (const region of Object.values(secretsState(world).regions)) {
    for (const name in region.secrets) {
      const secret = region.secrets[name]!;
      seen.add(secret.arn);
      checkSecret(world, deps, secret, now, 'all');
    }
  }
  for (const region of Object.values(kmsState(world).regions)) {
    for (const key of Object.values(region.keys)) {
      seen.add(key.arn);
      checkKey(world, key, now, 'all');
    }
  }
  const findings = records.findings;
  let deleted = false;
  for (const [id, finding] of findingList(findings)) {
    if (!seen.has(finding.resourceId) && finding.recordState === 'ACTIVE') {
      finding.recordState = 'ARCHIVED';
      finding.updatedAt = now;
    }
    if (finding.recordState === 'ARCHIVED' && now - finding.updatedAt > ARCHIVED_RETENTION) {
      delete findings[id];
      deleted = true;
    }
  }
  if (deleted) findingLists.delete(findings);
}

export function activeFindings(world: World): Finding[] {
  return Object.values(findingRecords(world).findings).filter((f) => f.recordState === 'ACTIVE');
}
