import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { secretsErrors } from '../errors.ts';
import { clientRequestTokenSchema, secretIdSchema } from '../schemas.ts';
import { AWSCURRENT, AWSPENDING, versionWithLabel } from '../staging-labels.ts';
import { resolveSecret, writableSecret } from '../store.ts';

const input = z.object({
  secretId: secretIdSchema,
  clientRequestToken: clientRequestTokenSchema.optional(),
  rotationLambdaARN: z.string().max(2048).optional(),
  rotationRules: z
    .object({
      automaticallyAfterDays: z.number().int().min(1).max(1000).optional(),
      duration: z.string().min(2).max(3).regex(/^[0-9]+h$/).optional(),
      scheduleExpression: z.string().min(1).max(256).optional(),
    })
    .optional(),
  rotateImmediately: z.boolean().optional(),
});

/**
 * Configures rotation and starts a run. The checks here are the API's; the four-step run itself belongs to the
 * rotation engine behind SecretsDeps.rotation. A refused call saves no configuration (AWS shows no rotation
 * fields afterwards).
 */
export function rotateSecret(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'RotateSecret',
    readOnly: false,
    input,
    idempotencyToken: 'clientRequestToken',
    precheck(raw) {
      // RotateSecret answers a missing token with InvalidParameterException, unlike the other three operations.
      if (raw.clientRequestToken === undefined) throw secretsErrors.missingToken('InvalidParameterException');
    },
    resolve: resolveSecret,
    execute(ctx, request, target) {
      const secret = writableSecret(target);
      const rules = request.rotationRules;
      if (rules?.automaticallyAfterDays !== undefined && rules.scheduleExpression !== undefined) {
        throw secretsErrors.invalidParameter("You can't specify both AutomaticallyAfterDays and ScheduleExpression.");
      }
      if (rules) deps.rotation.validateRules?.(rules);
      const functionArn = request.rotationLambdaARN ?? secret.rotation?.lambdaArn;
      if (!functionArn && secret.owningService === undefined) throw secretsErrors.noRotationLambda();
      const pending = versionWithLabel(secret, AWSPENDING);
      if (pending && !pending.stages.includes(AWSCURRENT) && pending.versionId !== request.clientRequestToken) {
        throw secretsErrors.invalidRequest("A previous rotation isn't complete. That rotation will be reattempted.");
      }
      if (functionArn && !deps.rotation.canInvoke(ctx, functionArn)) {
        throw secretsErrors.cannotInvokeLambda();
      }
      secret.rotation = {
        ...secret.rotation,
        enabled: true,
        ...(functionArn ? { lambdaArn: functionArn } : {}),
        ...(rules ? { rules } : secret.rotation?.rules ? { rules: secret.rotation.rules } : {}),
      };
      secret.lastChangedDate = ctx.now;
      const token = request.clientRequestToken!;
      deps.rotation.start(ctx, secret, token, request.rotateImmediately ?? true);
      return { arn: secret.arn, name: secret.name, versionId: token };
    },
  };
}
