import type { OperationContext } from '../kernel/index.ts';
import type { SecretsDeps } from './deps.ts';
import type { ReplicaStatus, Secret, SecretVersion } from './state.ts';
import { peekRegionSecrets, regionSecrets } from './store.ts';
import { openValue, sealValue } from './values.ts';

/**
 * Multi-Region secrets (native since March 2021): a replica keeps the primary's name and ARN suffix with its own
 * region, holds the same versions and labels encrypted under a key in its region (aws/secretsmanager there unless
 * a KmsKeyId is given), and copies description, tags and resource policy. It is read-only; every change is made
 * on the primary and propagated (here, synchronously, after each successful write).
 */
export function replicaArn(primary: Secret, region: string): string {
  return primary.arn.replace(`:secretsmanager:${primary.region}:`, `:secretsmanager:${region}:`);
}

export function replicateToRegions(
  ctx: OperationContext,
  deps: SecretsDeps,
  primary: Secret,
  regions: readonly { region: string; kmsKeyId?: string }[],
  forceOverwrite: boolean,
): void {
  primary.replicas ??= [];
  primary.primaryRegion = primary.region;
  for (const { region, kmsKeyId } of regions) {
    const existing = peekRegionSecrets(ctx.world, primary.accountId, region)?.secrets[primary.name];
    const status: ReplicaStatus = { region, ...(kmsKeyId ? { kmsKeyId } : {}), status: 'InSync' };
    const others: ReplicaStatus[] = primary.replicas.filter((r) => r.region !== region);
    if (existing && existing.arn !== replicaArn(primary, region) && !forceOverwrite) {
      primary.replicas = [...others, { ...status, status: 'Failed', statusMessage: 'Replication failed: Secret with this name already exists in this region.' }];
      continue;
    }
    primary.replicas = [...others, status];
    try {
      syncReplica(ctx, deps, primary, status);
    } catch (error) {
      // A replica that cannot be written (its key is unusable or not allowed) shows Failed, as on AWS.
      const message = error instanceof Error ? error.message : String(error);
      const failed = primary.replicas.find((r) => r.region === region)!;
      failed.status = 'Failed';
      failed.statusMessage = `Replication failed: ${message}`;
      delete regionSecrets(ctx.world, primary.accountId, region).secrets[primary.name];
    }
  }
}

/** Brings every InSync replica of a primary up to date with it. */
export function syncReplicas(ctx: OperationContext, deps: SecretsDeps, primary: Secret): void {
  for (const status of primary.replicas ?? []) if (status.status === 'InSync') syncReplica(ctx, deps, primary, status);
}

function syncReplica(ctx: OperationContext, deps: SecretsDeps, primary: Secret, status: ReplicaStatus): void {
  const secrets = regionSecrets(ctx.world, primary.accountId, status.region).secrets;
  const arn = replicaArn(primary, status.region);
  const previous = secrets[primary.name]?.arn === arn ? secrets[primary.name] : undefined;
  const replica: Secret = {
    ...structuredCopy(primary),
    arn,
    region: status.region,
    primaryRegion: primary.region,
    versions: {},
    lastAccessedDate: previous?.lastAccessedDate,
  };
  delete replica.replicas;
  if (status.kmsKeyId) replica.kmsKeyId = status.kmsKeyId;
  else delete replica.kmsKeyId;
  if (replica.lastAccessedDate === undefined) delete replica.lastAccessedDate;
  const replicaCtx = ctx.withRegion(status.region);
  for (const version of Object.values(primary.versions)) {
    const kept = previous?.versions[version.versionId];
    const copy: SecretVersion = { ...version, stages: [...version.stages] };
    delete copy.lastAccessedDate;
    if (kept?.lastAccessedDate !== undefined) copy.lastAccessedDate = kept.lastAccessedDate;
    if (version.value) {
      copy.value = kept?.value ?? sealValue(replicaCtx, deps.kms, replica, version.versionId, openValue(ctx, deps.kms, primary, version));
    }
    if (replica.kmsKeyId) copy.kmsKeyId = replica.kmsKeyId;
    else delete copy.kmsKeyId;
    replica.versions[version.versionId] = copy;
  }
  secrets[primary.name] = replica;
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
