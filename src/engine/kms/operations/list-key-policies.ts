import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { keyIdSchema, limitSchema, markerSchema } from '../schemas.ts';
import { resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, limit: limitSchema.optional(), marker: markerSchema.optional() });

/** Every KMS key has one key policy, named `default`, so the list is always that one name. */
export const listKeyPolicies: OperationDefinition<
  z.infer<typeof input>,
  { policyNames: string[]; truncated: boolean },
  KeyTarget
> = {
  service: 'kms',
  name: 'ListKeyPolicies',
  readOnly: true,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, _request, target) {
    targetKey(ctx, target);
    return { policyNames: ['default'], truncated: false };
  },
};
