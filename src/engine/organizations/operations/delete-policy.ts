import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { ServiceError } from '../../errors.ts';
import { organizationsErrors } from '../errors.ts';
import { requireManagementAccount } from '../store.ts';

const input = z.object({ policyId: z.string() });

/** Deletes a customer policy that is attached nowhere; AWS managed policies cannot be deleted. */
export const deletePolicy: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'DeletePolicy',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    if (!org.policies[request.policyId]) throw organizationsErrors.policyNotFound();
    if (Object.values(org.attachments).some((list) => list.includes(request.policyId))) {
      throw new ServiceError(
        'PolicyInUseException',
        'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.',
      );
    }
    delete org.policies[request.policyId];
    return {};
  },
};
