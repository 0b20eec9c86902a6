import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, simulatorParts, type Simulator } from '../../src/engine/index.ts';
import { cliCommandTable, runCli, type CliRunResult } from '../../src/engine/protocol/cli/index.ts';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { AWS, CLI_TIMEOUT, cliVersion } from './aws-cli-runner.ts';
import { startTestEndpoint } from './helpers.ts';

/**
 * The in-page terminal against the real AWS CLI v2: the same commands, in the same order, run by /usr/bin/aws
 * against the local endpoint and by the terminal's own path (parse, simulator.call, print) against an identical
 * world (same seed, same virtual clock). stdout, stderr and the exit code must be the same, byte for byte.
 *
 * The one thing that cannot be the same by construction is the idempotency token (ClientRequestToken, which becomes
 * the VersionId): the CLI makes it on the client with Python's uuid4. So the terminal is handed the token the CLI
 * used in the same step (read from the VersionId the CLI printed), exactly as if the learner had passed
 * --client-request-token. The sorted outputs (text, yaml) order version ids by value, so different tokens would
 * reorder lines, not just rename them. Should a step ever make a token the CLI did not print, the fallback
 * normalisation replaces a UUID found in only one transcript by `<client-token-N>` in order of appearance; UUIDs
 * both sides share (KMS key ids, from the world's seeded RNG) stay. Nothing else is normalised: CLI output carries
 * no request ids, and both sides read the same virtual clock.
 */

const SEED = 'cli-parity';

/** A step: its words (after `aws`), with `${name}` replaced by a value this side captured earlier. */
interface Step {
  args: string[];
  /** Capture a value from this step's stdout, per side: JSON member path, or the whole trimmed text. */
  capture?: { name: string; from: 'text' | ((json: Record<string, unknown>) => unknown) };
}

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

let endpoint: RunningEndpoint;
let home: string;
let simulator: Simulator;

/** The real CLI with only our options: unlike runAws, nothing is appended, so `--output` is the step's own. */
function realCli(args: string[]): Promise<CliRunResult> {
  if (!existsSync(AWS)) return Promise.reject(new Error(`The AWS CLI v2 is not installed at ${AWS}. On Debian: apt-get install -y awscli.`));
  return new Promise((resolve, reject) => {
    execFile(
      AWS,
      ['--endpoint-url', endpoint.url, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: home,
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_PAGER: '',
          AWS_CONFIG_FILE: join(home, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
          AWS_EC2_METADATA_DISABLED: 'true',
          // The CLI prints timestamps in the machine's zone; the terminal prints the world's, UTC.
          TZ: 'UTC',
        },
        timeout: CLI_TIMEOUT,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ stdout, stderr, exitCode: error ? Number(error.code) : 0 });
      },
    );
  });
}

let tokenCount = 0;
/** Tokens the real CLI made in the current step, for the terminal to use in the same step. */
let cliTokens: string[] = [];
function terminal(args: string[]): CliRunResult {
  return runCli(args, {
    table: cliCommandTable(simulatorParts().services),
    call: (request) => simulator.call(request),
    region: 'us-east-1',
    idempotencyToken: () => cliTokens.shift() ?? `c11e7000-0000-4000-8000-${String(++tokenCount).padStart(12, '0')}`,
  });
}

function tokensPrinted(result: CliRunResult): string[] {
  try {
    const versionId = (JSON.parse(result.stdout) as { VersionId?: unknown }).VersionId;
    return typeof versionId === 'string' ? [versionId] : [];
  } catch {
    return [];
  }
}

function resolveArgs(args: string[], captured: Map<string, string>): string[] {
  return args.map((arg) => arg.replace(/\$\{(\w+)\}/g, (_match, name: string) => captured.get(name) ?? `<missing ${name}>`));
}

function captureInto(step: Step, result: CliRunResult, captured: Map<string, string>): void {
  if (!step.capture) return;
  const { name, from } = step.capture;
  captured.set(name, from === 'text' ? result.stdout.trim() : String(from(JSON.parse(result.stdout) as Record<string, unknown>)));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Each side's own client tokens to `<client-token-N>`; see the file comment. */
function normalise(mine: string, theirs: string): string {
  const own = new Set((mine.match(UUID) ?? []).map((id) => id.toLowerCase()));
  const shared = new Set((theirs.match(UUID) ?? []).map((id) => id.toLowerCase()).filter((id) => own.has(id)));
  const names = new Map<string, string>();
  return mine.replace(UUID, (id) => {
    const key = id.toLowerCase();
    if (shared.has(key)) return id;
    if (!names.has(key)) names.set(key, `<client-token-${names.size + 1}>`);
    // Text output upper-cases map keys used as identifiers (a version id above its stages); keep that visible.
    return id === id.toUpperCase() && /[A-F]/.test(id) ? names.get(key)!.toUpperCase() : names.get(key)!;
  });
}

function transcript(results: CliRunResult[]): string {
  return results.map((result, i) => `## ${STEPS[i]!.args.slice(0, 2).join(' ')} (step ${i + 1})\n[exit ${result.exitCode}]\n${result.stdout}[stderr]\n${result.stderr}`).join('\n');
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'secretslab-cli-parity-'));
  endpoint = await startTestEndpoint({ seed: SEED });
  simulator = createSimulator({ seed: SEED });
});

afterAll(async () => {
  await endpoint?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the in-page terminal prints what the real AWS CLI v2 prints', () => {
  it('has the AWS CLI v2 to compare with', async () => {
    expect(await cliVersion(), `${AWS} must be AWS CLI v2 (apt-get install -y awscli)`).toMatch(/^aws-cli\/2\./);
  });

  it('runs the walk-through, formats, queries and errors with the same stdout, stderr and exit codes', { timeout: STEPS.length * CLI_TIMEOUT }, async () => {
    const real: CliRunResult[] = [];
    const page: CliRunResult[] = [];
    const realCaptured = new Map<string, string>();
    const pageCaptured = new Map<string, string>();
    for (const step of STEPS) {
      const fromCli = await realCli(resolveArgs(step.args, realCaptured));
      captureInto(step, fromCli, realCaptured);
      real.push(fromCli);
      cliTokens = ['create-secret', 'put-secret-value', 'update-secret', 'rotate-secret'].includes(step.args[1]!) ? tokensPrinted(fromCli) : [];
      const fromPage = terminal(resolveArgs(step.args, pageCaptured));
      captureInto(step, fromPage, pageCaptured);
      page.push(fromPage);
    }
    const realText = transcript(real);
    const pageText = transcript(page);
    // Every step produced something to compare (a blank transcript would compare equal and prove nothing).
    expect(real.filter((result) => result.exitCode === 0).length).toBeGreaterThan(30);
    expect(real.filter((result) => result.exitCode === 254).length).toBeGreaterThanOrEqual(4);
    expect(real.filter((result) => result.exitCode === 252).length).toBeGreaterThanOrEqual(8);
    expect(normalise(pageText, realText)).toBe(normalise(realText, pageText));
  });
});
