import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { requireManagementAccount } from '../store.ts';
import { accountOutput } from './shapes.ts';

const input = z.object({ nextToken: z.string().optional(), maxResults: z.number().int().min(1).max(20).optional() });

export const listAccounts: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'ListAccounts',
  readOnly: true,
  input,
  execute(ctx) {
    const org = requireManagementAccount(ctx);
    return { accounts: Object.keys(org.accounts).map((id) => accountOutput(org, id)) };
  },
};
