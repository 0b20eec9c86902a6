import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { secretsErrors } from '../errors.ts';
import type { SecretsDeps } from '../deps.ts';
import { malformedPolicyError } from '../resource-policy.ts';
import { secretIdSchema } from '../schemas.ts';
import { resolveSecret, writableSecret } from '../store.ts';

const input = z.object({
  secretId: secretIdSchema,
  resourcePolicy: z.string().min(1).max(20480),
  blockPublicPolicy: z.boolean().optional(),
});

/**
 * Attaches (replaces) the secret's resource policy. Broad policies are accepted unless BlockPublicPolicy is true:
 * the default is not to block, which is why the console validates first.
 */
export function putResourcePolicy(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'PutResourcePolicy',
    readOnly: false,
    input,
    resolve: resolveSecret,
    execute(ctx, request, target) {
      const secret = writableSecret(target);
      const checked = deps.policies.check(request.resourcePolicy);
      if (checked.errors.length > 0) throw malformedPolicyError(checked.errors);
      if (request.blockPublicPolicy && checked.broad.length > 0) throw secretsErrors.publicPolicy();
      secret.resourcePolicy = request.resourcePolicy;
      secret.lastChangedDate = ctx.now;
      return { arn: secret.arn, name: secret.name };
    },
  };
}
