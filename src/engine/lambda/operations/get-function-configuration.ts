import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { functionConfiguration } from '../describe.ts';
import { functionNameSchema } from '../schemas.ts';
import { resolveFunction, type LambdaTarget } from '../resolve.ts';

const input = z.object({ functionName: functionNameSchema });

export const getFunctionConfiguration: OperationDefinition<z.infer<typeof input>, unknown, LambdaTarget> = {
  service: 'lambda',
  name: 'GetFunctionConfiguration',
  readOnly: true,
  input,
  resolve: resolveFunction,
  execute(_ctx, _request, target) {
    return functionConfiguration(target.resource!);
  },
};
