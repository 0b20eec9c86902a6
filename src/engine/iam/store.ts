import type { OperationContext, ResolvedTarget } from '../kernel/index.ts';
import { awsManagedPolicy } from './aws-managed-policies.ts';
import { iamErrors } from './errors.ts';
import type { IamAccount, IamGroup, IamRole, IamUser, ManagedPolicy } from './identity-state.ts';
import { iamState } from './identity.ts';

/**
 * Lookups over IAM's slice of the world. IAM is a global service: every entity belongs to the caller's account and
 * no operation looks at the Region the call was made in.
 */
export function callerAccount(ctx: OperationContext): IamAccount {
  const account = iamState(ctx.world).accounts[ctx.principal.accountId];
  // INVARIANT: the identity resolver only produces principals of accounts that IAM knows.
  if (!account) throw new Error(`IAM has no account ${ctx.principal.accountId}`);
  return account;
}

export const userArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:user${path}${name}`;
export const roleArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:role${path}${name}`;
export const groupArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:group${path}${name}`;
export const policyArn = (accountId: string, path: string, name: string) => `arn:aws:iam::${accountId}:policy${path}${name}`;

/**
 * IAM names are unique without regard to case ("bob" and "Bob" cannot both exist) and are found the same way,
 * while the entity keeps the case it was created with.
 */
export function findByName<T>(entities: Record<string, T>, name: string): T | undefined {
  const exact = entities[name];
  if (exact) return exact;
  const lower = name.toLowerCase();
  const key = Object.keys(entities).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : entities[key];
}

export function requireUser(ctx: OperationContext, userName: string): IamUser {
  const user = findByName(callerAccount(ctx).users, userName);
  if (!user) throw iamErrors.noSuchUser(userName);
  return user;
}

export function requireRole(ctx: OperationContext, roleName: string): IamRole {
  const role = findByName(callerAccount(ctx).roles, roleName);
  if (!role) throw iamErrors.noSuchRole(roleName);
  return role;
}

export function requireGroup(ctx: OperationContext, groupName: string): IamGroup {
  const group = findByName(callerAccount(ctx).groups, groupName);
  if (!group) throw iamErrors.noSuchGroup(groupName);
  return group;
}

/** A customer managed policy of the caller's account, by ARN. */
export function customerPolicy(ctx: OperationContext, arn: string): ManagedPolicy | undefined {
  return callerAccount(ctx).policies[arn];
}

/** Whether an ARN names a policy that can be attached in the caller's account: AWS managed or its own. */
export function attachable(ctx: OperationContext, arn: string): boolean {
  return awsManagedPolicy(arn) !== undefined || customerPolicy(ctx, arn) !== undefined;
}

/**
 * The target of a call on a user: its ARN when it exists (with its path), else the ARN its name would have, so an
 * unauthorized caller is refused before learning whether the user exists, as IAM does.
 */
export function userTarget(ctx: OperationContext, userName: string, context: ResolvedTarget['context'] = {}): ResolvedTarget {
  const existing = findByName(callerAccount(ctx).users, userName);
  return { resourceArn: existing?.arn ?? userArn(ctx.principal.accountId, '/', userName), resourceAccountId: ctx.principal.accountId, context: { ...context, ...resourceTags(existing?.tags) } };
}

export function roleTarget(ctx: OperationContext, roleName: string, context: ResolvedTarget['context'] = {}): ResolvedTarget {
  const existing = findByName(callerAccount(ctx).roles, roleName);
  return { resourceArn: existing?.arn ?? roleArn(ctx.principal.accountId, '/', roleName), resourceAccountId: ctx.principal.accountId, context: { ...context, ...resourceTags(existing?.tags) } };
}

export function groupTarget(ctx: OperationContext, groupName: string, context: ResolvedTarget['context'] = {}): ResolvedTarget {
  const existing = findByName(callerAccount(ctx).groups, groupName);
  return { resourceArn: existing?.arn ?? groupArn(ctx.principal.accountId, '/', groupName), resourceAccountId: ctx.principal.accountId, context };
}

/**
 * A managed policy as the resource of a call. AWS managed policies live in the pseudo-account `aws`, but reading or
 * attaching them is decided by the caller's own identity policies, so they are authorized as the caller's account.
 */
export function policyTarget(ctx: OperationContext, arn: string): ResolvedTarget {
  return { resourceArn: arn, resourceAccountId: ctx.principal.accountId };
}

function resourceTags(tags: { key: string; value: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [`aws:ResourceTag/${t.key}`, t.value]));
}

/** Condition keys of a request that carries tags (CreateUser, CreateRole, TagUser, TagRole). */
export function requestTagContext(tags: { key: string; value: string }[] | undefined): Record<string, string | string[]> {
  if (!tags?.length) return {};
  const context: Record<string, string | string[]> = Object.fromEntries(tags.map((t) => [`aws:RequestTag/${t.key}`, t.value]));
  context['aws:TagKeys'] = tags.map((t) => t.key);
  return context;
}

/**
 * When the account came to be, as the simulator knows it: the creation of its first user. It dates what predates
 * every call (the root user, the AWS managed policies).
 */
export function accountEpoch(ctx: OperationContext): number {
  const account = callerAccount(ctx);
  return account.users[account.adminUserName]?.createDate ?? ctx.now;
}
