import { describe, expect, it } from 'vitest';
import { INVALID_NAME, NOT_FOUND, REPLICA_REGION, create, describe_, fails, getValue, newSim, sm, token } from './helpers.ts';

describe('SecretId resolution (§2.3)', () => {
  it('finds a secret by name, full ARN and partial ARN (the ARN without "-XXXXXX")', () => {
    const sim = newSim();
    const { arn } = create(sim, 'prod/db', 'value');
    expect(getValue(sim, 'prod/db').secretString).toBe('value');
    expect(getValue(sim, arn).secretString).toBe('value');
    expect(getValue(sim, arn.slice(0, -7)).secretString).toBe('value');
    expect(describe_(sim, arn.slice(0, -7)).arn).toBe(arn);
  });

  it('a name ending in "-" and six characters: the partial ARN reads as a full ARN and is not found', () => {
    const sim = newSim();
    const { arn } = create(sim, 'Invalid/_+=.@-Name-a1b2c3', 'v');
    fails(sm(sim, 'DescribeSecret', { secretId: arn.slice(0, -7) }), 'ResourceNotFoundException', NOT_FOUND);
    expect(describe_(sim, arn).name).toBe('Invalid/_+=.@-Name-a1b2c3');
    expect(describe_(sim, 'Invalid/_+=.@-Name-a1b2c3').arn).toBe(arn);
  });

  it('a full ARN with the wrong suffix is not found (the suffix identifies this secret)', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app');
    const wrong = `${arn.slice(0, -6)}${arn.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`;
    fails(sm(sim, 'GetSecretValue', { secretId: wrong }), 'ResourceNotFoundException', NOT_FOUND);
  });

  it('an unknown name is ResourceNotFoundException with the recorded text', () => {
    const sim = newSim();
    fails(sm(sim, 'GetSecretValue', { secretId: 'missing' }), 'ResourceNotFoundException', NOT_FOUND);
    fails(sm(sim, 'DescribeSecret', { secretId: 'missing' }), 'ResourceNotFoundException', NOT_FOUND);
    fails(sm(sim, 'ListSecretVersionIds', { secretId: 'missing' }), 'ResourceNotFoundException', NOT_FOUND);
  });

  it('an ARN of another region does not find the secret from this region', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app');
    fails(sm(sim, 'DescribeSecret', { secretId: arn }, { region: REPLICA_REGION }), 'ResourceNotFoundException', NOT_FOUND);
  });

  // [R:test_invalid_secret_name ex_log_1..10]: the same ValidationException for a bad SecretId string.
  const BAD = 'bad name*?!]\\';
  const cases: [string, Record<string, unknown>][] = [
    ['DeleteSecret', { secretId: BAD }],
    ['DescribeSecret', { secretId: BAD }],
    ['GetSecretValue', { secretId: BAD }],
    ['ListSecretVersionIds', { secretId: BAD }],
    ['PutSecretValue', { secretId: BAD, secretString: 'v', clientRequestToken: token(1) }],
    ['TagResource', { secretId: BAD, tags: [{ key: 'k', value: 'v' }] }],
    ['UntagResource', { secretId: BAD, tagKeys: ['k'] }],
    ['UpdateSecret', { secretId: BAD, secretString: 'v', clientRequestToken: token(1) }],
    ['ValidateResourcePolicy', { secretId: BAD, resourcePolicy: '{"Version":"2012-10-17","Statement":[]}' }],
  ];
  it.each(cases)('%s with an invalid SecretId string gives the invalid-name ValidationException', (operation, input) => {
    const sim = newSim();
    fails(sm(sim, operation, input), 'ValidationException', INVALID_NAME);
  });

  it('a SecretId starting with "arn:" goes through ARN parsing, not the name rule', () => {
    const sim = newSim();
    fails(sm(sim, 'DescribeSecret', { secretId: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:x y-abcdef' }), 'ResourceNotFoundException', NOT_FOUND);
  });
});
