import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { iamErrors } from '../errors.ts';
import { roleNameSchema } from '../schemas.ts';
import { callerAccount, requireRole, roleTarget } from '../store.ts';

const input = z.object({ roleName: roleNameSchema });

/**
 * Deletes a role once its inline policies are deleted and its managed policies detached (DeleteConflict otherwise).
 * Sessions already issued keep their credentials until they expire, but with the role gone they are allowed nothing.
 */
export const deleteRole: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'DeleteRole',
  readOnly: false,
  input,
  resolve: (ctx, { roleName }) => roleTarget(ctx, roleName),
  execute(ctx, { roleName }) {
    const role = requireRole(ctx, roleName);
    if (role.attachedPolicies.length > 0) throw iamErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
    if (Object.keys(role.inlinePolicies).length > 0) throw iamErrors.deleteConflict('Cannot delete entity, must delete policies first.');
    delete callerAccount(ctx).roles[role.roleName];
    return {};
  },
};
