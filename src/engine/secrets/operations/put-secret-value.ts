import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import type { SecretsDeps } from '../deps.ts';
import { secretsErrors } from '../errors.ts';
import {
  clientRequestTokenSchema,
  SENSITIVE_MEMBERS,
  secretBinarySchema,
  secretIdSchema,
  secretStringSchema,
  versionStagesSchema,
} from '../schemas.ts';
import { resolveSecret, writableSecret } from '../store.ts';
import { valueFromInput } from '../values.ts';
import { addVersion } from '../versioning.ts';

const input = z.object({
  secretId: secretIdSchema,
  clientRequestToken: clientRequestTokenSchema.optional(),
  secretString: secretStringSchema.optional(),
  secretBinary: secretBinarySchema.optional(),
  versionStages: versionStagesSchema.optional(),
  rotationToken: z.string().min(36).max(256).regex(/^[a-zA-Z0-9-]+$/).optional(),
});

/**
 * A new version. Without VersionStages it becomes AWSCURRENT (and the old current AWSPREVIOUS); with VersionStages
 * it gets exactly those labels and AWSCURRENT stays where it is, unless listed.
 */
export function putSecretValue(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'PutSecretValue',
    readOnly: false,
    input,
    idempotencyToken: 'clientRequestToken',
    sensitive: SENSITIVE_MEMBERS,
    precheck(raw) {
      if (raw.clientRequestToken === undefined) throw secretsErrors.missingToken('InvalidRequestException');
    },
    resolve: resolveSecret,
    execute(ctx, request, target) {
      const secret = writableSecret(target);
      if (secret.accountId !== ctx.principal.accountId && secret.kmsKeyId === undefined) throw secretsErrors.defaultKeyCrossAccount();
      const value = valueFromInput(request);
      if (!value) throw secretsErrors.noValue();
      const { version } = addVersion(ctx, deps, secret, request.clientRequestToken!, value, request.versionStages);
      return { arn: secret.arn, name: secret.name, versionId: version.versionId, versionStages: [...version.stages] };
    },
  };
}
