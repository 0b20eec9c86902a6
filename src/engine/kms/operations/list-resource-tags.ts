import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { paginate } from '../pagination.ts';
import { keyIdSchema, markerSchema } from '../schemas.ts';
import type { KmsKey } from '../state.ts';
import { resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, limit: z.number().int().min(1).max(50).optional(), marker: markerSchema.optional() });

interface ListResourceTagsOutput {
  tags: KmsKey['tags'];
  truncated: boolean;
  nextMarker?: string;
}

/** A key's tags in any key state (Limit 1..50, default 50). Cross-account use: no. */
export const listResourceTags: OperationDefinition<z.infer<typeof input>, ListResourceTagsOutput, KeyTarget> = {
  service: 'kms',
  name: 'ListResourceTags',
  readOnly: true,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    const { page, ...rest } = paginate(key.tags, `ListResourceTags:${key.arn}`, request.limit ?? 50, request.marker);
    return { tags: page.map((tag) => ({ ...tag })), ...rest };
  },
};
