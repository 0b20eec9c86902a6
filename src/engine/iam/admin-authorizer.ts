import type { Authorizer } from '../kernel/index.ts';
import { iamState } from './identity.ts';

/**
 * The interim authorizer, until policy evaluation is wired into the pipeline: an account's admin user and root
 * may act on their own account's resources, AWS services may act for their account, and everything else is
 * refused with AWS's "no identity-based policy allows" sentence. It checks no policy and claims to check none.
 */
export const adminOnlyAuthorizer: Authorizer = {
  authorize(world, request) {
    const { principal, action, resourceArn, resourceAccountId } = request;
    const sameAccount = principal.accountId === resourceAccountId;
    const admin = iamState(world).accounts[principal.accountId]?.adminUserName;
    const allowed =
      sameAccount &&
      (principal.type === 'Root' || principal.type === 'AWSService' || (principal.type === 'IAMUser' && principal.userName === admin));
    if (allowed) return { allowed: true, message: `${principal.arn} is the account's administrator.` };
    const kind = sameAccount ? 'identity-based' : 'resource-based';
    return {
      allowed: false,
      message: `User: ${principal.arn} is not authorized to perform: ${action} on resource: ${resourceArn} because no ${kind} policy allows the ${action} action`,
    };
  },
};
