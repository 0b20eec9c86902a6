import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { functionConfiguration } from '../describe.ts';
import { codeSchema, functionNameSchema, memorySizeSchema, timeoutSchema, vpcConfigInputSchema } from '../schemas.ts';
import { functionArn, lambdaErrors, regionFunctions } from '../store.ts';

const input = z.object({
  functionName: functionNameSchema.regex(/^[A-Za-z0-9_-]+$/),
  role: z.string().regex(/^arn:aws:iam::\d{12}:role\/.+$/),
  runtime: z.string().default('python3.12'),
  handler: z.string().default('lambda_function.lambda_handler'),
  code: codeSchema,
  description: z.string().max(256).default(''),
  timeout: timeoutSchema.default(3),
  memorySize: memorySizeSchema.default(128),
  vpcConfig: vpcConfigInputSchema.optional(),
});

/**
 * Creates a function. SecretsLab runs no uploaded code: a function's code is one of Secrets Manager's rotation
 * templates (what the console deploys from the Serverless Application Repository). Defaults are Lambda's: 3 s
 * timeout, 128 MB. A function in a VPC starts with no route to Secrets Manager, as a new private subnet has none.
 */
export const createFunction: OperationDefinition<z.infer<typeof input>> = {
  service: 'lambda',
  name: 'CreateFunction',
  readOnly: false,
  input,
  resolve(ctx, { functionName }) {
    return { resourceArn: functionArn(ctx.region, ctx.principal.accountId, functionName), resourceAccountId: ctx.principal.accountId };
  },
  execute(ctx, request) {
    const functions = regionFunctions(ctx.world, ctx.principal.accountId, ctx.region);
    if (functions[request.functionName]) throw lambdaErrors.exists(request.functionName);
    const inVpc = (request.vpcConfig?.subnetIds?.length ?? 0) > 0;
    const fn = {
      functionName: request.functionName,
      functionArn: functionArn(ctx.region, ctx.principal.accountId, request.functionName),
      accountId: ctx.principal.accountId,
      region: ctx.region,
      role: request.role,
      runtime: request.runtime,
      handler: request.handler,
      description: request.description,
      timeout: request.timeout,
      memorySize: request.memorySize,
      lastModified: ctx.now,
      template: request.code.rotationTemplate,
      ...(inVpc ? { vpcConfig: { subnetIds: request.vpcConfig!.subnetIds ?? [], securityGroupIds: request.vpcConfig!.securityGroupIds ?? [] } } : {}),
      network: inVpc ? { secretsManagerRoute: 'none' as const, databaseRoute: true } : { secretsManagerRoute: 'nat' as const, databaseRoute: false },
      permissions: [],
    };
    functions[request.functionName] = fn;
    return functionConfiguration(fn);
  },
};
