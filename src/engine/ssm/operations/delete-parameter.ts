import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { parameterNameSchema } from '../schemas.ts';
import { closeAdvancedSpan, meterAdvancedInteraction } from '../billing.ts';
import { regionParameters, requestedArn, requireParameter } from '../store.ts';

const input = z.object({ name: parameterNameSchema });

/** Deletes at once and for good: Parameter Store has no recovery window, unlike Secrets Manager. */
export function deleteParameter(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'ssm',
    name: 'DeleteParameter',
    readOnly: false,
    input,
    resolve(ctx, { name }) {
      return { resourceArn: requestedArn(ctx, name), resourceAccountId: ctx.principal.accountId };
    },
    execute(ctx, { name }) {
      const parameter = requireParameter(ctx, name);
      meterAdvancedInteraction(ctx, [parameter]);
      closeAdvancedSpan(ctx, parameter);
      delete regionParameters(ctx.world, parameter.accountId, parameter.region)[parameter.name];
      return {};
    },
  };
}
