import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { policyContent, policyTypeOf, requireManagementAccount } from '../store.ts';
import { policySummary } from './shapes.ts';

const input = z.object({ policyId: z.string() });

export const describePolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'DescribePolicy',
  readOnly: true,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    if (!policyTypeOf(org, request.policyId)) throw organizationsErrors.policyNotFound();
    return { policy: { policySummary: policySummary(org, request.policyId), content: policyContent(org, request.policyId) } };
  },
};
