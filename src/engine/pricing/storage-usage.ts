import type { World } from '../kernel/index.ts';
import { secretsState } from '../secrets/index.ts';
import { kmsState } from '../kms/index.ts';
import { advancedParameterSpans } from '../ssm/index.ts';
import { BILLING_SERVICE } from './module.ts';
import {
  emptyLedger,
  keyBillingState,
  secretBillingState,
  type LifecycleLedger,
  type LifecycleSegment,
  type MeteredResource,
} from './lifecycle-ledger.ts';

/** Time one resource spent in one billable state inside a period, in milliseconds of virtual time. */
export interface StorageSpan {
  kind: 'secret' | 'key' | 'advanced-parameter';
  arn: string;
  region: string;
  state: LifecycleSegment['state'];
  /** Integer milliseconds: time is summed exactly and only turned into money once, per line item. */
  milliseconds: number;
  rotations: number;
  tags: Record<string, string>;
}

/** What billing reads of a world: a bill can also be made for a described month (usage-description.ts). */
export type BillableWorld = Pick<World, 'clock' | 'usage' | 'records' | 'services' | 'defaultRegion'>;

export function ledgerOf(world: BillableWorld): LifecycleLedger {
  return (world.records[BILLING_SERVICE] as LifecycleLedger | undefined) ?? emptyLedger();
}

/**
 * Resources the ledger never saw (a world saved before billing existed): their history is rebuilt from what the
 * resource itself remembers. A key's material dates give its rotations exactly; a secret scheduled for deletion is
 * taken to have been scheduled at its last change, the best the saved state can say.
 */
function adopted(billable: BillableWorld, ledger: LifecycleLedger, accountId: string): { secrets: MeteredResource[]; keys: MeteredResource[] } {
  const secrets: MeteredResource[] = [];
  const keys: MeteredResource[] = [];
  // secretsState and kmsState read only `services`; a described month has none of either.
  const world = billable as World;
  if (!world.services.secretsmanager || !world.services.kms) return { secrets, keys };
  for (const [place, regionState] of Object.entries(secretsState(world).regions)) {
    if (!place.startsWith(`${accountId}/`)) continue;
    for (const secret of Object.values(regionState.secrets)) {
      if (ledger.secrets[secret.arn]) continue;
      const state = secretBillingState(secret);
      const tags = secret.tags?.length ? Object.fromEntries(secret.tags.map((t) => [t.key, t.value])) : undefined;
      const segments: LifecycleSegment[] = [];
      const billedState = state === 'pending-deletion' ? (secret.primaryRegion && secret.primaryRegion !== secret.region ? 'replica' : 'active') : state;
      const changed = state === 'pending-deletion' ? secret.lastChangedDate : undefined;
      segments.push({ from: secret.createdDate, ...(changed !== undefined ? { to: changed } : {}), state: billedState, ...(tags ? { tags } : {}) });
      if (changed !== undefined) segments.push({ from: changed, state: 'pending-deletion', ...(tags ? { tags } : {}) });
      secrets.push({ arn: secret.arn, accountId, region: secret.region, segments });
    }
  }
  for (const [place, regionState] of Object.entries(kmsState(world).regions)) {
    if (!place.startsWith(`${accountId}/`)) continue;
    for (const key of Object.values(regionState.keys)) {
      const state = keyBillingState(key);
      if (state === undefined || ledger.keys[key.arn]) continue;
      const tags = key.tags.length ? Object.fromEntries(key.tags.map((t) => [t.tagKey, t.tagValue])) : undefined;
      const starts = key.material.map((m, index) => (index === 0 ? key.creationDate : m.createdDate));
      const segments: LifecycleSegment[] = starts.map((from, index) => ({
        from,
        ...(index + 1 < starts.length ? { to: starts[index + 1]! } : {}),
        state: state === 'pending-deletion' ? 'enabled' : state,
        rotations: index,
        ...(tags ? { tags } : {}),
      }));
      if (state === 'pending-deletion' && key.deletionDate !== undefined && key.pendingDeletionWindowInDays !== undefined) {
        const scheduled = key.deletionDate - key.pendingDeletionWindowInDays * 86_400_000;
        const last = segments[segments.length - 1]!;
        last.to = Math.max(last.from, scheduled);
        segments.push({ from: last.to, state: 'pending-deletion', rotations: starts.length - 1, ...(tags ? { tags } : {}) });
      }
      keys.push({ arn: key.arn, accountId, region: key.region, segments });
    }
  }
  return { secrets, keys };
}

function spansOf(kind: StorageSpan['kind'], resources: Iterable<MeteredResource>, accountId: string, from: number, to: number, now: number): StorageSpan[] {
  const spans: StorageSpan[] = [];
  for (const resource of resources) {
    if (resource.accountId !== accountId) continue;
    for (const segment of resource.segments) {
      const start = Math.max(segment.from, from);
      const end = Math.min(segment.to ?? now, to);
      if (end <= start) continue;
      spans.push({
        kind,
        arn: resource.arn,
        region: resource.region,
        state: segment.state,
        milliseconds: end - start,
        rotations: segment.rotations ?? 0,
        tags: segment.tags ?? {},
      });
    }
  }
  return spans;
}

/** Every storage span of one account's secrets and keys within [from, to), time beyond the world's clock excluded. */
export function storageSpans(world: BillableWorld, accountId: string, from: number, to: number): StorageSpan[] {
  const ledger = ledgerOf(world);
  const now = world.clock.now;
  const extra = adopted(world, ledger, accountId);
  return [
    ...spansOf('secret', Object.values(ledger.secrets), accountId, from, to, now),
    ...spansOf('secret', extra.secrets, accountId, from, to, now),
    ...spansOf('key', Object.values(ledger.keys), accountId, from, to, now),
    ...spansOf('key', extra.keys, accountId, from, to, now),
    // Parameter Store keeps its own record of advanced-tier time (standard parameters are free to store).
    ...spansOf('advanced-parameter', advancedParameterSpans(world, accountId).map((p) => ({ arn: p.arn, accountId, region: p.region, segments: [{ from: p.from, ...(p.to !== undefined ? { to: p.to } : {}), state: 'active' as const, tags: p.tags }] })), accountId, from, to, now),
  ];
}
