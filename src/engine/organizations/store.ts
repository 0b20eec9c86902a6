import type { OperationContext, World } from '../kernel/index.ts';
import { randomString, type Rng } from '../ids/index.ts';
import { organizationsErrors } from './errors.ts';
import type { Organization, OrganizationsState, PolicyType } from './state.ts';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function organizationsState(world: World): OrganizationsState {
  return world.services.organizations as OrganizationsState;
}

/** The organization an account belongs to (as member or management account), if any. */
export function organizationOf(world: World, accountId: string): Organization | undefined {
  return Object.values(organizationsState(world).organizations).find((org) => org.accounts[accountId] !== undefined);
}

export function requireOrganization(ctx: OperationContext): Organization {
  const org = organizationOf(ctx.world, ctx.principal.accountId);
  if (!org) throw organizationsErrors.notInUse();
  return org;
}

/** Most Organizations operations may be called only from the management account. */
export function requireManagementAccount(ctx: OperationContext): Organization {
  const org = requireOrganization(ctx);
  if (org.masterAccountId !== ctx.principal.accountId) throw organizationsErrors.accessDenied();
  return org;
}

export const ids = {
  organization: (rng: Rng) => `o-${randomString(rng, LOWER_ALNUM, 10)}`,
  root: (rng: Rng) => `r-${randomString(rng, LOWER_ALNUM, 4)}`,
  ou: (rng: Rng, rootId: string) => `ou-${rootId.slice(2)}-${randomString(rng, LOWER_ALNUM, 8)}`,
  policy: (rng: Rng) => `p-${randomString(rng, LOWER_ALNUM, 8)}`,
  handshake: (rng: Rng) => `h-${randomString(rng, LOWER_ALNUM, 10)}`,
};

/** AWS managed policies every organization has: FullAWSAccess (an SCP) and RCPFullAWSAccess (an RCP). */
export const AWS_MANAGED_ORG_POLICIES: Record<PolicyType, { id: string; name: string; description: string; content: string }> = {
  SERVICE_CONTROL_POLICY: {
    id: 'p-FullAWSAccess',
    name: 'FullAWSAccess',
    description: 'Allows access to every operation',
    content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2),
  },
  RESOURCE_CONTROL_POLICY: {
    id: 'p-RCPFullAWSAccess',
    name: 'RCPFullAWSAccess',
    description: 'Allows access to every operation',
    content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }, null, 2),
  },
};

export function managedPolicyArn(type: PolicyType): string {
  const id = AWS_MANAGED_ORG_POLICIES[type].id;
  return `arn:aws:organizations::aws:policy/${type.toLowerCase()}/${id}`;
}

export function policyTypeOf(org: Organization, policyId: string): PolicyType | undefined {
  for (const type of Object.keys(AWS_MANAGED_ORG_POLICIES) as PolicyType[]) if (AWS_MANAGED_ORG_POLICIES[type].id === policyId) return type;
  return org.policies[policyId]?.type;
}

export function isEnabled(org: Organization, type: PolicyType): boolean {
  return org.root.policyTypes.some((p) => p.type === type && p.status === 'ENABLED');
}

/** Every target id (root, OUs, accounts) in the organization. */
export function allTargets(org: Organization): string[] {
  return [org.root.id, ...Object.keys(org.ous), ...Object.keys(org.accounts)];
}

/** When a policy type is on, every new OU and account starts with its AWS managed full-access policy attached. */
export function attachDefaults(org: Organization, targetId: string): void {
  for (const type of Object.keys(AWS_MANAGED_ORG_POLICIES) as PolicyType[]) {
    if (!isEnabled(org, type)) continue;
    const list = (org.attachments[targetId] ??= []);
    const id = AWS_MANAGED_ORG_POLICIES[type].id;
    if (!list.includes(id)) list.push(id);
  }
}

/** The chain from the root down to an account: root, each OU, the account itself. */
export function chainOf(org: Organization, accountId: string): string[] {
  const chain: string[] = [accountId];
  let parent = org.accounts[accountId]?.parentId;
  while (parent && parent !== org.root.id) {
    chain.unshift(parent);
    parent = org.ous[parent]?.parentId;
  }
  chain.unshift(org.root.id);
  return chain;
}

export function policyContent(org: Organization, policyId: string): string | undefined {
  const managed = Object.values(AWS_MANAGED_ORG_POLICIES).find((p) => p.id === policyId);
  return managed?.content ?? org.policies[policyId]?.content;
}

/**
 * The SCP or RCP levels that govern an account, root first, each with its attached documents; empty when the
 * account is in no organization, the type is off, or the account is the management account (SCPs and RCPs never
 * restrict the management account).
 */
export function organizationPolicyLevels(world: World, accountId: string, type: PolicyType): { level: string; policies: { name: string; document: string }[] }[] {
  const org = organizationOf(world, accountId);
  if (!org || !isEnabled(org, type) || org.masterAccountId === accountId) return [];
  return chainOf(org, accountId).map((targetId) => ({
    level: levelName(org, targetId),
    policies: (org.attachments[targetId] ?? [])
      .filter((id) => policyTypeOf(org, id) === type)
      .flatMap((id) => {
        const document = policyContent(org, id);
        const name = org.policies[id]?.name ?? AWS_MANAGED_ORG_POLICIES[type].name;
        return document ? [{ name: `${name} (${id})`, document }] : [];
      }),
  }));
}

function levelName(org: Organization, targetId: string): string {
  if (targetId === org.root.id) return `root ${targetId}`;
  if (org.ous[targetId]) return `OU ${org.ous[targetId]!.name} (${targetId})`;
  return `account ${targetId}`;
}
