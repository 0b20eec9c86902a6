import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { iamErrors } from '../errors.ts';
import { existingUserNameSchema, groupNameSchema } from '../schemas.ts';
import { groupTarget, requireGroup, requireUser } from '../store.ts';

const input = z.object({ groupName: groupNameSchema, userName: existingUserNameSchema });

/** A user can be in at most 10 groups (IAM quota GroupsPerUser); adding a member twice changes nothing. */
const GROUPS_PER_USER = 10;

export const addUserToGroup: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'AddUserToGroup',
  readOnly: false,
  input,
  resolve: (ctx, { groupName }) => groupTarget(ctx, groupName),
  execute(ctx, { groupName, userName }) {
    const group = requireGroup(ctx, groupName);
    const user = requireUser(ctx, userName);
    if (user.groups.includes(group.groupName)) return {};
    if (user.groups.length >= GROUPS_PER_USER) throw iamErrors.quota('GroupsPerUser', GROUPS_PER_USER);
    user.groups.push(group.groupName);
    return {};
  },
};
