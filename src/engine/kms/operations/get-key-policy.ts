import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { keyIdSchema, policyNameSchema } from '../schemas.ts';
import { resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, policyName: policyNameSchema.optional() });

/**
 * A key has exactly one key policy, named `default` (PolicyName is optional and defaults to it). Readable in every key
 * state, AWS managed keys included (their policy lets the account read it). Cross-account use: no.
 */
export const getKeyPolicy: OperationDefinition<z.infer<typeof input>, { policy: string; policyName: string }, KeyTarget> = {
  service: 'kms',
  name: 'GetKeyPolicy',
  readOnly: true,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    if ((request.policyName ?? 'default') !== 'default') throw kmsErrors.policyNotFound();
    return { policy: key.policy, policyName: 'default' };
  },
};
