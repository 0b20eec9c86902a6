import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS, CLI_TIMEOUT, cliVersion } from './aws-cli-runner.ts';
import { startParity, type ParityHarness, type Step } from './cli-parity-harness.ts';

/**
 * The in-page terminal against the real AWS CLI v2 (the harness, cli-parity-harness.ts, says how): the README's
 * walk-through, the output formats, --query, IAM/STS/KMS/CloudTrail, and the CLI's own errors.
 */

const SEED = 'cli-parity';

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
});
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }],
});

/** The README's walk-through, then the output formats, --query, IAM/STS/KMS, and the CLI's own errors. */
const STEPS: Step[] = [
  {
    args: ['secretsmanager', 'create-secret', '--name', 'prod/app/db', '--secret-string', '{"username":"admin","password":"first"}'],
    capture: { name: 'v1', from: (json) => json.VersionId },
  },
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db'] },
  {
    args: ['secretsmanager', 'put-secret-value', '--secret-id', 'prod/app/db', '--secret-string', '{"username":"admin","password":"second"}'],
    capture: { name: 'v2', from: (json) => json.VersionId },
  },
  {
    args: ['secretsmanager', 'update-secret-version-stage', '--secret-id', 'prod/app/db', '--version-stage', 'AWSCURRENT', '--move-to-version-id', '${v1}', '--remove-from-version-id', '${v2}'],
  },
  { args: ['secretsmanager', 'list-secrets'] },
  { args: ['secretsmanager', 'describe-secret', '--secret-id', 'prod/app/db'] },
  { args: ['secretsmanager', 'tag-resource', '--secret-id', 'prod/app/db', '--tags', 'Key=team,Value=payments'] },
  { args: ['secretsmanager', 'put-resource-policy', '--secret-id', 'prod/app/db', '--resource-policy', POLICY] },
  { args: ['secretsmanager', 'get-resource-policy', '--secret-id', 'prod/app/db'] },
  { args: ['secretsmanager', 'delete-secret', '--secret-id', 'prod/app/db', '--recovery-window-in-days', '7'] },
  { args: ['secretsmanager', 'restore-secret', '--secret-id', 'prod/app/db'] },
  { args: ['kms', 'create-key', '--query', 'KeyMetadata.KeyId', '--output', 'text'], capture: { name: 'key', from: 'text' } },
  { args: ['secretsmanager', 'create-secret', '--name', 'prod/app/api-key', '--kms-key-id', '${key}', '--secret-string', 's3cr3t'] },
  { args: ['kms', 'disable-key', '--key-id', '${key}'] },
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/api-key'] },

  // Output formats and --query.
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--query', 'SecretString', '--output', 'text'] },
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--query', '[Name,VersionStages]', '--output', 'text'] },
  { args: ['secretsmanager', 'describe-secret', '--secret-id', 'prod/app/db', '--output', 'text'] },
  { args: ['secretsmanager', 'list-secrets', '--output', 'text'] },
  { args: ['secretsmanager', 'list-secrets', '--query', 'SecretList[].Name'] },
  { args: ['secretsmanager', 'list-secrets', '--query', "SecretList[?Name=='prod/app/db'].Tags[0]", '--output', 'text'] },
  { args: ['secretsmanager', 'list-secret-version-ids', '--secret-id', 'prod/app/db', '--output', 'text'] },
  { args: ['secretsmanager', 'describe-secret', '--secret-id', 'prod/app/db', '--output', 'yaml'] },
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--query', 'Nope'] },
  { args: ['secretsmanager', 'describe-secret', '--secret-id', 'prod/app/db', '--output', 'table'] },
  { args: ['secretsmanager', 'list-secrets', '--output', 'table'] },
  { args: ['sts', 'get-caller-identity', '--query', '{A:Account,B:Account}', '--output', 'table'] },
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--query', 'Name', '--output', 'table'] },
  { args: ['secretsmanager', 'list-secrets', '--filters', 'Key=name,Values=prod/app/api', '--query', 'SecretList[].Name', '--output', 'text'] },
  { args: ['secretsmanager', 'list-secrets', '--filters', '[{"Key":"tag-key","Values":["team"]}]', '--query', 'length(SecretList)'] },
  { args: ['kms', 'describe-key', '--key-id', '${key}'] },
  { args: ['kms', 'encrypt', '--key-id', '${key}', '--plaintext', 'hello', '--cli-binary-format', 'raw-in-base64-out'] },
  { args: ['kms', 'list-keys', '--output', 'text'] },
  { args: ['kms', 'list-keys', '--output', 'table'] },
  { args: ['kms', 'list-keys', '--page-size', '1', '--output', 'text'] },
  {
    args: ['secretsmanager', 'list-secrets', '--max-items', '1', '--query', '{Names:SecretList[].Name,NextToken:NextToken}'],
    capture: { name: 'resume', from: (json) => json.NextToken },
  },
  { args: ['secretsmanager', 'list-secrets', '--starting-token', '${resume}', '--query', 'SecretList[].Name'] },
  { args: ['kms', 'list-aliases', '--query', 'Aliases[].AliasName'] },
  { args: ['sts', 'get-caller-identity'] },
  { args: ['sts', 'get-caller-identity', '--query', 'Arn', '--output', 'text'] },
  { args: ['iam', 'create-role', '--role-name', 'Reader', '--assume-role-policy-document', TRUST, '--tags', 'Key=team,Value=payments'] },
  { args: ['iam', 'get-role', '--role-name', 'Reader'] },
  { args: ['iam', 'put-role-policy', '--role-name', 'Reader', '--policy-name', 'read', '--policy-document', POLICY] },
  { args: ['iam', 'get-role-policy', '--role-name', 'Reader', '--policy-name', 'read'] },
  { args: ['iam', 'list-roles', '--query', 'Roles[].RoleName', '--output', 'text'] },
  { args: ['secretsmanager', 'delete-secret', '--secret-id', 'prod/app/api-key', '--force-delete-without-recovery'] },
  {
    args: ['cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=PutSecretValue', '--start-time', '2026-01-01T00:00:00Z', '--query', 'Events[].[EventName,Username,Resources[0].ResourceName]', '--output', 'text'],
  },
  { args: ['cloudtrail', 'lookup-events', '--max-items', '2', '--query', 'length(Events)'] },

  // Errors: the service's (254) and the CLI's own (252).
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'nope'] },
  { args: ['secretsmanager', 'get-secret-value'] },
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--bogus', '1'] },
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', ''] },
  { args: ['secretsmanager', 'list-secrets', '--max-results', '0'] },
  { args: ['secretsmanager', 'delete-secret', '--secret-id', 'prod/app/db', '--recovery-window-in-days', 'abc'] },
  { args: ['secretsmanager', 'create-secret', '--name', 'bad', '--tags', 'Key'] },
  { args: ['secretsmanager', 'create-secret', '--name', 'bad', '--tags', 'Key=a,Foo=b'] },
  { args: ['secretsmanager', 'get-secret-value', '--secret-id', 'prod/app/db', '--output', 'xml'] },
  { args: ['secretsmanager'] },
  { args: ['secretsmanager', 'restore-secret', '--secret-id', 'prod/app/db', '--secret-id', 'prod/app/db'] },
  { args: ['kms', 'enable-key', '--key-id', 'arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000000'] },
  { args: ['iam', 'get-role', '--role-name', 'Nobody'] },
];

let parity: ParityHarness;

beforeAll(async () => {
  parity = await startParity(SEED);
});

afterAll(async () => {
  await parity?.close();
});

describe('the in-page terminal prints what the real AWS CLI v2 prints', () => {
  it('has the AWS CLI v2 to compare with', async () => {
    expect(await cliVersion(), `${AWS} must be AWS CLI v2 (apt-get install -y awscli)`).toMatch(/^aws-cli\/2\./);
  });

  it('runs the walk-through, formats, queries and errors with the same stdout, stderr and exit codes', { timeout: STEPS.length * CLI_TIMEOUT }, async () => {
    const { real, realText, pageText } = await parity.run(STEPS);
    // Every step produced something to compare (a blank transcript would compare equal and prove nothing).
    expect(real.filter((result) => result.exitCode === 0).length).toBeGreaterThan(30);
    expect(real.filter((result) => result.exitCode === 254).length).toBeGreaterThanOrEqual(4);
    expect(real.filter((result) => result.exitCode === 252).length).toBeGreaterThanOrEqual(8);
    expect(pageText).toBe(realText);
  });
});
