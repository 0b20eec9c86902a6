import { parseArn } from '../ids/index.ts';

/**
 * The CloudFormation-style type CloudTrail gives a resource (the `type` of an event's resources, the ResourceType
 * lookup attribute), from its ARN. Undefined when the ARN is of a kind CloudTrail does not type.
 */
export function resourceTypeOf(arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (!parsed) return undefined;
  const kind = parsed.resource.split(/[/:]/)[0];
  switch (parsed.service) {
    case 'secretsmanager':
      return kind === 'secret' ? 'AWS::SecretsManager::Secret' : undefined;
    case 'kms':
      return kind === 'key' ? 'AWS::KMS::Key' : kind === 'alias' ? 'AWS::KMS::Alias' : undefined;
    case 'iam':
      if (kind === 'user') return 'AWS::IAM::User';
      if (kind === 'role') return 'AWS::IAM::Role';
      if (kind === 'policy') return 'AWS::IAM::Policy';
      if (kind === 'group') return 'AWS::IAM::Group';
      return undefined;
    case 'lambda':
      return kind === 'function' ? 'AWS::Lambda::Function' : undefined;
    default:
      return undefined;
  }
}
