/**
 * Policies AWS creates and the learner cannot change, built as documents so the authorizer treats them like
 * any other policy and the trace can show their statements.
 */
import { policyFromDocument } from './parse.ts';
import type { ParsedPolicy } from './policy-model.ts';

/** `FullAWSAccess`, attached to every root, OU and account when SCPs are enabled [SCP]. */
export function fullAwsAccessScp(): ParsedPolicy {
  return policyFromDocument({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  });
}

/** `RCPFullAWSAccess`, implicitly attached at every level when RCPs are enabled; it cannot be detached [RCP]. */
export function rcpFullAwsAccess(): ParsedPolicy {
  return policyFromDocument({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
  });
}

/**
 * The default key policy the KMS API creates when none is given: the account principal gets `kms:*`, which
 * enables IAM policies in that account to grant use of the key [KMS-KP] (spec section 7.3).
 */
export function defaultKeyPolicy(account: string, partition = 'aws'): ParsedPolicy {
  return policyFromDocument({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:${partition}:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

/**
 * The key policy of the AWS managed key `aws/secretsmanager` (spec section 7.8, [KMS-CON][SM-ENC]): any
 * principal may use it, but only through Secrets Manager and only from the owning account, so a secret
 * encrypted with it can never be read from another account.
 */
export function awsManagedSecretsManagerKeyPolicy(account: string, region: string, partition = 'aws'): ParsedPolicy {
  return policyFromDocument({
    Version: '2012-10-17',
    Id: 'auto-secretsmanager-2',
    Statement: [
      {
        Sid: 'Allow access through AWS Secrets Manager for all principals in the account that are authorized to use AWS Secrets Manager',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
        Resource: '*',
        Condition: {
          StringEquals: {
            'kms:ViaService': `secretsmanager.${region}.amazonaws.com`,
            'kms:CallerAccount': account,
          },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:${partition}:iam::${account}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
        Resource: '*',
      },
    ],
  });
}
