import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { resolveFunction, type LambdaTarget } from '../resolve.ts';
import { functionNameSchema } from '../schemas.ts';
import { regionFunctions } from '../store.ts';

const input = z.object({ functionName: functionNameSchema });

export const deleteFunction: OperationDefinition<z.infer<typeof input>, unknown, LambdaTarget> = {
  service: 'lambda',
  name: 'DeleteFunction',
  readOnly: false,
  input,
  resolve: resolveFunction,
  execute(ctx, _request, target) {
    const fn = target.resource!;
    delete regionFunctions(ctx.world, fn.accountId, fn.region)[fn.functionName];
    return {};
  },
};
