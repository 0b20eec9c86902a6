import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { attachDefaults, ids, requireManagementAccount } from '../store.ts';

const input = z.object({ parentId: z.string().regex(/^(r-[0-9a-z]{4,32})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/), name: z.string().min(1).max(128) });

/** A new OU under the root or another OU; with SCPs or RCPs on, it starts with the AWS managed full-access policy. */
export const createOrganizationalUnit: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'CreateOrganizationalUnit',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    if (request.parentId !== org.root.id && !org.ous[request.parentId]) throw organizationsErrors.parentNotFound();
    if (Object.values(org.ous).some((ou) => ou.parentId === request.parentId && ou.name === request.name)) throw organizationsErrors.duplicateOu();
    const id = ids.ou(ctx.rng, org.root.id);
    const ou = { id, arn: `arn:aws:organizations::${org.masterAccountId}:ou/${org.id}/${id}`, name: request.name, parentId: request.parentId };
    org.ous[id] = ou;
    attachDefaults(org, id);
    return { organizationalUnit: { id: ou.id, arn: ou.arn, name: ou.name } };
  },
};
