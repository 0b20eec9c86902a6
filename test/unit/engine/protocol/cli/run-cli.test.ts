import { describe, expect, it } from 'vitest';
import { createSimulator, simulatorParts, type CallRequest } from '../../../../../src/engine/index.ts';
import {
  cliCommandTable,
  cliTimestamp,
  commonPrefix,
  completeCommandLine,
  runCliLine,
  splitCommandLine,
  type CliRunOptions,
} from '../../../../../src/engine/protocol/cli/index.ts';

const table = cliCommandTable(simulatorParts().services);

function terminal(seed = 'run-cli') {
  const sim = createSimulator({ seed });
  const requests: CallRequest[] = [];
  let tokens = 0;
  const options: CliRunOptions = {
    table,
    call: (request) => {
      requests.push(request);
      return sim.call(request);
    },
    region: 'us-east-1',
    idempotencyToken: () => `c11e7000-0000-4000-8000-${String(++tokens).padStart(12, '0')}`,
  };
  return { sim, requests, run: (line: string, env: Record<string, string> = {}) => runCliLine(line, options, env) };
}

describe('runCliLine', () => {
  it('creates and reads a secret, printing JSON with four-space indents and ISO dates', () => {
    const { run } = terminal();
    const created = run('aws secretsmanager create-secret --name x --secret-string y');
    expect(created.exitCode).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ Name: 'x', VersionId: 'c11e7000-0000-4000-8000-000000000001' });
    const value = run('aws secretsmanager get-secret-value --secret-id x');
    expect(value.stdout).toContain('\n    "SecretString": "y",\n');
    expect(value.stdout).toContain('"CreatedDate": "2026-01-01T00:00:00+00:00"');
    expect(run('aws secretsmanager get-secret-value --secret-id x --query SecretString --output text').stdout).toBe('y\n');
  });

  it('prints an error the service returned as the CLI does, exit code 254, and nothing on stdout', () => {
    const { run } = terminal();
    expect(run('aws secretsmanager get-secret-value --secret-id nope')).toEqual({
      stdout: '',
      stderr: "\nAn error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.\n",
      exitCode: 254,
    });
  });

  it('makes the call as the given region and fills the idempotency token on the client', () => {
    const { run, requests } = terminal();
    run("aws --region eu-west-1 secretsmanager create-secret --name 'a b' --secret-string \"x y\"");
    expect(requests[0]).toMatchObject({ service: 'secretsmanager', operation: 'CreateSecret', region: 'eu-west-1' });
    expect(requests[0]!.input).toEqual({ name: 'a b', secretString: 'x y', clientRequestToken: 'c11e7000-0000-4000-8000-000000000001' });
  });

  it('makes one call when the paging member is given explicitly (the CLI turns pagination off)', () => {
    const { run, requests } = terminal();
    for (let i = 0; i < 3; i++) run(`aws secretsmanager create-secret --name s${i} --secret-string v`);
    requests.length = 0;
    const one = run('aws secretsmanager list-secrets --max-results 2 --query SecretList[].Name');
    expect(JSON.parse(one.stdout)).toHaveLength(2);
    expect(requests).toHaveLength(1);
  });

  it('follows NextToken through every page: one merged list in JSON, one line per page in text (the query applied to each page)', () => {
    const sim = createSimulator({ seed: 'pages' });
    for (let i = 0; i < 5; i++) sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: `p${i}`, secretString: 'v' } });
    const pages: unknown[] = [];
    const result = runCliLine('aws secretsmanager list-secrets --query SecretList[].Name --output text', {
      table,
      // The wrapper asks for two at a time, as a small --page-size would.
      call: (request) => {
        pages.push((request.input as Record<string, unknown>).nextToken);
        return sim.call({ ...request, input: { ...(request.input as object), maxResults: 2 } });
      },
    });
    // awscli's TextFormatter prints each page on its own (checked against the real CLI in cli-parity-ssm-events).
    expect(result.stdout).toBe('p0\tp1\np2\tp3\np4\n');
    expect(pages).toHaveLength(3);
    expect(pages[0]).toBeUndefined();
    const json = runCliLine('aws secretsmanager list-secrets --query SecretList[].Name', {
      table,
      call: (request) => sim.call({ ...request, input: { ...(request.input as object), maxResults: 2 } }),
    });
    expect(JSON.parse(json.stdout)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('prints text and yaml as the CLI formats them', () => {
    const { run } = terminal();
    run('aws secretsmanager create-secret --name x --secret-string y');
    expect(run('aws secretsmanager list-secret-version-ids --secret-id x --output text').stdout).toBe(
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:x-' +
        run('aws secretsmanager describe-secret --secret-id x --query ARN --output text').stdout.trim().split('-').at(-1) +
        '\tx\nVERSIONS\t2026-01-01T00:00:00+00:00\tc11e7000-0000-4000-8000-000000000001\nKMSKEYIDS\tDefaultEncryptionKey\nVERSIONSTAGES\tAWSCURRENT\n',
    );
    expect(run('aws secretsmanager get-secret-value --secret-id x --query VersionStages --output yaml').stdout).toBe('- AWSCURRENT\n');
    expect(run('aws secretsmanager get-secret-value --secret-id x --query Name --output yaml').stdout).toBe('"x"\n');
  });

  it('shows IAM policy documents as JSON objects, as the CLI decodes them', () => {
    const { run } = terminal();
    const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
    run(`aws iam create-role --role-name R --assume-role-policy-document '${trust}'`);
    const role = JSON.parse(run('aws iam get-role --role-name R').stdout) as { Role: { AssumeRolePolicyDocument: unknown } };
    expect(role.Role.AssumeRolePolicyDocument).toEqual(JSON.parse(trust));
  });

  it('turns a one-row table vertical when it is wider than the terminal', () => {
    const sim = createSimulator({ seed: 'narrow' });
    const result = runCliLine('aws sts get-caller-identity --query "{A:Account,B:Account}" --output table', {
      table,
      call: (request) => sim.call(request),
      terminalWidth: 30,
    });
    // aws-cli 2.9.19 in a 30-column terminal (stty cols 30), colours stripped.
    expect(result.stdout).toBe(
      ['-----------------------', '|  GetCallerIdentity  |', '+---+-----------------+', '|  A|  111122223333   |', '|  B|  111122223333   |', '+---+-----------------+', ''].join('\n'),
    );
  });

  it('stops at --max-items with a resume token, starts again from --starting-token, and asks for --page-size per call', () => {
    const { run, requests } = terminal();
    for (let i = 0; i < 5; i++) run(`aws secretsmanager create-secret --name s${i} --secret-string v`);
    requests.length = 0;
    const first = JSON.parse(run('aws secretsmanager list-secrets --max-items 2 --page-size 3 --query "{n:SecretList[].Name,t:NextToken}"').stdout) as { n: string[]; t: string };
    expect(first.n).toEqual(['s0', 's1']);
    expect(requests.map((r) => (r.input as { maxResults?: number }).maxResults)).toEqual([3]);
    // botocore's token: base64 of json.dumps({"NextToken": <the page's token>, "boto_truncate_amount": 2}).
    expect(atob(first.t)).toBe('{"NextToken": null, "boto_truncate_amount": 2}');
    const rest = JSON.parse(run(`aws secretsmanager list-secrets --starting-token ${first.t} --page-size 3 --query SecretList[].Name`).stdout) as string[];
    expect(rest).toEqual(['s2', 's3', 's4']);
    expect(run('aws secretsmanager list-secrets --max-items 1 --no-paginate')).toMatchObject({
      exitCode: 252,
      stderr: '\nParameter validation failed:\nCannot specify --no-paginate along with pagination arguments: --max-items\n',
    });
  });

  it('draws --output table as the CLI does', () => {
    const { run } = terminal();
    expect(run('aws sts get-caller-identity --output table').stdout).toBe(
      [
        '-----------------------------------------------------',
        '|                 GetCallerIdentity                 |',
        '+---------+-----------------------------------------+',
        '|  Account|  111122223333                           |',
        '|  Arn    |  arn:aws:iam::111122223333:user/admin   |',
        `|  UserId |  ${JSON.parse(run('aws sts get-caller-identity').stdout).UserId as string}                  |`,
        '+---------+-----------------------------------------+',
        '',
      ].join('\n'),
    );
    // Printed by aws-cli 2.9.19 for the same query (title centred over the scaled columns).
    expect(run('aws sts get-caller-identity --query "{A:Account,B:Account}" --output table').stdout).toBe(
      [
        '----------------------------------',
        '|        GetCallerIdentity       |',
        '+---------------+----------------+',
        '|       A       |       B        |',
        '+---------------+----------------+',
        '|  111122223333 |  111122223333  |',
        '+---------------+----------------+',
        '',
      ].join('\n'),
    );
  });

  it('refuses pipes, profiles and other programs clearly', () => {
    const { run } = terminal();
    expect(run('aws sts get-caller-identity --profile dev')).toMatchObject({ exitCode: 255, stderr: expect.stringMatching(/^\nThe config profile \(dev\) could not be found\n/) });
    expect(run('aws sts get-caller-identity | jq .')).toMatchObject({ exitCode: 255, stderr: expect.stringContaining("'|'") });
    expect(run('ls -l')).toMatchObject({ exitCode: 127, stderr: expect.stringContaining('ls: command not found') });
    expect(run('   ')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('rejects a bad --query before calling anything', () => {
    const { run, requests } = terminal();
    const result = run('aws secretsmanager list-secrets --query [');
    expect(result.exitCode).toBe(252);
    expect(result.stderr).toMatch(/^\nBad value for --query \[: Invalid jmespath expression: /);
    expect(requests).toHaveLength(0);
  });

  it('prints help for the CLI, a service and a command', () => {
    const { run } = terminal();
    expect(run('aws help').stdout).toContain('o secretsmanager');
    expect(run('aws kms help').stdout).toContain('o create-key');
    const help = run('aws secretsmanager delete-secret help').stdout;
    expect(help).toContain('--secret-id (string) required');
    expect(help).toContain('[--force-delete-without-recovery | --no-force-delete-without-recovery]');
  });
});

describe('splitCommandLine', () => {
  it('splits as a shell does, with variables from the terminal', () => {
    expect(splitCommandLine(`aws kms describe-key --key-id "$KEY" --query 'KeyMetadata.Arn'`, { KEY: 'k 1' })).toEqual([
      'aws', 'kms', 'describe-key', '--key-id', 'k 1', '--query', 'KeyMetadata.Arn',
    ]);
    expect(splitCommandLine('aws sts get-caller-identity # who am I')).toEqual(['aws', 'sts', 'get-caller-identity']);
  });
});

describe('cliTimestamp', () => {
  it('is Python isoformat in UTC: microseconds only when there are any', () => {
    expect(cliTimestamp(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00+00:00');
    expect(cliTimestamp(Date.UTC(2026, 0, 1, 12, 30, 5, 250))).toBe('2026-01-01T12:30:05.250000+00:00');
  });
});

describe('completion', () => {
  it('completes services, commands, then flags not yet used', () => {
    expect(completeCommandLine(table, 'aws secr')).toEqual(['secretsmanager']);
    expect(completeCommandLine(table, 'aws secretsmanager get-s')).toEqual(['get-secret-value']);
    expect(completeCommandLine(table, 'aws secretsmanager get-secret-value --secret-id x --ver')).toEqual(['--version-id', '--version-stage']);
    expect(completeCommandLine(table, 'aws secretsmanager delete-secret --f')).toEqual(['--force-delete-without-recovery']);
    expect(completeCommandLine(table, 'aws secretsmanager list-secrets --max')).toEqual(['--max-results', '--max-items']);
    expect(commonPrefix(['--version-id', '--version-stage'])).toBe('--version-');
  });
});
