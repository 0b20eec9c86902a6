import type { OperationContext } from '../kernel/index.ts';
import { iamErrors } from './errors.ts';
import type { AccessKey } from './identity-state.ts';
import { iamState } from './identity.ts';
import { requireUser } from './store.ts';

/** An access key of the named user in the caller's account; another user's key is "cannot be found", as IAM says. */
export function requireAccessKey(ctx: OperationContext, userName: string, keyId: string): AccessKey {
  const user = requireUser(ctx, userName);
  const key = iamState(ctx.world).accessKeys[keyId];
  if (!key || key.accountId !== ctx.principal.accountId || key.userName !== user.userName) throw iamErrors.noSuchAccessKey(keyId);
  return key;
}
