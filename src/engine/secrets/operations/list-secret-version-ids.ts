import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { paginate } from '../pagination.ts';
import { maxResultsSchema, nextTokenSchema, secretIdSchema } from '../schemas.ts';
import { isDeprecated, versionsInOrder } from '../staging-labels.ts';
import type { Secret } from '../state.ts';
import { resolveSecret } from '../store.ts';

const input = z.object({
  secretId: secretIdSchema,
  maxResults: maxResultsSchema.optional(),
  nextToken: nextTokenSchema.optional(),
  includeDeprecated: z.boolean().optional(),
});

/**
 * Versions with their labels. Deprecated (unlabelled) versions appear only with IncludeDeprecated, and then without
 * a VersionStages key. KmsKeyIds says "DefaultEncryptionKey" for versions under aws/secretsmanager.
 */
export function listSecretVersionIds(): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'ListSecretVersionIds',
    readOnly: true,
    input,
    resolve: resolveSecret,
    execute(_ctx, request, target) {
      const secret = target.resource as Secret;
      const versions = versionsInOrder(secret)
        .filter((v) => request.includeDeprecated || !isDeprecated(v));
      const { page, nextToken } = paginate(versions, `versions:${secret.arn}`, request.maxResults, request.nextToken, 100);
      return {
        arn: secret.arn,
        name: secret.name,
        versions: page.map((v) => ({
          versionId: v.versionId,
          ...(isDeprecated(v) ? {} : { versionStages: [...v.stages] }),
          ...(v.lastAccessedDate !== undefined ? { lastAccessedDate: v.lastAccessedDate } : {}),
          createdDate: v.createdDate,
          kmsKeyIds: [v.kmsKeyId ?? 'DefaultEncryptionKey'],
        })),
        ...(nextToken ? { nextToken } : {}),
      };
    },
  };
}
