/**
 * AWS managed IAM policies the simulator offers, with their documents as AWS publishes them (abridged to the
 * services the simulator models). They are a fixed catalogue, as on AWS: they cannot be edited or deleted.
 */
export interface AwsManagedPolicy {
  policyName: string;
  arn: string;
  description: string;
  document: string;
}

function managed(policyName: string, description: string, statement: unknown[]): AwsManagedPolicy {
  return {
    policyName,
    arn: `arn:aws:iam::aws:policy/${policyName}`,
    description,
    document: JSON.stringify({ Version: '2012-10-17', Statement: statement }, null, 2),
  };
}

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  managed('AdministratorAccess', 'Provides full access to AWS services and resources.', [
    { Effect: 'Allow', Action: '*', Resource: '*' },
  ]),
  managed('SecretsManagerReadWrite', 'Provides read/write access to AWS Secrets Manager via the AWS Management Console.', [
    {
      Sid: 'BasePermissions',
      Effect: 'Allow',
      Action: ['secretsmanager:*', 'kms:DescribeKey', 'kms:ListAliases', 'kms:ListKeys', 'lambda:ListFunctions', 'tag:GetResources'],
      Resource: '*',
    },
  ]),
  managed('ReadOnlyAccess', 'Provides read-only access to AWS services and resources.', [
    {
      Effect: 'Allow',
      Action: ['secretsmanager:Describe*', 'secretsmanager:List*', 'secretsmanager:GetResourcePolicy', 'kms:Describe*', 'kms:Get*', 'kms:List*', 'iam:Get*', 'iam:List*'],
      Resource: '*',
    },
  ]),
  managed('IAMFullAccess', 'Provides full access to IAM via the AWS Management Console.', [
    { Effect: 'Allow', Action: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListAccounts', 'organizations:ListPolicies'], Resource: '*' },
  ]),
];

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return AWS_MANAGED_POLICIES.find((p) => p.arn === arn);
}
