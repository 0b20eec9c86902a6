import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { startTestEndpoint } from './helpers.ts';
import { AWS, CLI_TIMEOUT, cliOk, cliVersion, runAws, TEST_CREDENTIALS, type CliResult } from './aws-cli-runner.ts';

/**
 * The real AWS CLI v2 against the endpoint: the walk-through of issue 2 (and of the README), step by step.
 *
 *   export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1
 *   alias awsl='aws --endpoint-url http://127.0.0.1:4566'
 *   awsl secretsmanager create-secret --name walk/db --secret-string '{"user":"app","password":"v1"}'
 *   awsl secretsmanager get-secret-value --secret-id walk/db
 *   awsl secretsmanager put-secret-value --secret-id walk/db --secret-string '{"user":"app","password":"v2"}'
 *   awsl secretsmanager update-secret-version-stage --secret-id walk/db --version-stage AWSCURRENT \
 *       --move-to-version-id <v1> --remove-from-version-id <v2>
 *   awsl secretsmanager list-secrets
 *   awsl secretsmanager describe-secret --secret-id walk/db
 *   awsl secretsmanager tag-resource --secret-id walk/db --tags Key=team,Value=payments
 *   awsl secretsmanager put-resource-policy --secret-id walk/db --resource-policy '{...}'
 *   awsl secretsmanager delete-secret --secret-id walk/db --recovery-window-in-days 7
 *   awsl secretsmanager restore-secret --secret-id walk/db
 *   awsl kms create-key --description walk-through
 *   awsl secretsmanager create-secret --name walk/cmk --secret-string s3cret --kms-key-id <key id>
 *   awsl kms disable-key --key-id <key id>
 *   awsl secretsmanager get-secret-value --secret-id walk/cmk     # DecryptionFailure
 *
 * The CLI must be v2 (Debian's /usr/bin/aws; a pip-installed v1 may come first on PATH). If it is missing the test
 * fails and says how to install it: a conformance test that skips itself proves nothing.
 */


let endpoint: RunningEndpoint;
let home: string;

function aws(...args: string[]): Promise<CliResult> {
  return runAws(endpoint.url, home, TEST_CREDENTIALS, args);
}

const ok = cliOk;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'secretslab-cli-'));
  endpoint = await startTestEndpoint({ seed: 'cli-walkthrough' });
});

afterAll(async () => {
  await endpoint?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('AWS CLI v2 walk-through', () => {
  const ids: { v1?: string; v2?: string; arn?: string; keyId?: string } = {};

  it('has the AWS CLI v2 to drive', async () => {
    const version = await cliVersion();
    expect(version, `${AWS} must be AWS CLI v2 (apt-get install -y awscli)`).toMatch(/^aws-cli\/2\./);
  });

  it('create-secret, get-secret-value', { timeout: CLI_TIMEOUT }, async () => {
    const created = ok(await aws('secretsmanager', 'create-secret', '--name', 'walk/db', '--secret-string', '{"user":"app","password":"v1"}', '--description', 'walk-through'));
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:111122223333:secret:walk\/db-[A-Za-z0-9]{6}$/);
    expect(created.Name).toBe('walk/db');
    ids.v1 = String(created.VersionId);
    ids.arn = String(created.ARN);
    const value = ok(await aws('secretsmanager', 'get-secret-value', '--secret-id', 'walk/db'));
    expect(value).toEqual({
      ARN: ids.arn,
      Name: 'walk/db',
      VersionId: ids.v1,
      SecretString: '{"user":"app","password":"v1"}',
      VersionStages: ['AWSCURRENT'],
      // CLI v2 prints the epoch-seconds timestamp as ISO 8601.
      CreatedDate: '2026-01-01T00:00:00+00:00',
    });
  });

  it('put-secret-value, update-secret-version-stage', { timeout: CLI_TIMEOUT }, async () => {
    const put = ok(await aws('secretsmanager', 'put-secret-value', '--secret-id', 'walk/db', '--secret-string', '{"user":"app","password":"v2"}'));
    expect(put.VersionStages).toEqual(['AWSCURRENT']);
    ids.v2 = String(put.VersionId);
    expect(ok(await aws('secretsmanager', 'get-secret-value', '--secret-id', 'walk/db')).SecretString).toContain('v2');
    // Roll back: AWSCURRENT returns to the first version, AWSPREVIOUS follows to the one it left.
    const moved = ok(
      await aws('secretsmanager', 'update-secret-version-stage', '--secret-id', 'walk/db', '--version-stage', 'AWSCURRENT', '--move-to-version-id', ids.v1!, '--remove-from-version-id', ids.v2),
    );
    expect(moved).toEqual({ ARN: ids.arn, Name: 'walk/db' });
    expect(ok(await aws('secretsmanager', 'get-secret-value', '--secret-id', 'walk/db')).SecretString).toContain('v1');
  });

  it('list-secrets, describe-secret, tag-resource', { timeout: CLI_TIMEOUT }, async () => {
    const listed = ok(await aws('secretsmanager', 'list-secrets'));
    expect((listed.SecretList as { Name: string }[]).map((s) => s.Name)).toEqual(['walk/db']);
    const tagged = await aws('secretsmanager', 'tag-resource', '--secret-id', 'walk/db', '--tags', 'Key=team,Value=payments');
    expect(tagged.code).toBe(0);
    expect(tagged.stdout.trim()).toBe('');
    const described = ok(await aws('secretsmanager', 'describe-secret', '--secret-id', 'walk/db'));
    expect(described.Description).toBe('walk-through');
    expect(described.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
    expect(described.VersionIdsToStages).toEqual({ [ids.v1!]: ['AWSCURRENT'], [ids.v2!]: ['AWSPREVIOUS'] });
    expect(described.CreatedDate).toBe('2026-01-01T00:00:00+00:00');
  });

  it('put-resource-policy', { timeout: CLI_TIMEOUT }, async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
    });
    expect(ok(await aws('secretsmanager', 'put-resource-policy', '--secret-id', 'walk/db', '--resource-policy', policy))).toEqual({ ARN: ids.arn, Name: 'walk/db' });
    const got = ok(await aws('secretsmanager', 'get-resource-policy', '--secret-id', 'walk/db'));
    expect(JSON.parse(String(got.ResourcePolicy))).toEqual(JSON.parse(policy));
  });

  it('delete-secret, the refusal while deleted, restore-secret', { timeout: CLI_TIMEOUT }, async () => {
    const deleted = ok(await aws('secretsmanager', 'delete-secret', '--secret-id', 'walk/db', '--recovery-window-in-days', '7'));
    expect(deleted).toEqual({ ARN: ids.arn, Name: 'walk/db', DeletionDate: '2026-01-08T00:00:00+00:00' });
    const refused = await aws('secretsmanager', 'get-secret-value', '--secret-id', 'walk/db');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      "An error occurred (InvalidRequestException) when calling the GetSecretValue operation: You can't perform this operation on the secret because it was marked for deletion.",
    );
    expect(ok(await aws('secretsmanager', 'restore-secret', '--secret-id', 'walk/db'))).toEqual({ ARN: ids.arn, Name: 'walk/db' });
    expect(ok(await aws('secretsmanager', 'get-secret-value', '--secret-id', 'walk/db')).SecretString).toContain('v1');
  });

  it('prints a missing secret the way AWS does', { timeout: CLI_TIMEOUT }, async () => {
    const missing = await aws('secretsmanager', 'describe-secret', '--secret-id', 'walk/nope');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("An error occurred (ResourceNotFoundException) when calling the DescribeSecret operation: Secrets Manager can't find the specified secret.");
  });

  it('binary secrets travel as base64', { timeout: CLI_TIMEOUT }, async () => {
    ok(await aws('secretsmanager', 'create-secret', '--name', 'walk/binary', '--secret-binary', 'Zm9vdGVzdA=='));
    expect(ok(await aws('secretsmanager', 'get-secret-value', '--secret-id', 'walk/binary')).SecretBinary).toBe('Zm9vdGVzdA==');
  });

  it('kms create-key, a secret sealed with it, disable-key and the failure it causes', { timeout: CLI_TIMEOUT }, async () => {
    const key = ok(await aws('kms', 'create-key', '--description', 'walk-through'));
    const metadata = key.KeyMetadata as Record<string, unknown>;
    expect(metadata.AWSAccountId).toBe('111122223333');
    expect(metadata.KeyState).toBe('Enabled');
    expect(metadata.CreationDate).toBe('2026-01-01T00:00:00+00:00');
    ids.keyId = String(metadata.KeyId);
    ok(await aws('secretsmanager', 'create-secret', '--name', 'walk/cmk', '--secret-string', 's3cret', '--kms-key-id', ids.keyId));
    expect(ok(await aws('secretsmanager', 'get-secret-value', '--secret-id', 'walk/cmk')).SecretString).toBe('s3cret');

    const disabled = await aws('kms', 'disable-key', '--key-id', ids.keyId);
    expect(disabled.code).toBe(0);
    expect(ok(await aws('kms', 'describe-key', '--key-id', ids.keyId)).KeyMetadata).toMatchObject({ KeyState: 'Disabled', Enabled: false });
    const failed = await aws('secretsmanager', 'get-secret-value', '--secret-id', 'walk/cmk');
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain(
      "An error occurred (DecryptionFailure) when calling the GetSecretValue operation: Secrets Manager can't decrypt the protected secret text using the provided KMS key.",
    );
    const encrypt = await aws('kms', 'encrypt', '--key-id', ids.keyId, '--plaintext', 'aGVsbG8=');
    expect(encrypt.stderr).toMatch(/An error occurred \(DisabledException\) when calling the Encrypt operation: .*is disabled\./);
  });
});
