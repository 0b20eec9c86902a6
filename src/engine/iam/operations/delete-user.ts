import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { iamErrors } from '../errors.ts';
import { iamState } from '../identity.ts';
import { existingUserNameSchema } from '../schemas.ts';
import { callerAccount, requireUser, userTarget } from '../store.ts';

const input = z.object({ userName: existingUserNameSchema });

/**
 * Deletes a user. IAM refuses while anything still hangs off it (IAM User Guide, "Deleting an IAM user": access keys,
 * inline policies, attached managed policies, group memberships), with DeleteConflict naming what to remove first.
 */
export const deleteUser: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'DeleteUser',
  readOnly: false,
  input,
  resolve: (ctx, { userName }) => userTarget(ctx, userName),
  execute(ctx, { userName }) {
    const account = callerAccount(ctx);
    const user = requireUser(ctx, userName);
    const keys = Object.values(iamState(ctx.world).accessKeys).filter((k) => k.accountId === ctx.principal.accountId && k.userName === user.userName);
    if (keys.length > 0) throw iamErrors.deleteConflict('Cannot delete entity, must delete access keys first.');
    if (Object.keys(user.inlinePolicies).length > 0) throw iamErrors.deleteConflict('Cannot delete entity, must delete policies first.');
    if (user.attachedPolicies.length > 0) throw iamErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
    if (user.groups.length > 0) throw iamErrors.deleteConflict('Cannot delete entity, must remove from all groups first.');
    // Not an AWS rule: the simulator acts as each account's `admin` user when a call names no caller.
    if (user.userName === account.adminUserName) {
      throw iamErrors.deleteConflict(`SecretsLab keeps the account's ${user.userName} user: the app acts as it when no caller is chosen.`);
    }
    delete account.users[user.userName];
    return {};
  },
};
