import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { secondAccountKeys, startTestEndpoint } from './helpers.ts';
import { AWS, CLI_TIMEOUT, cliOk, cliVersion, runAws, type CliCredentials as Credentials, type CliResult } from './aws-cli-runner.ts';

/**
 * Issue 3's cross-account read, with the real AWS CLI v2, exactly as the README's walk-through runs it: a secret in
 * the production account (111122223333), encrypted with a customer managed key, read by role `Reader` of the
 * development account (444455556666) through `aws sts assume-role`. Three grants must all be there: the secret's
 * resource policy, the role's identity policy, and the key policy. Each is removed in turn, and the refusal is the
 * AccessDeniedException AWS gives; each is restored before the next.
 *
 *   # as the development account's admin
 *   aws iam create-role --role-name Reader --assume-role-policy-document '{... "AWS": "arn:aws:iam::444455556666:root" ...}'
 *   # as the production account's admin (test/test)
 *   aws kms create-key --description shared-with-dev
 *   aws secretsmanager create-secret --name shared/db --secret-string ... --kms-key-id <key ARN>
 *   aws secretsmanager put-resource-policy --secret-id shared/db --resource-policy '{... role/Reader ... GetSecretValue}'
 *   aws kms put-key-policy --key-id <key> --policy-name default --policy '{... root: kms:* ; role/Reader: kms:Decrypt}'
 *   # as the development account's admin
 *   aws iam put-role-policy --role-name Reader --policy-name read-shared-secret --policy-document '{... GetSecretValue on
 *       the secret ARN, kms:Decrypt on the key ARN}'
 *   aws sts assume-role --role-arn arn:aws:iam::444455556666:role/Reader --role-session-name lab
 *   # with the session's AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN
 *   aws sts get-caller-identity
 *   aws secretsmanager get-secret-value --secret-id <secret ARN>
 *
 * If /usr/bin/aws is missing the test fails and says how to install it.
 */

const PROD = '111122223333';
const DEV = '444455556666';
const ROLE_ARN = `arn:aws:iam::${DEV}:role/Reader`;
const SESSION_ARN = `arn:aws:sts::${DEV}:assumed-role/Reader/lab`;
const SECRET_VALUE = '{"username":"app","password":"shared-across-accounts"}';

let endpoint: RunningEndpoint;
let home: string;
const prodAdmin: Credentials = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
let devAdmin: Credentials;
let reader: Credentials;
const ids: { keyArn?: string; secretArn?: string } = {};

function aws(as: Credentials, ...args: string[]): Promise<CliResult> {
  return runAws(endpoint.url, home, as, args);
}

const ok = cliOk;

const document = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

const trustPolicy = document({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEV}:root` }, Action: 'sts:AssumeRole' });
const resourcePolicy = document({ Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 'secretsmanager:GetSecretValue', Resource: '*' });
/** The default key policy: the account's IAM policies decide (KMS developer guide, "Default key policy"). */
const defaultKeyStatement = { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PROD}:root` }, Action: 'kms:*', Resource: '*' };
const defaultKeyPolicy = document(defaultKeyStatement);
const sharedKeyPolicy = document(defaultKeyStatement, { Sid: 'Let Reader decrypt', Effect: 'Allow', Principal: { AWS: ROLE_ARN }, Action: 'kms:Decrypt', Resource: '*' });
const rolePolicy = () =>
  document(
    { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ids.secretArn },
    { Effect: 'Allow', Action: 'kms:Decrypt', Resource: ids.keyArn },
  );

const readShared = () => aws(reader, 'secretsmanager', 'get-secret-value', '--secret-id', ids.secretArn!);

async function expectReadable() {
  expect(ok(await readShared()).SecretString).toBe(SECRET_VALUE);
}

async function expectDenied(message: string) {
  const refused = await readShared();
  expect(refused.code).not.toBe(0);
  expect(refused.stderr.trim()).toBe(`An error occurred (AccessDeniedException) when calling the GetSecretValue operation: ${message}`);
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'secretslab-cli-xacct-'));
  endpoint = await startTestEndpoint({ seed: 'cli-cross-account' });
  const keys = secondAccountKeys(endpoint);
  devAdmin = { AWS_ACCESS_KEY_ID: keys.accessKeyId, AWS_SECRET_ACCESS_KEY: keys.secretAccessKey };
});

afterAll(async () => {
  await endpoint?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('AWS CLI v2: a secret shared across accounts through an assumed role', () => {
  it('has the AWS CLI v2 to drive', async () => {
    const version = await cliVersion();
    expect(version, `${AWS} must be AWS CLI v2 (apt-get install -y awscli)`).toMatch(/^aws-cli\/2\./);
  });

  it('sts get-caller-identity names each account admin', { timeout: CLI_TIMEOUT }, async () => {
    expect(ok(await aws(prodAdmin, 'sts', 'get-caller-identity'))).toMatchObject({ Account: PROD, Arn: `arn:aws:iam::${PROD}:user/admin` });
    expect(ok(await aws(devAdmin, 'sts', 'get-caller-identity'))).toMatchObject({ Account: DEV, Arn: `arn:aws:iam::${DEV}:user/admin` });
  });

  it('the development account creates role Reader, trusting its own account', { timeout: CLI_TIMEOUT }, async () => {
    const created = ok(await aws(devAdmin, 'iam', 'create-role', '--role-name', 'Reader', '--assume-role-policy-document', trustPolicy));
    const role = created.Role as Record<string, unknown>;
    expect(role.Arn).toBe(ROLE_ARN);
    expect(role.CreateDate).toBe('2026-01-01T00:00:00+00:00');
    // IAM sends the document URL-encoded; the CLI decodes it and prints it as JSON.
    expect(role.AssumeRolePolicyDocument).toEqual(JSON.parse(trustPolicy));
    const got = ok(await aws(devAdmin, 'iam', 'get-role', '--role-name', 'Reader'));
    expect((got.Role as Record<string, unknown>).RoleLastUsed).toEqual({});
  });

  it('the production account encrypts a secret with its own key and grants Reader on the secret and the key', { timeout: CLI_TIMEOUT }, async () => {
    const key = ok(await aws(prodAdmin, 'kms', 'create-key', '--description', 'shared-with-dev'));
    ids.keyArn = String((key.KeyMetadata as Record<string, unknown>).Arn);
    const secret = ok(await aws(prodAdmin, 'secretsmanager', 'create-secret', '--name', 'shared/db', '--secret-string', SECRET_VALUE, '--kms-key-id', ids.keyArn));
    ids.secretArn = String(secret.ARN);
    expect(ids.secretArn).toMatch(/^arn:aws:secretsmanager:us-east-1:111122223333:secret:shared\/db-[A-Za-z0-9]{6}$/);
    ok(await aws(prodAdmin, 'secretsmanager', 'put-resource-policy', '--secret-id', 'shared/db', '--resource-policy', resourcePolicy));
    const put = await aws(prodAdmin, 'kms', 'put-key-policy', '--key-id', ids.keyArn, '--policy-name', 'default', '--policy', sharedKeyPolicy);
    expect(put.code, put.stderr).toBe(0);
  });

  it('the development account lets Reader read the secret and decrypt with the key', { timeout: CLI_TIMEOUT }, async () => {
    const put = await aws(devAdmin, 'iam', 'put-role-policy', '--role-name', 'Reader', '--policy-name', 'read-shared-secret', '--policy-document', rolePolicy());
    expect(put.code, put.stderr).toBe(0);
    expect(put.stdout.trim()).toBe('');
    const got = ok(await aws(devAdmin, 'iam', 'get-role-policy', '--role-name', 'Reader', '--policy-name', 'read-shared-secret'));
    expect(got.PolicyDocument).toEqual(JSON.parse(rolePolicy()));
  });

  it('sts assume-role, then get-caller-identity and get-secret-value with the session', { timeout: CLI_TIMEOUT }, async () => {
    const assumed = ok(await aws(devAdmin, 'sts', 'assume-role', '--role-arn', ROLE_ARN, '--role-session-name', 'lab'));
    const credentials = assumed.Credentials as Record<string, string>;
    expect(credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(credentials.Expiration).toBe('2026-01-01T01:00:00+00:00');
    expect(assumed.AssumedRoleUser).toMatchObject({ Arn: SESSION_ARN });
    reader = { AWS_ACCESS_KEY_ID: credentials.AccessKeyId!, AWS_SECRET_ACCESS_KEY: credentials.SecretAccessKey!, AWS_SESSION_TOKEN: credentials.SessionToken! };

    const me = ok(await aws(reader, 'sts', 'get-caller-identity'));
    expect(me).toMatchObject({ Account: DEV, Arn: SESSION_ARN });
    expect(String(me.UserId)).toMatch(/^AROA[A-Z2-7]{17}:lab$/);

    const value = ok(await readShared());
    expect(value).toMatchObject({ ARN: ids.secretArn, Name: 'shared/db', SecretString: SECRET_VALUE, VersionStages: ['AWSCURRENT'] });
  });

  it('without the secret resource policy: AccessDeniedException', { timeout: CLI_TIMEOUT }, async () => {
    ok(await aws(prodAdmin, 'secretsmanager', 'delete-resource-policy', '--secret-id', 'shared/db'));
    await expectDenied(
      `User: ${SESSION_ARN} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${ids.secretArn} because no resource-based policy allows the secretsmanager:GetSecretValue action`,
    );
    ok(await aws(prodAdmin, 'secretsmanager', 'put-resource-policy', '--secret-id', 'shared/db', '--resource-policy', resourcePolicy));
    await expectReadable();
  });

  it("without the role's identity policy: AccessDeniedException", { timeout: CLI_TIMEOUT }, async () => {
    expect((await aws(devAdmin, 'iam', 'delete-role-policy', '--role-name', 'Reader', '--policy-name', 'read-shared-secret')).code).toBe(0);
    await expectDenied(
      `User: ${SESSION_ARN} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${ids.secretArn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
    expect((await aws(devAdmin, 'iam', 'put-role-policy', '--role-name', 'Reader', '--policy-name', 'read-shared-secret', '--policy-document', rolePolicy())).code).toBe(0);
    await expectReadable();
  });

  it('with the key policy back to the default: AccessDeniedException, "Access to KMS is not allowed"', { timeout: CLI_TIMEOUT }, async () => {
    expect((await aws(prodAdmin, 'kms', 'put-key-policy', '--key-id', ids.keyArn!, '--policy-name', 'default', '--policy', defaultKeyPolicy)).code).toBe(0);
    await expectDenied('Access to KMS is not allowed');
    expect((await aws(prodAdmin, 'kms', 'put-key-policy', '--key-id', ids.keyArn!, '--policy-name', 'default', '--policy', sharedKeyPolicy)).code).toBe(0);
    await expectReadable();
  });

  it('the session is refused without its token, and the admin still sees who it is', { timeout: CLI_TIMEOUT }, async () => {
    const withoutToken = { AWS_ACCESS_KEY_ID: reader.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: reader.AWS_SECRET_ACCESS_KEY };
    const refused = await aws(withoutToken, 'sts', 'get-caller-identity');
    expect(refused.stderr.trim()).toBe('An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.');
    expect(ok(await aws(devAdmin, 'sts', 'get-caller-identity')).Arn).toBe(`arn:aws:iam::${DEV}:user/admin`);
  });
});
