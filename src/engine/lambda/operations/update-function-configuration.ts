import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { functionConfiguration } from '../describe.ts';
import { resolveFunction, type LambdaTarget } from '../resolve.ts';
import { functionNameSchema, memorySizeSchema, timeoutSchema, vpcConfigInputSchema } from '../schemas.ts';

const input = z.object({
  functionName: functionNameSchema,
  timeout: timeoutSchema.optional(),
  memorySize: memorySizeSchema.optional(),
  description: z.string().max(256).optional(),
  role: z.string().regex(/^arn:aws:iam::\d{12}:role\/.+$/).optional(),
  vpcConfig: vpcConfigInputSchema.optional(),
});

/**
 * Changes timeout, memory, role or VPC placement. Moving a function into a VPC takes away its public route: it then
 * reaches Secrets Manager only through a VPC endpoint or a NAT gateway (set on the function's network).
 */
export const updateFunctionConfiguration: OperationDefinition<z.infer<typeof input>, unknown, LambdaTarget> = {
  service: 'lambda',
  name: 'UpdateFunctionConfiguration',
  readOnly: false,
  input,
  resolve: resolveFunction,
  execute(ctx, request, target) {
    const fn = target.resource!;
    if (request.timeout !== undefined) fn.timeout = request.timeout;
    if (request.memorySize !== undefined) fn.memorySize = request.memorySize;
    if (request.description !== undefined) fn.description = request.description;
    if (request.role !== undefined) fn.role = request.role;
    if (request.vpcConfig) {
      const subnets = request.vpcConfig.subnetIds ?? [];
      const wasInVpc = fn.vpcConfig !== undefined;
      if (subnets.length === 0) {
        delete fn.vpcConfig;
        fn.network = { secretsManagerRoute: 'nat', databaseRoute: false };
      } else {
        fn.vpcConfig = { subnetIds: subnets, securityGroupIds: request.vpcConfig.securityGroupIds ?? [] };
        if (!wasInVpc) fn.network = { secretsManagerRoute: 'none', databaseRoute: true };
      }
    }
    fn.lastModified = ctx.now;
    return functionConfiguration(fn);
  },
};
