import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import type { Organization } from '../state.ts';
import { ids, organizationOf, organizationsState } from '../store.ts';
import { organizationOutput } from './shapes.ts';

const input = z.object({ featureSet: z.enum(['ALL', 'CONSOLIDATED_BILLING']).optional() });

/**
 * The calling account creates an organization and becomes its management account. Other accounts join by
 * invitation (InviteAccountToOrganization, then AcceptHandshake) or are created in it (CreateAccount).
 */
export const createOrganization: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'CreateOrganization',
  readOnly: false,
  input,
  execute(ctx, request) {
    const accountId = ctx.principal.accountId;
    if (organizationOf(ctx.world, accountId)) throw organizationsErrors.alreadyInOrganization();
    const id = ids.organization(ctx.rng);
    const rootId = ids.root(ctx.rng);
    const name = ctx.world.accounts[accountId]?.name ?? accountId;
    const org: Organization = {
      id,
      arn: `arn:aws:organizations::${accountId}:organization/${id}`,
      masterAccountId: accountId,
      featureSet: request.featureSet ?? 'ALL',
      root: { id: rootId, arn: `arn:aws:organizations::${accountId}:root/${id}/${rootId}`, name: 'Root', policyTypes: [] },
      ous: {},
      accounts: {
        [accountId]: {
          id: accountId,
          arn: `arn:aws:organizations::${accountId}:account/${id}/${accountId}`,
          name,
          email: emailFor(accountId),
          parentId: rootId,
          joinedMethod: 'CREATED',
          joinedTimestamp: ctx.now,
        },
      },
      policies: {},
      attachments: {},
    };
    organizationsState(ctx.world).organizations[id] = org;
    return { organization: organizationOutput(org, emailFor(accountId)) };
  },
};

/** Simulated accounts have a made-up root email on a reserved domain. */
export function emailFor(accountId: string): string {
  return `aws+${accountId}@example.com`;
}
