import { describe, expect, it } from 'vitest';
import { simulatorParts } from '../../../../../src/engine/index.ts';
import { cliCommandTable, CliUsageError, parseCommandLine, USAGE } from '../../../../../src/engine/protocol/cli/index.ts';

const table = cliCommandTable(simulatorParts().services);

function call(...argv: string[]) {
  const parsed = parseCommandLine(table, argv);
  if (parsed.kind !== 'call') throw new Error(`not a call: ${parsed.kind}`);
  return parsed;
}

function usageError(...argv: string[]): CliUsageError {
  try {
    parseCommandLine(table, argv);
  } catch (error) {
    if (error instanceof CliUsageError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('the command table', () => {
  it('names commands and flags as the CLI does, from the engine operations', () => {
    expect([...table.services.keys()]).toEqual(['cloudtrail', 'events', 'iam', 'kms', 'organizations', 'secretsmanager', 'ssm', 'sts']);
    expect([...table.services.get('ssm')!.keys()]).toEqual(['delete-parameter', 'describe-parameters', 'get-parameter', 'get-parameters', 'get-parameters-by-path', 'put-parameter']);
    expect([...table.services.get('events')!.keys()]).toEqual(['delete-rule', 'list-rules', 'list-targets-by-rule', 'put-rule', 'put-targets', 'remove-targets']);
    expect(table.services.get('ssm')!.get('get-parameter')!.params.map((p) => p.flag)).toEqual(['--name', '--with-decryption']);
    const rotate = table.services.get('secretsmanager')!.get('rotate-secret')!;
    expect(rotate.operation).toBe('RotateSecret');
    expect(rotate.params.map((p) => p.flag)).toEqual(['--secret-id', '--client-request-token', '--rotation-lambda-arn', '--rotation-rules', '--rotate-immediately']);
    expect(rotate.idempotencyToken).toBe('clientRequestToken');
  });
});

describe('parseCommandLine', () => {
  it('takes a word starting with a dash as a value when it holds a space, as argparse does', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    expect(call('ssm', 'put-parameter', '--name', '/c', '--type', 'String', '--value', pem).input).toMatchObject({ value: pem });
    expect(usageError('ssm', 'put-parameter', '--name', '/c', '--type', 'String', '--value', '-----BEGIN').message).toBe('argument --value: expected one argument');
  });

  it('maps flags to the operation input in the engine form', () => {
    const parsed = call('secretsmanager', 'create-secret', '--name', 'x', '--secret-string', 'y', '--tags', 'Key=a,Value=b', 'Key=c,Value=d');
    expect(parsed.command.operation).toBe('CreateSecret');
    expect(parsed.input).toEqual({ name: 'x', secretString: 'y', tags: [{ key: 'a', value: 'b' }, { key: 'c', value: 'd' }] });
    expect(parsed.globals).toEqual({ output: 'json', paginate: true, binaryFormat: 'base64' });
  });

  it('reads integers, booleans and their --no- form, and --flag=value', () => {
    expect(call('secretsmanager', 'delete-secret', '--secret-id=x', '--recovery-window-in-days', '7').input).toEqual({ secretId: 'x', recoveryWindowInDays: 7 });
    expect(call('secretsmanager', 'delete-secret', '--secret-id', 'x', '--force-delete-without-recovery').input).toEqual({ secretId: 'x', forceDeleteWithoutRecovery: true });
    expect(call('secretsmanager', 'get-random-password', '--no-exclude-numbers').input).toEqual({ excludeNumbers: false });
  });

  it('reads a structure as shorthand or JSON, and a map with data keys', () => {
    expect(call('secretsmanager', 'rotate-secret', '--secret-id', 'x', '--rotation-rules', 'AutomaticallyAfterDays=30').input).toEqual({ secretId: 'x', rotationRules: { automaticallyAfterDays: 30 } });
    expect(call('secretsmanager', 'rotate-secret', '--secret-id', 'x', '--rotation-rules', '{"ScheduleExpression":"rate(10 days)"}').input).toEqual({ secretId: 'x', rotationRules: { scheduleExpression: 'rate(10 days)' } });
    expect(call('kms', 'encrypt', '--key-id', 'k', '--plaintext', 'aGk=', '--encryption-context', 'App=db,Stage=prod').input).toEqual({
      keyId: 'k',
      plaintext: new Uint8Array([104, 105]),
      encryptionContext: { App: 'db', Stage: 'prod' },
    });
  });

  it('reads timestamps as ISO 8601 or epoch seconds, to the engine\'s milliseconds', () => {
    const at = (value: string) => call('cloudtrail', 'lookup-events', '--start-time', value).input.startTime;
    expect(at('2026-01-02T03:04:05Z')).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
    expect(at('2026-01-02')).toBe(Date.UTC(2026, 0, 2));
    expect(at('1767225600')).toBe(Date.UTC(2026, 0, 1));
    expect(usageError('cloudtrail', 'lookup-events', '--start-time', 'yesterday').message).toBe("Error parsing parameter '--start-time': Invalid timestamp value: yesterday");
  });

  it('reads blobs as base64, or as raw text with --cli-binary-format raw-in-base64-out', () => {
    expect(call('kms', 'encrypt', '--key-id', 'k', '--plaintext', 'aGVsbG8=').input.plaintext).toEqual(new TextEncoder().encode('hello'));
    expect(call('kms', 'encrypt', '--key-id', 'k', '--plaintext', 'hello', '--cli-binary-format', 'raw-in-base64-out').input.plaintext).toEqual(new TextEncoder().encode('hello'));
    expect(usageError('kms', 'encrypt', '--key-id', 'k', '--plaintext', 'x', '--cli-binary-format', 'raw').message).toContain('argument --cli-binary-format: Invalid choice');
  });

  it('reads lists of strings word by word or as JSON', () => {
    expect(call('secretsmanager', 'untag-resource', '--secret-id', 'x', '--tag-keys', 'a', 'b').input).toEqual({ secretId: 'x', tagKeys: ['a', 'b'] });
    expect(call('secretsmanager', 'untag-resource', '--secret-id', 'x', '--tag-keys', '["a","b"]').input).toEqual({ secretId: 'x', tagKeys: ['a', 'b'] });
  });

  it('accepts an unambiguous prefix of a flag, as argparse does', () => {
    expect(call('secretsmanager', 'get-secret-value', '--secret', 'x').input).toEqual({ secretId: 'x' });
    expect(usageError('secretsmanager', 'get-secret-value', '--version-', 'x').message).toMatch(/ambiguous option: --version- could match --version-id, --version-stage/);
    // The real CLI reads even this as its own --version (checked against aws-cli 2.9.19).
    expect(parseCommandLine(table, ['secretsmanager', 'get-secret-value', '--version', 'x'])).toEqual({ kind: 'version' });
  });

  it('takes global options anywhere', () => {
    const parsed = call('--region', 'eu-west-1', 'secretsmanager', 'list-secrets', '--output', 'text', '--query', 'SecretList[].Name', '--no-paginate');
    expect(parsed.globals).toEqual({ output: 'text', region: 'eu-west-1', query: 'SecretList[].Name', paginate: false, binaryFormat: 'base64' });
  });

  it('refuses what the CLI refuses, with its words and exit code 252', () => {
    const missing = usageError('secretsmanager', 'get-secret-value');
    expect(missing.exitCode).toBe(252);
    expect(missing.stderr).toBe(`\n${USAGE}\naws: error: the following arguments are required: --secret-id\n\n`);
    expect(usageError('secretsmanager', 'get-secret-value', '--secret-id', 'x', '--bogus', '1').stderr).toContain('Unknown options: --bogus, 1\n');
    expect(usageError('secretsmanager', 'delete-secret', '--secret-id', 'x', '--recovery-window-in-days', 'abc').message).toBe(
      "argument --recovery-window-in-days: invalid int value: 'abc'",
    );
    expect(usageError('secretsmanager', 'get-secret-value', '--secret-id', '').stderr).toBe(
      '\nParameter validation failed:\nInvalid length for parameter SecretId, value: 0, valid min length: 1\n',
    );
    expect(usageError('secretsmanager', 'create-secret', '--name', 'n', '--tags', '[{"Key":"a","Value":1}]').stderr).toContain(
      "Invalid type for parameter Tags[0].Value, value: 1, type: <class 'int'>, valid types: <class 'str'>",
    );
    expect(usageError('secretsmanager', 'list-secrets', '--output', 'xml').message).toContain('argument --output: Invalid choice, valid choices are:');
  });

  it('suggests close matches for a mistyped command', () => {
    const error = usageError('secretsmanager', 'get-secret-valu');
    expect(error.message).toContain("Invalid choice: 'get-secret-valu', maybe you meant:\n\n  * get-secret-value\n  * put-secret-value");
    expect(usageError('secretsmanage').message).toContain('argument command: Invalid choice');
  });

  it('says plainly that file:// cannot be read in a browser', () => {
    expect(usageError('secretsmanager', 'put-resource-policy', '--secret-id', 'x', '--resource-policy', 'file://policy.json').message).toMatch(
      /^Error parsing parameter '--resource-policy': Unable to load paramfile file:\/\/policy.json: the in-page terminal has no files to read/,
    );
  });

  it('recognises help and --version', () => {
    expect(parseCommandLine(table, ['help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(table, ['kms', 'help'])).toEqual({ kind: 'help', service: 'kms' });
    expect(parseCommandLine(table, ['kms', 'encrypt', 'help'])).toEqual({ kind: 'help', service: 'kms', command: 'encrypt' });
    expect(parseCommandLine(table, ['--version'])).toEqual({ kind: 'version' });
  });
});
