import type { OperationContext, ResolvedTarget } from '../kernel/index.ts';
import { kmsErrors } from './errors.ts';
import { aliasArn, awsManagedKey, findKey, kmsState, peekRegionState } from './keys.ts';
import { awsManagedKeyPolicy } from './policies.ts';
import type { KmsAlias, KmsKey } from './state.ts';

/**
 * How an operation's KeyId names its key. KMS documents, per operation, which forms it accepts:
 *  - `any`: key id, key ARN, alias name or alias ARN (DescribeKey, Encrypt, GenerateDataKey, ...);
 *  - `keyIdOrArn`: key id or key ARN only (DisableKey, ScheduleKeyDeletion, PutKeyPolicy, TagResource, ...).
 * `crossAccount` follows the API reference's "Cross-account use: Yes/No": a key of another account can only be
 * named by ARN, and only where the operation allows it.
 */
export interface KeyRefRules {
  accept: 'any' | 'keyIdOrArn';
  crossAccount: boolean;
}

/** The key a call acts on, or the AWS managed key a predefined alias (alias/aws/...) will get on first use. */
export interface KeyTarget {
  key?: KmsKey;
  alias?: KmsAlias;
  /** Set when the KeyId is a predefined AWS alias whose key does not exist yet (e.g. alias/aws/secretsmanager). */
  predefinedService?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KMS_ARN = /^arn:aws:kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/;

/**
 * Services whose AWS managed key the simulator knows. AWS predefines an alias per integrated service and creates the
 * key the first time the service (or DescribeKey on the alias) needs it.
 */
export const PREDEFINED_AWS_ALIASES: readonly string[] = ['alias/aws/secretsmanager'];

export function findTargetKey(ctx: OperationContext, keyRef: string, rules: KeyRefRules): KeyTarget {
  const callerAccount = ctx.principal.accountId;
  const arn = KMS_ARN.exec(keyRef);
  if (arn) {
    const [, region, accountId, kind, rest] = arn as unknown as [string, string, string, string, string];
    if (region !== ctx.region) throw kmsErrors.invalidArnRegion(region);
    if (kind === 'alias' && rules.accept === 'keyIdOrArn') throw kmsErrors.invalidKeyId(keyRef);
    if (kind === 'key' && !UUID.test(rest)) throw kmsErrors.invalidKeyId(keyRef);
    if (accountId !== callerAccount && !rules.crossAccount) {
      throw kind === 'key' ? kmsErrors.keyNotFound(keyRef) : kmsErrors.aliasNotFound(keyRef);
    }
    if (kind === 'alias') {
      const predefined = predefinedAlias(ctx, accountId, `alias/${rest}`);
      if (predefined && accountId === callerAccount) return predefined;
    }
    return findKey(ctx.world, keyRef, callerAccount, ctx.region);
  }
  if (keyRef.startsWith('alias/')) {
    if (rules.accept === 'keyIdOrArn') throw kmsErrors.invalidKeyId(keyRef);
    return predefinedAlias(ctx, callerAccount, keyRef) ?? findKey(ctx.world, keyRef, callerAccount, ctx.region);
  }
  if (!UUID.test(keyRef)) throw kmsErrors.invalidKeyId(keyRef);
  return findKey(ctx.world, keyRef, callerAccount, ctx.region);
}

function predefinedAlias(ctx: OperationContext, accountId: string, aliasName: string): KeyTarget | undefined {
  if (!PREDEFINED_AWS_ALIASES.includes(aliasName)) return undefined;
  if (peekRegionState(ctx.world, accountId, ctx.region)?.aliases[aliasName]) return undefined;
  return { predefinedService: aliasName.slice('alias/aws/'.length) };
}

/**
 * The authorization target for a key: its ARN, its account, and the condition keys KMS supplies (kms:CallerAccount,
 * aws:ResourceTag/*, kms:RequestAlias when the key was named by alias, kms:ResourceAliases).
 */
export function keyTarget(ctx: OperationContext, target: KeyTarget, keyRef: string): ResolvedTarget<KeyTarget> {
  const context: Record<string, string | string[] | boolean | number> = { 'kms:CallerAccount': ctx.principal.accountId };
  if (keyRef.startsWith('alias/')) context['kms:RequestAlias'] = keyRef;
  const key = target.key;
  if (!key) {
    // A predefined alias with no key yet: AWS creates the key when the call proceeds, so the alias names the target.
    const aliasName = `alias/aws/${target.predefinedService ?? ''}`;
    return {
      resourceArn: aliasArn(ctx.region, ctx.principal.accountId, aliasName),
      resourceAccountId: ctx.principal.accountId,
      resource: target,
      context,
      // The key AWS is about to create will carry this policy; it decides as if the key existed.
      resourcePolicy: { type: 'key', document: awsManagedKeyPolicy(ctx.principal.accountId, ctx.region, target.predefinedService ?? '') },
    };
  }
  for (const tag of key.tags) context[`aws:ResourceTag/${tag.tagKey}`] = tag.tagValue;
  const aliases = aliasesOf(ctx, key).map((a) => a.aliasName);
  if (aliases.length > 0) context['kms:ResourceAliases'] = aliases;
  // A key policy is the root of access to a key: IAM policies count only where it delegates to the account.
  return { resourceArn: key.arn, resourceAccountId: key.accountId, resource: target, context, resourcePolicy: { type: 'key', document: key.policy } };
}

/** Resolves KeyId for an operation: the lookup rules above plus the authorization target. */
export function resolveKey(ctx: OperationContext, keyRef: string, rules: KeyRefRules): ResolvedTarget<KeyTarget> {
  return keyTarget(ctx, findTargetKey(ctx, keyRef, rules), keyRef);
}

/** The key a resolved target stands for, creating the AWS managed key of a predefined alias on first use. */
export function targetKey(ctx: OperationContext, target: ResolvedTarget<KeyTarget>): KmsKey {
  const resolved = target.resource;
  if (resolved?.key) return resolved.key;
  if (resolved?.predefinedService) {
    return awsManagedKey(ctx.world, ctx.rng, ctx.principal.accountId, ctx.region, resolved.predefinedService, ctx.now);
  }
  throw new Error('KMS operation executed without a resolved key');
}

export function aliasesOf(ctx: OperationContext, key: KmsKey): KmsAlias[] {
  const state = peekRegionState(ctx.world, key.accountId, key.region);
  return Object.values(state?.aliases ?? {}).filter((alias) => alias.targetKeyId === key.keyId);
}

/** Finds a key by the id a ciphertext blob carries, in the caller's Region (blobs do not travel between Regions). */
export function keyByBlobId(ctx: OperationContext, keyId: string): KmsKey | undefined {
  for (const [scope, state] of Object.entries(kmsState(ctx.world).regions)) {
    if (!scope.endsWith(`/${ctx.region}`)) continue;
    const key = state.keys[keyId];
    if (key) return key;
  }
  return undefined;
}

/**
 * AWS managed keys are AWS's: their key policy lets the account read their metadata and lets principals use them only
 * through the owning service (kms:ViaService), so direct use or management is refused by the key policy.
 */
export function assertCustomerManaged(ctx: OperationContext, key: KmsKey, action: string): void {
  if (key.keyManager === 'AWS') throw kmsErrors.keyPolicyDenied(ctx.principal.arn, action, key.arn);
}

/**
 * Alias names must start with `alias/`, and `alias/aws/` is reserved for AWS managed keys (CreateAlias, UpdateAlias and
 * DeleteAlias all refuse it).
 */
export function assertCustomerAliasName(aliasName: string): void {
  if (!aliasName.startsWith('alias/')) throw kmsErrors.aliasPrefix();
  if (aliasName.startsWith('alias/aws/')) throw kmsErrors.reservedAlias();
}

/** CreateAlias and UpdateAlias point an alias at a key named by key id or key ARN, never at another alias. */
export function findAliasTargetKey(ctx: OperationContext, targetKeyId: string): KmsKey {
  if (targetKeyId.startsWith('alias/') || /^arn:aws:kms:[^:]*:\d{12}:alias\//.test(targetKeyId)) {
    throw kmsErrors.aliasTargetIsAlias();
  }
  const { key } = findTargetKey(ctx, targetKeyId, { accept: 'keyIdOrArn', crossAccount: false });
  if (!key) throw kmsErrors.keyNotFound(targetKeyId);
  return key;
}
