import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { paginate } from '../pagination.ts';
import { keyIdSchema, markerSchema } from '../schemas.ts';
import { resolveKey, targetKey, type KeyTarget } from '../targets.ts';

const input = z.object({ keyId: keyIdSchema, limit: z.number().int().min(1).max(1000).optional(), marker: markerSchema.optional() });

interface ListKeyRotationsOutput {
  rotations: { keyId: string; rotationDate: number; rotationType: 'AUTOMATIC' | 'ON_DEMAND' }[];
  truncated: boolean;
  nextMarker?: string;
}

/** Completed rotations of a key's material, oldest first (Limit 1..1000, default 100). Cross-account use: no. */
export const listKeyRotations: OperationDefinition<z.infer<typeof input>, ListKeyRotationsOutput, KeyTarget> = {
  service: 'kms',
  name: 'ListKeyRotations',
  readOnly: true,
  input,
  resolve: (ctx, request) => resolveKey(ctx, request.keyId, { accept: 'keyIdOrArn', crossAccount: false }),
  execute(ctx, request, target) {
    const key = targetKey(ctx, target);
    const rotations = key.material.flatMap((m) =>
      m.rotationType ? [{ keyId: key.arn, rotationDate: m.createdDate, rotationType: m.rotationType }] : [],
    );
    const { page, ...rest } = paginate(rotations, `ListKeyRotations:${key.arn}`, request.limit ?? 100, request.marker);
    return { rotations: page, ...rest };
  },
};
