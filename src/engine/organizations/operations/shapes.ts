import type { Organization } from '../state.ts';
import { AWS_MANAGED_ORG_POLICIES, managedPolicyArn, policyTypeOf } from '../store.ts';

/** Output shapes shared by several operations (camelCase; the wire layer capitalizes them). */
export function organizationOutput(org: Organization, masterEmail: string) {
  return {
    id: org.id,
    arn: org.arn,
    featureSet: org.featureSet,
    masterAccountArn: `arn:aws:organizations::${org.masterAccountId}:account/${org.id}/${org.masterAccountId}`,
    masterAccountId: org.masterAccountId,
    masterAccountEmail: masterEmail,
    // Deprecated by AWS: always empty; the root lists the enabled policy types.
    availablePolicyTypes: [] as unknown[],
  };
}

export function rootOutput(org: Organization) {
  return { id: org.root.id, arn: org.root.arn, name: org.root.name, policyTypes: org.root.policyTypes.map((p) => ({ ...p })) };
}

export function accountOutput(org: Organization, accountId: string) {
  const account = org.accounts[accountId]!;
  return {
    id: account.id,
    arn: account.arn,
    email: account.email,
    name: account.name,
    status: 'ACTIVE',
    joinedMethod: account.joinedMethod,
    joinedTimestamp: account.joinedTimestamp,
  };
}

export function policySummary(org: Organization, policyId: string) {
  const type = policyTypeOf(org, policyId)!;
  const custom = org.policies[policyId];
  if (custom) {
    return { id: custom.id, arn: custom.arn, name: custom.name, description: custom.description, type, awsManaged: false };
  }
  const managed = AWS_MANAGED_ORG_POLICIES[type];
  return { id: managed.id, arn: managedPolicyArn(type), name: managed.name, description: managed.description, type, awsManaged: true };
}
