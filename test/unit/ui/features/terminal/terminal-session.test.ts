import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, simulatorParts, type CallRequest, type Simulator } from '../../../../../src/engine/index.ts';
import * as cli from '../../../../../src/engine/protocol/cli/index.ts';
import { continuedCommand, TerminalSession } from '../../../../../src/ui/features/terminal/terminal-session.ts';

let sim: Simulator;
let written: string;
let requests: CallRequest[];
let session: TerminalSession;
let tokens = 0;

/** What the screen shows, roughly: colour codes and cursor moves stripped. */
function screen(): string {
  // eslint-disable-next-line no-control-regex
  return written.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
}

function type(text: string): void {
  for (const char of text) session.input(char);
}

beforeEach(() => {
  sim = createSimulator({ seed: 'terminal-session' });
  written = '';
  requests = [];
  session = new TerminalSession({
    cli,
    table: cli.cliCommandTable(simulatorParts().services),
    call: (request) => {
      requests.push(request);
      return sim.call(request);
    },
    region: () => 'us-east-1',
    idempotencyToken: () => `c11e7000-0000-4000-8000-${String(++tokens).padStart(12, '0')}`,
    write: (text) => (written += text),
  });
  session.start();
});

describe('TerminalSession', () => {
  it('runs a typed command on Enter and prints its output with CR LF line ends', () => {
    type('aws secretsmanager create-secret --name x --secret-string y');
    session.input('\r');
    expect(requests.map((r) => r.operation)).toEqual(['CreateSecret']);
    expect(written).toContain('{\r\n    "ARN": "arn:aws:secretsmanager:us-east-1:111122223333:secret:x-');
    expect(written.endsWith(session.prompt)).toBe(true);
  });

  it('recalls history with up and down, and edits in the middle of a line', () => {
    type('aws sts get-caller-identity');
    session.input('\r');
    type('aws kms list-keys');
    session.input('\r');
    session.input('\x1b[A');
    session.input('\x1b[A');
    session.input('\x1b[B');
    session.input('\r');
    expect(requests.map((r) => r.operation)).toEqual(['GetCallerIdentity', 'ListKeys', 'ListKeys']);
    // A typo inside the line: move left past ' get-caller-identity' and delete the stray 'x'.
    type('aws stsx get-caller-identity');
    for (let i = 0; i < 'x get-caller-identity'.length - 1; i++) session.input('\x1b[D');
    session.input('\x7f');
    session.input('\r');
    expect(requests.at(-1)?.operation).toBe('GetCallerIdentity');
  });

  it('abandons a line on Ctrl+C without running it', () => {
    type('aws sts get-caller-identity');
    session.input('\x03');
    expect(screen()).toContain('^C');
    session.input('\r');
    expect(requests).toHaveLength(0);
  });

  it('completes on Tab: a unique completion is inserted with a space, several are listed', () => {
    type('aws secretsm');
    session.input('\t');
    type('get-secret-v');
    session.input('\t');
    type('--secret-id x');
    session.input('\r');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ operation: 'GetSecretValue', input: { secretId: 'x' } });
    type('aws secretsmanager get-secret-value --version');
    session.input('\t');
    // '--version' completes to the shared '--version-' then both choices are listed on the next Tab.
    session.input('\t');
    expect(screen()).toContain('--version-id  --version-stage');
  });

  it('keeps variables, including $(aws ...) output, for later commands', () => {
    session.input('KEY=$(aws kms create-key --query KeyMetadata.KeyId --output text)\r');
    expect(session.env.KEY).toMatch(/^[0-9a-f-]{36}$/);
    session.input('aws kms describe-key --key-id "$KEY" --query KeyMetadata.KeyState --output text\r');
    expect(requests.at(-1)?.input).toEqual({ keyId: session.env.KEY });
    expect(screen()).toContain('Enabled\r\n');
    session.input('echo $KEY\r');
    expect(screen()).toContain(`${session.env.KEY}\r\n`);
  });

  it('calls as the principal of AWS_ACCESS_KEY_ID, exported or for one command, and reads the region variables', () => {
    session.input('aws iam create-user --user-name bob\r');
    const key = JSON.parse(session.execute('aws iam create-access-key --user-name bob').stdout) as { AccessKey: { AccessKeyId: string; SecretAccessKey: string } };
    const id = key.AccessKey.AccessKeyId;
    expect(session.execute(`AWS_ACCESS_KEY_ID=${id} aws sts get-caller-identity --query Arn --output text`).stdout).toBe('arn:aws:iam::111122223333:user/bob\n');
    // The prefix applied to that command only.
    expect(session.execute('aws sts get-caller-identity --query Arn --output text').stdout).toBe('arn:aws:iam::111122223333:user/admin\n');
    session.execute(`export AWS_ACCESS_KEY_ID=${id} AWS_DEFAULT_REGION=eu-west-1`);
    expect(session.execute('aws secretsmanager list-secrets')).toMatchObject({ exitCode: 254, stderr: expect.stringContaining('(AccessDeniedException)') });
    expect(requests.at(-1)).toMatchObject({ caller: { accessKeyId: id }, region: 'eu-west-1' });
    expect(session.execute('AWS_ACCESS_KEY_ID=AKIANOTAKEY aws sts get-caller-identity').stderr).toContain('(InvalidClientTokenId)');
  });

  it('runs each line of a multi-line paste', () => {
    session.input('aws sts get-caller-identity\naws kms list-keys\n');
    expect(requests.map((r) => r.operation)).toEqual(['GetCallerIdentity', 'ListKeys']);
  });

  it('clears the screen on clear, and prints errors in red on their own', () => {
    session.input('aws secretsmanager get-secret-value --secret-id nope\r');
    expect(written).toContain("\x1b[31m\r\nAn error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.\r\n\x1b[0m");
    session.input('clear\r');
    expect(written).toContain('\x1b[2J');
    session.input('history\r');
    expect(screen()).toContain('    1  aws secretsmanager get-secret-value --secret-id nope\r\n    2  clear');
  });

  it('continues a command after a trailing backslash, with the > prompt, as bash does', () => {
    type('aws secretsmanager create-secret \\');
    session.input('\r');
    expect(requests).toEqual([]);
    expect(screen().endsWith('\r\n> ')).toBe(true);
    type('    --name continued --secret-string v');
    session.input('\r');
    expect(requests.map((r) => [r.operation, (r.input as { name?: string }).name])).toEqual([['CreateSecret', 'continued']]);
    expect(written.endsWith(session.prompt)).toBe(true);
  });

  it('keeps the newlines of a pasted JSON value inside quotes, and Ctrl+C drops an unfinished command', () => {
    session.input("aws secretsmanager create-secret --name json --secret-string '{\n  \"user\": \"app\"\n}'\r");
    expect(requests).toHaveLength(1);
    expect((requests[0]!.input as { secretString?: string }).secretString).toBe('{\n  "user": "app"\n}');
    type("aws secretsmanager create-secret --name never --secret-string 'open");
    session.input('\r');
    session.input('\x03');
    type('aws sts get-caller-identity');
    session.input('\r');
    expect(requests.map((r) => r.operation)).toEqual(['CreateSecret', 'GetCallerIdentity']);
  });
});

describe('continuedCommand', () => {
  it('reads quotes and backslashes as bash does', () => {
    expect(continuedCommand('aws sts get-caller-identity')).toBeUndefined();
    expect(continuedCommand('aws kms list-keys \\')).toBe('aws kms list-keys ');
    expect(continuedCommand("--secret-string '{")).toBe("--secret-string '{\n");
    expect(continuedCommand('--secret-string "a \\" b')).toBe('--secret-string "a \\" b\n');
    // Escaped quotes open nothing; a backslash inside single quotes is a plain character.
    expect(continuedCommand("it\\'s")).toBeUndefined();
    expect(continuedCommand("'C:\\'")).toBeUndefined();
    expect(continuedCommand('"a \\')).toBe('"a ');
  });
});

