import type { OperationContext, ResolvedTarget } from '../kernel/index.ts';
import type { LambdaFunction } from './state.ts';
import { findFunction, functionArn, lambdaErrors } from './store.ts';

export type LambdaTarget = LambdaFunction;

export function resolveFunction(ctx: OperationContext, input: { functionName: string }): ResolvedTarget<LambdaFunction> {
  const fn = findFunction(ctx.world, input.functionName, ctx.principal.accountId, ctx.region);
  if (!fn) {
    const arn = input.functionName.startsWith('arn:') ? input.functionName : functionArn(ctx.region, ctx.principal.accountId, input.functionName);
    throw lambdaErrors.notFound(arn);
  }
  return { resourceArn: fn.functionArn, resourceAccountId: fn.accountId, resource: fn };
}
