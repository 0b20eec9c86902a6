import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs the real AWS CLI v2 against a test endpoint. It must be v2 (Debian's /usr/bin/aws; a pip-installed v1 may come
 * first on PATH). If it is missing, tests fail and say how to install it: a conformance test that skips itself
 * proves nothing.
 */
export const AWS = process.env.AWS_CLI_PATH ?? '/usr/bin/aws';
export const CLI_TIMEOUT = 60_000;
const MISSING_CLI = `The AWS CLI v2 is not installed at ${AWS}. On Debian: apt-get install -y awscli (or set AWS_CLI_PATH).`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  json: Record<string, unknown> | undefined;
}

export interface CliCredentials {
  AWS_ACCESS_KEY_ID: string;
  AWS_SECRET_ACCESS_KEY: string;
  AWS_SESSION_TOKEN?: string;
}

/**
 * The environment the real CLI runs in: the credentials given, us-east-1, no pager, and nothing from the developer's
 * own AWS set-up (config and credentials files under `home`, no instance metadata). Retries stay at the CLI's
 * default, so errors read exactly as a learner sees them (standard mode would append "(reached max retries: 0)").
 * `extra` adds variables, such as TZ=UTC where CLI output is compared with the terminal's UTC timestamps.
 */
export function cliEnvironment(home: string, credentials: CliCredentials = TEST_CREDENTIALS, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    ...credentials,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

/** The endpoint accepts any key pair it can verify a signature with; the tests sign with this one. */
export const TEST_CREDENTIALS: CliCredentials = { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };

export function runAws(endpointUrl: string, home: string, credentials: CliCredentials, args: string[]): Promise<CliResult> {
  if (!existsSync(AWS)) return Promise.reject(new Error(MISSING_CLI));
  return new Promise((resolve, reject) => {
    execFile(
      AWS,
      [...args, '--endpoint-url', endpointUrl, '--output', 'json'],
      {
        env: cliEnvironment(home, credentials),
        timeout: CLI_TIMEOUT,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        let json: Record<string, unknown> | undefined;
        try {
          json = stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr, json });
      },
    );
  });
}

export function cliOk(result: CliResult): Record<string, unknown> {
  if (result.code !== 0) throw new Error(`aws exited ${result.code}: ${result.stderr}`);
  return result.json ?? {};
}

/** The CLI's own version line; fails with the install hint when the CLI is missing. */
export function cliVersion(): Promise<string> {
  if (!existsSync(AWS)) return Promise.reject(new Error(MISSING_CLI));
  return new Promise((resolve) => execFile(AWS, ['--version'], (_error, out, err) => resolve(`${out}${err}`)));
}
