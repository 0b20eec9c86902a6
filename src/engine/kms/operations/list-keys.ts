import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { peekRegionState } from '../keys.ts';
import { paginate } from '../pagination.ts';
import { limitSchema, markerSchema } from '../schemas.ts';

const input = z.object({ limit: limitSchema.optional(), marker: markerSchema.optional() });

interface ListKeysOutput {
  keys: { keyId: string; keyArn: string }[];
  truncated: boolean;
  nextMarker?: string;
}

/**
 * Every key of the caller's account in the Region, whatever its state (pending deletion included) and whoever
 * manages it; AWS managed keys appear once created. Limit defaults to 100.
 */
export const listKeys: OperationDefinition<z.infer<typeof input>, ListKeysOutput> = {
  service: 'kms',
  name: 'ListKeys',
  readOnly: true,
  input,
  execute(ctx, request) {
    const keys = Object.values(peekRegionState(ctx.world, ctx.principal.accountId, ctx.region)?.keys ?? {})
      .slice()
      .sort((a, b) => a.creationDate - b.creationDate)
      .map((key) => ({ keyId: key.keyId, keyArn: key.arn }));
    const { page, ...rest } = paginate(keys, `ListKeys:${ctx.principal.accountId}:${ctx.region}`, request.limit ?? 100, request.marker);
    return { keys: page, ...rest };
  },
};
