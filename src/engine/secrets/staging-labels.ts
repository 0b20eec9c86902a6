import { DAY } from '../clock/index.ts';
import { secretsErrors } from './errors.ts';
import type { Secret, SecretVersion } from './state.ts';

export const AWSCURRENT = 'AWSCURRENT';
export const AWSPREVIOUS = 'AWSPREVIOUS';
export const AWSPENDING = 'AWSPENDING';

/** "Staging labels attached across all versions of a secret: 20" (Secrets Manager quotas). */
export const MAX_LABELS_PER_SECRET = 20;
/** Deprecated (unlabelled) versions beyond this many are pruned, but never one younger than 24 hours. */
export const MAX_DEPRECATED_VERSIONS = 100;
const PRUNE_MIN_AGE = DAY;

// A secret keeps up to a hundred deprecated versions, and its versions object is then a dictionary: the walks below
// use for-in (no array of every version per call; Object.values on such an object costs about three times as much)
// and step over unlabelled versions at once.

export function versionWithLabel(secret: Secret, label: string): SecretVersion | undefined {
  const versions = secret.versions;
  for (const id in versions) {
    const version = versions[id]!;
    if (version.stages.length !== 0 && version.stages.includes(label)) return version;
  }
  return undefined;
}

function removeLabel(version: SecretVersion, label: string): void {
  const i = version.stages.indexOf(label);
  if (i >= 0) version.stages.splice(i, 1);
}

/** Takes `label` off whichever version holds it (a label sits on at most one version). */
function detachLabel(secret: Secret, label: string): SecretVersion | undefined {
  const holder = versionWithLabel(secret, label);
  if (holder) removeLabel(holder, label);
  return holder;
}

/**
 * Attaches labels to a newly added version, following AWS's rules (reference §2.6): the first version always gets
 * AWSCURRENT; each requested label leaves the version that held it; when AWSCURRENT moves, the version it left
 * becomes AWSPREVIOUS (keeping its custom labels) and AWSPREVIOUS leaves its old holder; a new current version that
 * is not itself AWSPENDING ends any rotation in flight (AWSPENDING is removed). Returns whether a rotation was
 * abandoned, so the caller can emit RotationAbandoned.
 */
export function labelNewVersion(secret: Secret, version: SecretVersion, requested: readonly string[] | undefined): { rotationAbandoned: boolean } {
  const isFirst = versionWithLabel(secret, AWSCURRENT) === undefined;
  const labels = new Set(requested ?? [AWSCURRENT]);
  if (isFirst) labels.add(AWSCURRENT);
  let rotationAbandoned = false;
  // AWSCURRENT first: its move hands AWSPREVIOUS to the old current version, and an AWSPREVIOUS the caller asked
  // for explicitly must then still win (a label sits on one version only).
  if (labels.has(AWSCURRENT)) moveCurrent(secret, version);
  for (const label of labels) if (label !== AWSCURRENT) detachLabel(secret, label);
  if (labels.has(AWSCURRENT) && !labels.has(AWSPENDING)) rotationAbandoned = detachLabel(secret, AWSPENDING) !== undefined;
  version.stages = [...new Set([...version.stages, ...labels])];
  return { rotationAbandoned };
}

/** Moves AWSCURRENT onto `target`, giving AWSPREVIOUS to the version it left and to no other. */
function moveCurrent(secret: Secret, target: SecretVersion): void {
  const oldCurrent = versionWithLabel(secret, AWSCURRENT);
  if (oldCurrent === target) return;
  detachLabel(secret, AWSPREVIOUS);
  if (oldCurrent) {
    removeLabel(oldCurrent, AWSCURRENT);
    oldCurrent.stages.push(AWSPREVIOUS);
  }
  if (!target.stages.includes(AWSCURRENT)) target.stages.push(AWSCURRENT);
}

/**
 * UpdateSecretVersionStage's rules: moving a label that is attached elsewhere requires naming that version in
 * RemoveFromVersionId; removing only takes the label off one version and touches nothing else; moving AWSCURRENT
 * carries AWSPREVIOUS along, including off the target (a rollback). Validates fully before changing anything.
 */
export function updateVersionStage(
  secret: Secret,
  label: string,
  moveToVersionId: string | undefined,
  removeFromVersionId: string | undefined,
): void {
  if (moveToVersionId === undefined && removeFromVersionId === undefined) {
    throw secretsErrors.invalidParameter('You must specify MoveToVersionId, RemoveFromVersionId, or both.');
  }
  // Every secret with a value keeps exactly one AWSCURRENT version: the label can be moved, never just removed.
  if (label === AWSCURRENT && moveToVersionId === undefined) {
    throw secretsErrors.invalidParameter(
      "You can't remove the staging label AWSCURRENT from a version. Move it to another version with MoveToVersionId instead.",
    );
  }
  const holder = versionWithLabel(secret, label);
  const moveTo = moveToVersionId === undefined ? undefined : secret.versions[moveToVersionId];
  if (moveToVersionId !== undefined && !moveTo) throw secretsErrors.versionNotFound(moveToVersionId);
  if (removeFromVersionId !== undefined && !secret.versions[removeFromVersionId]) {
    throw secretsErrors.versionNotFound(removeFromVersionId);
  }
  if (removeFromVersionId !== undefined && holder?.versionId !== removeFromVersionId) {
    throw secretsErrors.removeFromMismatch(label, removeFromVersionId);
  }
  if (moveTo && holder && holder !== moveTo && removeFromVersionId === undefined) {
    throw secretsErrors.removeFromRequired(label, holder.versionId);
  }
  if (moveTo && !holder && countLabels(secret) + 1 > MAX_LABELS_PER_SECRET) throw secretsErrors.labelQuota();

  if (!moveTo) {
    if (holder) removeLabel(holder, label);
    return;
  }
  if (label === AWSCURRENT) {
    moveCurrent(secret, moveTo);
    return;
  }
  if (holder) removeLabel(holder, label);
  if (!moveTo.stages.includes(label)) moveTo.stages.push(label);
}

/** Distinct labels across all versions of a secret. */
export function countLabels(secret: Secret): number {
  let n = 0;
  for (const id in secret.versions) n += secret.versions[id]!.stages.length;
  return n;
}

export function isDeprecated(version: SecretVersion): boolean {
  return version.stages.length === 0;
}

/**
 * Prunes deprecated versions beyond the quota, oldest first, sparing any younger than 24 hours. Returns false if
 * the quota would still be exceeded (the caller then refuses the new version before changing anything).
 */
export function pruneDeprecatedVersions(secret: Secret, now: number, dryRun: boolean): boolean {
  // Counted first: most writes leave the quota untouched or one over it, and need no sorted list.
  let count = 0;
  for (const id in secret.versions) if (isDeprecated(secret.versions[id]!)) count++;
  if (count <= MAX_DEPRECATED_VERSIONS) return true;
  if (count === MAX_DEPRECATED_VERSIONS + 1) return pruneOldest(secret, now, dryRun);
  const deprecated: SecretVersion[] = [];
  for (const id in secret.versions) if (isDeprecated(secret.versions[id]!)) deprecated.push(secret.versions[id]!);
  deprecated.sort((a, b) => a.createdDate - b.createdDate);
  let excess = deprecated.length - MAX_DEPRECATED_VERSIONS;
  for (const version of deprecated) {
    if (excess <= 0) break;
    if (now - version.createdDate < PRUNE_MIN_AGE) continue;
    if (!dryRun) delete secret.versions[version.versionId];
    excess--;
  }
  return excess <= 0;
}

/**
 * One over the quota: the oldest deprecated version at least 24 hours old goes, as the sorted walk would pick it
 * (sort is stable, so of equally old ones the first in the versions' order).
 */
function pruneOldest(secret: Secret, now: number, dryRun: boolean): boolean {
  let oldest: SecretVersion | undefined;
  for (const id in secret.versions) {
    const version = secret.versions[id]!;
    if (!isDeprecated(version) || now - version.createdDate < PRUNE_MIN_AGE) continue;
    if (oldest === undefined || version.createdDate < oldest.createdDate) oldest = version;
  }
  if (oldest === undefined) return false;
  if (!dryRun) delete secret.versions[oldest.versionId];
  return true;
}

/** Versions in creation order, for listings. */
export function versionsInOrder(secret: Secret): SecretVersion[] {
  return Object.values(secret.versions).sort((a, b) => a.createdDate - b.createdDate);
}

/**
 * The secret's labels as they would be after adding a version, computed on a copy, so quota checks run before
 * anything changes (a refused call changes nothing).
 */
export function previewNewVersion(secret: Secret, versionId: string, now: number, requested: readonly string[] | undefined): Secret {
  const versions: Record<string, SecretVersion> = {};
  // Only labelled versions can change in the preview (labelNewVersion moves labels): deprecated ones are shared.
  for (const id in secret.versions) {
    const version = secret.versions[id]!;
    versions[id] = version.stages.length === 0 ? version : { ...version, stages: [...version.stages] };
  }
  const preview: Secret = { ...secret, versions };
  const added: SecretVersion = { versionId, createdDate: now, stages: [] };
  versions[versionId] = added;
  labelNewVersion(preview, added, requested);
  return preview;
}

/** Throws LimitExceededException if the preview breaks the label or version quota. */
export function assertWithinQuotas(preview: Secret, now: number): void {
  const labels = new Set<string>();
  for (const version of Object.values(preview.versions)) for (const label of version.stages) labels.add(label);
  if (labels.size > MAX_LABELS_PER_SECRET) throw secretsErrors.labelQuota();
  if (!pruneDeprecatedVersions(preview, now, true)) throw secretsErrors.versionQuota();
}
