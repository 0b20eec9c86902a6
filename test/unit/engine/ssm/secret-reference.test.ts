import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../src/engine/index.ts';
import { javaDefaultDate } from '../../../../src/engine/ssm/secret-reference.ts';
import { ACCOUNT, call, fails, newSim, ok, ssm } from './helpers.ts';

const REF = '/aws/reference/secretsmanager/';
const INTERN = { principalArn: `arn:aws:iam::${ACCOUNT}:user/intern` };

function secret(sim: Simulator, name: string, secretString: string): { arn: string; versionId: string } {
  return ok(call(sim, 'secretsmanager', 'CreateSecret', { name, secretString, clientRequestToken: '11111111-1111-4111-8111-111111111111' }));
}

function intern(sim: Simulator, actions: string[]): void {
  ok(call(sim, 'iam', 'CreateUser', { userName: 'intern' }));
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] };
  ok(call(sim, 'iam', 'PutUserPolicy', { userName: 'intern', policyName: 'p', policyDocument: JSON.stringify(policy) }));
}

function nestedSecretReads(sim: Simulator) {
  return sim.state.log.entries.filter((e) => e.kind === 'call' && e.service === 'secretsmanager' && e.operation === 'GetSecretValue') as unknown as {
    invokedBy?: string;
    errorCode?: string;
  }[];
}

describe('Parameter Store references to Secrets Manager secrets', () => {
  it('reads the secret as a SecureString of version 0 with the secret ARN, its creation date and SourceResult', () => {
    const sim = newSim();
    const created = secret(sim, 'prod/db', '{"password":"first"}');
    const parameter = ok(ssm(sim, 'GetParameter', { name: `${REF}prod/db`, withDecryption: true })).parameter;
    expect(parameter).toMatchObject({ name: `${REF}prod/db`, type: 'SecureString', value: '{"password":"first"}', version: 0, arn: created.arn, lastModifiedDate: sim.now });
    expect(parameter).not.toHaveProperty('selector');
    expect(parameter).not.toHaveProperty('dataType');
    expect(JSON.parse(parameter.sourceResult)).toEqual({
      ARN: created.arn,
      name: 'prod/db',
      versionId: created.versionId,
      secretString: '{"password":"first"}',
      versionStages: ['AWSCURRENT'],
      createdDate: javaDefaultDate(sim.now),
    });
  });

  it('refuses a read without WithDecryption, in AWS words', () => {
    const sim = newSim();
    secret(sim, 'prod/db', 'v');
    fails(ssm(sim, 'GetParameter', { name: `${REF}prod/db` }), 'ValidationException', 'WithDecryption flag must be True for retrieving a Secret Manager secret.');
    fails(ssm(sim, 'GetParameters', { names: [`${REF}prod/db`] }), 'ValidationException', /WithDecryption flag must be True/);
  });

  it('picks a version by staging label or version id after a colon, echoed as the Selector', () => {
    const sim = newSim();
    secret(sim, 'prod/db', 'first');
    const second = ok(call(sim, 'secretsmanager', 'PutSecretValue', { secretId: 'prod/db', secretString: 'second', clientRequestToken: '22222222-2222-4222-8222-222222222222' }));
    expect(ok(ssm(sim, 'GetParameter', { name: `${REF}prod/db`, withDecryption: true })).parameter.value).toBe('second');
    const previous = ok(ssm(sim, 'GetParameter', { name: `${REF}prod/db:AWSPREVIOUS`, withDecryption: true })).parameter;
    expect(previous).toMatchObject({ name: `${REF}prod/db`, value: 'first', selector: ':AWSPREVIOUS' });
    const byId = ok(ssm(sim, 'GetParameter', { name: `${REF}prod/db:${second.versionId}`, withDecryption: true })).parameter;
    expect(byId).toMatchObject({ value: 'second', selector: `:${second.versionId}` });
  });

  it('a missing secret is ParameterNotFound, and an invalid name among GetParameters', () => {
    const sim = newSim();
    secret(sim, 'prod/db', 'v');
    fails(ssm(sim, 'GetParameter', { name: `${REF}nope`, withDecryption: true }), 'ParameterNotFound');
    const both = ok(ssm(sim, 'GetParameters', { names: [`${REF}prod/db`, `${REF}nope`], withDecryption: true }));
    expect(both.parameters.map((p: { value: string }) => p.value)).toEqual(['v']);
    expect(both.invalidParameters).toEqual([`${REF}nope`]);
  });

  it('a binary secret has no Value; SourceResult carries it as Java serialises a ByteBuffer', () => {
    const sim = newSim();
    ok(call(sim, 'secretsmanager', 'CreateSecret', { name: 'bin', secretBinary: new Uint8Array([1, 200]) }));
    const parameter = ok(ssm(sim, 'GetParameter', { name: `${REF}bin`, withDecryption: true })).parameter;
    expect(parameter).not.toHaveProperty('value');
    expect(JSON.parse(parameter.sourceResult).secretBinary).toMatchObject({ hb: [1, -56], limit: 2, capacity: 2, position: 0 });
  });

  it('needs the caller own secretsmanager:GetSecretValue; the read is logged as invoked by ssm.amazonaws.com', () => {
    const sim = newSim();
    secret(sim, 'prod/db', 'v');
    intern(sim, ['ssm:GetParameter']);
    fails(ssm(sim, 'GetParameter', { name: `${REF}prod/db`, withDecryption: true }, { caller: INTERN }), 'AccessDeniedException', /secretsmanager:GetSecretValue/);
    expect(nestedSecretReads(sim).map((c) => [c.invokedBy, c.errorCode])).toEqual([['ssm.amazonaws.com', 'AccessDeniedException']]);
  });

  it('with secretsmanager:GetSecretValue the same caller reads it; the value never reaches the log', () => {
    const sim = newSim();
    secret(sim, 'prod/db', 'VALUE-MARKER-7');
    intern(sim, ['ssm:GetParameter', 'secretsmanager:GetSecretValue']);
    expect(ok(ssm(sim, 'GetParameter', { name: `${REF}prod/db`, withDecryption: true }, { caller: INTERN })).parameter.value).toBe('VALUE-MARKER-7');
    expect(nestedSecretReads(sim).map((c) => [c.invokedBy, c.errorCode])).toEqual([['ssm.amazonaws.com', undefined]]);
    expect(JSON.stringify(sim.state.log)).not.toContain('VALUE-MARKER-7');
  });

  it('writes under /aws/reference stay refused (the aws prefix is reserved)', () => {
    const sim = newSim();
    fails(ssm(sim, 'PutParameter', { name: `${REF}prod/db`, value: 'x', type: 'String' }), 'ValidationException', /can't be prefixed with "aws"/);
  });

  it("formats SourceResult's date as Java's default US medium format, in UTC", () => {
    expect(javaDefaultDate(Date.UTC(2022, 10, 16, 8, 22, 40))).toBe('Nov 16, 2022, 8:22:40 AM');
    expect(javaDefaultDate(Date.UTC(2026, 0, 1, 0, 0, 5))).toBe('Jan 1, 2026, 12:00:05 AM');
    expect(javaDefaultDate(Date.UTC(2026, 6, 4, 12, 30, 0))).toBe('Jul 4, 2026, 12:30:00 PM');
    expect(javaDefaultDate(Date.UTC(2026, 11, 31, 23, 59, 59))).toBe('Dec 31, 2026, 11:59:59 PM');
  });
});
