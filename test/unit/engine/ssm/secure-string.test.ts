import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../src/engine/index.ts';
import { ACCOUNT, call, fails, get, newSim, ok, put, ssm } from './helpers.ts';

const INTERN = { principalArn: `arn:aws:iam::${ACCOUNT}:user/intern` };

function kmsCalls(sim: Simulator) {
  return sim.state.log.entries.filter((e) => e.kind === 'call' && e.service === 'kms') as unknown as {
    operation: string;
    invokedBy?: string;
    errorCode?: string;
    requestParameters: { encryptionContext?: Record<string, string> };
  }[];
}

/** A user allowed every Parameter Store action and, unless `kms` is given, nothing in KMS. */
function intern(sim: Simulator, kmsStatement?: object): void {
  ok(call(sim, 'iam', 'CreateUser', { userName: 'intern' }));
  const statements = [{ Effect: 'Allow', Action: 'ssm:*', Resource: '*' }, ...(kmsStatement ? [kmsStatement] : [])];
  ok(call(sim, 'iam', 'PutUserPolicy', { userName: 'intern', policyName: 'p', policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
}

describe('SecureString through KMS', () => {
  it('uses alias/aws/ssm by default, made on first use; the plaintext is nowhere in the snapshot', () => {
    const sim = newSim();
    put(sim, '/db/password', 'PLAINTEXT-MARKER-42', { type: 'SecureString' });
    const alias = ok(call(sim, 'kms', 'ListAliases')).aliases.find((a: { aliasName: string }) => a.aliasName === 'alias/aws/ssm');
    expect(alias?.targetKeyId).toBeDefined();
    expect(JSON.stringify(sim.snapshot())).not.toContain('PLAINTEXT-MARKER-42');
    const meta = ok(ssm(sim, 'DescribeParameters')).parameters[0];
    expect(meta).toMatchObject({ type: 'SecureString', keyId: 'alias/aws/ssm' });
    expect(meta).not.toHaveProperty('value');
  });

  it('GetParameter without WithDecryption returns the encrypted value, with it the plaintext', () => {
    const sim = newSim();
    put(sim, '/db/password', 'hunter2', { type: 'SecureString' });
    const hidden = get(sim, '/db/password');
    expect(hidden.value).not.toContain('hunter2');
    expect(hidden.value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(get(sim, '/db/password', true).value).toBe('hunter2');
  });

  it('only the decrypting read calls KMS; the calls are invoked by ssm.amazonaws.com with PARAMETER_ARN as context', () => {
    const sim = newSim();
    put(sim, '/db/password', 'hunter2', { type: 'SecureString' });
    get(sim, '/db/password');
    get(sim, '/db/password', true);
    const calls = kmsCalls(sim).filter((c) => c.operation !== 'ListAliases');
    expect(calls.map((c) => c.operation)).toEqual(['GenerateDataKey', 'Decrypt']);
    for (const c of calls) {
      expect(c.invokedBy).toBe('ssm.amazonaws.com');
      expect(c.requestParameters.encryptionContext).toEqual({ PARAMETER_ARN: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/db/password` });
    }
  });

  it('a customer managed key named by alias is kept and reported by DescribeParameters', () => {
    const sim = newSim();
    const key = ok(call(sim, 'kms', 'CreateKey')).keyMetadata;
    ok(call(sim, 'kms', 'CreateAlias', { aliasName: 'alias/app', targetKeyId: key.keyId }));
    put(sim, '/app/token', 't0k3n', { type: 'SecureString', keyId: 'alias/app' });
    expect(get(sim, '/app/token', true).value).toBe('t0k3n');
    const filtered = ok(ssm(sim, 'DescribeParameters', { parameterFilters: [{ key: 'KeyId', values: ['alias/app'] }] })).parameters;
    expect(filtered.map((p: { name: string; keyId: string }) => [p.name, p.keyId])).toEqual([['/app/token', 'alias/app']]);
  });

  it('a caller without KMS permission on the key can neither write nor decrypt a SecureString', () => {
    const sim = newSim();
    const key = ok(call(sim, 'kms', 'CreateKey')).keyMetadata;
    put(sim, '/app/token', 't0k3n', { type: 'SecureString', keyId: key.keyId });
    intern(sim);
    fails(ssm(sim, 'PutParameter', { name: '/app/other', value: 'v', type: 'SecureString', keyId: key.keyId }, { caller: INTERN }), 'AccessDeniedException', /kms:GenerateDataKey/);
    fails(ssm(sim, 'GetParameter', { name: '/app/token', withDecryption: true }, { caller: INTERN }), 'AccessDeniedException', /kms:Decrypt/);
    // Without decryption the same caller reads the ciphertext: no KMS call, so no KMS permission needed.
    expect(ok(ssm(sim, 'GetParameter', { name: '/app/token' }, { caller: INTERN })).parameter.value).not.toContain('t0k3n');
    // The refused write left nothing behind.
    fails(ssm(sim, 'GetParameter', { name: '/app/other' }), 'ParameterNotFound');
  });

  it('with kms:Decrypt on the key the same caller decrypts', () => {
    const sim = newSim();
    const key = ok(call(sim, 'kms', 'CreateKey')).keyMetadata;
    put(sim, '/app/token', 't0k3n', { type: 'SecureString', keyId: key.keyId });
    intern(sim, { Effect: 'Allow', Action: 'kms:Decrypt', Resource: key.arn });
    expect(ok(ssm(sim, 'GetParameter', { name: '/app/token', withDecryption: true }, { caller: INTERN })).parameter.value).toBe('t0k3n');
  });

  it('a disabled key breaks decryption with InvalidKeyId; re-enabled, it reads again', () => {
    const sim = newSim();
    const key = ok(call(sim, 'kms', 'CreateKey')).keyMetadata;
    put(sim, '/app/token', 't0k3n', { type: 'SecureString', keyId: key.keyId });
    ok(call(sim, 'kms', 'DisableKey', { keyId: key.keyId }));
    fails(ssm(sim, 'GetParameter', { name: '/app/token', withDecryption: true }), 'InvalidKeyId');
    ok(call(sim, 'kms', 'EnableKey', { keyId: key.keyId }));
    expect(get(sim, '/app/token', true).value).toBe('t0k3n');
  });

  it('the KMS requests Parameter Store makes are metered to the caller as KMS usage', () => {
    const sim = newSim();
    put(sim, '/s', 'v', { type: 'SecureString' });
    get(sim, '/s', true);
    const meters = sim.state.usage['2026-01']![ACCOUNT]!;
    const kmsRequests = Object.entries(meters).filter(([k]) => k.startsWith('kms:')).reduce((n, [, v]) => n + v, 0);
    expect(kmsRequests).toBeGreaterThanOrEqual(2);
  });
});
