import type { OperationContext } from '../kernel/index.ts';
import { iamErrors } from './errors.ts';

/**
 * Operations whose UserName is optional (GetUser, CreateAccessKey, ListAccessKeys, ...) act on the user whose
 * credentials signed the request; with a role session's credentials there is no such user.
 */
export function callerUserName(ctx: OperationContext): string {
  if (ctx.principal.type === 'IAMUser' && ctx.principal.userName) return ctx.principal.userName;
  throw iamErrors.validation('Must specify userName when calling with non-User credentials');
}
