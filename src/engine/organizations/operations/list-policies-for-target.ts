import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { policyTypeSchema } from '../state.ts';
import { policyTypeOf, requireManagementAccount } from '../store.ts';
import { policySummary } from './shapes.ts';
import { requireTarget } from './targets.ts';

const input = z.object({ targetId: z.string(), filter: policyTypeSchema, nextToken: z.string().optional(), maxResults: z.number().int().min(1).max(20).optional() });

export const listPoliciesForTarget: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'ListPoliciesForTarget',
  readOnly: true,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    requireTarget(org, request.targetId);
    const ids = (org.attachments[request.targetId] ?? []).filter((id) => policyTypeOf(org, id) === request.filter);
    return { policies: ids.map((id) => policySummary(org, id)) };
  },
};
