import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { kmsErrors } from '../errors.ts';
import { aliasArn, regionState } from '../keys.ts';
import { aliasNameSchema, keyIdSchema } from '../schemas.ts';
import type { KmsKey } from '../state.ts';
import { assertCustomerAliasName, assertCustomerManaged, findAliasTargetKey } from '../targets.ts';

const input = z.object({ aliasName: aliasNameSchema, targetKeyId: keyIdSchema });

/**
 * An alias is unique per account and Region, names one customer managed key of the same account and Region, and needs
 * kms:CreateAlias on both the alias (IAM policy) and the key (key policy). A key pending deletion cannot get a new
 * alias (key-state table: "is pending deletion."); a disabled key can.
 */
export const createAlias: OperationDefinition<z.infer<typeof input>, Record<string, never>, KmsKey> = {
  service: 'kms',
  name: 'CreateAlias',
  readOnly: false,
  input,
  resolve(ctx, request) {
    assertCustomerAliasName(request.aliasName);
    const key = findAliasTargetKey(ctx, request.targetKeyId);
    return {
      resourceArn: aliasArn(ctx.region, ctx.principal.accountId, request.aliasName),
      resourceAccountId: ctx.principal.accountId,
      resource: key,
      context: { 'kms:CallerAccount': ctx.principal.accountId },
    };
  },
  execute(ctx, request, target) {
    const key = target.resource as KmsKey;
    const state = regionState(ctx.world, ctx.principal.accountId, ctx.region);
    if (state.aliases[request.aliasName]) throw kmsErrors.alreadyExists(target.resourceArn);
    assertCustomerManaged(ctx, key, 'kms:CreateAlias');
    ctx.requirePermission({ action: 'kms:CreateAlias', resourceArn: key.arn, resourceAccountId: key.accountId, context: {} });
    if (key.keyState === 'PendingDeletion') throw kmsErrors.pendingDeletion(key.arn);
    state.aliases[request.aliasName] = {
      aliasName: request.aliasName,
      aliasArn: target.resourceArn,
      targetKeyId: key.keyId,
      creationDate: ctx.now,
      lastUpdatedDate: ctx.now,
    };
    return {};
  },
};
