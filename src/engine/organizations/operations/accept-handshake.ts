import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { attachDefaults, organizationOf, organizationsState } from '../store.ts';
import { emailFor } from './create-organization.ts';
import { handshakeOutput } from './invite-account-to-organization.ts';

const input = z.object({ handshakeId: z.string().regex(/^h-[0-9a-z]{8,32}$/) });

/** The invited account accepts and joins under the root, inheriting the root's SCPs and RCPs. */
export const acceptHandshake: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'AcceptHandshake',
  readOnly: false,
  input,
  execute(ctx, request) {
    const state = organizationsState(ctx.world);
    const handshake = state.handshakes[request.handshakeId];
    if (!handshake || handshake.targetAccountId !== ctx.principal.accountId) throw organizationsErrors.handshakeNotFound();
    if (handshake.state !== 'OPEN' || handshake.expirationTimestamp <= ctx.now) throw organizationsErrors.invalidHandshakeTransition();
    if (organizationOf(ctx.world, ctx.principal.accountId)) throw organizationsErrors.alreadyInOrganization();
    const org = state.organizations[handshake.organizationId];
    if (!org) throw organizationsErrors.handshakeNotFound();
    const accountId = ctx.principal.accountId;
    org.accounts[accountId] = {
      id: accountId,
      arn: `arn:aws:organizations::${org.masterAccountId}:account/${org.id}/${accountId}`,
      name: ctx.world.accounts[accountId]?.name ?? accountId,
      email: emailFor(accountId),
      parentId: org.root.id,
      joinedMethod: 'INVITED',
      joinedTimestamp: ctx.now,
    };
    attachDefaults(org, accountId);
    handshake.state = 'ACCEPTED';
    return { handshake: handshakeOutput(handshake) };
  },
};
