/** Who is making a call, as CloudTrail's userIdentity and IAM's evaluation see it. */
export interface Principal {
  type: 'Root' | 'IAMUser' | 'AssumedRole' | 'AWSService';
  arn: string;
  accountId: string;
  /** AIDA... for users, AROA...:session for role sessions, the account id for root. */
  principalId: string;
  accessKeyId?: string;
  userName?: string;
  /** For role sessions: the role the session was assumed from. */
  roleArn?: string;
  sessionName?: string;
  /** For AWSService: e.g. secretsmanager.amazonaws.com. */
  serviceName?: string;
}

/** How a caller names itself: a signed access key (endpoint, SDK) or a principal ARN (the app's "acting as"). */
export type CallerRef = { accessKeyId: string } | { principalArn: string };

export function servicePrincipal(serviceName: string, accountId: string): Principal {
  return { type: 'AWSService', arn: serviceName, accountId, principalId: serviceName, serviceName };
}
