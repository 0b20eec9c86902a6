import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator, ServiceError } from '../../src/engine/index.ts';
import { domainName, handleAwsJson, inputFromWire, outputToWire, wireName } from '../../src/engine/protocol/index.ts';

/** The wire <-> domain codec on its own (no HTTP). */

describe('member names', () => {
  it('lower-cases the first letter, with the exceptions each service needs', () => {
    expect(domainName('secretsmanager', 'SecretId')).toBe('secretId');
    expect(domainName('secretsmanager', 'ARN')).toBe('arn');
    expect(wireName('secretsmanager', 'arn')).toBe('ARN');
    expect(domainName('secretsmanager', 'RotationLambdaARN')).toBe('rotationLambdaARN');
    expect(wireName('secretsmanager', 'rotationLambdaARN')).toBe('RotationLambdaARN');
    expect(wireName('secretsmanager', 'versionIdsToStages')).toBe('VersionIdsToStages');
    // KMS spells the same domain name differently.
    expect(wireName('kms', 'arn')).toBe('Arn');
    expect(domainName('kms', 'Arn')).toBe('arn');
    expect(domainName('kms', 'AWSAccountId')).toBe('awsAccountId');
    expect(wireName('kms', 'awsAccountId')).toBe('AWSAccountId');
    expect(wireName('kms', 'keyArn')).toBe('KeyArn');
  });
});

describe('inputFromWire', () => {
  it('converts nested members, lists of structures and keeps map keys', () => {
    expect(
      inputFromWire('secretsmanager', {
        SecretId: 'a',
        Tags: [{ Key: 'k', Value: 'v' }],
        AddReplicaRegions: [{ Region: 'eu-west-1', KmsKeyId: 'alias/x' }],
        Filters: [{ Key: 'name', Values: ['Prod'] }],
      }),
    ).toEqual({
      secretId: 'a',
      tags: [{ key: 'k', value: 'v' }],
      addReplicaRegions: [{ region: 'eu-west-1', kmsKeyId: 'alias/x' }],
      filters: [{ key: 'name', values: ['Prod'] }],
    });
    expect(inputFromWire('kms', { KeyId: 'k', EncryptionContext: { SecretARN: 'x', 'aws:region': 'y' } })).toEqual({
      keyId: 'k',
      encryptionContext: { SecretARN: 'x', 'aws:region': 'y' },
    });
  });

  it('decodes blobs to bytes and refuses undecodable base64', () => {
    expect(inputFromWire('secretsmanager', { SecretBinary: 'Zm9vdGVzdA==' })).toEqual({ secretBinary: new Uint8Array([...'footest'].map((c) => c.charCodeAt(0))) });
    expect(inputFromWire('kms', { Plaintext: 'AAH/' })).toEqual({ plaintext: new Uint8Array([0, 1, 255]) });
    expect(() => inputFromWire('secretsmanager', { SecretBinary: 'a!b@' })).toThrow(ServiceError);
    expect(() => inputFromWire('kms', { CiphertextBlob: 42 })).toThrow(/SerializationException|base64/);
    try {
      inputFromWire('kms', { CiphertextBlob: '%%%' });
    } catch (error) {
      expect((error as ServiceError).code).toBe('SerializationException');
    }
  });

  it('never lets a __proto__ member reach a prototype', () => {
    const input = inputFromWire('kms', JSON.parse('{"__proto__": {"polluted": true}, "EncryptionContext": {"__proto__": "x"}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(Object.keys(input.encryptionContext as object)).toEqual(['__proto__']);
  });
});

describe('outputToWire', () => {
  it('renames members, turns milliseconds into seconds and bytes into base64, drops undefined', () => {
    expect(
      outputToWire('secretsmanager', {
        arn: 'arn:x',
        name: 'n',
        createdDate: 1767225600123,
        secretBinary: new Uint8Array([0, 1, 255]),
        secretString: undefined,
        versionIdsToStages: { 'abc-Def': ['AWSCURRENT'] },
        replicationStatus: [{ region: 'eu-west-1', status: 'InSync', lastAccessedDate: 1767225600000 }],
        rotationRules: { automaticallyAfterDays: 30 },
      }),
    ).toEqual({
      ARN: 'arn:x',
      Name: 'n',
      CreatedDate: 1767225600.123,
      SecretBinary: 'AAH/',
      VersionIdsToStages: { 'abc-Def': ['AWSCURRENT'] },
      ReplicationStatus: [{ Region: 'eu-west-1', Status: 'InSync', LastAccessedDate: 1767225600 }],
      RotationRules: { AutomaticallyAfterDays: 30 },
    });
    expect(outputToWire('kms', { keyMetadata: { awsAccountId: '1', arn: 'a', creationDate: 0, validTo: 2000 } })).toEqual({
      KeyMetadata: { AWSAccountId: '1', Arn: 'a', CreationDate: 0, ValidTo: 2 },
    });
  });

  it('round-trips blobs and timestamps exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 4102444800000 }), (bytes, ms) => {
        const wire = JSON.parse(JSON.stringify(outputToWire('kms', { plaintext: bytes, deletionDate: ms }))) as Record<string, unknown>;
        expect(inputFromWire('kms', wire)).toEqual({ plaintext: bytes, deletionDate: ms });
      }),
    );
  });
});

describe('handleAwsJson', () => {
  it('routes by target prefix and answers errors in the service style', () => {
    const sim = createSimulator({ seed: 'codec' });
    const ok = handleAwsJson(sim, { target: 'secretsmanager.GetRandomPassword', body: '{"PasswordLength": 10}' });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(ok.body).RandomPassword).toHaveLength(10);

    const notFound = handleAwsJson(sim, { target: 'secretsmanager.DescribeSecret', body: '{"SecretId":"nope"}' });
    expect(notFound.status).toBe(400);
    expect(JSON.parse(notFound.body)).toEqual({ __type: 'ResourceNotFoundException', Message: "Secrets Manager can't find the specified secret." });

    // KMS sends its message in a lower-case member; an empty message is left out.
    const unknownKms = handleAwsJson(sim, { target: 'TrentService.NoSuchThing', body: '{}' });
    expect(JSON.parse(unknownKms.body)).toEqual({ __type: 'UnknownOperationException' });
    expect(handleAwsJson(sim, { target: 'secretsmanager', body: '{}' }).status).toBe(400);
    expect(JSON.parse(handleAwsJson(sim, { target: 'secretsmanager.ListSecrets', body: '[1]' }).body).__type).toBe('SerializationException');
    expect(handleAwsJson(sim, { target: 'secretsmanager.ListSecrets', body: '' }).status).toBe(200);
  });

  it('turns our own bugs into a 500 that says so, never an AWS error code', () => {
    const sim = createSimulator({ seed: 'codec' });
    const broken = Object.create(sim) as typeof sim;
    broken.call = () => {
      throw new TypeError('boom');
    };
    const response = handleAwsJson(broken, { target: 'secretsmanager.ListSecrets', body: '{}' });
    expect(response.status).toBe(500);
    const body = JSON.parse(response.body);
    expect(body.__type).toBe('SecretsLabBug');
    expect(body.Message).toContain('SecretsLab bug');
    expect(body.Message).toContain('boom');
  });
});
