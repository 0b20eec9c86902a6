import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT } from './aws-cli-runner.ts';
import { startParity, type ParityHarness, type Step } from './cli-parity-harness.ts';

/**
 * Parameter Store and EventBridge in the in-page terminal against the real AWS CLI v2 through the local endpoint
 * (the harness, cli-parity-harness.ts, says how): String, StringList and SecureString parameters, a reference to a
 * Secrets Manager secret, the path and metadata reads, then an EventBridge rule for Secrets Manager's events with a
 * target, listed and taken apart; each in the output formats and with --query.
 */

const SEED = 'cli-parity-ssm-events';

const SECRET_EVENTS = JSON.stringify({ source: ['aws.secretsmanager'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['PutSecretValue', 'RotateSecret'] } });

const SSM_STEPS: Step[] = [
  { args: ['secretsmanager', 'create-secret', '--name', 'prod/db', '--secret-string', '{"username":"admin","password":"first"}'] },
  { args: ['ssm', 'put-parameter', '--name', '/app/prod/url', '--value', 'https://example.com', '--type', 'String'] },
  { args: ['ssm', 'put-parameter', '--name', '/app/prod/hosts', '--value', 'db1,db2,db3', '--type', 'StringList', '--description', 'Database hosts'] },
  { args: ['ssm', 'put-parameter', '--name', '/app/prod/db-password', '--value', 'hunter2', '--type', 'SecureString', '--output', 'text'] },
  { args: ['ssm', 'put-parameter', '--name', '/app/dev/url', '--value', 'http://localhost', '--type', 'String', '--tier', 'Standard'] },
  { args: ['ssm', 'put-parameter', '--name', '/app/prod/url', '--value', 'https://example.org', '--type', 'String'] },
  { args: ['ssm', 'put-parameter', '--name', '/app/prod/url', '--value', 'https://example.org', '--overwrite'] },
  { args: ['ssm', 'get-parameter', '--name', '/app/prod/url'] },
  { args: ['ssm', 'get-parameter', '--name', '/app/prod/hosts', '--query', 'Parameter.Value', '--output', 'text'] },
  { args: ['ssm', 'get-parameter', '--name', '/app/prod/db-password'] },
  { args: ['ssm', 'get-parameter', '--name', '/app/prod/db-password', '--with-decryption'] },
  { args: ['ssm', 'get-parameter', '--name', '/app/prod/db-password', '--with-decryption', '--output', 'text'] },
  { args: ['ssm', 'get-parameter', '--name', '/aws/reference/secretsmanager/prod/db', '--with-decryption'] },
  { args: ['ssm', 'get-parameter', '--name', '/aws/reference/secretsmanager/prod/db'] },
  { args: ['ssm', 'get-parameter', '--name', '/aws/reference/secretsmanager/prod/db:AWSCURRENT', '--with-decryption', '--output', 'yaml'] },
  { args: ['ssm', 'get-parameter', '--name', '/aws/reference/secretsmanager/prod/db', '--with-decryption', '--query', 'Parameter.Value', '--output', 'text'] },
  { args: ['ssm', 'get-parameters-by-path', '--path', '/app/prod'] },
  { args: ['ssm', 'get-parameters-by-path', '--path', '/app', '--recursive', '--with-decryption', '--query', 'Parameters[].[Name,Type,Value]', '--output', 'text'] },
  { args: ['ssm', 'get-parameters-by-path', '--path', '/app', '--recursive', '--output', 'table'] },
  { args: ['ssm', 'get-parameters-by-path', '--path', '/app/prod', '--max-items', '1', '--query', '{Names:Parameters[].Name,Next:NextToken}'] },
  { args: ['ssm', 'get-parameters-by-path', '--path', '/app/prod', '--page-size', '1', '--query', 'Parameters[].Name'] },
  { args: ['ssm', 'get-parameters-by-path', '--path', '/app', '--recursive', '--max-items', '2', '--output', 'text'] },
  { args: ['ssm', 'describe-parameters', '--max-items', '1', '--query', 'Parameters[].Name', '--output', 'text'] },
  { args: ['ssm', 'describe-parameters'] },
  { args: ['ssm', 'describe-parameters', '--output', 'text'] },
  { args: ['ssm', 'describe-parameters', '--parameter-filters', 'Key=Type,Values=SecureString', '--output', 'table'] },
  { args: ['ssm', 'describe-parameters', '--parameter-filters', 'Key=Path,Option=Recursive,Values=/app', '--query', 'Parameters[].Name', '--output', 'yaml'] },
  { args: ['ssm', 'get-parameters', '--names', '/app/prod/url', '/app/nope', '/aws/reference/secretsmanager/nope'] },
  { args: ['ssm', 'get-parameters', '--names', '/app/prod/db-password', '/aws/reference/secretsmanager/nope', '--with-decryption', '--query', '{Values:Parameters[].Value,Invalid:InvalidParameters}'] },
  { args: ['ssm', 'get-parameters', '--names', '/app/prod/url', '/app/prod/hosts', '--output', 'yaml'] },
  { args: ['ssm', 'get-parameters', '--names', '/app/prod/url', '/app/nope', '--output', 'text'] },
  { args: ['ssm', 'get-parameters', '--names', '/aws/reference/secretsmanager/prod/db', '--with-decryption', '--query', 'Parameters[0].[Name,Type,Version,ARN]', '--output', 'table'] },
  { args: ['ssm', 'delete-parameter', '--name', '/app/prod/url'] },
  { args: ['ssm', 'get-parameter', '--name', '/app/prod/url'] },
  { args: ['ssm', 'delete-parameter', '--name', '/app/prod/url'] },
  { args: ['ssm', 'put-parameter', '--name', 'aws-reserved', '--value', 'x', '--type', 'String'] },
  { args: ['ssm', 'put-parameter', '--name', '/app/bad', '--value', 'x', '--type', 'Text'] },
  { args: ['ssm', 'get-parameter'] },
  // Values with line breaks, tabs and apostrophes, as the CLI's YAML emitter quotes and folds them.
  { args: ['ssm', 'put-parameter', '--name', '/certs/ca', '--type', 'String', '--description', "The team's CA: rotate it when it's a year old", '--value', '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n'] },
  { args: ['ssm', 'put-parameter', '--name', '/certs/tabbed', '--type', 'String', '--value', 'key\tvalue and a long enough line to be folded by the emitter at its eighty columns'] },
  { args: ['ssm', 'get-parameters-by-path', '--path', '/certs', '--output', 'yaml'] },
  { args: ['ssm', 'describe-parameters', '--parameter-filters', 'Key=Path,Values=/certs', '--output', 'yaml'] },
  { args: ['ssm', 'get-parameter', '--name', '/certs/ca', '--output', 'text'] },
];

const EVENTS_STEPS: Step[] = [
  { args: ['events', 'put-rule', '--name', 'secret-changes', '--event-pattern', SECRET_EVENTS, '--description', 'Secrets Manager writes'] },
  { args: ['events', 'put-rule', '--name', 'secret-reads', '--event-pattern', '{"source":["aws.secretsmanager"]}', '--state', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'] },
  { args: ['events', 'put-targets', '--rule', 'secret-changes', '--targets', 'Id=inbox,Arn=arn:aws:sns:us-east-1:111122223333:secret-alerts'] },
  { args: ['events', 'put-targets', '--rule', 'secret-changes', '--targets', '[{"Id":"audit","Arn":"arn:aws:sqs:us-east-1:111122223333:audit"}]'] },
  { args: ['events', 'list-rules'] },
  { args: ['events', 'list-rules', '--output', 'table'] },
  { args: ['events', 'list-rules', '--output', 'text'] },
  { args: ['events', 'list-rules', '--name-prefix', 'secret-c', '--query', 'Rules[].[Name,State]', '--output', 'text'] },
  { args: ['events', 'list-rules', '--max-items', '1', '--query', 'Rules[].Name'] },
  { args: ['events', 'list-targets-by-rule', '--rule', 'secret-changes'] },
  { args: ['events', 'list-targets-by-rule', '--rule', 'secret-changes', '--output', 'yaml'] },
  { args: ['events', 'list-targets-by-rule', '--rule', 'secret-changes', '--page-size', '1', '--query', 'Targets[].Id', '--output', 'text'] },
  { args: ['events', 'delete-rule', '--name', 'secret-changes'] },
  { args: ['events', 'remove-targets', '--rule', 'secret-changes', '--ids', 'inbox', 'audit'] },
  { args: ['events', 'delete-rule', '--name', 'secret-changes'] },
  { args: ['events', 'delete-rule', '--name', 'secret-reads'] },
  { args: ['events', 'list-rules', '--output', 'text'] },
  { args: ['events', 'list-rules', '--output', 'table'] },
  { args: ['events', 'list-rules', '--output', 'yaml'] },
  { args: ['events', 'list-targets-by-rule', '--rule', 'secret-changes'] },
  { args: ['events', 'put-targets', '--rule', 'nope', '--targets', 'Id=x,Arn=arn:aws:sns:us-east-1:111122223333:t'] },
  { args: ['events', 'put-rule', '--name', 'bad-pattern', '--event-pattern', '{"source":"aws.secretsmanager"}'] },
  { args: ['events', 'put-rule', '--name', 'no-pattern'] },
];

let parity: ParityHarness;

beforeAll(async () => {
  parity = await startParity(SEED);
});

afterAll(async () => {
  await parity?.close();
});

describe('the in-page terminal prints what the real AWS CLI v2 prints for Parameter Store and EventBridge', () => {
  it('puts, reads, references, lists and deletes parameters with the same stdout, stderr and exit codes', { timeout: SSM_STEPS.length * CLI_TIMEOUT }, async () => {
    const { real, realText, pageText } = await parity.run(SSM_STEPS);
    expect(real.filter((result) => result.exitCode === 0).length).toBeGreaterThan(25);
    expect(real.filter((result) => result.exitCode === 254).length).toBeGreaterThanOrEqual(4);
    // The reference answers with the secret's value and Secrets Manager's response as SourceResult.
    expect(real[12]!.stdout).toContain('"SourceResult": ');
    expect(real[12]!.stdout).toContain('\\"password\\":\\"first\\"');
    expect(real[13]!.stderr).toContain('WithDecryption flag must be True for retrieving a Secret Manager secret.');
    expect(pageText).toBe(realText);
  });

  it('creates, targets, lists and removes rules with the same stdout, stderr and exit codes', { timeout: EVENTS_STEPS.length * CLI_TIMEOUT }, async () => {
    const { real, realText, pageText } = await parity.run(EVENTS_STEPS);
    expect(real.filter((result) => result.exitCode === 0).length).toBeGreaterThan(14);
    expect(real.filter((result) => result.exitCode !== 0).length).toBeGreaterThanOrEqual(4);
    expect(pageText).toBe(realText);
  });
});
