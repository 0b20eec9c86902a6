import { describe, expect, it } from 'vitest';
import { createSimulator, simulatorParts } from '../../../../../src/engine/index.ts';
import { cliCommandTable, runCliLine, type CliRunOptions } from '../../../../../src/engine/protocol/cli/index.ts';

const table = cliCommandTable(simulatorParts().services);
const files: Record<string, string> = { 'value.json': '{"user":"app","password":"p-1"}', 'note.txt': 'hello' };

function terminal(readFile: CliRunOptions['readFile']) {
  const sim = createSimulator({ seed: 'param-files' });
  const options: CliRunOptions = { table, call: (request) => sim.call(request), region: 'us-east-1', idempotencyToken: () => 'c11e7000-0000-4000-8000-000000000001', ...(readFile ? { readFile } : {}) };
  return (line: string) => runCliLine(line, options);
}

describe('file:// and fileb:// values from the terminal files', () => {
  it('reads file:// as text, in both --flag value and --flag=value forms', () => {
    const run = terminal((path) => files[path]);
    expect(run('aws secretsmanager create-secret --name a --secret-string file://value.json').exitCode).toBe(0);
    expect(run('aws secretsmanager get-secret-value --secret-id a --query SecretString --output text').stdout).toBe('{"user":"app","password":"p-1"}\n');
    expect(run('aws secretsmanager create-secret --name b --secret-string=file://note.txt').exitCode).toBe(0);
    expect(run('aws secretsmanager get-secret-value --secret-id b --query SecretString --output text').stdout).toBe('hello\n');
  });

  it('reads fileb:// as bytes for a blob parameter', () => {
    const run = terminal((path) => files[path]);
    expect(run('aws secretsmanager create-secret --name c --secret-binary fileb://note.txt').exitCode).toBe(0);
    // The CLI prints a blob base64-encoded: "hello".
    expect(run('aws secretsmanager get-secret-value --secret-id c --query SecretBinary --output text').stdout).toBe('aGVsbG8=\n');
  });

  it("answers a missing file with the real CLI's error (captured from AWS CLI v2) and exit code 252, calling nothing", () => {
    const run = terminal((path) => files[path]);
    const result = run('aws secretsmanager create-secret --name x --secret-string file://nope.json');
    expect(result).toEqual({
      stdout: '',
      stderr: "\nError parsing parameter '--secret-string': Unable to load paramfile file://nope.json: [Errno 2] No such file or directory: 'nope.json'\n",
      exitCode: 252,
    });
    expect(run('aws secretsmanager list-secrets --query "length(SecretList)"').stdout).toBe('0\n');
  });

  it('leaves a value that only mentions file:// alone when it is not the whole value', () => {
    const run = terminal((path) => files[path]);
    expect(run('aws secretsmanager create-secret --name d --secret-string "see file://value.json"').exitCode).toBe(0);
    expect(run('aws secretsmanager get-secret-value --secret-id d --query SecretString --output text').stdout).toBe('see file://value.json\n');
  });
});
