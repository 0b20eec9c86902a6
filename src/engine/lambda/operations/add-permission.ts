import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { resolveFunction, type LambdaTarget } from '../resolve.ts';
import { functionNameSchema } from '../schemas.ts';
import { lambdaErrors } from '../store.ts';

const input = z.object({
  functionName: functionNameSchema,
  statementId: z.string().min(1).max(100).regex(/^[a-zA-Z0-9-_]+$/),
  action: z.string(),
  principal: z.string(),
  sourceAccount: z.string().regex(/^\d{12}$/).optional(),
});

/**
 * Adds a statement to the function's resource-based policy. Secrets Manager can invoke a rotation function only
 * once this grants lambda:InvokeFunction to secretsmanager.amazonaws.com.
 */
export const addPermission: OperationDefinition<z.infer<typeof input>, unknown, LambdaTarget> = {
  service: 'lambda',
  name: 'AddPermission',
  readOnly: false,
  input,
  resolve: resolveFunction,
  execute(_ctx, request, target) {
    const fn = target.resource!;
    if (fn.permissions.some((p) => p.sid === request.statementId)) throw lambdaErrors.statementExists(request.statementId);
    const permission = { sid: request.statementId, principal: request.principal, action: request.action, ...(request.sourceAccount ? { sourceAccount: request.sourceAccount } : {}) };
    fn.permissions.push(permission);
    const statement = {
      Sid: request.statementId,
      Effect: 'Allow',
      Principal: { Service: request.principal },
      Action: request.action,
      Resource: fn.functionArn,
      ...(request.sourceAccount ? { Condition: { StringEquals: { 'AWS:SourceAccount': request.sourceAccount } } } : {}),
    };
    return { statement: JSON.stringify(statement) };
  },
};
