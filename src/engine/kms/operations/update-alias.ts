import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { aliasArn, peekRegionState } from '../keys.ts';
import { aliasNameSchema, keyIdSchema } from '../schemas.ts';
import type { KmsAlias, KmsKey } from '../state.ts';
import { assertCustomerAliasName, assertCustomerManaged, findAliasTargetKey } from '../targets.ts';

const input = z.object({ aliasName: aliasNameSchema, targetKeyId: keyIdSchema });

/**
 * Points an existing alias at another customer managed key of the same account and Region. Needs kms:UpdateAlias on
 * the alias, the current key and the new key. The current key may be in any state; the new one may not be pending
 * deletion (key-state table, note 10).
 */
export const updateAlias: OperationDefinition<
  z.infer<typeof input>,
  Record<string, never>,
  { alias: KmsAlias; key: KmsKey }
> = {
  service: 'kms',
  name: 'UpdateAlias',
  readOnly: false,
  input,
  resolve(ctx, request) {
    assertCustomerAliasName(request.aliasName);
    const arn = aliasArn(ctx.region, ctx.principal.accountId, request.aliasName);
    const alias = peekRegionState(ctx.world, ctx.principal.accountId, ctx.region)?.aliases[request.aliasName];
    if (!alias) throw kmsErrors.aliasNotFound(arn);
    const key = findAliasTargetKey(ctx, request.targetKeyId);
    return { resourceArn: arn, resourceAccountId: ctx.principal.accountId, resource: { alias, key } };
  },
  execute(ctx, _request, target) {
    const { alias, key } = target.resource as { alias: KmsAlias; key: KmsKey };
    const current = peekRegionState(ctx.world, ctx.principal.accountId, ctx.region)?.keys[alias.targetKeyId];
    assertCustomerManaged(ctx, key, 'kms:UpdateAlias');
    for (const k of current ? [current, key] : [key]) {
      ctx.requirePermission({ action: 'kms:UpdateAlias', resourceArn: k.arn, resourceAccountId: k.accountId, context: {} });
    }
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    alias.targetKeyId = key.keyId;
    alias.lastUpdatedDate = ctx.now;
    return {};
  },
};
