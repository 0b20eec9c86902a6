import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { roleOutput } from '../describe.ts';
import { roleNameSchema } from '../schemas.ts';
import { requireRole, roleTarget } from '../store.ts';

const input = z.object({ roleName: roleNameSchema });

/** Returns a role with its trust policy, boundary, tags and RoleLastUsed. */
export const getRole: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'GetRole',
  readOnly: true,
  input,
  resolve: (ctx, { roleName }) => roleTarget(ctx, roleName),
  execute: (ctx, { roleName }) => ({ role: roleOutput(requireRole(ctx, roleName), 'get') }),
};
