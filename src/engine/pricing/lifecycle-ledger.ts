import { z } from 'zod';
import type { LogEntry, RecordKeeper, World } from '../kernel/index.ts';
import { secretsState, type Secret } from '../secrets/index.ts';
import { kmsState, type KmsKey } from '../kms/index.ts';

/**
 * Storage is billed by the hour a resource exists in a billable state, so a bill needs each resource's history,
 * not its present: a secret purged last week no longer exists in the world, yet it was billed until its deletion was
 * scheduled. This keeper watches the pipeline's record stream and, after every write that may change a secret's or a
 * key's billable state, closes the resource's open segment and opens the next one. The stream is the one place every
 * change passes (API calls, and the scheduler's service events such as the end of a recovery window or an automatic
 * key rotation), so no operation can forget to tell billing.
 */

export const SECRET_STATES = ['active', 'replica', 'pending-deletion'] as const;
export const KEY_STATES = ['enabled', 'disabled', 'pending-deletion'] as const;
export type SecretBillingState = (typeof SECRET_STATES)[number];
export type KeyBillingState = (typeof KEY_STATES)[number];

const segmentSchema = z.object({
  from: z.number(),
  /** Absent while the segment is open (the resource is still in this state now). */
  to: z.number().optional(),
  state: z.enum(['active', 'replica', 'pending-deletion', 'enabled', 'disabled']),
  /** Key material rotations so far (keys only). */
  rotations: z.number().int().optional(),
  /** Tags during the segment, for cost allocation. */
  tags: z.record(z.string(), z.string()).optional(),
});

const meteredResourceSchema = z.object({
  arn: z.string(),
  accountId: z.string(),
  region: z.string(),
  segments: z.array(segmentSchema),
});

export const lifecycleLedgerSchema = z.object({
  secrets: z.record(z.string(), meteredResourceSchema),
  keys: z.record(z.string(), meteredResourceSchema),
  /**
   * Successful calls per account, per UTC day (days since the epoch), per service: only to draw spend over time;
   * the bill itself reads the pipeline's monthly usage meters.
   */
  dailyCalls: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.number()))),
});

export type LifecycleSegment = z.infer<typeof segmentSchema>;
export type MeteredResource = z.infer<typeof meteredResourceSchema>;
export type LifecycleLedger = z.infer<typeof lifecycleLedgerSchema>;

export function emptyLedger(): LifecycleLedger {
  return { secrets: {}, keys: {}, dailyCalls: {} };
}

const DAY_MS = 86_400_000;
const SECRET_ARN = /^arn:aws:secretsmanager:([a-z0-9-]+):(\d{12}):secret:(.+)$/;
const KEY_ARN = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):key\/(.+)$/;
/** The six-character suffix that ends a full secret ARN (and a name that happens to look like one). */
const FULL_SUFFIX = /-[A-Za-z0-9]{6}$/;
// Every Secrets Manager and KMS API call is billed; Lambda bills invocations (metered by the rotation engine), not its API.
const BILLED_SERVICES = new Set(['secretsmanager', 'kms']);

export function secretBillingState(secret: Secret): SecretBillingState {
  if (secret.deletedDate !== undefined) return 'pending-deletion';
  return secret.primaryRegion !== undefined && secret.primaryRegion !== secret.region ? 'replica' : 'active';
}

/** AWS managed keys are never billed for storage, so they have no ledger entry at all (undefined). */
export function keyBillingState(key: KmsKey): KeyBillingState | undefined {
  if (key.keyManager === 'AWS') return undefined;
  if (key.keyState === 'PendingDeletion') return 'pending-deletion';
  return key.keyState === 'Disabled' ? 'disabled' : 'enabled';
}

function secretTags(secret: Secret): Record<string, string> | undefined {
  if (!secret.tags?.length) return undefined;
  return Object.fromEntries(secret.tags.map((t) => [t.key, t.value]));
}

function keyTags(key: KmsKey): Record<string, string> | undefined {
  if (!key.tags.length) return undefined;
  return Object.fromEntries(key.tags.map((t) => [t.tagKey, t.tagValue]));
}

function sameTags(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const aKeys = Object.keys(a ?? {});
  if (aKeys.length !== Object.keys(b ?? {}).length) return false;
  return aKeys.every((k) => a![k] === b?.[k]);
}

/**
 * Moves a resource to its observed state at `at`: nothing when it is unchanged, otherwise the open segment closes and
 * (unless the resource is gone) a new one opens. Pending deletion is a segment too: it is not billed, but a bill shows it.
 */
function settle(
  book: Record<string, MeteredResource>,
  identity: { arn: string; accountId: string; region: string },
  observed: { state: LifecycleSegment['state']; rotations?: number; tags?: Record<string, string> } | undefined,
  at: number,
): void {
  let resource = book[identity.arn];
  const open = resource?.segments[resource.segments.length - 1];
  const current = open && open.to === undefined ? open : undefined;
  if (
    current &&
    observed &&
    current.state === observed.state &&
    current.rotations === observed.rotations &&
    sameTags(current.tags, observed.tags)
  ) {
    return;
  }
  if (current) current.to = at;
  if (!observed) return;
  resource ??= book[identity.arn] = { ...identity, segments: [] };
  resource.segments.push({
    from: at,
    state: observed.state,
    ...(observed.rotations !== undefined ? { rotations: observed.rotations } : {}),
    ...(observed.tags ? { tags: observed.tags } : {}),
  });
}

/**
 * The ARNs a secret ARN has in each Region (a primary and its replicas share it but for the Region), with the state
 * keys of those Regions and the name a full ARN gives: worked out once per ARN, since every write to a secret asks.
 */
interface SecretFamily {
  regions: readonly string[];
  accountId: string;
  /** The ARN ends in the six-character suffix. */
  full: boolean;
  /** The secret's name when `full` (the ARN without its suffix), else the partial ARN's name part. */
  name: string;
  regionArns: string[];
  regionKeys: string[];
}

const FAMILY_MEMO_LIMIT = 10_000;
const families = new Map<string, SecretFamily>();

function familyOf(arn: string, regions: readonly string[]): SecretFamily | undefined {
  const known = families.get(arn);
  if (known && known.regions === regions) return known;
  const parts = SECRET_ARN.exec(arn);
  if (!parts) return undefined;
  const [, , accountId, rest] = parts as unknown as [string, string, string, string];
  const full = FULL_SUFFIX.test(rest);
  const family: SecretFamily = {
    regions,
    accountId,
    full,
    name: full ? rest.slice(0, -7) : rest,
    regionArns: regions.map((region) => `arn:aws:secretsmanager:${region}:${accountId}:secret:${rest}`),
    regionKeys: regions.map((region) => `${accountId}/${region}`),
  };
  if (families.size >= FAMILY_MEMO_LIMIT) families.clear();
  families.set(arn, family);
  return family;
}

/** A primary and its replicas share an ARN but for the Region, so one write settles all of them. */
function settleSecretFamily(ledger: LifecycleLedger, world: World, arn: string, at: number, deleting: boolean): void {
  const family = familyOf(arn, world.regions);
  if (!family) return;
  const { accountId, full } = family;
  const held = secretsState(world).regions;
  for (let i = 0; i < family.regionArns.length; i++) {
    const region = family.regions[i]!;
    const regionArn = family.regionArns[i]!;
    // Every write to a secret asks here for each Region: most hold no secrets of the account, so look only where some
    // are. The lookup is findSecret's for a full or partial ARN of that Region.
    const secrets = held[family.regionKeys[i]!]?.secrets;
    const candidate = secrets?.[family.name];
    const secret = candidate && (!full || candidate.arn === regionArn) ? candidate : undefined;
    if (secret) {
      settle(ledger.secrets, { arn: secret.arn, accountId, region }, { state: secretBillingState(secret), ...optionalTags(secretTags(secret)) }, at);
    } else if (full) {
      // Closing changes something only where the ledger has an entry under that ARN.
      if (ledger.secrets[regionArn]) settle(ledger.secrets, { arn: regionArn, accountId, region }, undefined, at);
    } else if (deleting) {
      // DeleteSecret named by a partial ARN a secret that is already gone: close whatever entry carried that name.
      const prefix = `${regionArn}-`;
      for (const candidateArn of Object.keys(ledger.secrets)) {
        if (candidateArn.startsWith(prefix) && candidateArn.length === prefix.length + 6) settle(ledger.secrets, ledger.secrets[candidateArn]!, undefined, at);
      }
    }
  }
}

function optionalTags(tags: Record<string, string> | undefined): { tags?: Record<string, string> } {
  return tags ? { tags } : {};
}

/** Keys are few per account and Region: every write to KMS there settles all of them, and any that vanished. */
function settleKeys(ledger: LifecycleLedger, world: World, accountId: string, region: string, at: number): void {
  const keys = kmsState(world).regions[`${accountId}/${region}`]?.keys ?? {};
  const seen = new Set<string>();
  for (const key of Object.values(keys)) {
    const state = keyBillingState(key);
    if (state === undefined) continue;
    seen.add(key.arn);
    settle(ledger.keys, { arn: key.arn, accountId, region }, { state, rotations: key.material.length - 1, ...optionalTags(keyTags(key)) }, at);
  }
  for (const known of Object.values(ledger.keys)) {
    if (known.accountId === accountId && known.region === region && !seen.has(known.arn)) settle(ledger.keys, known, undefined, at);
  }
}

/**
 * The last day's counters, remembered: most calls land on the same account and day as the one before, and this
 * keeper runs on every call of the hot path (a read and its nested Decrypt are two entries).
 */
let lastCount: { ledger: LifecycleLedger; accountId: string; day: number; byService: Record<string, number> } | undefined;

function countCall(ledger: LifecycleLedger, accountId: string, service: string, at: number): void {
  const day = Math.floor(at / DAY_MS);
  let byService: Record<string, number>;
  if (lastCount && lastCount.ledger === ledger && lastCount.day === day && lastCount.accountId === accountId) {
    byService = lastCount.byService;
  } else {
    const byDay = (ledger.dailyCalls[accountId] ??= {});
    byService = byDay[String(day)] ??= {};
    lastCount = { ledger, accountId, day, byService };
  }
  byService[service] = (byService[service] ?? 0) + 1;
}

export function observeEntry(ledger: LifecycleLedger, entry: LogEntry, world: World): void {
  if (entry.kind === 'call') {
    if (entry.errorCode) return;
    // Usage is billed to the caller's account, nested KMS calls included (the caller's Decrypt through Secrets Manager).
    if (BILLED_SERVICES.has(entry.service)) countCall(ledger, entry.principal.accountId, entry.service, entry.eventTime);
    if (entry.readOnly) return;
  }
  const response = entry.kind === 'call' && entry.responseElements && typeof entry.responseElements.arn === 'string' ? entry.responseElements.arn : undefined;
  const deleting = entry.kind === 'call' && entry.operation === 'DeleteSecret';
  // The common write (a version put, a label moved, a rotation event) names one secret by its full ARN.
  const only = entry.resources.length === 1 ? entry.resources[0]!.arn : undefined;
  if (entry.service === 'secretsmanager' && only !== undefined && (response === undefined || response === only) && FULL_SUFFIX.test(only)) {
    settleSecretFamily(ledger, world, only, entry.eventTime, deleting);
    return;
  }
  const arns = entry.resources.map((r) => r.arn);
  if (response !== undefined) arns.push(response);
  if (entry.service === 'secretsmanager') {
    // CreateSecret names its target by a partial ARN before the suffix exists; the response's full ARN says more.
    const full = arns.filter((arn) => FULL_SUFFIX.test(arn));
    const partial = arns.filter((arn) => !full.includes(arn) && !full.some((f) => f.startsWith(`${arn}-`)));
    for (const arn of new Set([...full, ...partial])) settleSecretFamily(ledger, world, arn, entry.eventTime, deleting);
  } else if (entry.service === 'kms') {
    const places = new Set<string>();
    if (entry.kind === 'call') places.add(`${entry.principal.accountId}/${entry.region}`);
    for (const arn of arns) {
      const parts = KEY_ARN.exec(arn);
      if (parts) places.add(`${parts[2]}/${parts[1]}`);
    }
    for (const place of places) {
      const [accountId, region] = place.split('/') as [string, string];
      settleKeys(ledger, world, accountId, region, entry.eventTime);
    }
  }
}

export const lifecycleLedgerKeeper: RecordKeeper<LifecycleLedger> = {
  schema: lifecycleLedgerSchema,
  initial: emptyLedger,
  observe: observeEntry,
};
