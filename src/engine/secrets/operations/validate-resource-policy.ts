import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { secretIdSchema } from '../schemas.ts';
import { requireSecret, secretTarget } from '../store.ts';

const input = z.object({ secretId: secretIdSchema.optional(), resourcePolicy: z.string().min(1).max(20480) });

/**
 * Runs the checks the console runs before attaching a policy: syntax and broad access. Findings come back as
 * ValidationErrors with PolicyValidationPassed=false; only an unknown SecretId is an error.
 */
export function validateResourcePolicy(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'ValidateResourcePolicy',
    readOnly: true,
    input,
    resolve(ctx, request) {
      if (request.secretId === undefined) return { resourceArn: '*', resourceAccountId: ctx.principal.accountId };
      return secretTarget(requireSecret(ctx, request.secretId));
    },
    execute(_ctx, request) {
      const checked = deps.policies.check(request.resourcePolicy);
      const validationErrors = [
        ...checked.errors.map((e) => ({ checkName: 'SYNTAX_CHECK', errorMessage: `${e.message} (line ${e.line}, column ${e.column})` })),
        ...checked.broad.map((b) => ({
          checkName: 'BROAD_ACCESS_CHECK',
          errorMessage: `Statement ${b.sid ?? b.index} grants access to a wildcard principal with no condition that limits who can use it, so the resource policy grants broad access to the secret.`,
        })),
      ];
      return { policyValidationPassed: validationErrors.length === 0, validationErrors };
    },
  };
}
