import type { AnyOperation } from '../../kernel/index.ts';
import { acceptHandshake } from './accept-handshake.ts';
import { attachPolicy } from './attach-policy.ts';
import { createAccount } from './create-account.ts';
import { createOrganization } from './create-organization.ts';
import { createOrganizationalUnit } from './create-organizational-unit.ts';
import { createPolicy } from './create-policy.ts';
import { deletePolicy } from './delete-policy.ts';
import { describeOrganization } from './describe-organization.ts';
import { describePolicy } from './describe-policy.ts';
import { detachPolicy } from './detach-policy.ts';
import { disablePolicyType } from './disable-policy-type.ts';
import { enablePolicyType } from './enable-policy-type.ts';
import { inviteAccountToOrganization } from './invite-account-to-organization.ts';
import { listAccounts } from './list-accounts.ts';
import { listOrganizationalUnitsForParent } from './list-organizational-units-for-parent.ts';
import { listPolicies } from './list-policies.ts';
import { listPoliciesForTarget } from './list-policies-for-target.ts';
import { listRoots } from './list-roots.ts';
import { moveAccount } from './move-account.ts';

export const organizationsOperations: readonly AnyOperation[] = [
  acceptHandshake,
  attachPolicy,
  createAccount,
  createOrganization,
  createOrganizationalUnit,
  createPolicy,
  deletePolicy,
  describeOrganization,
  describePolicy,
  detachPolicy,
  disablePolicyType,
  enablePolicyType,
  inviteAccountToOrganization,
  listAccounts,
  listOrganizationalUnitsForParent,
  listPolicies,
  listPoliciesForTarget,
  listRoots,
  moveAccount,
];
