import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { requireManagementAccount } from '../store.ts';

const input = z.object({ accountId: z.string().regex(/^\d{12}$/), sourceParentId: z.string(), destinationParentId: z.string() });

/** Moves an account between the root and OUs; the SCPs and RCPs it inherits change with its place. */
export const moveAccount: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'MoveAccount',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    const account = org.accounts[request.accountId];
    if (!account) throw organizationsErrors.accountNotFound();
    const exists = (id: string) => id === org.root.id || org.ous[id] !== undefined;
    if (!exists(request.sourceParentId) || account.parentId !== request.sourceParentId) throw organizationsErrors.sourceParentNotFound();
    if (!exists(request.destinationParentId)) throw organizationsErrors.destinationParentNotFound();
    account.parentId = request.destinationParentId;
    return {};
  },
};
