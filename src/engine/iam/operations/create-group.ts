import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { groupOutput } from '../describe.ts';
import { iamErrors } from '../errors.ts';
import { uniqueId } from '../identity.ts';
import { groupNameSchema, pathSchema } from '../schemas.ts';
import { callerAccount, findByName, groupArn } from '../store.ts';

const input = z.object({ path: pathSchema.optional(), groupName: groupNameSchema });

/** Creates a group: a set of users that share its policies. A group is not a principal and cannot be named in a policy. */
export const createGroup: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'CreateGroup',
  readOnly: false,
  input,
  resolve: (ctx, { path, groupName }) => ({ resourceArn: groupArn(ctx.principal.accountId, path ?? '/', groupName), resourceAccountId: ctx.principal.accountId }),
  execute(ctx, { path = '/', groupName }) {
    const account = callerAccount(ctx);
    if (findByName(account.groups, groupName)) throw iamErrors.groupExists(groupName);
    const group = {
      groupName,
      groupId: uniqueId(ctx.rng, 'AGPA'),
      arn: groupArn(ctx.principal.accountId, path, groupName),
      path,
      createDate: ctx.now,
      inlinePolicies: {},
      attachedPolicies: [],
    };
    account.groups[groupName] = group;
    return { group: groupOutput(group) };
  },
};
