import { describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  BOTH_VALUES,
  INVALID_NAME,
  REGION,
  bytes,
  create,
  describe_,
  fails,
  getValue,
  newSim,
  ok,
  sm,
  stageNotFound,
  token,
} from './helpers.ts';

describe('CreateSecret', () => {
  it('returns ARN, Name and VersionId; the ARN ends in "-" and a new 6-character suffix (§2.1)', () => {
    const sim = newSim();
    const out = create(sim, 'prod/db', 's3cr3t', { clientRequestToken: token(1) });
    expect(Object.keys(out).sort()).toEqual(['arn', 'name', 'versionId']);
    expect(out.name).toBe('prod/db');
    expect(out.versionId).toBe(token(1));
    expect(out.arn).toMatch(new RegExp(`^arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-[A-Za-z0-9]{6}$`));
    const other = create(sim, 'prod/api');
    expect(other.arn.slice(-6)).not.toBe(out.arn.slice(-6));
  });

  it('gives the first version AWSCURRENT and stores the value', () => {
    const sim = newSim();
    const out = create(sim, 'app', 'hello');
    expect(describe_(sim, 'app').versionIdsToStages).toEqual({ [out.versionId]: ['AWSCURRENT'] });
    const value = getValue(sim, 'app');
    expect(value.secretString).toBe('hello');
    expect(value).not.toHaveProperty('secretBinary');
  });

  it('fills a missing ClientRequestToken as the SDKs do (a UUID becomes the VersionId)', () => {
    const sim = newSim();
    const out = create(sim, 'app');
    expect(out.versionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('without a value creates a secret with no versions: no VersionId, no VersionIdsToStages, reads fail (§2.4)', () => {
    const sim = newSim();
    const out = create(sim, 'empty', null);
    expect(Object.keys(out).sort()).toEqual(['arn', 'name']);
    expect(describe_(sim, 'empty')).not.toHaveProperty('versionIdsToStages');
    fails(sm(sim, 'GetSecretValue', { secretId: 'empty' }), 'ResourceNotFoundException', stageNotFound('AWSCURRENT'));
    expect(ok(sm(sim, 'ListSecretVersionIds', { secretId: 'empty' })).versions).toEqual([]);
  });

  it('stores a binary value and returns it byte for byte, \\x00 and \\xff included', () => {
    const sim = newSim();
    const raw = bytes(0x00, 0x01, 0x02, 0xff, 0xfe, 0xfd);
    create(sim, 'bin', null, { secretBinary: raw });
    const value = getValue(sim, 'bin');
    expect([...(value.secretBinary as Uint8Array)]).toEqual([0x00, 0x01, 0x02, 0xff, 0xfe, 0xfd]);
    expect(value).not.toHaveProperty('secretString');
  });

  it('refuses SecretString and SecretBinary together with the recorded InvalidParameterException text', () => {
    const sim = newSim();
    fails(sm(sim, 'CreateSecret', { name: 'both', secretString: 'a', secretBinary: bytes(1) }), 'InvalidParameterException', BOTH_VALUES);
    fails(sm(sim, 'DescribeSecret', { secretId: 'both' }), 'ResourceNotFoundException');
  });

  it('leaves Description out when it is empty (§2.9) and keeps it when given', () => {
    const sim = newSim();
    create(sim, 'a', 'v', { description: '' });
    create(sim, 'b', 'v', { description: 'orders database' });
    expect(describe_(sim, 'a')).not.toHaveProperty('description');
    expect(describe_(sim, 'b').description).toBe('orders database');
  });

  it('stores tags given at creation', () => {
    const sim = newSim();
    create(sim, 'tagged', 'v', { tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: '' }] });
    expect(describe_(sim, 'tagged').tags).toEqual([
      { key: 'env', value: 'prod' },
      { key: 'team', value: '' },
    ]);
  });

  it('refuses an existing name with the recorded ResourceExistsException text', () => {
    const sim = newSim();
    create(sim, 'dup', 'v1', { clientRequestToken: token(1) });
    fails(
      sm(sim, 'CreateSecret', { name: 'dup', secretString: 'v1', clientRequestToken: token(2) }),
      'ResourceExistsException',
      'The operation failed because the secret dup already exists.',
    );
  });

  it('refuses a name that is scheduled for deletion with the recorded InvalidRequestException text', () => {
    const sim = newSim();
    create(sim, 'gone');
    ok(sm(sim, 'DeleteSecret', { secretId: 'gone' }));
    fails(
      sm(sim, 'CreateSecret', { name: 'gone', secretString: 'again' }),
      'InvalidRequestException',
      "You can't create this secret because a secret with this name is already scheduled for deletion.",
    );
  });

  describe('names (§2.2)', () => {
    it('accepts letters, digits and / _ + = . @ -', () => {
      const sim = newSim();
      expect(create(sim, 'Aa0/_+=.@-z').name).toBe('Aa0/_+=.@-z');
    });

    it.each(['my secret', ' ', 'a*?!]\\b c', 'star*', 'hash#', 'colon:x', 'café'])(
      'refuses %j with ValidationException (not InvalidParameterException) and the recorded text',
      (name) => {
        const sim = newSim();
        fails(sm(sim, 'CreateSecret', { name, secretString: 'v' }), 'ValidationException', INVALID_NAME);
      },
    );

    it('accepts 512 characters and refuses 513 with a model ValidationException', () => {
      const sim = newSim();
      expect(create(sim, 'n'.repeat(512)).name).toHaveLength(512);
      fails(sm(sim, 'CreateSecret', { name: 'n'.repeat(513), secretString: 'v' }), 'ValidationException');
    });

    it('accepts a name ending in "-" and six characters (it only breaks partial-ARN lookup)', () => {
      const sim = newSim();
      expect(create(sim, 'Invalid/_+=.@-Name-a1b2c3').name).toBe('Invalid/_+=.@-Name-a1b2c3');
    });
  });

  it('refuses a value over 65,536 characters by model validation and stores nothing', () => {
    const sim = newSim();
    const result = sm(sim, 'CreateSecret', { name: 'big', secretString: 'x'.repeat(65537) });
    fails(result, ['ValidationException', 'InvalidParameterException']);
    // The value is never echoed back in the error (it is a secret).
    if (!result.ok) expect(result.error.message).not.toContain('xxxx');
    expect(create(sim, 'max', 'x'.repeat(65536)).name).toBe('max');
  });

  it('refuses an empty SecretString or SecretBinary (minimum length 1) by model validation', () => {
    const sim = newSim();
    fails(sm(sim, 'CreateSecret', { name: 'a', secretString: '' }), 'ValidationException');
    fails(sm(sim, 'CreateSecret', { name: 'b', secretBinary: new Uint8Array(0) }), 'ValidationException');
    fails(sm(sim, 'CreateSecret', { name: 'c', secretBinary: new Uint8Array(65537) }), 'ValidationException');
  });

  it('a refused call changes nothing in the world', () => {
    const sim = newSim();
    create(sim, 'dup');
    const before = JSON.stringify(sim.snapshot().services);
    fails(sm(sim, 'CreateSecret', { name: 'dup', secretString: 'other' }), 'ResourceExistsException');
    fails(sm(sim, 'CreateSecret', { name: 'x', secretString: 'a', secretBinary: bytes(1) }), 'InvalidParameterException');
    expect(JSON.stringify(sim.snapshot().services)).toBe(before);
  });
});
