import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { AWS_MANAGED_ORG_POLICIES, policyTypeOf, requireManagementAccount } from '../store.ts';
import { requireTarget } from './targets.ts';

const input = z.object({ policyId: z.string(), targetId: z.string() });

/**
 * Detaches a policy. Every root, OU and account must keep at least one SCP (else nothing would be allowed there),
 * and RCPFullAWSAccess cannot be detached at all.
 */
export const detachPolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'DetachPolicy',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    const type = policyTypeOf(org, request.policyId);
    if (!type) throw organizationsErrors.policyNotFound();
    requireTarget(org, request.targetId);
    const list = org.attachments[request.targetId] ?? [];
    if (!list.includes(request.policyId)) throw organizationsErrors.policyNotAttached();
    if (request.policyId === AWS_MANAGED_ORG_POLICIES.RESOURCE_CONTROL_POLICY.id) {
      throw organizationsErrors.constraintViolation('You cannot detach the RCPFullAWSAccess policy.');
    }
    if (type === 'SERVICE_CONTROL_POLICY' && list.filter((id) => policyTypeOf(org, id) === type).length === 1) {
      throw organizationsErrors.constraintViolation('You cannot remove the last service control policy attached to a root, OU, or account.');
    }
    org.attachments[request.targetId] = list.filter((id) => id !== request.policyId);
    return {};
  },
};
