/**
 * Exam-style situations for the Policy Lab. Each fills the editors and the request; `expected` is what the engine
 * decides (checked by the Playwright spec through the UI), and `lesson` says why in one or two sentences.
 * Accounts: 111122223333 owns the secret and the key; 444455556666 is another account.
 */
import { emptyTexts, type LabState, type SlotId } from './lab-model.ts';
import type { Decision } from './engine-types.ts';

const A = '111122223333';
const B = '444455556666';
const SECRET = `arn:aws:secretsmanager:us-east-1:${A}:secret:prod/db-AbCdEf`;
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

export interface Preset {
  id: string;
  title: string;
  lesson: string;
  expected: Decision;
  state: LabState;
}

const doc = (...statements: Record<string, unknown>[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

function situation(
  texts: Partial<Record<SlotId, string>>,
  request: Partial<LabState['request']> & { principal: string; action: string },
  matrix: { principals: string[]; actions: string[] },
  keepFullAwsAccess = true,
): LabState {
  return {
    texts: { ...emptyTexts(), ...texts },
    request: { resource: SECRET, resourceAccount: '', keyArn: KEY, context: '', ...request },
    keepFullAwsAccess,
    matrixPrincipals: matrix.principals.join('\n'),
    matrixActions: matrix.actions.join('\n'),
  };
}

const readerRole = `arn:aws:iam::${B}:role/Reader`;
const readerSession = `arn:aws:sts::${B}:assumed-role/Reader/report-job`;
const readActions = ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret'];

const managedKeyPolicy = doc(
  {
    Sid: 'Allow access through AWS Secrets Manager for all principals in the account that are authorized to use AWS Secrets Manager',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
    Resource: '*',
    Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com', 'kms:CallerAccount': A } },
  },
  {
    Sid: 'Allow direct access to key metadata to the account',
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${A}:root` },
    Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
    Resource: '*',
  },
);

export const PRESETS: readonly Preset[] = [
  {
    id: 'cross-account-three-grants',
    title: 'Cross-account read needs three grants',
    lesson:
      "A role in account 444455556666 reads a secret in 111122223333 that a customer managed key encrypts. It works only because all three say yes: the role's identity policy (secret and key), the secret policy, and the key policy. Empty any one of them and evaluate again.",
    expected: 'Allow',
    state: situation(
      {
        'identity-1': doc(
          { Sid: 'ReadTheSharedSecret', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET },
          { Sid: 'DecryptWithItsKey', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY },
        ),
        resource: doc({ Sid: 'LetReaderRoleRead', Effect: 'Allow', Principal: { AWS: readerRole }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
        key: doc(
          { Sid: 'EnableIamPolicies', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
          {
            Sid: 'LetReaderDecryptViaSecretsManager',
            Effect: 'Allow',
            Principal: { AWS: readerRole },
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
          },
        ),
      },
      { principal: readerSession, action: 'secretsmanager:GetSecretValue' },
      { principals: [readerSession, `arn:aws:sts::${B}:assumed-role/Auditor/check`, `arn:aws:iam::${A}:user/alice`], actions: readActions },
    ),
  },
  {
    id: 'scp-deny-beats-admin',
    title: 'An explicit deny in an SCP beats the admin',
    lesson:
      'The admin user has Allow * on *, but the SCP on the account denies DeleteSecret. An explicit deny anywhere wins, and SCPs bind every principal in a member account, the root user included.',
    expected: 'ExplicitDeny',
    state: situation(
      {
        'identity-1': doc({ Sid: 'AdministratorAccess', Effect: 'Allow', Action: '*', Resource: '*' }),
        scp: doc({ Sid: 'NoSecretDeletion', Effect: 'Deny', Action: 'secretsmanager:DeleteSecret', Resource: '*' }),
      },
      { principal: `arn:aws:iam::${A}:user/admin`, action: 'secretsmanager:DeleteSecret' },
      { principals: [`arn:aws:iam::${A}:user/admin`, `arn:aws:iam::${A}:root`], actions: readActions },
    ),
  },
  {
    id: 'rcp-keeps-secrets-in-the-org',
    title: 'A resource control policy keeps secrets inside the organization',
    lesson:
      "The secret policy grants the other account's Reader role, and that role's own policy allows the read, yet the RCP on the secret's account denies any principal outside organization o-a1b2c3d4e5. RCPs cap what anyone can do to the account's resources, whoever grants it; the caller is outside the organization, so aws:PrincipalOrgID does not match and the Deny applies. Add the line aws:PrincipalOrgID=o-a1b2c3d4e5 to the context (AWS sets it for callers inside the organization) and evaluate again.",
    expected: 'ExplicitDeny',
    state: situation(
      {
        'identity-1': doc({ Sid: 'ReadTheSharedSecret', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET }),
        resource: doc({ Sid: 'LetReaderRoleRead', Effect: 'Allow', Principal: { AWS: readerRole }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
        rcp: doc({
          Sid: 'OnlyOurOrganization',
          Effect: 'Deny',
          Principal: '*',
          Action: 'secretsmanager:*',
          Resource: '*',
          Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' }, BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
        }),
      },
      { principal: readerSession, action: 'secretsmanager:GetSecretValue' },
      { principals: [readerSession], actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] },
    ),
  },
  {
    id: 'boundary-caps-admin',
    title: 'A permissions boundary caps an admin',
    lesson:
      'The developer has Allow * on *, but the permissions boundary allows only reading secrets. Effective permissions are the intersection: DeleteSecret is not in the boundary, so it is an implicit deny, with no Deny statement anywhere.',
    expected: 'ImplicitDeny',
    state: situation(
      {
        'identity-1': doc({ Sid: 'AdministratorAccess', Effect: 'Allow', Action: '*', Resource: '*' }),
        boundary: doc({ Sid: 'ReadSecretsOnly', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:ListSecrets'], Resource: '*' }),
      },
      { principal: `arn:aws:iam::${A}:user/developer`, action: 'secretsmanager:DeleteSecret' },
      { principals: [`arn:aws:iam::${A}:user/developer`], actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:DeleteSecret'] },
    ),
  },
  {
    id: 'aws-managed-key-not-shareable',
    title: 'The AWS managed key cannot be shared',
    lesson:
      "The secret is encrypted with aws/secretsmanager. Its key policy (AWS writes it; you cannot change it) allows use only through Secrets Manager with kms:CallerAccount equal to the owning account, so the other account's role is refused at the KMS step even though the identity and secret policies allow. To share a secret across accounts, encrypt it with a customer managed key.",
    expected: 'ImplicitDeny',
    state: situation(
      {
        'identity-1': doc(
          { Sid: 'ReadTheSharedSecret', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET },
          { Sid: 'DecryptAnyKey', Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' },
        ),
        resource: doc({ Sid: 'LetReaderRoleRead', Effect: 'Allow', Principal: { AWS: readerRole }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
        key: managedKeyPolicy,
      },
      { principal: readerSession, action: 'secretsmanager:GetSecretValue', keyArn: `arn:aws:kms:us-east-1:${A}:key/0f1e2d3c-aaaa-bbbb-cccc-aws0managed01` },
      { principals: [readerSession, `arn:aws:iam::${A}:user/alice`], actions: ['secretsmanager:GetSecretValue'] },
    ),
  },
  {
    id: 'secret-policy-requires-vpce',
    title: 'A secret policy that requires a VPC endpoint',
    lesson:
      'The secret policy denies GetSecretValue unless aws:SourceVpce is the app\'s endpoint. A request from outside the endpoint has no aws:SourceVpce at all, and a negated operator (StringNotEquals) is true when the key is absent, so the Deny applies. Add the line aws:SourceVpce=vpce-0a1b2c3d4e5f67890 to the context and evaluate again.',
    expected: 'ExplicitDeny',
    state: situation(
      {
        'identity-1': doc({ Sid: 'ReadTheSecret', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET }),
        resource: doc({
          Sid: 'OnlyThroughTheEndpoint',
          Effect: 'Deny',
          Principal: '*',
          Action: 'secretsmanager:GetSecretValue',
          Resource: '*',
          Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f67890' } },
        }),
      },
      { principal: `arn:aws:iam::${A}:user/app`, action: 'secretsmanager:GetSecretValue' },
      { principals: [`arn:aws:iam::${A}:user/app`, `arn:aws:iam::${A}:user/alice`], actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] },
    ),
  },
  {
    id: 'session-policy-narrows-role',
    title: 'A session policy narrows a role',
    lesson:
      "The role's policy allows every Secrets Manager action on app/ secrets, but the session was created with a session policy that allows only reading. A session's permissions are the intersection of the role's policies and the session policy, so PutSecretValue is an implicit deny.",
    expected: 'ImplicitDeny',
    state: situation(
      {
        'identity-1': doc({ Sid: 'ManageAppSecrets', Effect: 'Allow', Action: 'secretsmanager:*', Resource: `arn:aws:secretsmanager:us-east-1:${A}:secret:app/*` }),
        session: doc({ Sid: 'ReadOnlyForThisJob', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: '*' }),
      },
      { principal: `arn:aws:sts::${A}:assumed-role/AppRole/nightly-batch`, action: 'secretsmanager:PutSecretValue', resource: `arn:aws:secretsmanager:us-east-1:${A}:secret:app/db-AbCdEf` },
      { principals: [`arn:aws:sts::${A}:assumed-role/AppRole/nightly-batch`, `arn:aws:iam::${A}:user/ops`], actions: ['secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'] },
    ),
  },
  {
    id: 'key-policy-without-iam',
    title: 'A key policy that does not enable IAM policies',
    lesson:
      "Alice's identity policy allows kms:Decrypt, but the key policy names only the key administrator and has no statement for the account (arn:aws:iam::111122223333:root). A KMS key policy must allow; IAM policies count only when it delegates to the account. Reading the secret fails at the KMS step.",
    expected: 'ImplicitDeny',
    state: situation(
      {
        'identity-1': doc(
          { Sid: 'ReadTheSecret', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET },
          { Sid: 'DecryptWithTheKey', Effect: 'Allow', Action: 'kms:Decrypt', Resource: KEY },
        ),
        key: doc({ Sid: 'KeyAdministratorOnly', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/key-admin` }, Action: 'kms:*', Resource: '*' }),
      },
      { principal: `arn:aws:iam::${A}:user/alice`, action: 'secretsmanager:GetSecretValue' },
      { principals: [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:user/key-admin`], actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] },
    ),
  },
  {
    id: 'same-account-secret-policy-alone',
    title: 'In one account, a secret policy naming the user is enough',
    lesson:
      'Bob has no identity policy at all, yet he can read the secret: in the same account, a resource policy that names an IAM user grants on its own. The same policy does nothing for a user of another account, who also needs an identity policy in their own account (compare the matrix rows).',
    expected: 'Allow',
    state: situation(
      {
        resource: doc({ Sid: 'LetBobRead', Effect: 'Allow', Principal: { AWS: [`arn:aws:iam::${A}:user/bob`, `arn:aws:iam::${B}:user/bob`] }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
      },
      { principal: `arn:aws:iam::${A}:user/bob`, action: 'secretsmanager:GetSecretValue' },
      { principals: [`arn:aws:iam::${A}:user/bob`, `arn:aws:iam::${B}:user/bob`], actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] },
    ),
  },
];

export function defaultLabState(): LabState {
  const first = PRESETS[0] as Preset;
  return structuredClone(first.state);
}
