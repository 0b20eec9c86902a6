import { cac } from 'cac';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, type Simulator } from '../engine/index.ts';
import { DEFAULT_HOST, DEFAULT_PORT, startEndpoint, type RunningEndpoint } from './http-endpoint.ts';
import { startAppServer } from './app-server.ts';
import { runEvaluate } from './evaluate-command.ts';
import { runBill } from './bill-command.ts';

/**
 * The `secretslab` command. `serve` runs the local AWS endpoint; `app` serves the built web app; `evaluate` decides
 * IAM policy requests read as JSON lines; `bill` prints a month's bill.
 */

interface AccessKeyView {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  userName: string;
  status: string;
}

/** The access keys a learner can use, one line per account (read from the world, so a saved world shows its own). */
export function credentialLines(sim: Simulator): string[] {
  const iam = sim.state.services.iam as { accessKeys?: Record<string, AccessKeyView> } | undefined;
  const keys = Object.values(iam?.accessKeys ?? {}).filter((k) => k.status === 'Active');
  keys.sort((a, b) => Number(b.accountId === DEFAULT_ACCOUNT_ID) - Number(a.accountId === DEFAULT_ACCOUNT_ID) || a.accountId.localeCompare(b.accountId));
  return keys.map((key) => {
    const account = sim.state.accounts[key.accountId];
    const label = `${key.accountId}${account ? ` (${account.name})` : ''}, user ${key.userName}`;
    return `  ${label.padEnd(44)} AWS_ACCESS_KEY_ID=${key.accessKeyId} AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}`;
  });
}

export function banner(endpoint: RunningEndpoint): string[] {
  const lines = [
    `SecretsLab endpoint listening on ${endpoint.url}`,
    '  Secrets Manager, KMS, CloudTrail, SSM Parameter Store and EventBridge over AWS JSON 1.1, IAM and STS over the',
    '  Query protocol, all signed with SigV4;',
    `  the region comes from your signature (default ${endpoint.sim.state.defaultRegion ?? DEFAULT_REGION}; IAM is global).`,
    '  This is a simulator: never put a real secret in it.',
    'Credentials (account, principal, keys):',
    ...credentialLines(endpoint.sim),
    'Try:',
    `  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=${DEFAULT_REGION} \\`,
    `    aws --endpoint-url ${endpoint.url} secretsmanager create-secret --name demo --secret-string hello`,
    ...endpoint.notes,
    endpoint.realtime
      ? 'Clock: virtual time follows the wall clock while the server runs.'
      : `Clock: virtual time stands at ${new Date(endpoint.sim.now).toISOString()} (pass --realtime to let it run).`,
  ];
  if (endpoint.host !== '127.0.0.1' && endpoint.host !== 'localhost' && endpoint.host !== '::1') {
    lines.push(`Warning: listening on ${endpoint.host}, reachable from other machines. Anyone who can reach it can use the keys above.`);
  }
  return lines;
}

function parsePort(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, not ${String(value)}`);
  return port;
}

function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    // stderr, and errors ignored: stdout may be a pipe that is already gone (`secretslab serve | head`).
    process.stderr.on('error', () => {});
    process.stderr.write(`\n${signal}: saving and stopping.\n`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

export function buildCli() {
  const cli = cac('secretslab');
  cli
    .command('serve', 'Run the local AWS endpoint (Secrets Manager, KMS, IAM, STS) for the AWS CLI and SDKs')
    .option('--port <port>', `Port to listen on (0 picks a free one)`, { default: DEFAULT_PORT })
    .option('--host <host>', 'Interface to listen on; other machines can reach anything but 127.0.0.1', { default: DEFAULT_HOST })
    .option('--state <file>', 'Keep the world in this JSON file between runs (saved atomically after each change)')
    .option('--seed <seed>', 'Seed for a new world (ids, keys, ARN suffixes)')
    .option('--realtime', 'Let virtual time follow the wall clock while serving (recovery windows end in real days)')
    .example('secretslab serve --port 4566 --state ./secretslab-world.json')
    .action(async (options: { port?: unknown; host?: string; state?: string; seed?: unknown; realtime?: boolean }) => {
      const endpoint = await startEndpoint({
        port: parsePort(options.port, DEFAULT_PORT),
        host: options.host ?? DEFAULT_HOST,
        ...(options.state ? { statePath: String(options.state) } : {}),
        ...(options.seed !== undefined ? { seed: String(options.seed) } : {}),
        realtime: options.realtime === true,
        log: (line) => process.stderr.write(`${line}\n`),
      });
      process.stdout.write(`${banner(endpoint).join('\n')}\n`);
      onShutdown(() => endpoint.close());
    });
  cli
    .command('app', 'Serve the built web app (run `npm run build` first)')
    .option('--port <port>', 'Port to listen on (default 4180, or any free port if that one is busy)')
    .option('--host <host>', 'Interface to listen on', { default: DEFAULT_HOST })
    .option('--dir <dir>', 'The built app', { default: 'dist' })
    .action(async (options: { port?: unknown; host?: string; dir?: string }) => {
      const app = await startAppServer({
        port: parsePort(options.port, 4180),
        host: options.host ?? DEFAULT_HOST,
        dir: options.dir ?? 'dist',
        fallbackToFreePort: options.port === undefined,
      });
      process.stdout.write(`SecretsLab is running at ${app.url}\n`);
      onShutdown(() => app.close());
    });
  cli
    .command('evaluate', 'Decide IAM requests read as JSON lines on stdin; writes one decision with its explanation per line')
    .usage(
      'evaluate < requests.jsonl\n\n' +
        'Each line: {"policies": {"identity": [doc], "resource": doc|null, "scp": [{"level": "root"|"ou"|"account", "policies": [doc]}],\n' +
        '  "rcp": [...], "boundary": doc|null, "session": doc|null}, "request": {"principal": ARN, "action": "svc:Name",\n' +
        '  "resource": ARN|"*", "resourceAccount": "123456789012", "context": {key: string|[string]}},\n' +
        '  "kms": {"keyArn", "keyPolicy", "keyType": "customer-managed"|"aws-managed", "action", "resourceAccount", "context"}}\n' +
        'Policies are JSON objects or strings. An empty scp list means no SCPs apply; each listed level needs an Allow.\n' +
        'With kms, the decision is the combined one (the request, then kms:Decrypt through the key as the caller).\n' +
        'Output: {"decision": "Allow"|"ExplicitDeny"|"ImplicitDeny", "explanation": {...}} or {"line": N, "error": "..."};\n' +
        'the exit code is 1 if any line was bad.',
    )
    .example(`echo '{"policies":{"identity":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}]},"request":{"principal":"arn:aws:iam::${DEFAULT_ACCOUNT_ID}:user/alice","action":"secretsmanager:GetSecretValue","resource":"*","resourceAccount":"${DEFAULT_ACCOUNT_ID}"}}' | secretslab evaluate`)
    .action(async () => {
      // stdout may close early (`| head`): stop quietly rather than die on EPIPE.
      process.stdout.on('error', () => {});
      const summary = await runEvaluate(process.stdin, process.stdout);
      if (summary.bad > 0) {
        process.stderr.write(`secretslab evaluate: ${summary.bad} of ${summary.lines} lines were not valid requests\n`);
        process.exitCode = 1;
      }
    });
  cli
    .command('bill', "Print one account's bill for one month, from a saved world or a described month")
    .option('--state <file>', 'A world saved by `secretslab serve --state` or exported from the app')
    .option('--usage <file>', 'A described month (JSON): {"month", "secrets", "replicas", "customerManagedKeys", "keyRotations", "secretsManagerCalls", "kmsRequests", "lambdaRequests", "lambdaMbMs"}')
    .option('--month <YYYY-MM>', "The month (default: the world's current month)")
    .option('--account <id>', "The account (default: the world's default account)")
    .option('--exam', 'Ignore free tiers, as exam questions usually do')
    .option('--json', 'Print the bill as JSON (amounts as exact decimal strings)')
    .example('secretslab bill --state ./secretslab-world.json --month 2026-01')
    .action((options: { state?: string; usage?: string; month?: unknown; account?: unknown; exam?: boolean; json?: boolean }) => {
      process.stdout.write(
        runBill({
          ...(options.state ? { state: String(options.state) } : {}),
          ...(options.usage ? { usage: String(options.usage) } : {}),
          ...(options.month !== undefined ? { month: String(options.month) } : {}),
          ...(options.account !== undefined ? { account: String(options.account) } : {}),
          exam: options.exam === true,
          json: options.json === true,
        }),
      );
    });
  cli.help();
  return cli;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const cli = buildCli();
  cli.parse(argv, { run: false });
  if (!cli.matchedCommand) {
    if (cli.args.length > 0) {
      process.stderr.write(`Unknown command: ${cli.args.join(' ')}\n`);
      process.exitCode = 1;
    }
    if (!cli.options.help) cli.outputHelp();
    return;
  }
  await cli.runMatchedCommand();
}

main().catch((error: unknown) => {
  process.stderr.write(`secretslab: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
