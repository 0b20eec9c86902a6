import type { IamAccount, IamGroup, IamRole, IamUser, ManagedPolicy } from './identity-state.ts';
import type { AwsManagedPolicy } from './aws-managed-policies.ts';

/** IAM's output shapes (camelCase; dates epoch ms; the protocol layer writes them as the Query API's XML). */
type Tag = { key: string; value: string };

function boundary(arn: string | undefined) {
  return arn ? { permissionsBoundary: { permissionsBoundaryType: 'PermissionsBoundaryPolicy', permissionsBoundaryArn: arn } } : {};
}

function tags(list: Tag[]) {
  return list.length ? { tags: list.map((t) => ({ ...t })) } : {};
}

/** The User element. ListUsers leaves out the boundary and tags, as the API reference says; GetUser includes them. */
export function userOutput(user: IamUser, detail: boolean) {
  return {
    path: user.path,
    userName: user.userName,
    userId: user.userId,
    arn: user.arn,
    createDate: user.createDate,
    ...(detail ? { ...boundary(user.permissionsBoundary), ...tags(user.tags) } : {}),
  };
}

/** The Role element: GetRole adds RoleLastUsed to what CreateRole returns; ListRoles leaves out boundary and tags. */
export function roleOutput(role: IamRole, shape: 'create' | 'get' | 'list') {
  return {
    path: role.path,
    roleName: role.roleName,
    roleId: role.roleId,
    arn: role.arn,
    createDate: role.createDate,
    assumeRolePolicyDocument: role.assumeRolePolicyDocument,
    ...(role.description !== undefined ? { description: role.description } : {}),
    maxSessionDuration: role.maxSessionDuration,
    ...(shape !== 'list' ? { ...boundary(role.permissionsBoundary), ...tags(role.tags) } : {}),
    ...(shape === 'get' ? { roleLastUsed: {} } : {}),
  };
}

export function groupOutput(group: IamGroup) {
  return { path: group.path, groupName: group.groupName, groupId: group.groupId, arn: group.arn, createDate: group.createDate };
}

/** How many users, groups and roles of the account have the policy attached, or use it as their boundary. */
export function policyUsage(account: IamAccount, arn: string) {
  const holders = [...Object.values(account.users), ...Object.values(account.groups), ...Object.values(account.roles)];
  return {
    attachmentCount: holders.filter((h) => h.attachedPolicies.includes(arn)).length,
    permissionsBoundaryUsageCount: [...Object.values(account.users), ...Object.values(account.roles)].filter((h) => h.permissionsBoundary === arn).length,
  };
}

export function policyOutput(account: IamAccount, policy: ManagedPolicy, withDescription: boolean) {
  return {
    policyName: policy.policyName,
    policyId: policy.policyId,
    arn: policy.arn,
    path: policy.path,
    defaultVersionId: policy.defaultVersionId,
    ...policyUsage(account, policy.arn),
    isAttachable: true,
    ...(withDescription && policy.description !== undefined ? { description: policy.description } : {}),
    createDate: policy.createDate,
    updateDate: policy.updateDate,
  };
}

/** The simulator's AWS managed policies carry no real ids or dates: they are shown with fixed ones (world start). */
export function awsPolicyOutput(account: IamAccount, policy: AwsManagedPolicy, withDescription: boolean, epoch: number) {
  return {
    policyName: policy.policyName,
    policyId: awsPolicyId(policy.policyName),
    arn: policy.arn,
    path: '/',
    defaultVersionId: 'v1',
    ...policyUsage(account, policy.arn),
    isAttachable: true,
    ...(withDescription ? { description: policy.description } : {}),
    createDate: epoch,
    updateDate: epoch,
  };
}

/** A stable ANPA id derived from the name, so every world shows the same id for the same AWS managed policy. */
function awsPolicyId(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let hash = 2166136261;
  let id = 'ANPA';
  for (let i = 0; id.length < 21; i++) {
    hash = Math.imul(hash ^ name.charCodeAt(i % name.length) ^ i, 16777619) >>> 0;
    id += alphabet[hash % 32]!;
  }
  return id;
}

export function attachedPolicies(arns: string[], nameOf: (arn: string) => string) {
  return arns.map((arn) => ({ policyName: nameOf(arn), policyArn: arn }));
}
