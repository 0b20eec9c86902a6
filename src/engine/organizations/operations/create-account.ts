import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';
import { addAccountIdentities, iamState } from '../../iam/index.ts';
import { randomString } from '../../ids/index.ts';
import { attachDefaults, requireManagementAccount } from '../store.ts';

const input = z.object({
  email: z.string().min(6).max(64),
  accountName: z.string().min(1).max(50),
  roleName: z.string().max(64).optional(),
  iamUserAccessToBilling: z.enum(['ALLOW', 'DENY']).optional(),
});

/**
 * Creates a new member account under the root. AWS creates it asynchronously and reports a CreateAccountStatus; the
 * simulator completes at once and says so (State SUCCEEDED). AWS also creates OrganizationAccountAccessRole in the
 * new account, trusted by the management account; the simulator gives the account an admin user like every account.
 */
export const createAccount: OperationDefinition<z.infer<typeof input>> = {
  service: 'organizations',
  name: 'CreateAccount',
  readOnly: false,
  input,
  execute(ctx, request) {
    const org = requireManagementAccount(ctx);
    let accountId: string;
    do accountId = randomString(ctx.rng, '0123456789', 12);
    while (ctx.world.accounts[accountId] || accountId.startsWith('0'));
    ctx.world.accounts[accountId] = { id: accountId, name: request.accountName };
    addAccountIdentities(iamState(ctx.world), accountId, ctx.now, ctx.rng, false);
    org.accounts[accountId] = {
      id: accountId,
      arn: `arn:aws:organizations::${org.masterAccountId}:account/${org.id}/${accountId}`,
      name: request.accountName,
      email: request.email,
      parentId: org.root.id,
      joinedMethod: 'CREATED',
      joinedTimestamp: ctx.now,
    };
    attachDefaults(org, accountId);
    return {
      createAccountStatus: {
        id: `car-${randomString(ctx.rng, 'abcdefghijklmnopqrstuvwxyz0123456789', 32)}`,
        accountName: request.accountName,
        state: 'SUCCEEDED',
        requestedTimestamp: ctx.now,
        completedTimestamp: ctx.now,
        accountId,
      },
    };
  },
};
