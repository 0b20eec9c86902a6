import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator, simulatorParts, type Simulator } from '../../src/engine/index.ts';
import { cliCommandTable, runCli, type CliRunResult } from '../../src/engine/protocol/cli/index.ts';
import type { RunningEndpoint } from '../../src/server/http-endpoint.ts';
import { AWS, CLI_TIMEOUT, cliEnvironment, TEST_CREDENTIALS } from './aws-cli-runner.ts';
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

/** A step: its words (after `aws`), with `${name}` replaced by a value this side captured earlier. */
export interface Step {
  args: string[];
  /** Capture a value from this step's stdout, per side: JSON member path, or the whole trimmed text. */
  capture?: { name: string; from: 'text' | ((json: Record<string, unknown>) => unknown) };
}

/** Commands whose idempotency token the CLI prints back as the VersionId. */
const TOKEN_COMMANDS = ['create-secret', 'put-secret-value', 'update-secret', 'rotate-secret'];

export interface ParityRun {
  real: CliRunResult[];
  page: CliRunResult[];
  /** Both transcripts, each side's own client tokens normalised (see above). */
  realText: string;
  pageText: string;
}

export interface ParityHarness {
  run(steps: readonly Step[]): Promise<ParityRun>;
  close(): Promise<void>;
}

/** The real CLI with only our options: unlike runAws, nothing is appended, so `--output` is the step's own. */
function realCli(endpoint: RunningEndpoint, home: string, args: string[]): Promise<CliRunResult> {
  if (!existsSync(AWS)) return Promise.reject(new Error(`The AWS CLI v2 is not installed at ${AWS}. On Debian: apt-get install -y awscli.`));
  return new Promise((resolve, reject) => {
    execFile(
      AWS,
      ['--endpoint-url', endpoint.url, ...args],
      {
        // The CLI prints timestamps in the machine's zone; the terminal prints the world's, UTC.
        env: cliEnvironment(home, TEST_CREDENTIALS, { TZ: 'UTC' }),
        timeout: CLI_TIMEOUT,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ stdout, stderr, exitCode: error ? Number(error.code) : 0 });
      },
    );
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
export function normalise(mine: string, theirs: string): string {
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

function transcript(steps: readonly Step[], results: CliRunResult[]): string {
  return results.map((result, i) => `## ${steps[i]!.args.slice(0, 2).join(' ')} (step ${i + 1})\n[exit ${result.exitCode}]\n${result.stdout}[stderr]\n${result.stderr}`).join('\n');
}

/** An endpoint and an in-page simulator built from the same seed, and a scratch HOME for the CLI. */
export async function startParity(seed: string): Promise<ParityHarness> {
  const home = mkdtempSync(join(tmpdir(), 'secretslab-cli-parity-'));
  const endpoint = await startTestEndpoint({ seed });
  const simulator: Simulator = createSimulator({ seed });
  const table = cliCommandTable(simulatorParts().services);
  let tokenCount = 0;
  /** Tokens the real CLI made in the current step, for the terminal to use in the same step. */
  let cliTokens: string[] = [];
  const terminal = (args: string[]): CliRunResult =>
    runCli(args, {
      table,
      call: (request) => simulator.call(request),
      region: 'us-east-1',
      idempotencyToken: () => cliTokens.shift() ?? `c11e7000-0000-4000-8000-${String(++tokenCount).padStart(12, '0')}`,
    });
  return {
    async run(steps) {
      const real: CliRunResult[] = [];
      const page: CliRunResult[] = [];
      const realCaptured = new Map<string, string>();
      const pageCaptured = new Map<string, string>();
      for (const step of steps) {
        const fromCli = await realCli(endpoint, home, resolveArgs(step.args, realCaptured));
        captureInto(step, fromCli, realCaptured);
        real.push(fromCli);
        cliTokens = TOKEN_COMMANDS.includes(step.args[1]!) ? tokensPrinted(fromCli) : [];
        const fromPage = terminal(resolveArgs(step.args, pageCaptured));
        captureInto(step, fromPage, pageCaptured);
        page.push(fromPage);
      }
      const rawReal = transcript(steps, real);
      const rawPage = transcript(steps, page);
      // PARITY_DUMP=<dir> keeps both transcripts, to diff them with a real diff tool when a step disagrees.
      if (process.env.PARITY_DUMP) {
        writeFileSync(join(process.env.PARITY_DUMP, `${seed}-${steps.length}.real.txt`), rawReal);
        writeFileSync(join(process.env.PARITY_DUMP, `${seed}-${steps.length}.page.txt`), rawPage);
      }
      return { real, page, realText: normalise(rawReal, rawPage), pageText: normalise(rawPage, rawReal) };
    },
    async close() {
      await endpoint.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
