import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PolicyLineEvaluator, runEvaluate, type EvaluateOutput } from '../../../src/server/evaluate-command.ts';

const A = '111122223333';
const B = '444455556666';
const ALICE = `arn:aws:iam::${A}:user/alice`;
const SECRET_A = `arn:aws:secretsmanager:us-east-1:${A}:secret:prod/db-AbCdEf`;
const SECRET_B = `arn:aws:secretsmanager:us-east-1:${B}:secret:shared/db-Zx81Qa`;
const KEY_B = `arn:aws:kms:us-east-1:${B}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const allow = (action: string, resource = '*', extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...extra }],
});
const deny = (action: string, resource = '*') => ({ Version: '2012-10-17', Statement: [{ Sid: 'NoReads', Effect: 'Deny', Action: action, Resource: resource }] });

function line(fields: { policies?: Record<string, unknown>; request?: Record<string, unknown>; kms?: Record<string, unknown> }): string {
  return JSON.stringify({
    policies: fields.policies ?? {},
    request: { principal: ALICE, action: 'secretsmanager:GetSecretValue', resource: SECRET_A, resourceAccount: A, ...fields.request },
    ...(fields.kms ? { kms: fields.kms } : {}),
  });
}

function decide(text: string, evaluator = new PolicyLineEvaluator()) {
  const result = evaluator.evaluate(text, 1);
  if ('error' in result) throw new Error(`unexpected error line: ${result.error}`);
  return result;
}

const reasonCodes = (result: Exclude<EvaluateOutput, { error: string }>) => result.explanation.reasons.map((r) => r.code);

describe('secretslab evaluate: one line to one decision', () => {
  it('allows a same-account read granted by an identity policy, with the deciding statement and its range', () => {
    const result = decide(line({ policies: { identity: [allow('secretsmanager:GetSecretValue', SECRET_A)] } }));
    expect(result.decision).toBe('Allow');
    expect(reasonCodes(result)).toEqual(['IDENTITY_POLICY_ALLOWS']);
    expect(result.explanation.message).toBeNull();
    expect(result.explanation.deciding).toEqual([
      expect.objectContaining({ policyType: 'identity', policyName: 'identity:0', label: 'Statement[0]', effect: 'Allow', range: expect.objectContaining({ line: 4, column: 5 }) }),
    ]);
    expect(result.explanation.policies).toEqual([expect.objectContaining({ policyType: 'identity', outcome: 'allows' })]);
    expect(result.explanation.text).toMatch(/^secretsmanager:GetSecretValue on arn:\S+ is allowed\. An identity-based policy allows the action\.$/);
  });

  it('denies a same-account user with no policy, phrased as AWS phrases it', () => {
    const result = decide(line({}));
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.explanation.message).toBe(
      `User: ${ALICE} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${SECRET_A} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });

  it('needs both sides for a cross-account read: the identity policy and the secret policy', () => {
    const identity = [allow('secretsmanager:GetSecretValue', SECRET_B)];
    const resource = allow('secretsmanager:GetSecretValue', '*', { Principal: { AWS: `arn:aws:iam::${A}:root` } });
    const request = { resource: SECRET_B, resourceAccount: B };
    const both = decide(line({ policies: { identity, resource }, request }));
    expect(both.decision).toBe('Allow');
    expect(both.explanation.crossAccount).toBe(true);
    expect(reasonCodes(both)).toContain('CROSS_ACCOUNT_BOTH_SIDES_ALLOW');

    const noResourcePolicy = decide(line({ policies: { identity }, request }));
    expect(noResourcePolicy.decision).toBe('ImplicitDeny');
    expect(reasonCodes(noResourcePolicy)).toEqual(['NO_RESOURCE_POLICY']);

    const noIdentity = decide(line({ policies: { resource }, request }));
    expect(noIdentity.decision).toBe('ImplicitDeny');
    expect(noIdentity.explanation.denial).toEqual({ kind: 'implicit', policyType: 'identity' });
  });

  it('treats an empty SCP list as no SCPs, and requires an Allow at every listed level', () => {
    const identity = [allow('secretsmanager:*')];
    const fullAccess = allow('*');
    expect(decide(line({ policies: { identity, scp: [] } })).decision).toBe('Allow');
    expect(decide(line({ policies: { identity, scp: [{ level: 'root', policies: [fullAccess] }, { level: 'account', policies: [fullAccess] }] } })).decision).toBe('Allow');

    const gap = decide(line({ policies: { identity, scp: [{ level: 'root', policies: [fullAccess] }, { level: 'ou', policies: [allow('kms:*')] }] } }));
    expect(gap.decision).toBe('ImplicitDeny');
    expect(reasonCodes(gap)).toEqual(['SCP_LEVEL_WITHOUT_ALLOW']);
    expect(gap.explanation.message).toMatch(/because no service control policy allows the secretsmanager:GetSecretValue action$/);

    const scpDeny = decide(line({ policies: { identity, scp: [{ level: 'root', policies: [fullAccess, deny('secretsmanager:GetSecretValue')] }] } }));
    expect(scpDeny.decision).toBe('ExplicitDeny');
    expect(scpDeny.explanation.message).toMatch(/with an explicit deny in a service control policy$/);
    expect(scpDeny.explanation.deciding).toEqual([expect.objectContaining({ policyType: 'scp', policyName: 'scp:root:1', level: 'root', label: 'NoReads' })]);
  });

  it('gives nested OUs a level each, so each needs its own Allow', () => {
    const identity = [allow('secretsmanager:*')];
    const result = decide(line({ policies: { identity, scp: [{ level: 'ou', policies: [allow('*')] }, { level: 'ou', policies: [allow('kms:*')] }] } }));
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.explanation.reasons[0]?.message).toContain('`ou #2`');
  });

  it('lets an explicit deny override an Allow, and accepts policies written as strings', () => {
    const result = decide(line({ policies: { identity: [JSON.stringify(allow('secretsmanager:*')), JSON.stringify(deny('secretsmanager:Get*'))] } }));
    expect(result.decision).toBe('ExplicitDeny');
    expect(result.explanation.denial).toEqual({ kind: 'explicit', policyType: 'identity' });
    expect(result.explanation.message).toMatch(/with an explicit deny in an identity-based policy$/);
    // A policy given as a string keeps its own text: its range is on the one line it was written on.
    expect(result.explanation.deciding[0]?.range).toMatchObject({ line: 1 });
  });

  it('evaluates conditions against the request context, and explains a failed one', () => {
    const identity = [allow('secretsmanager:GetSecretValue', '*', { Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } })];
    const inside = decide(line({ policies: { identity }, request: { context: { 'aws:SourceIp': '10.1.2.3' } } }));
    expect(inside.decision).toBe('Allow');
    const outside = decide(line({ policies: { identity }, request: { context: { 'aws:SourceIp': ['192.0.2.1'] } } }));
    expect(outside.decision).toBe('ImplicitDeny');
    expect(outside.explanation.policies[0]?.statements[0]?.conditions[0]).toMatchObject({ operator: 'IpAddress', key: 'aws:SourceIp', matched: false, outcome: 'values-did-not-match', requestValues: ['192.0.2.1'] });
  });

  it('combines the secret and the key: an AWS managed key cannot be used from another account', () => {
    const identity = [allow('secretsmanager:GetSecretValue', SECRET_B), allow('kms:Decrypt', KEY_B)];
    const resource = allow('secretsmanager:GetSecretValue', '*', { Principal: { AWS: `arn:aws:iam::${A}:root` } });
    const request = { resource: SECRET_B, resourceAccount: B };
    const managed = decide(line({ policies: { identity, resource }, request, kms: { keyArn: KEY_B, keyType: 'aws-managed' } }));
    expect(managed.decision).toBe('ImplicitDeny');
    expect(managed.explanation.steps?.map((s) => [s.action, s.decision])).toEqual([
      ['secretsmanager:GetSecretValue', 'Allow'],
      ['kms:Decrypt', 'ImplicitDeny'],
    ]);
    expect(managed.explanation.message).toBe(
      `User: ${ALICE} is not authorized to perform: kms:Decrypt on resource: ${KEY_B} because no resource-based policy allows the kms:Decrypt action`,
    );
    expect(managed.explanation.policies.find((p) => p.policyType === 'key')?.name).toBe('aws/secretsmanager key policy');

    const keyPolicy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:Decrypt', Resource: '*' }],
    };
    const customer = decide(line({ policies: { identity, resource }, request, kms: { keyArn: KEY_B, keyPolicy } }));
    expect(customer.decision).toBe('Allow');
    expect(customer.explanation.steps?.map((s) => s.decision)).toEqual(['Allow', 'Allow']);
  });

  it('uses the AWS managed key in its own account through Secrets Manager', () => {
    const KEY_A = `arn:aws:kms:us-east-1:${A}:key/0000aaaa-12ab-34cd-56ef-1234567890ab`;
    const result = decide(line({ policies: { identity: [allow('secretsmanager:GetSecretValue')] }, kms: { keyArn: KEY_A, keyType: 'aws-managed' } }));
    expect(result.decision).toBe('Allow');
  });

  it('treats a resource policy on a KMS key as its key policy', () => {
    const KEY_A = `arn:aws:kms:us-east-1:${A}:key/0000aaaa-12ab-34cd-56ef-1234567890ab`;
    // The key policy does not enable IAM, so the identity policy alone grants nothing [KMS-KP].
    const keyPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/bob` }, Action: 'kms:*', Resource: '*' }] };
    const result = decide(line({ policies: { identity: [allow('kms:Decrypt')], resource: keyPolicy }, request: { action: 'kms:Decrypt', resource: KEY_A } }));
    expect(result.decision).toBe('ImplicitDeny');
    expect(reasonCodes(result)).toEqual(['KEY_POLICY_NO_ALLOW']);
  });

  it('parses each distinct policy once across lines', () => {
    const evaluator = new PolicyLineEvaluator();
    const identity = [allow('secretsmanager:GetSecretValue')];
    for (let i = 0; i < 50; i++) decide(line({ policies: { identity }, request: { context: { 'aws:SourceIp': `10.0.0.${i}` } } }), evaluator);
    decide(line({ policies: { identity: [JSON.stringify(allow('kms:*'))] } }), evaluator);
    expect(evaluator.cachedPolicies).toBe(2);
  });
});

describe('secretslab evaluate: bad lines', () => {
  const evaluator = new PolicyLineEvaluator();

  it.each([
    ['not json', 7, /^not JSON: /],
    ['{}', 7, /^request: /],
    [line({ request: { resourceAccount: '12' } }), 7, /^request\.resourceAccount: expected a 12-digit account id$/],
    [line({ request: { action: 'GetSecretValue' } }), 7, /^request\.action: expected an action as service:Name/],
    [line({ policies: { identity: ['{"Version": "2012-10-17", "Statement": [}'] } }), 7, /^policies\.identity\.0: not a valid policy: JSON_SYNTAX_ERROR at 1:\d+/],
    [line({ policies: { identity: [{ Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: '*', Resource: '*' }] }] } }), 7, /^policies\.identity\.0: not a valid policy: /],
    [line({ policies: { identiy: [] } }), 7, /^policies: Unrecognized key/],
    [line({ policies: { scp: [{ level: 'org', policies: [] }] } }), 7, /^policies\.scp\.0\.level: /],
    [line({ request: { principal: 'alice' } }), 7, /^request\.principal: not a principal ARN: alice$/],
    [line({ kms: { keyArn: KEY_B } }), 7, /^kms\.keyPolicy: a customer managed key needs its keyPolicy$/],
    [line({ kms: { keyArn: KEY_B, keyType: 'aws-managed', keyPolicy: allow('kms:*') } }), 7, /^kms\.keyPolicy: omit keyPolicy/],
    [line({ request: { context: { 'aws:SourceIp': 1 } } }), 7, /^request\.context\.aws:SourceIp: expected a string or a list of strings$/],
  ])('%s', (text, lineNumber, error) => {
    const result = evaluator.evaluate(text, lineNumber);
    expect(result).toEqual({ line: 7, error: expect.stringMatching(error) });
  });
});

describe('secretslab evaluate: streams', () => {
  it('writes one line per request in order, skips blank lines, and counts bad ones', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const done = runEvaluate(input, output);
    input.end(`${line({ policies: { identity: [allow('*')] } })}\n\n{oops\n${line({})}\n`);
    expect(await done).toEqual({ lines: 3, bad: 1 });
    const lines = chunks.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.decision ?? l.line)).toEqual(['Allow', 3, 'ImplicitDeny']);
  });
});

describe('secretslab evaluate: the command', () => {
  function runCommand(stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const bin = new URL('../../../bin/secretslab.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'evaluate'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin);
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  }

  it('reads stdin, answers each line on stdout and exits non-zero when a line was bad', async () => {
    const good = line({ policies: { identity: [allow('secretsmanager:GetSecretValue', SECRET_A)] } });
    const denied = line({ policies: { identity: [allow('*'), deny('secretsmanager:*')] } });
    const { code, stdout, stderr } = await runCommand(`${good}\n{"request": 1}\n${denied}\n`);
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { decision?: string; line?: number; error?: string });
    expect(lines.map((l) => l.decision ?? `line ${l.line}`)).toEqual(['Allow', 'line 2', 'ExplicitDeny']);
    expect(lines[1]?.error).toMatch(/^request: /);
    expect(code).toBe(1);
    expect(stderr).toContain('1 of 3 lines were not valid requests');
  }, 30_000);

  it('exits 0 when every line was a valid request', async () => {
    const { code, stdout } = await runCommand(`${line({})}\n`);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ decision: 'ImplicitDeny' });
  }, 30_000);
});
