import { describe, expect, it } from 'vitest';
import { loadSimulator, type Simulator } from '../../../../src/engine/index.ts';
import { create, describe_, fails, getValue, kms, newKey, newSim, ok, put, sm, token } from './helpers.ts';

function secretsManagerAlias(sim: Simulator) {
  return ok(kms(sim, 'ListAliases')).aliases.find((a: { aliasName: string }) => a.aliasName === 'alias/aws/secretsmanager');
}

function versionKeys(sim: Simulator, secretId: string): Record<string, string[]> {
  const versions = ok(sm(sim, 'ListSecretVersionIds', { secretId, includeDeprecated: true })).versions as { versionId: string; kmsKeyIds: string[] }[];
  return Object.fromEntries(versions.map((v) => [v.versionId, v.kmsKeyIds]));
}

describe('KMS integration (§2.8)', () => {
  describe('the default key', () => {
    it('aws/secretsmanager is created in the account on first use; DescribeSecret leaves KmsKeyId out', () => {
      const sim = newSim();
      expect(secretsManagerAlias(sim)?.targetKeyId).toBeUndefined();
      create(sim, 'app');
      const alias = secretsManagerAlias(sim);
      expect(alias.targetKeyId).toBeDefined();
      const key = ok(kms(sim, 'DescribeKey', { keyId: alias.targetKeyId })).keyMetadata;
      expect(key.keyManager).toBe('AWS');
      expect(describe_(sim, 'app')).not.toHaveProperty('kmsKeyId');
      expect(versionKeys(sim, 'app')).toEqual({ [Object.keys(versionKeys(sim, 'app'))[0]!]: ['DefaultEncryptionKey'] });
      // A second secret reuses the same key.
      create(sim, 'other');
      expect(secretsManagerAlias(sim).targetKeyId).toBe(alias.targetKeyId);
    });

    it('the stored value is really encrypted: the plaintext is nowhere in the snapshot', () => {
      const sim = newSim();
      create(sim, 'app', 'PLAINTEXT-MARKER-123');
      expect(getValue(sim, 'app').secretString).toBe('PLAINTEXT-MARKER-123');
      expect(JSON.stringify(sim.snapshot())).not.toContain('PLAINTEXT-MARKER-123');
    });

    it("Secrets Manager's KMS calls are logged as invoked by secretsmanager.amazonaws.com with SecretARN and SecretVersionId in the context", () => {
      const sim = newSim();
      const { arn } = create(sim, 'app', 'v', { clientRequestToken: token(1) });
      getValue(sim, 'app');
      const kmsCalls = sim.state.log.entries.filter((e) => e.kind === 'call' && e.service === 'kms') as unknown as {
        operation: string;
        invokedBy?: string;
        requestParameters: { encryptionContext?: Record<string, string> };
      }[];
      expect(kmsCalls.map((c) => c.operation)).toEqual(['GenerateDataKey', 'Decrypt']);
      for (const call of kmsCalls) {
        expect(call.invokedBy).toBe('secretsmanager.amazonaws.com');
        expect(call.requestParameters.encryptionContext).toEqual({ SecretARN: arn, SecretVersionId: token(1) });
      }
    });
  });

  describe('a customer managed key', () => {
    it.each(['keyId', 'arn', 'alias name', 'alias ARN'])('can be named by %s; DescribeSecret then shows KmsKeyId', (form) => {
      const sim = newSim();
      const key = newKey(sim);
      ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: key.keyId }));
      const ref = { keyId: key.keyId, arn: key.arn, 'alias name': 'alias/app', 'alias ARN': 'arn:aws:kms:us-east-1:111122223333:alias/app' }[form]!;
      create(sim, 'app', 'v1', { kmsKeyId: ref });
      expect(describe_(sim, 'app').kmsKeyId).toBeDefined();
      expect(getValue(sim, 'app').secretString).toBe('v1');
      expect(Object.values(versionKeys(sim, 'app'))[0]).not.toEqual(['DefaultEncryptionKey']);
    });

    it('a disabled key: writes fail with EncryptionFailure, reads with DecryptionFailure; enabling it again restores both', () => {
      const sim = newSim();
      const key = newKey(sim);
      create(sim, 'app', 'v1', { kmsKeyId: key.arn });
      ok(kms(sim, 'DisableKey', { keyId: key.keyId }));
      fails(sm(sim, 'GetSecretValue', { secretId: 'app' }), 'DecryptionFailure');
      fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v2' }), 'EncryptionFailure');
      fails(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v2' }), 'EncryptionFailure');
      fails(sm(sim, 'CreateSecret', { name: 'new', secretString: 'v', kmsKeyId: key.arn }), 'EncryptionFailure');
      fails(sm(sim, 'DescribeSecret', { secretId: 'new' }), 'ResourceNotFoundException');
      // Metadata does not need the key.
      expect(describe_(sim, 'app').name).toBe('app');
      ok(kms(sim, 'EnableKey', { keyId: key.keyId }));
      put(sim, 'app', 'v2');
      expect(getValue(sim, 'app').secretString).toBe('v2');
    });

    it('a key pending deletion: reads fail with DecryptionFailure and writes with EncryptionFailure', () => {
      const sim = newSim();
      const key = newKey(sim);
      create(sim, 'app', 'v1', { kmsKeyId: key.keyId });
      ok(kms(sim, 'ScheduleKeyDeletion', { keyId: key.keyId, pendingWindowInDays: 7 }));
      fails(sm(sim, 'GetSecretValue', { secretId: 'app' }), 'DecryptionFailure');
      fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v2' }), 'EncryptionFailure');
    });

    it('a key that does not exist: CreateSecret fails and creates nothing', () => {
      const sim = newSim();
      const result = sm(sim, 'CreateSecret', { name: 'app', secretString: 'v', kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/00000000-0000-4000-8000-000000000000' });
      expect(result.ok).toBe(false);
      fails(sm(sim, 'DescribeSecret', { secretId: 'app' }), 'ResourceNotFoundException');
    });
  });

  describe('UpdateSecret KmsKeyId', () => {
    it('a new key re-encrypts the AWSCURRENT and AWSPREVIOUS versions, not deprecated ones', () => {
      const sim = newSim();
      const first = newKey(sim);
      const second = newKey(sim);
      create(sim, 'app', 'v1', { kmsKeyId: first.arn, clientRequestToken: token(1) });
      put(sim, 'app', 'v2', { clientRequestToken: token(2) });
      put(sim, 'app', 'v3', { clientRequestToken: token(3) });
      ok(sm(sim, 'UpdateSecret', { secretId: 'app', kmsKeyId: second.arn }));
      expect(describe_(sim, 'app').kmsKeyId).toBe(second.arn);
      ok(kms(sim, 'DisableKey', { keyId: first.keyId }));
      expect(getValue(sim, 'app').secretString).toBe('v3');
      expect(getValue(sim, 'app', { versionStage: 'AWSPREVIOUS' }).secretString).toBe('v2');
      // token(1) is deprecated: still sealed under the first key.
      fails(sm(sim, 'GetSecretValue', { secretId: 'app', versionId: token(1) }), 'DecryptionFailure');
    });

    it('"" switches back to aws/secretsmanager: KmsKeyId disappears and versions report DefaultEncryptionKey', () => {
      const sim = newSim();
      const key = newKey(sim);
      create(sim, 'app', 'v1', { kmsKeyId: key.arn, clientRequestToken: token(1) });
      ok(sm(sim, 'UpdateSecret', { secretId: 'app', kmsKeyId: '' }));
      expect(describe_(sim, 'app')).not.toHaveProperty('kmsKeyId');
      expect(versionKeys(sim, 'app')).toEqual({ [token(1)]: ['DefaultEncryptionKey'] });
      ok(kms(sim, 'DisableKey', { keyId: key.keyId }));
      expect(getValue(sim, 'app').secretString).toBe('v1');
    });

    it('a key that cannot be used: EncryptionFailure and nothing changes', () => {
      const sim = newSim();
      const good = newKey(sim);
      const bad = newKey(sim);
      ok(kms(sim, 'DisableKey', { keyId: bad.keyId }));
      create(sim, 'app', 'v1', { kmsKeyId: good.arn });
      const before = JSON.stringify(sim.snapshot().services.secretsmanager);
      fails(sm(sim, 'UpdateSecret', { secretId: 'app', kmsKeyId: bad.arn }), 'EncryptionFailure');
      fails(sm(sim, 'UpdateSecret', { secretId: 'app', kmsKeyId: bad.arn, secretString: 'v2' }), 'EncryptionFailure');
      expect(JSON.stringify(sim.snapshot().services.secretsmanager)).toBe(before);
      expect(describe_(sim, 'app').kmsKeyId).toBe(good.arn);
    });
  });
});

describe('snapshots', () => {
  it('a saved and reloaded world still decrypts every version, binary and string, through KMS', () => {
    const sim = newSim();
    const key = newKey(sim);
    create(sim, 'text', 'hello', { clientRequestToken: token(1) });
    create(sim, 'bin', null, { secretBinary: Uint8Array.from([0, 1, 254, 255]), kmsKeyId: key.arn });
    const loaded = loadSimulator(JSON.parse(JSON.stringify(sim.snapshot())));
    expect(getValue(loaded, 'text').secretString).toBe('hello');
    expect([...(getValue(loaded, 'bin').secretBinary as Uint8Array)]).toEqual([0, 1, 254, 255]);
    // The key's state is part of the world too: disabling it in the loaded world breaks reads there only.
    ok(kms(loaded, 'DisableKey', { keyId: key.keyId }));
    fails(sm(loaded, 'GetSecretValue', { secretId: 'bin' }), 'DecryptionFailure');
    expect([...(getValue(sim, 'bin').secretBinary as Uint8Array)]).toEqual([0, 1, 254, 255]);
  });
});
