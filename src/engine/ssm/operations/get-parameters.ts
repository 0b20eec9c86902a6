import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SsmDeps } from '../deps.ts';
import { meterAdvancedInteraction } from '../billing.ts';
import type { Parameter } from '../state.ts';
import { parameterOutput } from '../describe.ts';
import { parameterNameSchema, SENSITIVE } from '../schemas.ts';
import { findParameter, requestedArn } from '../store.ts';

const input = z.object({ names: z.array(parameterNameSchema).min(1).max(10), withDecryption: z.boolean().optional() });

/**
 * Up to ten parameters at once. Names that do not exist come back in InvalidParameters instead of failing the call;
 * the caller needs ssm:GetParameters on every parameter named, as AWS checks each one.
 */
export function getParameters(deps: SsmDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'ssm',
    name: 'GetParameters',
    readOnly: true,
    input,
    sensitive: SENSITIVE,
    resolve(ctx, { names }) {
      return { resourceArn: requestedArn(ctx, names[0]!), resourceAccountId: ctx.principal.accountId };
    },
    execute(ctx, { names, withDecryption }) {
      const parameters = [];
      const found: Parameter[] = [];
      const invalidParameters: string[] = [];
      for (const name of [...new Set(names)]) {
        ctx.requirePermission({ action: 'ssm:GetParameters', resourceArn: requestedArn(ctx, name), resourceAccountId: ctx.principal.accountId, context: {} });
        const parameter = findParameter(ctx, name);
        if (parameter) {
          found.push(parameter);
          parameters.push(parameterOutput(ctx, deps, parameter, withDecryption ?? false));
        }
        else invalidParameters.push(name);
      }
      meterAdvancedInteraction(ctx, found);
      return { parameters, invalidParameters };
    },
  };
}
