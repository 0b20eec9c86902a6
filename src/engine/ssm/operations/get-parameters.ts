import { z } from 'zod';
import { ServiceError } from '../../errors.ts';
import type { OperationContext, OperationDefinition } from '../../kernel/index.ts';
import type { SsmDeps } from '../deps.ts';
import { meterAdvancedInteraction } from '../billing.ts';
import type { Parameter } from '../state.ts';
import { parameterOutput } from '../describe.ts';
import { parameterNameSchema, SENSITIVE } from '../schemas.ts';
import { isSecretReference, readSecretReference } from '../secret-reference.ts';
import { findParameter, requestedArn } from '../store.ts';

const input = z.object({ names: z.array(parameterNameSchema).min(1).max(10), withDecryption: z.boolean().optional() });

/** A reference to a secret that does not exist is an invalid name, as any other missing parameter. */
function referencedSecret(ctx: OperationContext, deps: SsmDeps, name: string, withDecryption: boolean) {
  try {
    return readSecretReference(ctx, deps, name, withDecryption);
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'ParameterNotFound') return undefined;
    throw error;
  }
}

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
      const parameters: object[] = [];
      const found: Parameter[] = [];
      const invalidParameters: string[] = [];
      for (const name of [...new Set(names)]) {
        ctx.requirePermission({ action: 'ssm:GetParameters', resourceArn: requestedArn(ctx, name), resourceAccountId: ctx.principal.accountId, context: {} });
        if (isSecretReference(name)) {
          const reference = referencedSecret(ctx, deps, name, withDecryption ?? false);
          if (reference) parameters.push(reference);
          else invalidParameters.push(name);
          continue;
        }
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
