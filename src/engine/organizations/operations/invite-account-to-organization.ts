import { z } from 'zod';
import { DAY } from '../../clock/index.ts';
import type { OperationDefinition } from '../../kernel/index.ts';
import { organizationsErrors } from '../errors.ts';
import { ids, organizationOf, organizationsState, requireManagementAccount } from '../store.ts';

const input = z.object({
  target: z.object({ id: z.string(), type: z.enum(['ACCOUNT', 'ORGANIZATION', 'EMAIL']) }),
  notes: z.string().max(1024).optional(),
});

/** The first half of joining: an invitation (a handshake, open for 15 days) the invited account must accept. */
export const inviteAccountToOrganization: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'InviteAccountToOrganization',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    const target = request.target.id;
    if (request.target.type !== 'ACCOUNT' || !ctx.world.accounts[target]) throw organizationsErrors.accountNotFound();
    if (organizationOf(ctx.world, target)) {
      throw organizationsErrors.constraintViolation('The account is already a member of an organization.');
    }
    const id = ids.handshake(ctx.rng);
    const handshake = {
      id,
      arn: `arn:aws:organizations::${org.masterAccountId}:handshake/${org.id}/invite/${id}`,
      organizationId: org.id,
      targetAccountId: target,
      state: 'OPEN' as const,
      requestedTimestamp: ctx.now,
      expirationTimestamp: ctx.now + 15 * DAY,
    };
    organizationsState(ctx.world).handshakes[id] = handshake;
    return { handshake: handshakeOutput(handshake) };
  },
};

export function handshakeOutput(h: { id: string; arn: string; organizationId: string; targetAccountId: string; state: string; requestedTimestamp: number; expirationTimestamp: number }) {
  return {
    id: h.id,
    arn: h.arn,
    parties: [
      { id: h.organizationId, type: 'ORGANIZATION' },
      { id: h.targetAccountId, type: 'ACCOUNT' },
    ],
    state: h.state,
    requestedTimestamp: h.requestedTimestamp,
    expirationTimestamp: h.expirationTimestamp,
    action: 'INVITE',
  };
}
