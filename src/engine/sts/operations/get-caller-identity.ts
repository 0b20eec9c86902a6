import { z } from 'zod';
import type { OperationDefinition } from '../../kernel/index.ts';

const input = z.object({});

/**
 * Who am I: the caller's account, ARN and unique id (AIDA... for a user, AROA...:session for a role session, the
 * account id for the root user). AWS requires no permission for it, and an explicit deny does not stop it.
 */
export const getCallerIdentity: OperationDefinition<z.infer<typeof input>> = {
  service: 'sts',
  name: 'GetCallerIdentity',
  readOnly: true,
  input,
  unauthorized: true,
  execute: (ctx) => ({ userId: ctx.principal.principalId, account: ctx.principal.accountId, arn: ctx.principal.arn }),
};
