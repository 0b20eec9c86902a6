import { describe, expect, it } from 'vitest';
import { kebabName } from '../../../../../src/engine/protocol/cli/index.ts';

// Expected values printed by botocore's own xform_name(name, '-') (AWS CLI v2.9.19's botocore).
const BOTOCORE: [string, string][] = [
  ['GetSecretValue', 'get-secret-value'],
  ['RotationLambdaARN', 'rotation-lambda-arn'],
  ['PolicyARNs', 'policy-arns'],
  ['ListMFADevices', 'list-mfa-devices'],
  ['AWSAccountId', 'aws-account-id'],
  ['KMSKeyId', 'kms-key-id'],
  ['SecretARN', 'secret-arn'],
  ['CustomerMasterKeySpec', 'customer-master-key-spec'],
  ['GenerateDataKeyWithoutPlaintext', 'generate-data-key-without-plaintext'],
  ['IAMUserAccessToBilling', 'iam-user-access-to-billing'],
  ['ListOrganizationalUnitsForParent', 'list-organizational-units-for-parent'],
  ['XksKeyId', 'xks-key-id'],
  ['ABCDef', 'abc-def'],
  ['GetCallerIdentity', 'get-caller-identity'],
];

describe('kebabName (botocore xform_name)', () => {
  it.each(BOTOCORE)('%s -> %s', (name, expected) => {
    expect(kebabName(name)).toBe(expected);
  });

  it('leaves a name that already has a dash alone', () => {
    expect(kebabName('get-secret-value')).toBe('get-secret-value');
  });
});
