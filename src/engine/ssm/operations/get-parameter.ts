import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SsmDeps } from '../deps.ts';
import { meterAdvancedInteraction } from '../billing.ts';
import { parameterOutput } from '../describe.ts';
import { parameterNameSchema, SENSITIVE } from '../schemas.ts';
import { isSecretReference, readSecretReference } from '../secret-reference.ts';
import { requestedArn, requireParameter } from '../store.ts';

const input = z.object({ name: parameterNameSchema, withDecryption: z.boolean().optional() });

export function getParameter(deps: SsmDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'ssm',
    name: 'GetParameter',
    readOnly: true,
    input,
    sensitive: SENSITIVE,
    resolve(ctx, { name }) {
      return { resourceArn: requestedArn(ctx, name), resourceAccountId: ctx.principal.accountId };
    },
    execute(ctx, { name, withDecryption }) {
      if (isSecretReference(name)) return { parameter: readSecretReference(ctx, deps, name, withDecryption ?? false) };
      const parameter = requireParameter(ctx, name);
      meterAdvancedInteraction(ctx, [parameter]);
      return { parameter: parameterOutput(ctx, deps, parameter, withDecryption ?? false) };
    },
  };
}
