import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { roleOutput } from '../describe.ts';
import { paginate } from '../pagination.ts';
import { paginationMembers, pathPrefixSchema } from '../schemas.ts';
import { callerAccount } from '../store.ts';

const input = z.object({ pathPrefix: pathPrefixSchema.optional(), ...paginationMembers });

/** Lists the account's roles under PathPrefix. As the API reference says, the list leaves out boundaries, tags and RoleLastUsed. */
export const listRoles: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'ListRoles',
  readOnly: true,
  input,
  resolve(ctx, { pathPrefix }) {
    return { resourceArn: `arn:aws:iam::${ctx.principal.accountId}:role${pathPrefix ?? '/'}`, resourceAccountId: ctx.principal.accountId };
  },
  execute(ctx, { pathPrefix, marker, maxItems }) {
    const roles = Object.values(callerAccount(ctx).roles)
      .filter((r) => r.path.startsWith(pathPrefix ?? '/'))
      .sort((a, b) => a.roleName.localeCompare(b.roleName));
    const { page, ...rest } = paginate(roles, `ListRoles:${pathPrefix ?? '/'}`, maxItems, marker);
    return { roles: page.map((r) => roleOutput(r, 'list')), ...rest };
  },
};
