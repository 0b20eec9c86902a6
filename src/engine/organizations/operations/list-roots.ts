import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { requireManagementAccount } from '../store.ts';
import { rootOutput } from './shapes.ts';

const input = z.object({ nextToken: z.string().optional(), maxResults: z.number().int().min(1).max(20).optional() });

export const listRoots: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'ListRoots',
  readOnly: true,
  input,
  execute(ctx) {
    return { roots: [rootOutput(requireManagementAccount(ctx))] };
  },
};
