import { describe, expect, it } from 'vitest';
import { DEFAULT_START_TIME } from '../../../../src/engine/index.ts';
import { ACCOUNT, OTHER_ACCOUNT, REGION, fails, kms, newKey, newSim, ok } from './helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('CreateKey', () => {
  it('creates an enabled symmetric customer managed key with the fields AWS returns', () => {
    const sim = newSim();
    const metadata = newKey(sim, { description: 'orders database' });
    expect(metadata.keyId).toMatch(UUID);
    expect(metadata).toEqual({
      awsAccountId: ACCOUNT,
      keyId: metadata.keyId,
      arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/${metadata.keyId}`,
      creationDate: DEFAULT_START_TIME,
      enabled: true,
      description: 'orders database',
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      origin: 'AWS_KMS',
      keyManager: 'CUSTOMER',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      keySpec: 'SYMMETRIC_DEFAULT',
      encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      multiRegion: false,
    });
    expect(metadata).not.toHaveProperty('deletionDate');
  });

  it('defaults the description to an empty string and attaches the default key policy', () => {
    const sim = newSim();
    const metadata = newKey(sim);
    expect(metadata.description).toBe('');
    const { policy } = ok(kms(sim, 'GetKeyPolicy', { keyId: metadata.keyId }));
    expect(JSON.parse(policy)).toMatchObject({
      Id: 'key-default-1',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*' }],
    });
  });

  it('accepts explicit SYMMETRIC_DEFAULT / ENCRYPT_DECRYPT / AWS_KMS and tags', () => {
    const sim = newSim();
    const metadata = newKey(sim, {
      keySpec: 'SYMMETRIC_DEFAULT',
      keyUsage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      tags: [{ tagKey: 'team', tagValue: 'payments' }],
    });
    expect(ok(kms(sim, 'ListResourceTags', { keyId: metadata.keyId })).tags).toEqual([{ tagKey: 'team', tagValue: 'payments' }]);
  });

  it('validates members as AWS does', () => {
    const sim = newSim();
    fails(
      kms(sim, 'CreateKey', { keyUsage: 'ENCRYPT' }),
      'ValidationException',
      "1 validation error detected: Value 'ENCRYPT' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [SIGN_VERIFY, ENCRYPT_DECRYPT, GENERATE_VERIFY_MAC, KEY_AGREEMENT]",
    );
    fails(
      kms(sim, 'CreateKey', { description: 'x'.repeat(8193) }),
      'ValidationException',
      /at 'description' failed to satisfy constraint: Member must have length less than or equal to 8192$/,
    );
    fails(kms(sim, 'CreateKey', { tags: [{ tagKey: '', tagValue: 'v' }] }), 'ValidationException', /'tags\.1\.member\.tagKey'/);
    fails(kms(sim, 'CreateKey', { keySpec: 'SYMMETRIC_DEFAULT', customerMasterKeySpec: 'SYMMETRIC_DEFAULT' }), 'ValidationException');
  });

  it('refuses key types the simulator does not model, and the aws: tag prefix', () => {
    const sim = newSim();
    fails(kms(sim, 'CreateKey', { keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }), 'UnsupportedOperationException');
    fails(kms(sim, 'CreateKey', { origin: 'EXTERNAL' }), 'UnsupportedOperationException');
    fails(kms(sim, 'CreateKey', { multiRegion: true }), 'UnsupportedOperationException');
    fails(kms(sim, 'CreateKey', { tags: [{ tagKey: 'aws:owner', tagValue: 'x' }] }), 'TagException');
    expect(ok(kms(sim, 'ListKeys')).keys).toEqual([]);
  });

  it('checks a given key policy, including the lockout safety check', () => {
    const sim = newSim();
    fails(kms(sim, 'CreateKey', { policy: 'not a policy' }), 'MalformedPolicyDocumentException', '');
    const lockout = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:Encrypt', Resource: '*' }],
    });
    fails(
      kms(sim, 'CreateKey', { policy: lockout }),
      'MalformedPolicyDocumentException',
      'The new key policy will not allow you to update the key policy in the future.',
    );
    const metadata = newKey(sim, { policy: lockout, bypassPolicyLockoutSafetyCheck: true });
    // The key policy now delegates only kms:Encrypt to the account: the key works, but nobody can manage it.
    ok(kms(sim, 'Encrypt', { keyId: metadata.keyId, plaintext: new Uint8Array([1, 2, 3]) }));
    fails(kms(sim, 'GetKeyPolicy', { keyId: metadata.keyId }), 'AccessDeniedException', /no resource-based policy allows the kms:GetKeyPolicy action/);
  });
});

describe('DescribeKey', () => {
  it('finds a key by id, key ARN, alias name and alias ARN', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/orders', targetKeyId: keyId }));
    for (const ref of [keyId, arn, 'alias/orders', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/orders`]) {
      expect(ok(kms(sim, 'DescribeKey', { keyId: ref })).keyMetadata.keyId).toBe(keyId);
    }
  });

  it('answers NotFoundException with AWS texts for unknown keys and aliases', () => {
    const sim = newSim();
    const missing = '0f3a7a4e-5b7c-4d5e-9f00-1234567890ab';
    fails(
      kms(sim, 'DescribeKey', { keyId: missing }),
      'NotFoundException',
      `Key 'arn:aws:kms:${REGION}:${ACCOUNT}:key/${missing}' does not exist`,
    );
    fails(
      kms(sim, 'DescribeKey', { keyId: 'alias/nothing' }),
      'NotFoundException',
      `Alias arn:aws:kms:${REGION}:${ACCOUNT}:alias/nothing is not found.`,
    );
    fails(kms(sim, 'DescribeKey', { keyId: 'not-a-key' }), 'NotFoundException', 'Invalid keyId not-a-key');
    fails(kms(sim, 'DescribeKey', { keyId: '' }), 'ValidationException', /Member must have length greater than or equal to 1/);
    fails(kms(sim, 'DescribeKey', {}), 'ValidationException', "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
  });

  it('does not find a key ARN of another Region from this Region', () => {
    const sim = newSim();
    const { arn } = newKey(sim);
    fails(kms(sim, 'DescribeKey', { keyId: arn }, { region: 'eu-west-1' }), 'NotFoundException', 'Invalid arn us-east-1');
  });

  it('creates the AWS managed key when its predefined alias is described', () => {
    const sim = newSim();
    const before = ok(kms(sim, 'ListAliases')).aliases;
    expect(before).toContainEqual({
      aliasName: 'alias/aws/secretsmanager',
      aliasArn: `arn:aws:kms:${REGION}:${ACCOUNT}:alias/aws/secretsmanager`,
    });
    const metadata = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    expect(metadata).toMatchObject({
      keyManager: 'AWS',
      keyState: 'Enabled',
      description: 'Default key that protects my Secrets Manager data when no other key is defined',
    });
    const alias = ok(kms(sim, 'ListAliases')).aliases.find((a: { aliasName: string }) => a.aliasName === 'alias/aws/secretsmanager');
    expect(alias.targetKeyId).toBe(metadata.keyId);
    expect(ok(kms(sim, 'ListKeys')).keys).toEqual([{ keyId: metadata.keyId, keyArn: metadata.arn }]);
  });

  it('resolves another account key ARN and leaves the decision to authorization', () => {
    const sim = newSim();
    const { arn } = newKey(sim);
    const result = kms(sim, 'DescribeKey', { keyId: arn }, { caller: { principalArn: `arn:aws:iam::${OTHER_ACCOUNT}:root` } });
    fails(result, 'AccessDeniedException', /kms:DescribeKey on resource: arn:aws:kms:us-east-1:111122223333:key\//);
  });
});

describe('ListKeys', () => {
  it('lists the account keys of the Region in creation order, with pagination', () => {
    const sim = newSim();
    const keys = [newKey(sim), newKey(sim), newKey(sim)];
    newKey(sim, {});
    ok(kms(sim, 'CreateKey', {}, { region: 'eu-west-1' }));
    const all = ok(kms(sim, 'ListKeys'));
    expect(all.truncated).toBe(false);
    expect(all).not.toHaveProperty('nextMarker');
    expect(all.keys).toHaveLength(4);
    expect(all.keys.slice(0, 3)).toEqual(keys.map((k) => ({ keyId: k.keyId, keyArn: k.arn })));
    const first = ok(kms(sim, 'ListKeys', { limit: 3 }));
    expect(first.truncated).toBe(true);
    expect(first.keys).toHaveLength(3);
    const second = ok(kms(sim, 'ListKeys', { limit: 3, marker: first.nextMarker }));
    expect(second).toEqual({ keys: [all.keys[3]], truncated: false });
  });

  it('validates Limit and Marker', () => {
    const sim = newSim();
    fails(kms(sim, 'ListKeys', { limit: 0 }), 'ValidationException', /Member must have value greater than or equal to 1/);
    fails(kms(sim, 'ListKeys', { limit: 1001 }), 'ValidationException', /Member must have value less than or equal to 1000/);
    fails(kms(sim, 'ListKeys', { marker: 'bogus' }), 'InvalidMarkerException');
  });

  it('shows keys pending deletion', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    expect(ok(kms(sim, 'ListKeys')).keys).toHaveLength(1);
  });
});

describe('UpdateKeyDescription', () => {
  it('replaces the description', () => {
    const sim = newSim();
    const { keyId } = newKey(sim, { description: 'old' });
    ok(kms(sim, 'UpdateKeyDescription', { keyId, description: 'new' }));
    expect(ok(kms(sim, 'DescribeKey', { keyId })).keyMetadata.description).toBe('new');
  });

  it('refuses keys pending deletion, AWS managed keys and aliases', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    fails(kms(sim, 'UpdateKeyDescription', { keyId, description: 'x' }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
    const managed = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    fails(kms(sim, 'UpdateKeyDescription', { keyId: managed.keyId, description: 'x' }), 'AccessDeniedException');
    fails(kms(sim, 'UpdateKeyDescription', { keyId: 'alias/aws/secretsmanager', description: 'x' }), 'NotFoundException', 'Invalid keyId alias/aws/secretsmanager');
  });
});
