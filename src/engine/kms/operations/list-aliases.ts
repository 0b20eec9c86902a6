import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { aliasArn, peekRegionState } from '../keys.ts';
import { paginate } from '../pagination.ts';
import { keyIdSchema, limitSchema, markerSchema } from '../schemas.ts';
import { PREDEFINED_AWS_ALIASES, findTargetKey } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema.optional(), limit: limitSchema.optional(), marker: markerSchema.optional() });

interface AliasListEntry {
  aliasName: string;
  aliasArn: string;
  targetKeyId?: string;
  creationDate?: number;
  lastUpdatedDate?: number;
}

interface ListAliasesOutput {
  aliases: AliasListEntry[];
  truncated: boolean;
  nextMarker?: string;
}

/**
 * The account's aliases in the Region, AWS managed ones included. A predefined AWS alias whose key does not exist yet
 * is listed with no TargetKeyId (ListAliases API reference). With KeyId (key id or key ARN of the caller's account),
 * only that key's aliases. Limit defaults to 50; KMS returns at most 100 per page.
 */
export const listAliases: OperationDefinition<z.infer<typeof input>, ListAliasesOutput> = {
  service: 'kms',
  name: 'ListAliases',
  readOnly: true,
  input,
  resolve(ctx, request) {
    if (request.keyId !== undefined) findTargetKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false });
    return { resourceArn: '*', resourceAccountId: ctx.principal.accountId };
  },
  execute(ctx, request) {
    const accountId = ctx.principal.accountId;
    const state = peekRegionState(ctx.world, accountId, ctx.region);
    const filterKeyId = request.keyId
      ? findTargetKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }).key?.keyId
      : undefined;
    const entries: AliasListEntry[] = Object.values(state?.aliases ?? {})
      .filter((alias) => filterKeyId === undefined || alias.targetKeyId === filterKeyId)
      .map((alias) => ({
        aliasName: alias.aliasName,
        aliasArn: alias.aliasArn,
        targetKeyId: alias.targetKeyId,
        creationDate: alias.creationDate,
        lastUpdatedDate: alias.lastUpdatedDate,
      }));
    if (filterKeyId === undefined) {
      for (const name of PREDEFINED_AWS_ALIASES) {
        if (!state?.aliases[name]) entries.push({ aliasName: name, aliasArn: aliasArn(ctx.region, accountId, name) });
      }
    }
    entries.sort((a, b) => (a.aliasName < b.aliasName ? -1 : a.aliasName > b.aliasName ? 1 : 0));
    const limit = Math.min(request.limit ?? 50, 100);
    const scope = `ListAliases:${accountId}:${ctx.region}:${filterKeyId ?? ''}`;
    const { page, ...rest } = paginate(entries, scope, limit, request.marker);
    return { aliases: page, ...rest };
  },
};
