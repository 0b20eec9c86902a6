import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { iamErrors } from '../errors.ts';
import { existingUserNameSchema, groupNameSchema } from '../schemas.ts';
import { groupTarget, requireGroup, requireUser } from '../store.ts';

const input = z.object({ groupName: groupNameSchema, userName: existingUserNameSchema });

/** Removes a user from a group; the group's policies stop applying to the user at once. */
export const removeUserFromGroup: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'RemoveUserFromGroup',
  readOnly: false,
  input,
  resolve: (ctx, { groupName }) => groupTarget(ctx, groupName),
  execute(ctx, { groupName, userName }) {
    const group = requireGroup(ctx, groupName);
    const user = requireUser(ctx, userName);
    const index = user.groups.indexOf(group.groupName);
    if (index < 0) throw iamErrors.noSuchUser(userName);
    user.groups.splice(index, 1);
    return {};
  },
};
