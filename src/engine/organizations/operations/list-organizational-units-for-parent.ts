import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { requireManagementAccount } from '../store.ts';

const input = z.object({ parentId: z.string(), nextToken: z.string().optional(), maxResults: z.number().int().min(1).max(20).optional() });

export const listOrganizationalUnitsForParent: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'ListOrganizationalUnitsForParent',
  readOnly: true,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    if (request.parentId !== org.root.id && !org.ous[request.parentId]) throw organizationsErrors.parentNotFound();
    const ous = Object.values(org.ous).filter((ou) => ou.parentId === request.parentId);
    return { organizationalUnits: ous.map((ou) => ({ id: ou.id, arn: ou.arn, name: ou.name })) };
  },
};
