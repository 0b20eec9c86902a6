import type { OperationContext, ResolvedTarget } from '../kernel/index.ts';
import { awsManagedPolicy } from './aws-managed-policies.ts';
import { iamErrors } from './errors.ts';
import type { IamGroup, IamRole, IamUser } from './identity-state.ts';
import { callerAccount, groupTarget, requireGroup, requireRole, requireUser, roleTarget, userTarget } from './store.ts';

/**
 * Users, roles and groups hold policies the same way (inline policies by name, managed policies by ARN), so the
 * Put/Get/Delete/List and Attach/Detach operations of all three share these rules.
 */
export type HolderKind = 'user' | 'role' | 'group';
export type Holder = IamUser | IamRole | IamGroup;

export function requireHolder(ctx: OperationContext, kind: HolderKind, name: string): Holder {
  if (kind === 'user') return requireUser(ctx, name);
  if (kind === 'role') return requireRole(ctx, name);
  return requireGroup(ctx, name);
}

export function holderTarget(ctx: OperationContext, kind: HolderKind, name: string, context: ResolvedTarget['context'] = {}): ResolvedTarget {
  if (kind === 'user') return userTarget(ctx, name, context);
  if (kind === 'role') return roleTarget(ctx, name, context);
  return groupTarget(ctx, name, context);
}

/** Quotas of IAM (IAM User Guide, "IAM and AWS STS quotas"): default managed policies per entity. */
const ATTACHED_QUOTA: Record<HolderKind, { name: string; value: number }> = {
  user: { name: 'PoliciesPerUser', value: 10 },
  role: { name: 'PoliciesPerRole', value: 10 },
  group: { name: 'PoliciesPerGroup', value: 10 },
};

/** The aggregate size of an entity's inline policies, in characters without whitespace. */
const INLINE_QUOTA: Record<HolderKind, number> = { user: 2048, role: 10240, group: 5120 };

/** A managed policy document may hold 6,144 characters, whitespace not counted (IAM quota PolicySize). */
export const MANAGED_POLICY_SIZE = 6144;

export function minifiedLength(document: string): number {
  return JSON.stringify(JSON.parse(document)).length;
}

export function putInline(kind: HolderKind, holder: Holder, holderName: string, policyName: string, document: string): void {
  const others = Object.entries(holder.inlinePolicies).filter(([name]) => name !== policyName);
  const total = others.reduce((sum, [, text]) => sum + minifiedLength(text), 0) + minifiedLength(document);
  if (total > INLINE_QUOTA[kind]) {
    throw iamErrors.limitExceeded(`Maximum policy size of ${INLINE_QUOTA[kind]} bytes exceeded for ${kind} ${holderName}`);
  }
  holder.inlinePolicies[policyName] = document;
}

export function requireInline(kind: HolderKind, holder: Holder, policyName: string): string {
  const document = holder.inlinePolicies[policyName];
  if (document === undefined) throw iamErrors.noSuchInlinePolicy(kind, policyName);
  return document;
}

export function attach(ctx: OperationContext, kind: HolderKind, holder: Holder, policyArn: string): void {
  if (!awsManagedPolicy(policyArn) && !callerAccount(ctx).policies[policyArn]) throw iamErrors.notAttachable(policyArn);
  // Attaching a policy that is already attached changes nothing and succeeds.
  if (holder.attachedPolicies.includes(policyArn)) return;
  const quota = ATTACHED_QUOTA[kind];
  if (holder.attachedPolicies.length >= quota.value) throw iamErrors.quota(quota.name, quota.value);
  holder.attachedPolicies.push(policyArn);
}

export function detach(holder: Holder, policyArn: string): void {
  const index = holder.attachedPolicies.indexOf(policyArn);
  if (index < 0) throw iamErrors.policyNotFound(policyArn);
  holder.attachedPolicies.splice(index, 1);
}

/** The name of a managed policy from its ARN (the part after the last slash of `policy/path/name`). */
export function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}
