import type { AnyOperation } from '../../kernel/index.ts';
import { addUserToGroup } from './add-user-to-group.ts';
import { attachGroupPolicy } from './attach-group-policy.ts';
import { attachRolePolicy } from './attach-role-policy.ts';
import { attachUserPolicy } from './attach-user-policy.ts';
import { createAccessKey } from './create-access-key.ts';
import { createGroup } from './create-group.ts';
import { createPolicyVersion } from './create-policy-version.ts';
import { createPolicy } from './create-policy.ts';
import { createRole } from './create-role.ts';
import { createUser } from './create-user.ts';
import { deleteAccessKey } from './delete-access-key.ts';
import { deletePolicy } from './delete-policy.ts';
import { deleteRolePermissionsBoundary } from './delete-role-permissions-boundary.ts';
import { deleteRolePolicy } from './delete-role-policy.ts';
import { deleteRole } from './delete-role.ts';
import { deleteUserPermissionsBoundary } from './delete-user-permissions-boundary.ts';
import { deleteUserPolicy } from './delete-user-policy.ts';
import { deleteUser } from './delete-user.ts';
import { detachGroupPolicy } from './detach-group-policy.ts';
import { detachRolePolicy } from './detach-role-policy.ts';
import { detachUserPolicy } from './detach-user-policy.ts';
import { getPolicyVersion } from './get-policy-version.ts';
import { getPolicy } from './get-policy.ts';
import { getRolePolicy } from './get-role-policy.ts';
import { getRole } from './get-role.ts';
import { getUserPolicy } from './get-user-policy.ts';
import { getUser } from './get-user.ts';
import { listAccessKeys } from './list-access-keys.ts';
import { listAttachedRolePolicies } from './list-attached-role-policies.ts';
import { listAttachedUserPolicies } from './list-attached-user-policies.ts';
import { listPolicies } from './list-policies.ts';
import { listRolePolicies } from './list-role-policies.ts';
import { listRoles } from './list-roles.ts';
import { listUserPolicies } from './list-user-policies.ts';
import { listUsers } from './list-users.ts';
import { putGroupPolicy } from './put-group-policy.ts';
import { putRolePermissionsBoundary } from './put-role-permissions-boundary.ts';
import { putRolePolicy } from './put-role-policy.ts';
import { putUserPermissionsBoundary } from './put-user-permissions-boundary.ts';
import { putUserPolicy } from './put-user-policy.ts';
import { removeUserFromGroup } from './remove-user-from-group.ts';
import { tagRole } from './tag-role.ts';
import { tagUser } from './tag-user.ts';
import { untagRole } from './untag-role.ts';
import { untagUser } from './untag-user.ts';
import { updateAccessKey } from './update-access-key.ts';
import { updateAssumeRolePolicy } from './update-assume-role-policy.ts';

/** The IAM operations the simulator implements, one file each. */
export const iamOperations: readonly AnyOperation[] = [
  createUser,
  getUser,
  listUsers,
  deleteUser,
  createAccessKey,
  listAccessKeys,
  updateAccessKey,
  deleteAccessKey,
  createGroup,
  addUserToGroup,
  removeUserFromGroup,
  createRole,
  getRole,
  listRoles,
  updateAssumeRolePolicy,
  deleteRole,
  putUserPolicy,
  getUserPolicy,
  listUserPolicies,
  deleteUserPolicy,
  putRolePolicy,
  getRolePolicy,
  listRolePolicies,
  deleteRolePolicy,
  putGroupPolicy,
  createPolicy,
  getPolicy,
  getPolicyVersion,
  createPolicyVersion,
  listPolicies,
  deletePolicy,
  attachUserPolicy,
  detachUserPolicy,
  listAttachedUserPolicies,
  attachRolePolicy,
  detachRolePolicy,
  listAttachedRolePolicies,
  attachGroupPolicy,
  detachGroupPolicy,
  putUserPermissionsBoundary,
  deleteUserPermissionsBoundary,
  putRolePermissionsBoundary,
  deleteRolePermissionsBoundary,
  tagUser,
  untagUser,
  tagRole,
  untagRole,
];
