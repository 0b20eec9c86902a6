import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMServiceException,
  ListAttachedUserPoliciesCommand,
  ListPoliciesCommand,
  ListUsersCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  TagRoleCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { CreateSecretCommand, GetSecretValueCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSServiceException, type STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { iamClient, kmsClient, secondAccountKeys, secretsClient, startTestEndpoint, stsClient, type TEST_CREDENTIALS } from './helpers.ts';

/**
 * STS and IAM through the real @aws-sdk/client-sts and @aws-sdk/client-iam (AWS Query protocol, XML): who am I,
 * the IAM calls a lab needs, AssumeRole and the session's credentials used against Secrets Manager, and the XML
 * errors arriving as the SDK's exception classes with AWS's HTTP statuses.
 */

const START = new Date(Date.UTC(2026, 0, 1));
const DEFAULT_ACCOUNT = '111122223333';
const SECOND_ACCOUNT = '444455556666';

let endpoint: RunningEndpoint;
let sts: STSClient;
let iam: IAMClient;

beforeAll(async () => {
  endpoint = await startTestEndpoint({ seed: 'sts-iam-sdk' });
  sts = stsClient(endpoint);
  iam = iamClient(endpoint);
});

afterAll(async () => {
  sts.destroy();
  iam.destroy();
  await endpoint.close();
});

type SdkError = Error & { $metadata: { httpStatusCode?: number }; name: string; Code?: string; $fault?: string };

async function rejection(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (error) {
    return error as SdkError;
  }
  throw new Error('expected the call to fail');
}

const policy = (...statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const trustAccount = (account: string) => policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' });

describe('STS GetCallerIdentity through the real SDK', () => {
  it('names the default account admin for test/test', async () => {
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(DEFAULT_ACCOUNT);
    expect(me.Arn).toBe(`arn:aws:iam::${DEFAULT_ACCOUNT}:user/admin`);
    expect(me.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(me.$metadata.httpStatusCode).toBe(200);
    expect(me.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names the second account admin for its keys, in any region', async () => {
    const client = stsClient(endpoint, { region: 'eu-west-1', credentials: secondAccountKeys(endpoint) });
    try {
      const me = await client.send(new GetCallerIdentityCommand({}));
      expect(me).toMatchObject({ Account: SECOND_ACCOUNT, Arn: `arn:aws:iam::${SECOND_ACCOUNT}:user/admin` });
    } finally {
      client.destroy();
    }
  });
});

describe('IAM through the real SDK', () => {
  const policyArn = `arn:aws:iam::${DEFAULT_ACCOUNT}:policy/sdk-read-secrets`;

  it('CreateUser, GetUser: path, tags and a Date', async () => {
    const created = await iam.send(new CreateUserCommand({ UserName: 'bob', Path: '/team/', Tags: [{ Key: 'team', Value: 'payments' }] }));
    expect(created.User).toMatchObject({ UserName: 'bob', Path: '/team/', Arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:user/team/bob`, CreateDate: START });
    const got = await iam.send(new GetUserCommand({ UserName: 'bob' }));
    expect(got.User?.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
    expect(got.User?.UserId).toMatch(/^AIDA/);
  });

  it('CreateAccessKey: the new keys sign requests as the user', async () => {
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }));
    expect(AccessKey).toMatchObject({ UserName: 'bob', Status: 'Active', CreateDate: START });
    expect(AccessKey?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const asBob = stsClient(endpoint, { credentials: { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! } });
    try {
      expect((await asBob.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${DEFAULT_ACCOUNT}:user/team/bob`);
    } finally {
      asBob.destroy();
    }
  });

  it('PutUserPolicy, GetUserPolicy: the document comes back URL-encoded (RFC 3986), as IAM sends it', async () => {
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'secretsmanager:ListSecrets', Resource: '*' }] }, null, 1);
    await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'list', PolicyDocument: document }));
    const got = await iam.send(new GetUserPolicyCommand({ UserName: 'bob', PolicyName: 'list' }));
    // As recorded from AWS (aws/aws-sdk-java#730, getmoto/moto#8157): `*` is %2A, a space %20, a newline %0A.
    expect(got.PolicyDocument).toContain('%22Resource%22%3A%20%22%2A%22%0A');
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(document);
  });

  it('CreatePolicy, AttachUserPolicy, CreatePolicyVersion (SetAsDefault), ListPolicies (OnlyAttached)', async () => {
    const created = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'sdk-read-secrets',
        PolicyDocument: policy({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }),
      }),
    );
    expect(created.Policy).toMatchObject({ Arn: policyArn, DefaultVersionId: 'v1', AttachmentCount: 0, IsAttachable: true, CreateDate: START });
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: policyArn }));
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'bob' }));
    expect(attached.AttachedPolicies).toEqual([{ PolicyName: 'sdk-read-secrets', PolicyArn: policyArn }]);
    const version = await iam.send(
      new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: policy({ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }), SetAsDefault: true }),
    );
    expect(version.PolicyVersion).toMatchObject({ VersionId: 'v2', IsDefaultVersion: true });
    const listed = await iam.send(new ListPoliciesCommand({ Scope: 'Local', OnlyAttached: true }));
    expect(listed.Policies?.map((p) => [p.Arn, p.DefaultVersionId, p.AttachmentCount])).toEqual([[policyArn, 'v2', 1]]);
    expect(listed.IsTruncated).toBe(false);
  });

  it('ListUsers pages with MaxItems and Marker', async () => {
    const first = await iam.send(new ListUsersCommand({ MaxItems: 1 }));
    expect(first.Users).toHaveLength(1);
    expect(first.IsTruncated).toBe(true);
    expect(typeof first.Marker).toBe('string');
    const rest = await iam.send(new ListUsersCommand({ Marker: first.Marker }));
    expect([...first.Users!, ...rest.Users!].map((u) => u.UserName).sort()).toEqual(['admin', 'bob']);
    expect(rest.IsTruncated).toBe(false);
  });

  it('CreateRole, GetRole: MaxSessionDuration, tags, RoleLastUsed and the trust policy URL-encoded', async () => {
    const trust = trustAccount(DEFAULT_ACCOUNT);
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'App', AssumeRolePolicyDocument: trust, MaxSessionDuration: 7200, Description: 'sdk role' }));
    expect(created.Role).toMatchObject({ RoleName: 'App', Arn: `arn:aws:iam::${DEFAULT_ACCOUNT}:role/App`, MaxSessionDuration: 7200, CreateDate: START });
    expect(created.Role?.RoleId).toMatch(/^AROA/);
    await iam.send(new TagRoleCommand({ RoleName: 'App', Tags: [{ Key: 'env', Value: 'lab' }] }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'App' }));
    expect(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!)).toBe(trust);
    expect(got.Role).toMatchObject({ Description: 'sdk role', Tags: [{ Key: 'env', Value: 'lab' }], RoleLastUsed: {} });
  });

  it('NoSuchEntity arrives as NoSuchEntityException with HTTP 404', async () => {
    const error = await rejection(iam.send(new GetRoleCommand({ RoleName: 'Nobody' })));
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect(error.message).toBe('The role with name Nobody cannot be found.');
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.$fault).toBe('client');
  });

  it('EntityAlreadyExists arrives as EntityAlreadyExistsException with HTTP 409', async () => {
    const error = await rejection(iam.send(new CreateRoleCommand({ RoleName: 'App', AssumeRolePolicyDocument: trustAccount(DEFAULT_ACCOUNT) })));
    expect(error).toBeInstanceOf(EntityAlreadyExistsException);
    expect(error.message).toBe('Role with name App already exists.');
    expect(error.$metadata.httpStatusCode).toBe(409);
  });

  it('MalformedPolicyDocument arrives as MalformedPolicyDocumentException with HTTP 400', async () => {
    const error = await rejection(iam.send(new PutRolePolicyCommand({ RoleName: 'App', PolicyName: 'bad', PolicyDocument: '{"Version": "2012-10-17", ' })));
    expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  it('an input that breaks the model is a ValidationError (HTTP 400)', async () => {
    const error = await rejection(iam.send(new CreateUserCommand({ UserName: 'no spaces allowed' })));
    expect(error).toBeInstanceOf(IAMServiceException);
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe(
      "1 validation error detected: Value 'no spaces allowed' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    expect(error.$metadata.httpStatusCode).toBe(400);
  });
});

describe('AssumeRole, and the session used against Secrets Manager', () => {
  let session: Required<typeof TEST_CREDENTIALS>;
  const roleArn = `arn:aws:iam::${DEFAULT_ACCOUNT}:role/App`;

  it('AssumeRole returns credentials, the assumed-role user and a Date expiration', async () => {
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'App', PolicyArn: `arn:aws:iam::${DEFAULT_ACCOUNT}:policy/sdk-read-secrets` }));
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'sdk', DurationSeconds: 900 }));
    const credentials = assumed.Credentials!;
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.SecretAccessKey).toHaveLength(40);
    expect(credentials.SessionToken!.length).toBeGreaterThan(100);
    expect(credentials.Expiration).toEqual(new Date(START.getTime() + 900_000));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/App/sdk`);
    expect(assumed.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:sdk$/);
    session = { accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken! };
  });

  it('GetCallerIdentity with the session names the assumed role', async () => {
    const client = stsClient(endpoint, { credentials: session });
    try {
      const me = await client.send(new GetCallerIdentityCommand({}));
      expect(me.Arn).toBe(`arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/App/sdk`);
      expect(me.UserId).toMatch(/^AROA[A-Z2-7]{17}:sdk$/);
    } finally {
      client.destroy();
    }
  });

  it('the session reads and writes secrets as its role allows, and is refused what it does not', async () => {
    const sm = secretsClient(endpoint, { credentials: session });
    const kms = kmsClient(endpoint, { credentials: session });
    try {
      await sm.send(new CreateSecretCommand({ Name: 'sdk/session', SecretString: 'from a role' }));
      expect((await sm.send(new GetSecretValueCommand({ SecretId: 'sdk/session' }))).SecretString).toBe('from a role');
      const denied = await rejection(kms.send(new CreateKeyCommand({})));
      expect(denied.name).toBe('AccessDeniedException');
      expect(denied.message).toContain(`User: arn:aws:sts::${DEFAULT_ACCOUNT}:assumed-role/App/sdk is not authorized to perform: kms:CreateKey`);
      expect(denied.$metadata.httpStatusCode).toBe(400);
    } finally {
      sm.destroy();
      kms.destroy();
    }
  });

  it('a session key without its token, or with another token, is an invalid security token', async () => {
    const withoutToken = { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey };
    const wrongToken = { ...session, sessionToken: `${session.sessionToken.slice(0, -4)}AAAA` };
    for (const credentials of [withoutToken, wrongToken]) {
      const sm = secretsClient(endpoint, { credentials });
      const client = stsClient(endpoint, { credentials });
      try {
        const json = await rejection(sm.send(new ListSecretsCommand({})));
        expect([json.name, json.message, json.$metadata.httpStatusCode]).toEqual([
          'UnrecognizedClientException',
          'The security token included in the request is invalid.',
          400,
        ]);
        const query = await rejection(client.send(new GetCallerIdentityCommand({})));
        expect(query).toBeInstanceOf(STSServiceException);
        expect([query.name, query.message, query.$metadata.httpStatusCode]).toEqual([
          'InvalidClientTokenId',
          'The security token included in the request is invalid.',
          403,
        ]);
      } finally {
        sm.destroy();
        client.destroy();
      }
    }
  });

  it('a long-term key sent with a session token is refused too', async () => {
    const client = stsClient(endpoint, { credentials: { accessKeyId: 'test', secretAccessKey: 'test', sessionToken: session.sessionToken } });
    try {
      expect((await rejection(client.send(new GetCallerIdentityCommand({})))).name).toBe('InvalidClientTokenId');
    } finally {
      client.destroy();
    }
  });

  it('AssumeRole refused: AccessDenied with HTTP 403, worded as STS words it', async () => {
    const keys = await iam.send(new CreateUserCommand({ UserName: 'carol' })).then(() => iam.send(new CreateAccessKeyCommand({ UserName: 'carol' })));
    const client = stsClient(endpoint, { credentials: { accessKeyId: keys.AccessKey!.AccessKeyId!, secretAccessKey: keys.AccessKey!.SecretAccessKey! } });
    try {
      const error = await rejection(client.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'nope' })));
      expect(error).toBeInstanceOf(STSServiceException);
      expect(error.name).toBe('AccessDenied');
      expect(error.message).toBe(`User: arn:aws:iam::${DEFAULT_ACCOUNT}:user/carol is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
      expect(error.$metadata.httpStatusCode).toBe(403);
    } finally {
      client.destroy();
    }
  });

  it('an IAM call without permission: AccessDenied with HTTP 403, naming the policy type that did not allow it', async () => {
    const keys = await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }));
    const client = iamClient(endpoint, { credentials: { accessKeyId: keys.AccessKey!.AccessKeyId!, secretAccessKey: keys.AccessKey!.SecretAccessKey! } });
    try {
      const error = await rejection(client.send(new GetRoleCommand({ RoleName: 'App' })));
      expect(error).toBeInstanceOf(IAMServiceException);
      expect(error.name).toBe('AccessDenied');
      // IAM names the resource of its own calls on existing entities by type and name (`role App`), as recorded AWS
      // responses show (aws/chalice#591, aws/aws-cdk#27067).
      expect(error.message).toBe(
        `User: arn:aws:iam::${DEFAULT_ACCOUNT}:user/carol is not authorized to perform: iam:GetRole on resource: role App because no identity-based policy allows the iam:GetRole action`,
      );
      expect(error.$metadata.httpStatusCode).toBe(403);
    } finally {
      client.destroy();
    }
  });

  it('AssumeRole with a too-short session name: ValidationError, HTTP 400', async () => {
    const error = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'x' })));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toBe("1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2");
    expect(error.$metadata.httpStatusCode).toBe(400);
  });

  // Last: it moves the world's clock past the session's expiration.
  it('an expired session: ExpiredToken (STS, HTTP 403) and ExpiredTokenException (Secrets Manager, HTTP 400)', async () => {
    endpoint.sim.advance({ seconds: 901 });
    const client = stsClient(endpoint, { credentials: session });
    const sm = secretsClient(endpoint, { credentials: session });
    try {
      const query = await rejection(client.send(new GetCallerIdentityCommand({})));
      expect([query.name, query.message, query.$metadata.httpStatusCode]).toEqual(['ExpiredToken', 'The security token included in the request is expired', 403]);
      const json = await rejection(sm.send(new ListSecretsCommand({})));
      expect([json.name, json.message, json.$metadata.httpStatusCode]).toEqual(['ExpiredTokenException', 'The security token included in the request is expired', 400]);
    } finally {
      client.destroy();
      sm.destroy();
    }
  });
});
