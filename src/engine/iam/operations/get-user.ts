import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { userOutput } from '../describe.ts';
import { existingUserNameSchema } from '../schemas.ts';
import { accountEpoch, requireUser, userTarget } from '../store.ts';
import { callerUserName } from '../caller.ts';

const input = z.object({ userName: existingUserNameSchema.optional() });

/**
 * Returns a user; without UserName, the user whose credentials signed the request. The root user gets its own
 * identity back (its account id as UserId); a role session has no user, which IAM refuses with ValidationError.
 */
export const getUser: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'GetUser',
  readOnly: true,
  input,
  resolve(ctx, { userName }) {
    if (userName === undefined && ctx.principal.type === 'Root') return { resourceArn: ctx.principal.arn, resourceAccountId: ctx.principal.accountId };
    return userTarget(ctx, userName ?? callerUserName(ctx));
  },
  execute(ctx, { userName }) {
    if (userName === undefined && ctx.principal.type === 'Root') {
      return { user: { path: '/', userId: ctx.principal.accountId, arn: ctx.principal.arn, createDate: accountEpoch(ctx) } };
    }
    const user = requireUser(ctx, userName ?? callerUserName(ctx));
    return { user: userOutput(user, true) };
  },
};
