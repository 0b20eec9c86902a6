import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { checkKeyPolicy } from '../policy-check.ts';
import { keyIdSchema, policyNameSchema, policySchema } from '../schemas.ts';
import { assertCustomerManaged, resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({
  keyId: keyIdSchema,
  policyName: policyNameSchema.optional(),
  policy: policySchema,
  bypassPolicyLockoutSafetyCheck: z.boolean().optional(),
});

/**
 * Replaces the key policy (the only one, `default`). KMS rejects a document it cannot parse, principals it does not
 * recognise, and, unless BypassPolicyLockoutSafetyCheck is true, a policy that would stop the caller from changing it
 * again. Allowed in every key state; AWS managed keys' policies cannot be changed. Cross-account use: no.
 */
export const putKeyPolicy: OperationDefinition<z.infer<typeof input>, Record<string, never>, KeyTarget> = {
  service: 'kms',
  name: 'PutKeyPolicy',
  readOnly: false,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    assertCustomerManaged(ctx, key, 'kms:PutKeyPolicy');
    if ((request.policyName ?? 'default') !== 'default') throw kmsErrors.policyNotFound();
    checkKeyPolicy(request.policy, ctx.principal, request.bypassPolicyLockoutSafetyCheck ?? false);
    key.policy = request.policy;
    return {};
  },
};
