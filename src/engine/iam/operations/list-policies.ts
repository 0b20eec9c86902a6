import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { AWS_MANAGED_POLICIES } from '../aws-managed-policies.ts';
import { awsPolicyOutput, policyOutput } from '../describe.ts';
import { paginate } from '../pagination.ts';
import { paginationMembers, pathPrefixSchema } from '../schemas.ts';
import { accountEpoch, callerAccount } from '../store.ts';

const input = z.object({
  scope: z.enum(['All', 'AWS', 'Local']).optional(),
  onlyAttached: z.boolean().optional(),
  pathPrefix: pathPrefixSchema.optional(),
  policyUsageFilter: z.enum(['PermissionsPolicy', 'PermissionsBoundary']).optional(),
  ...paginationMembers,
});

/**
 * Lists managed policies: Scope `AWS` (AWS managed), `Local` (the account's own) or `All` (default); OnlyAttached
 * keeps those attached to something; PolicyUsageFilter keeps those used as permissions or as a boundary.
 */
export const listPolicies: OperationDefinition<z.infer<typeof input>> = {
  service: 'iam',
  name: 'ListPolicies',
  readOnly: true,
  input,
  execute(ctx, request) {
    const account = callerAccount(ctx);
    const scope = request.scope ?? 'All';
    const prefix = request.pathPrefix ?? '/';
    const aws = scope === 'Local' ? [] : AWS_MANAGED_POLICIES.map((p) => awsPolicyOutput(account, p, false, accountEpoch(ctx)));
    const local = scope === 'AWS' ? [] : Object.values(account.policies).map((p) => policyOutput(account, p, false));
    const listed = [...aws, ...local]
      .filter((p) => p.path.startsWith(prefix))
      .filter((p) => !request.onlyAttached || p.attachmentCount + p.permissionsBoundaryUsageCount > 0)
      .filter((p) => request.policyUsageFilter !== 'PermissionsPolicy' || p.attachmentCount > 0)
      .filter((p) => request.policyUsageFilter !== 'PermissionsBoundary' || p.permissionsBoundaryUsageCount > 0)
      .sort((a, b) => a.policyName.localeCompare(b.policyName));
    const { page, ...rest } = paginate(listed, `ListPolicies:${scope}:${prefix}:${String(request.onlyAttached)}:${request.policyUsageFilter ?? ''}`, request.maxItems, request.marker);
    return { policies: page, ...rest };
  },
};
