import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { aliasArn, peekRegionState } from '../keys.ts';
import { aliasNameSchema } from '../schemas.ts';
import type { KmsAlias } from '../state.ts';
import { assertCustomerAliasName } from '../targets.ts';

const input = z.object({ aliasName: aliasNameSchema });

/**
 * Deletes an alias and leaves its key alone. Allowed whatever the key's state; needs kms:DeleteAlias on the alias and
 * on its key. AWS managed aliases (alias/aws/...) cannot be deleted.
 */
export const deleteAlias: OperationDefinition<z.infer<typeof input>, Record<string, never>, KmsAlias> = {
  service: 'kms',
  name: 'DeleteAlias',
  readOnly: false,
  input,
  resolve(ctx, request) {
    assertCustomerAliasName(request.aliasName);
    const arn = aliasArn(ctx.region, ctx.principal.accountId, request.aliasName);
    const alias = peekRegionState(ctx.world, ctx.principal.accountId, ctx.region)?.aliases[request.aliasName];
    if (!alias) throw kmsErrors.aliasNotFound(arn);
    return { resourceArn: arn, resourceAccountId: ctx.principal.accountId, resource: alias };
  },
  execute(ctx, request, target) {
    const alias = target.resource as KmsAlias;
    const state = peekRegionState(ctx.world, ctx.principal.accountId, ctx.region);
    const key = state?.keys[alias.targetKeyId];
    if (key) {
      ctx.requirePermission({ action: 'kms:DeleteAlias', resourceArn: key.arn, resourceAccountId: key.accountId, context: {} });
    }
    delete state?.aliases[request.aliasName];
    return {};
  },
};
