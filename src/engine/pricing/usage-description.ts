import { z } from 'zod';
import { monthSpan } from './calendar.ts';
import { emptyLedger, type LifecycleLedger, type MeteredResource } from './lifecycle-ledger.ts';
import { BILLING_SERVICE } from './module.ts';
import type { BillableWorld } from './storage-usage.ts';

/**
 * A month described rather than simulated ("10 secrets, 100,000 calls, one customer managed key"), for
 * `secretslab bill --usage` and exam-style questions. It becomes the same inputs a simulated world gives the bill:
 * resources present all month, and the month's usage meters, so both paths share one pricing.
 */
export const usageDescriptionSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  accountId: z.string().regex(/^\d{12}$/).default('111122223333'),
  region: z.string().default('us-east-1'),
  secrets: z.number().int().min(0).default(0),
  replicas: z.number().int().min(0).default(0),
  replicaRegion: z.string().default('us-west-2'),
  customerManagedKeys: z.number().int().min(0).default(0),
  keyRotations: z.number().int().min(0).default(0),
  secretsManagerCalls: z.number().int().min(0).default(0),
  kmsRequests: z.number().int().min(0).default(0),
  lambdaRequests: z.number().int().min(0).default(0),
  /** Lambda duration as memory in MB times milliseconds, as the rotation functions meter it. */
  lambdaMbMs: z.number().int().min(0).default(0),
});

export type UsageDescription = z.input<typeof usageDescriptionSchema>;

export function describedWorld(input: UsageDescription): { world: BillableWorld; accountId: string; month: string } {
  const description = usageDescriptionSchema.parse(input);
  const span = monthSpan(description.month);
  const ledger: LifecycleLedger = emptyLedger();
  const whole = (arn: string, region: string, state: 'active' | 'replica' | 'enabled', rotations?: number): MeteredResource => ({
    arn,
    accountId: description.accountId,
    region,
    segments: [{ from: span.start, to: span.end, state, ...(rotations !== undefined ? { rotations } : {}) }],
  });
  for (let i = 0; i < description.secrets; i++) {
    const arn = `arn:aws:secretsmanager:${description.region}:${description.accountId}:secret:described-${i}-AAAAAA`;
    ledger.secrets[arn] = whole(arn, description.region, 'active');
  }
  for (let i = 0; i < description.replicas; i++) {
    const arn = `arn:aws:secretsmanager:${description.replicaRegion}:${description.accountId}:secret:described-${i}-AAAAAA`;
    ledger.secrets[arn] = whole(arn, description.replicaRegion, 'replica');
  }
  for (let i = 0; i < description.customerManagedKeys; i++) {
    const arn = `arn:aws:kms:${description.region}:${description.accountId}:key/described-${i}`;
    ledger.keys[arn] = whole(arn, description.region, 'enabled', description.keyRotations);
  }
  const meters: Record<string, number> = {};
  if (description.secretsManagerCalls) meters['secretsmanager:GetSecretValue'] = description.secretsManagerCalls;
  if (description.kmsRequests) meters['kms:Decrypt'] = description.kmsRequests;
  if (description.lambdaRequests) meters['lambda:Requests'] = description.lambdaRequests;
  if (description.lambdaMbMs) meters['lambda:MbMs'] = description.lambdaMbMs;
  return {
    world: {
      clock: { now: span.end },
      usage: { [description.month]: { [description.accountId]: meters } },
      records: { [BILLING_SERVICE]: ledger },
      services: {},
      defaultRegion: description.region,
    },
    accountId: description.accountId,
    month: description.month,
  };
}
