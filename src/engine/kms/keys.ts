import type { World } from '../kernel/index.ts';
import { bytesToBase64, base64ToBytes } from '../encoding/index.ts';
import { uuid, type Rng } from '../ids/index.ts';
import { kmsErrors } from './errors.ts';
import { awsManagedKeyPolicy, defaultKeyPolicy } from './policies.ts';
import type { KmsAlias, KmsKey, KmsRegionState, KmsState } from './state.ts';

export function kmsState(world: World): KmsState {
  return world.services.kms as KmsState;
}

/** The keys and aliases of one account in one region (created empty on first use). */
export function regionState(world: World, accountId: string, region: string): KmsRegionState {
  const regions = kmsState(world).regions;
  return (regions[`${accountId}/${region}`] ??= { keys: {}, aliases: {} });
}

export function peekRegionState(world: World, accountId: string, region: string): KmsRegionState | undefined {
  return kmsState(world).regions[`${accountId}/${region}`];
}

export function keyArn(region: string, accountId: string, keyId: string): string {
  return `arn:aws:kms:${region}:${accountId}:key/${keyId}`;
}

export function aliasArn(region: string, accountId: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${accountId}:${aliasName}`;
}

export interface NewKeyOptions {
  accountId: string;
  region: string;
  now: number;
  description?: string;
  keyManager?: 'AWS' | 'CUSTOMER';
  policy?: string;
  tags?: { tagKey: string; tagValue: string }[];
}

export function createKeyRecord(world: World, rng: Rng, options: NewKeyOptions): KmsKey {
  const keyId = uuid(rng);
  const key: KmsKey = {
    keyId,
    arn: keyArn(options.region, options.accountId, keyId),
    accountId: options.accountId,
    region: options.region,
    description: options.description ?? '',
    keyManager: options.keyManager ?? 'CUSTOMER',
    keyState: 'Enabled',
    creationDate: options.now,
    policy: options.policy ?? defaultKeyPolicy(options.accountId),
    keyRotationEnabled: false,
    material: [{ id: 1, keyBase64: bytesToBase64(rng.bytes(32)), createdDate: options.now }],
    tags: options.tags ?? [],
  };
  regionState(world, options.accountId, options.region).keys[keyId] = key;
  return key;
}

/**
 * The AWS managed key for a service (alias/aws/secretsmanager), created in the account the first time the service
 * needs it, as AWS does. AWS rotates AWS managed keys every year, so rotation shows as enabled.
 */
export function awsManagedKey(world: World, rng: Rng, accountId: string, region: string, service: string, now: number): KmsKey {
  const state = regionState(world, accountId, region);
  const aliasName = `alias/aws/${service}`;
  const existing = state.aliases[aliasName];
  if (existing) return state.keys[existing.targetKeyId]!;
  const key = createKeyRecord(world, rng, {
    accountId,
    region,
    now,
    keyManager: 'AWS',
    description: `Default key that protects my ${serviceTitle(service)} data when no other key is defined`,
    policy: awsManagedKeyPolicy(accountId, region, service),
  });
  key.keyRotationEnabled = true;
  key.rotationPeriodInDays = 365;
  state.aliases[aliasName] = {
    aliasName,
    aliasArn: aliasArn(region, accountId, aliasName),
    targetKeyId: key.keyId,
    creationDate: now,
    lastUpdatedDate: now,
  };
  return key;
}

function serviceTitle(service: string): string {
  return service === 'secretsmanager' ? 'Secrets Manager' : service;
}

/**
 * Finds a key from any form KMS accepts: key id, key ARN, alias name or alias ARN. A key in another account can
 * only be named by ARN (key ARN or alias ARN), as in KMS.
 */
export function findKey(
  world: World,
  keyRef: string,
  callerAccountId: string,
  region: string,
): { key: KmsKey; alias?: KmsAlias } {
  const arnMatch = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):(key\/.+|alias\/.+)$/.exec(keyRef);
  if (arnMatch) {
    const [, arnRegion, accountId, resource] = arnMatch as unknown as [string, string, string, string];
    const state = peekRegionState(world, accountId, arnRegion);
    if (resource.startsWith('key/')) {
      const key = state?.keys[resource.slice(4)];
      if (!key) throw kmsErrors.keyNotFound(keyRef);
      return { key };
    }
    const alias = state?.aliases[resource];
    const key = alias ? state?.keys[alias.targetKeyId] : undefined;
    if (!alias || !key) throw kmsErrors.aliasNotFound(keyRef);
    return { key, alias };
  }
  const state = peekRegionState(world, callerAccountId, region);
  if (keyRef.startsWith('alias/')) {
    const alias = state?.aliases[keyRef];
    const key = alias ? state?.keys[alias.targetKeyId] : undefined;
    if (!alias || !key) throw kmsErrors.aliasNotFound(aliasArn(region, callerAccountId, keyRef));
    return { key, alias };
  }
  const key = state?.keys[keyRef];
  if (!key) throw kmsErrors.keyNotFound(keyArn(region, callerAccountId, keyRef));
  return { key };
}

/** Throws what KMS answers for a cryptographic operation on a key that is not usable. */
export function assertUsable(key: KmsKey): void {
  if (key.keyState === 'Disabled') throw kmsErrors.disabled(key.arn);
  if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
}

export function currentMaterial(key: KmsKey): { id: number; key: Uint8Array } {
  const material = key.material[key.material.length - 1]!;
  return { id: material.id, key: base64ToBytes(material.keyBase64)! };
}

export function materialById(key: KmsKey, id: number): Uint8Array | undefined {
  const material = key.material.find((m) => m.id === id);
  return material ? base64ToBytes(material.keyBase64) : undefined;
}
