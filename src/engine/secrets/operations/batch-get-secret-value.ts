import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { isServiceError } from '../../errors.ts';
import type { SecretsDeps } from '../deps.ts';
import { secretsErrors } from '../errors.ts';
import { paginate } from '../pagination.ts';
import { filtersSchema, nextTokenSchema, SENSITIVE_MEMBERS, secretIdSchema } from '../schemas.ts';
import { requireSecret } from '../store.ts';
import { readSecretValue } from './get-secret-value.ts';
import { selectSecrets } from './list-secrets.ts';

const input = z.object({
  secretIdList: z.array(secretIdSchema).min(1).max(20).optional(),
  filters: filtersSchema.optional(),
  maxResults: z.number().int().min(1).max(20).optional(),
  nextToken: nextTokenSchema.optional(),
});

/**
 * Up to 20 values in one call, by id list or by filters (never both). Each secret is authorized as a
 * GetSecretValue of its own; a secret that cannot be read is an entry in Errors and the call still succeeds.
 */
export function batchGetSecretValue(deps: SecretsDeps): OperationDefinition<z.infer<typeof input>> {
  return {
    service: 'secretsmanager',
    name: 'BatchGetSecretValue',
    readOnly: true,
    input,
    sensitive: SENSITIVE_MEMBERS,
    execute(ctx, request) {
      const byList = request.secretIdList !== undefined;
      if (byList === (request.filters !== undefined)) {
        throw secretsErrors.invalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
      }
      if (request.maxResults !== undefined && !request.filters) {
        throw secretsErrors.invalidParameter("'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.");
      }
      let ids: string[];
      let nextToken: string | undefined;
      if (request.secretIdList) {
        ids = request.secretIdList;
      } else {
        ctx.requirePermission({ action: 'secretsmanager:ListSecrets', resourceArn: '*', resourceAccountId: ctx.principal.accountId, context: {} });
        const selected = selectSecrets(ctx, { filters: request.filters });
        const page = paginate(selected, `batch:${JSON.stringify(request.filters)}`, request.maxResults, request.nextToken, 20);
        ids = page.page.map((s) => s.arn);
        nextToken = page.nextToken;
      }
      const secretValues: ReturnType<typeof readSecretValue>[] = [];
      const errors: { secretId: string; errorCode: string; message: string }[] = [];
      for (const secretId of ids) {
        try {
          const secret = requireSecret(ctx, secretId);
          ctx.requirePermission({ action: 'secretsmanager:GetSecretValue', resourceArn: secret.arn, resourceAccountId: secret.accountId, context: {} });
          secretValues.push(readSecretValue(ctx, deps, secret));
        } catch (error) {
          if (!isServiceError(error)) throw error;
          errors.push({ secretId, errorCode: error.code, message: error.message });
        }
      }
      return { secretValues, errors, ...(nextToken ? { nextToken } : {}) };
    },
  };
}
