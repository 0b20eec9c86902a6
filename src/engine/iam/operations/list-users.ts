import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { userOutput } from '../describe.ts';
import { paginate } from '../pagination.ts';
import { paginationMembers, pathPrefixSchema } from '../schemas.ts';
import { callerAccount } from '../store.ts';

const input = z.object({ pathPrefix: pathPrefixSchema.optional(), ...paginationMembers });

/** Lists the account's users whose path starts with PathPrefix (default `/`: all), by name. */
export const listUsers: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'ListUsers',
  readOnly: true,
  input,
  resolve(ctx, { pathPrefix }) {
    // IAM authorizes ListUsers on the path the listing covers, e.g. arn:aws:iam::111122223333:user/.
    return { resourceArn: `arn:aws:iam::${ctx.principal.accountId}:user${pathPrefix ?? '/'}`, resourceAccountId: ctx.principal.accountId };
  },
  execute(ctx, { pathPrefix, marker, maxItems }) {
    const users = Object.values(callerAccount(ctx).users)
      .filter((u) => u.path.startsWith(pathPrefix ?? '/'))
      .sort((a, b) => a.userName.localeCompare(b.userName));
    const { page, ...rest } = paginate(users, `ListUsers:${pathPrefix ?? '/'}`, maxItems, marker);
    return { users: page.map((u) => userOutput(u, false)), ...rest };
  },
};
