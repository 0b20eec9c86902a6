import { isoTime } from '../clock/index.ts';
import type { Principal } from '../kernel/index.ts';

/** The userIdentity element of a CloudTrail event (CloudTrail User Guide, "CloudTrail userIdentity element"). */
export interface UserIdentity {
  type: string;
  principalId?: string;
  arn?: string;
  accountId: string;
  accessKeyId?: string;
  userName?: string;
  sessionContext?: {
    sessionIssuer: { type: 'Role'; principalId: string; arn: string; accountId: string; userName: string };
    attributes: { creationDate?: string; mfaAuthenticated: 'false' };
  };
  invokedBy?: string;
}

/**
 * Who made a call, as the recipient account sees it. The caller's own account sees the full identity; the account
 * that owns a resource another account used sees only `AWSAccount` with the caller's principal id and account, as
 * CloudTrail shows cross-account callers to the resource owner.
 */
export function userIdentityOf(
  principal: Principal,
  recipientAccountId: string,
  invokedBy: string | undefined,
  sessionStart?: number,
): UserIdentity {
  if (principal.type === 'AWSService') {
    return { type: 'AWSService', accountId: principal.accountId, invokedBy: invokedBy ?? principal.serviceName ?? principal.arn };
  }
  if (recipientAccountId !== principal.accountId) {
    return {
      type: 'AWSAccount',
      principalId: principal.principalId,
      accountId: principal.accountId,
      ...(invokedBy ? { invokedBy } : {}),
    };
  }
  const identity: UserIdentity = {
    type: principal.type,
    principalId: principal.principalId,
    arn: principal.arn,
    accountId: principal.accountId,
  };
  if (principal.accessKeyId) identity.accessKeyId = principal.accessKeyId;
  if (principal.type === 'IAMUser' && principal.userName) identity.userName = principal.userName;
  if (principal.type === 'AssumedRole' && principal.roleArn) {
    const roleName = principal.roleArn.slice(principal.roleArn.lastIndexOf('/') + 1);
    identity.sessionContext = {
      sessionIssuer: {
        type: 'Role',
        // A session's principal id is the role's unique id, a colon, and the session name.
        principalId: principal.principalId.split(':')[0]!,
        arn: principal.roleArn,
        accountId: principal.accountId,
        userName: roleName,
      },
      // Known for sessions made by AssumeRole; the app's keyless "acting as a role" has no AssumeRole call to date it.
      attributes: { ...(sessionStart !== undefined ? { creationDate: isoTime(sessionStart) } : {}), mfaAuthenticated: 'false' },
    };
  }
  if (invokedBy) identity.invokedBy = invokedBy;
  return identity;
}

/** The Username LookupEvents reports and filters on: the user name, the role session name, or `root`. */
export function usernameOf(principal: Principal): string | undefined {
  if (principal.type === 'IAMUser') return principal.userName;
  if (principal.type === 'AssumedRole') return principal.sessionName;
  if (principal.type === 'Root') return 'root';
  return undefined;
}
