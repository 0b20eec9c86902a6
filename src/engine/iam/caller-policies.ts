import type { Principal, World } from '../kernel/index.ts';
import type { NamedPolicy, OrganizationLevel, PolicySet } from './policy/index.ts';
import { awsManagedPolicy } from './aws-managed-policies.ts';
import type { IamAccount } from './identity-state.ts';
import { iamState } from './identity.ts';

/** The authorizer's policy parser (memoized by document): a named parsed policy, or undefined if none or unusable. */
export type Parse = (name: string, document: string | undefined) => NamedPolicy | undefined;

export const EMPTY_POLICY = '{"Version":"2012-10-17","Statement":[]}';

/**
 * What a decision needs of its caller that only IAM, STS and Organizations writes change: the identity, boundary
 * and session policies, the SCP levels of the caller's account, and the principal's tags as condition keys. The
 * authorizer gathers it once per caller between such writes instead of walking the IAM state on every decision.
 */
export interface CallerPolicies {
  identity: NamedPolicy[];
  boundary: NamedPolicy | null;
  session: NamedPolicy[] | null;
  scp: OrganizationLevel[];
  /** aws:PrincipalOrgID, when the caller's account is in an organization. */
  principalOrg: string | undefined;
  /** `aws:PrincipalTag/…` keys and values (session tags override the role's). */
  tags: [string, string][];
}

export function callerPolicies(
  world: World,
  principal: Principal,
  parse: Parse,
  scp: OrganizationLevel[],
  principalOrg: string | undefined,
): CallerPolicies {
  const set: Pick<PolicySet, 'identity' | 'boundary' | 'session'> = { identity: [], boundary: null, session: null };
  const state = iamState(world);
  const account = state.accounts[principal.accountId];
  if (account) {
    const managed = (arn: string) => parse(arn, managedDocument(account, arn));
    const inline = (owner: string, policies: Record<string, string>) =>
      Object.entries(policies).flatMap(([name, document]) => parse(`${owner}/inline:${name}`, document) ?? []);
    if (principal.type === 'IAMUser' && principal.userName) {
      const user = account.users[principal.userName];
      if (user) {
        set.identity = [
          ...inline(user.arn, user.inlinePolicies),
          ...user.attachedPolicies.flatMap((arn) => managed(arn) ?? []),
        ];
        for (const groupName of user.groups) {
          const group = account.groups[groupName];
          if (group)
            set.identity.push(
              ...inline(group.arn, group.inlinePolicies),
              ...group.attachedPolicies.flatMap((arn) => managed(arn) ?? []),
            );
        }
        if (user.permissionsBoundary) set.boundary = managed(user.permissionsBoundary) ?? null;
      }
    }
    if (principal.type === 'AssumedRole' && principal.roleArn) {
      const role = Object.values(account.roles).find((r) => r.arn === principal.roleArn);
      if (role) {
        set.identity = [
          ...inline(role.arn, role.inlinePolicies),
          ...role.attachedPolicies.flatMap((arn) => managed(arn) ?? []),
        ];
        if (role.permissionsBoundary) set.boundary = managed(role.permissionsBoundary) ?? null;
      }
      const session = principal.accessKeyId ? state.sessions[principal.accessKeyId] : undefined;
      if (session && (session.sessionPolicy !== undefined || session.policyArns?.length)) {
        set.session = [
          ...(session.sessionPolicy !== undefined
            ? [parse(`${principal.arn}/session-policy`, session.sessionPolicy)].flatMap((p) => p ?? [])
            : []),
          ...(session.policyArns ?? []).flatMap((arn) => managed(arn) ?? []),
        ];
        // Session policies only ever narrow: one that no longer resolves (a deleted managed policy) grants nothing,
        // it does not lift the restriction.
        if (set.session.length === 0) set.session = [parse(`${principal.arn}/session-policy`, EMPTY_POLICY)!];
      }
    }
  }
  return {
    identity: set.identity ?? [],
    boundary: set.boundary ?? null,
    session: set.session ?? null,
    scp,
    principalOrg,
    tags: principalTags(world, principal).map((tag) => [`aws:PrincipalTag/${tag.key}`, tag.value]),
  };
}

function managedDocument(account: IamAccount, arn: string): string | undefined {
  const aws = awsManagedPolicy(arn);
  if (aws) return aws.document;
  const policy = account.policies[arn];
  return policy?.versions.find((v) => v.versionId === policy.defaultVersionId)?.document;
}

function principalTags(world: World, principal: Principal): { key: string; value: string }[] {
  const account = iamState(world).accounts[principal.accountId];
  if (!account) return [];
  if (principal.type === 'IAMUser' && principal.userName) return account.users[principal.userName]?.tags ?? [];
  if (principal.type === 'AssumedRole' && principal.roleArn) {
    const role = Object.values(account.roles).find((r) => r.arn === principal.roleArn);
    const session = principal.accessKeyId ? iamState(world).sessions[principal.accessKeyId] : undefined;
    // Session tags override the role's tags with the same key.
    const tags = new Map((role?.tags ?? []).map((t) => [t.key, t.value]));
    for (const tag of session?.tags ?? []) tags.set(tag.key, tag.value);
    return [...tags].map(([key, value]) => ({ key, value }));
  }
  return [];
}
