import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { callerUserName } from '../caller.ts';
import { iamState } from '../identity.ts';
import { paginate } from '../pagination.ts';
import { existingUserNameSchema, paginationMembers } from '../schemas.ts';
import { requireUser, userTarget } from '../store.ts';

const input = z.object({ userName: existingUserNameSchema.optional(), ...paginationMembers });

/** Lists a user's access keys (ids, status, dates; never the secrets), or the calling user's. */
export const listAccessKeys: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'ListAccessKeys',
  readOnly: true,
  input,
  resolve: (ctx, { userName }) => userTarget(ctx, userName ?? callerUserName(ctx)),
  execute(ctx, { userName, marker, maxItems }) {
    const user = requireUser(ctx, userName ?? callerUserName(ctx));
    const keys = Object.values(iamState(ctx.world).accessKeys)
      .filter((k) => k.accountId === ctx.principal.accountId && k.userName === user.userName)
      .sort((a, b) => a.createDate - b.createDate || a.accessKeyId.localeCompare(b.accessKeyId));
    const { page, ...rest } = paginate(keys, `ListAccessKeys:${user.userName}`, maxItems, marker);
    return {
      accessKeyMetadata: page.map((k) => ({ userName: k.userName, accessKeyId: k.accessKeyId, status: k.status, createDate: k.createDate })),
      ...rest,
    };
  },
};
