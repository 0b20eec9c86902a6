import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { policyTypeSchema } from '../state.ts';
import { AWS_MANAGED_ORG_POLICIES, requireManagementAccount } from '../store.ts';
import { policySummary } from './shapes.ts';

const input = z.object({ filter: policyTypeSchema, nextToken: z.string().optional(), maxResults: z.number().int().min(1).max(20).optional() });

/** The policies of one type, the AWS managed full-access one included. */
export const listPolicies: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'ListPolicies',
  readOnly: true,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    const ids = [AWS_MANAGED_ORG_POLICIES[request.filter].id, ...Object.values(org.policies).filter((p) => p.type === request.filter).map((p) => p.id)];
    return { policies: ids.map((id) => policySummary(org, id)) };
  },
};
