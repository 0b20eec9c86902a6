import { pricing, type World } from '../../../engine/index.ts';

/**
 * The design a projection starts from, read off the world as it stands: the account's live secrets and replicas,
 * its billed customer managed keys and their rotations. Traffic is the learner's to describe (the world has no
 * clock-driven clients of its own).
 */
export function designFromWorld(world: World, accountId: string, traffic: pricing.TrafficModel, rotationEveryDays: number | null): pricing.Design {
  const ledger = pricing.ledgerOf(world);
  const open = (resource: pricing.MeteredResource) => {
    const last = resource.segments[resource.segments.length - 1];
    return last && last.to === undefined ? last : undefined;
  };
  let secrets = 0;
  let replicas = 0;
  for (const resource of Object.values(ledger.secrets)) {
    if (resource.accountId !== accountId) continue;
    const state = open(resource)?.state;
    if (state === 'active') secrets++;
    if (state === 'replica') replicas++;
  }
  let keys = 0;
  let rotations = 0;
  for (const resource of Object.values(ledger.keys)) {
    const segment = resource.accountId === accountId ? open(resource) : undefined;
    if (!segment || segment.state === 'pending-deletion') continue;
    keys++;
    rotations = Math.max(rotations, segment.rotations ?? 0);
  }
  return {
    ...pricing.DEFAULT_DESIGN,
    label: 'Your current design',
    secrets,
    // Replicas are spread over the secrets on average; a projection needs only the count.
    replicasPerSecret: secrets > 0 ? replicas / secrets : 0,
    encryption: keys > 0 ? 'customer-managed' : 'aws-managed',
    customerManagedKeys: keys,
    keyRotations: rotations,
    traffic,
    rotationEveryDays,
    region: world.defaultRegion,
  };
}
