import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../../src/engine/encoding/index.ts';
import { createSimulator, type Simulator } from '../../../../src/engine/index.ts';
import { ACCOUNT, OTHER_ACCOUNT, OTHER_ADMIN, records } from './helpers.ts';

/** Everything both accounts' histories hold, as LookupEvents would serialise it. */
function everything(sim: Simulator): string {
  return JSON.stringify([...records(sim, ACCOUNT), ...records(sim, OTHER_ACCOUNT)]);
}

/** The texts a value could appear as in a JSON record: itself, JSON-escaped, and (for bytes) base64. */
function forms(value: string): string[] {
  return [value, JSON.stringify(value).slice(1, -1)];
}

// Secret-like values long enough that finding one by chance in an ARN, id or timestamp is impossible in practice.
const secretText = fc.string({ minLength: 12, maxLength: 80, unit: 'grapheme' }).map((s) => `sv:${s}`);
const secretBytes = fc.uint8Array({ minLength: 16, maxLength: 64 });

describe('no event ever contains a secret value', () => {
  it('values written, updated, read and batch-read through Secrets Manager, by the owner and by another account', () => {
    fc.assert(
      fc.property(secretText, secretText, secretText, secretBytes, (first, second, third, binary) => {
        const sim = createSimulator();
        const key = sim.call<{ keyMetadata: { arn: string } }>({ service: 'kms', operation: 'CreateKey', input: {} });
        if (!key.ok) throw key.error;
        sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'app', secretString: first, kmsKeyId: key.output.keyMetadata.arn } });
        sim.call({ service: 'secretsmanager', operation: 'PutSecretValue', input: { secretId: 'app', secretString: second } });
        sim.call({ service: 'secretsmanager', operation: 'UpdateSecret', input: { secretId: 'app', secretString: third } });
        sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'bin', secretBinary: binary } });
        sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'app', versionStage: 'AWSPREVIOUS' } });
        sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'bin' } });
        sim.call({ service: 'secretsmanager', operation: 'BatchGetSecretValue', input: { secretIdList: ['app', 'bin'] } });
        // A refused write (the secret is gone) must not leak the value it carried either.
        sim.call({ service: 'secretsmanager', operation: 'PutSecretValue', input: { secretId: 'nope', secretString: first } });
        // Another account tries the same secret (refused: no resource policy), carrying a value too.
        const arn = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app`;
        sim.call({ service: 'secretsmanager', operation: 'PutSecretValue', input: { secretId: arn, secretString: second }, caller: OTHER_ADMIN });
        const text = everything(sim);
        for (const value of [first, second, third]) for (const form of forms(value)) expect(text).not.toContain(form);
        expect(text).not.toContain(bytesToBase64(binary));
      }),
      { numRuns: 25 },
    );
  });

  it('KMS plaintexts and data keys, and generated passwords', () => {
    fc.assert(
      fc.property(secretBytes, fc.integer({ min: 16, max: 64 }), (plaintext, passwordLength) => {
        const sim = createSimulator();
        const key = sim.call<{ keyMetadata: { arn: string } }>({ service: 'kms', operation: 'CreateKey', input: {} });
        if (!key.ok) throw key.error;
        const keyId = key.output.keyMetadata.arn;
        const encrypted = sim.call<{ ciphertextBlob: Uint8Array }>({ service: 'kms', operation: 'Encrypt', input: { keyId, plaintext } });
        if (!encrypted.ok) throw encrypted.error;
        sim.call({ service: 'kms', operation: 'Decrypt', input: { ciphertextBlob: encrypted.output.ciphertextBlob } });
        const dataKey = sim.call<{ plaintext: Uint8Array }>({ service: 'kms', operation: 'GenerateDataKey', input: { keyId, keySpec: 'AES_256' } });
        if (!dataKey.ok) throw dataKey.error;
        const password = sim.call<{ randomPassword: string }>({ service: 'secretsmanager', operation: 'GetRandomPassword', input: { passwordLength } });
        if (!password.ok) throw password.error;
        const text = everything(sim);
        expect(text).not.toContain(bytesToBase64(plaintext));
        expect(text).not.toContain(bytesToBase64(dataKey.output.plaintext));
        for (const form of forms(password.output.randomPassword)) expect(text).not.toContain(form);
      }),
      { numRuns: 25 },
    );
  });

  it('secret access keys and session credentials', () => {
    const sim = createSimulator();
    sim.call({ service: 'iam', operation: 'CreateUser', input: { userName: 'ci' } });
    const created = sim.call<{ accessKey: { secretAccessKey: string } }>({ service: 'iam', operation: 'CreateAccessKey', input: { userName: 'ci' } });
    if (!created.ok) throw created.error;
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] });
    const role = sim.call<{ role: { arn: string } }>({ service: 'iam', operation: 'CreateRole', input: { roleName: 'R', assumeRolePolicyDocument: trust } });
    if (!role.ok) throw role.error;
    const session = sim.call<{ credentials: { secretAccessKey: string; sessionToken: string } }>({
      service: 'sts',
      operation: 'AssumeRole',
      input: { roleArn: role.output.role.arn, roleSessionName: 'lab' },
    });
    if (!session.ok) throw session.error;
    const text = everything(sim);
    expect(text).toContain('CreateAccessKey');
    expect(text).not.toContain(created.output.accessKey.secretAccessKey);
    expect(text).not.toContain(session.output.credentials.secretAccessKey);
    expect(text).not.toContain(session.output.credentials.sessionToken);
  });
});
