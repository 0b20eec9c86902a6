import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startEndpoint, type RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { freshApp } from './fixtures.ts';
import { cliEnvironment, TEST_CREDENTIALS } from '../endpoint/aws-cli-runner.ts';

/**
 * Issue 7's "Done when": the terminal runs the README's AWS CLI walk-through and prints what the real CLI v2 prints
 * against the endpoint. Both sides start from the same world (the app's default seed and clock). The page's output
 * is read from the terminal's "Copy transcript"; the CLI's from its stdout and stderr. One normalisation, as in
 * test/endpoint/cli-parity.test.ts: each side's own idempotency tokens (the VersionIds, made on the client by the
 * CLI's uuid4 and the page's crypto.randomUUID) are replaced by `<client-token-N>` in order of appearance.
 * `file://policy.json` becomes the policy inline: a page has no files.
 */

const AWS = process.env.AWS_CLI_PATH ?? '/usr/bin/aws';
const POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}';

/** The README's commands, `sl` being `aws --endpoint-url ...`; `{v1}`, `{v2}`, `{key}` are filled per side. */
const WALK_THROUGH = [
  `aws secretsmanager create-secret --name prod/app/db --secret-string '{"username":"admin","password":"first"}'`,
  'aws secretsmanager get-secret-value --secret-id prod/app/db',
  `aws secretsmanager put-secret-value --secret-id prod/app/db --secret-string '{"username":"admin","password":"second"}'`,
  'aws secretsmanager update-secret-version-stage --secret-id prod/app/db --version-stage AWSCURRENT --move-to-version-id {v1} --remove-from-version-id {v2}',
  'aws secretsmanager list-secrets',
  'aws secretsmanager describe-secret --secret-id prod/app/db',
  'aws secretsmanager tag-resource --secret-id prod/app/db --tags Key=team,Value=payments',
  `aws secretsmanager put-resource-policy --secret-id prod/app/db --resource-policy '${POLICY}'`,
  'aws secretsmanager delete-secret --secret-id prod/app/db --recovery-window-in-days 7',
  'aws secretsmanager restore-secret --secret-id prod/app/db',
  'aws kms create-key --query KeyMetadata.KeyId --output text',
  'aws secretsmanager create-secret --name prod/app/api-key --kms-key-id {key} --secret-string s3cr3t',
  'aws kms disable-key --key-id {key}',
  'aws secretsmanager get-secret-value --secret-id prod/app/api-key',
];

/** Shell words of a walk-through line (single quotes only, as the lines above use them). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

function fill(line: string, values: Record<string, string>): string {
  return line.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? `<missing ${name}>`);
}

function capture(index: number, stdout: string, values: Record<string, string>): void {
  if (index === 0) values.v1 = (JSON.parse(stdout) as { VersionId: string }).VersionId;
  if (index === 2) values.v2 = (JSON.parse(stdout) as { VersionId: string }).VersionId;
  if (index === 10) values.key = stdout.trim();
}

function realCli(endpoint: RunningEndpoint, home: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      AWS,
      ['--endpoint-url', endpoint.url, ...args],
      {
        env: cliEnvironment(home, TEST_CREDENTIALS, { TZ: 'UTC' }),
        timeout: 60_000,
      },
      (error, stdout, stderr) => (error && typeof error.code !== 'number' ? reject(error) : resolve({ stdout, stderr })),
    );
  });
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

function normalise(mine: string, theirs: string): string {
  const other = new Set((theirs.match(UUID) ?? []).map((id) => id.toLowerCase()));
  const names = new Map<string, string>();
  return mine.replace(UUID, (id) => {
    const key = id.toLowerCase();
    if (other.has(key)) return id;
    if (!names.has(key)) names.set(key, `<client-token-${names.size + 1}>`);
    return names.get(key)!;
  });
}

async function transcript(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy transcript' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

let endpoint: RunningEndpoint;
let home: string;

test.beforeAll(async () => {
  if (!existsSync(AWS)) throw new Error(`The AWS CLI v2 is not installed at ${AWS}. On Debian: apt-get install -y awscli.`);
  home = mkdtempSync(join(tmpdir(), 'secretslab-terminal-walk-'));
  endpoint = await startEndpoint({ port: 0, seed: 'secretslab' });
});

test.afterAll(async () => {
  await endpoint?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

test("the terminal prints the README walk-through exactly as the real AWS CLI v2 does against the endpoint", async ({ page, context }) => {
  test.setTimeout(300_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await freshApp(page);
  await page.goto('/#/terminal');
  await expect(page.locator('.xterm-rows')).toContainText('SecretsLab terminal');
  await page.getByTestId('terminal').click();

  let expected = '';
  const cliValues: Record<string, string> = {};
  const pageValues: Record<string, string> = {};
  let seen = 0;
  for (const [index, line] of WALK_THROUGH.entries()) {
    const fromCli = await realCli(endpoint, home, words(fill(line, cliValues)).slice(1));
    capture(index, fromCli.stdout, cliValues);
    expected += `$ ${fill(line, cliValues)}\n${fromCli.stdout}${fromCli.stderr}`;

    await page.keyboard.type(fill(line, pageValues));
    await page.keyboard.press('Enter');
    if ([0, 2, 10].includes(index)) {
      // The next command needs a value this one printed: read it from the page's own transcript.
      const text = await transcript(page);
      const last = text.slice(text.lastIndexOf('$ aws'));
      capture(index, last.slice(last.indexOf('\n') + 1), pageValues);
      await page.getByTestId('terminal').click();
    }
    seen++;
  }
  expect(seen).toBe(WALK_THROUGH.length);
  const actual = await transcript(page);
  expect(actual).toContain('DecryptionFailure');
  expect(normalise(actual, expected)).toBe(normalise(expected, actual));
});
