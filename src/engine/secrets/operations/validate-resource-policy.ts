import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { isServiceError } from '../../errors.ts';
import { broadStatements, parseResourcePolicy } from '../resource-policy.ts';
import { secretIdSchema } from '../schemas.ts';
import { requireSecret, secretTarget } from '../store.ts';

const input = z.object({ secretId: secretIdSchema.optional(), resourcePolicy: z.string().min(1).max(20480) });

/**
 * Runs the checks the console runs before attaching a policy: syntax and broad access. Findings come back as
 * ValidationErrors with PolicyValidationPassed=false; only an unknown SecretId is an error.
 */
export function validateResourcePolicy(): OperationDefinition<z.infer<typeof input>> {
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
      const validationErrors: { checkName: string; errorMessage: string }[] = [];
      try {
        const statements = parseResourcePolicy(request.resourcePolicy);
        for (const index of broadStatements(statements)) {
          validationErrors.push({
            checkName: 'BROAD_ACCESS',
            errorMessage: `Statement ${index + 1} grants access to a wildcard principal without a condition that limits who can use it. The resource policy grants broad access to the secret.`,
          });
        }
      } catch (error) {
        if (!isServiceError(error)) throw error;
        validationErrors.push({ checkName: 'SYNTAX', errorMessage: error.message });
      }
      return { policyValidationPassed: validationErrors.length === 0, validationErrors };
    },
  };
}
