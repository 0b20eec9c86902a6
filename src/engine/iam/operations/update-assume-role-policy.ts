import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { assertTrustPolicy } from '../documents.ts';
import { policyDocumentSchema, roleNameSchema } from '../schemas.ts';
import { requireRole, roleTarget } from '../store.ts';

const input = z.object({ roleName: roleNameSchema, policyDocument: policyDocumentSchema });

/** Replaces a role's trust policy; it decides every later AssumeRole (sessions already issued are not affected). */
export const updateAssumeRolePolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'UpdateAssumeRolePolicy',
  readOnly: false,
  input,
  resolve: (ctx, { roleName }) => roleTarget(ctx, roleName),
  execute(ctx, { roleName, policyDocument }) {
    const role = requireRole(ctx, roleName);
    assertTrustPolicy(ctx.world, policyDocument);
    role.assumeRolePolicyDocument = policyDocument;
    return {};
  },
};
