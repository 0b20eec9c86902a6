import { describe, expect, it } from 'vitest';
import { INVALID_NAME, NOT_FOUND, create, describe_, fails, newSim, ok, sm } from './helpers.ts';

const PUBLIC_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
});
const ACCOUNT_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
});

describe('TagResource / UntagResource', () => {
  it('TagResource returns {} and appends; an existing key (case-sensitive) gets the new value', () => {
    const sim = newSim();
    create(sim, 'app', 'v', { tags: [{ key: 'ABC', value: '1' }] });
    expect(ok(sm(sim, 'TagResource', { secretId: 'app', tags: [{ key: 'abc', value: '2' }, { key: 'ABC', value: '3' }] }))).toEqual({});
    expect(describe_(sim, 'app').tags).toEqual([
      { key: 'ABC', value: '3' },
      { key: 'abc', value: '2' },
    ]);
  });

  it('tags belong to the secret, not a version: a new version keeps them', () => {
    const sim = newSim();
    create(sim, 'app', 'v', { tags: [{ key: 'env', value: 'prod' }] });
    ok(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v2' }));
    expect(describe_(sim, 'app').tags).toEqual([{ key: 'env', value: 'prod' }]);
  });

  it('UntagResource returns {}; a key that is not present is not an error', () => {
    const sim = newSim();
    create(sim, 'app', 'v', { tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] });
    expect(ok(sm(sim, 'UntagResource', { secretId: 'app', tagKeys: ['a', 'missing'] }))).toEqual({});
    expect(describe_(sim, 'app').tags).toEqual([{ key: 'b', value: '2' }]);
  });

  it('refuses a missing secret and model violations', () => {
    const sim = newSim();
    fails(sm(sim, 'TagResource', { secretId: 'nope', tags: [{ key: 'a', value: 'b' }] }), 'ResourceNotFoundException', NOT_FOUND);
    fails(sm(sim, 'UntagResource', { secretId: 'nope', tagKeys: ['a'] }), 'ResourceNotFoundException', NOT_FOUND);
    create(sim, 'app');
    fails(sm(sim, 'TagResource', { secretId: 'app', tags: [{ key: 'k'.repeat(129), value: 'b' }] }), 'ValidationException');
    fails(sm(sim, 'TagResource', { secretId: 'app', tags: [{ key: 'k', value: 'v'.repeat(257) }] }), 'ValidationException');
  });
});

describe('PutResourcePolicy / GetResourcePolicy / DeleteResourcePolicy', () => {
  it('Get leaves ResourcePolicy out when none is attached', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app');
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' }))).toEqual({ arn, name: 'app' });
  });

  it('Put returns ARN and Name; Get returns the text; a second Put replaces it', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app');
    expect(ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: ACCOUNT_POLICY }))).toEqual({ arn, name: 'app' });
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' })).resourcePolicy).toBe(ACCOUNT_POLICY);
    ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: PUBLIC_POLICY }));
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' })).resourcePolicy).toBe(PUBLIC_POLICY);
  });

  it('a wildcard principal is accepted when BlockPublicPolicy is unset (the default is not to block)', () => {
    const sim = newSim();
    create(sim, 'app');
    ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: PUBLIC_POLICY }));
    ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: PUBLIC_POLICY, blockPublicPolicy: false }));
  });

  it('BlockPublicPolicy=true refuses a wildcard principal with PublicPolicyException and keeps the old policy', () => {
    const sim = newSim();
    create(sim, 'app');
    ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: ACCOUNT_POLICY }));
    fails(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: PUBLIC_POLICY, blockPublicPolicy: true }), 'PublicPolicyException');
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' })).resourcePolicy).toBe(ACCOUNT_POLICY);
    ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: ACCOUNT_POLICY, blockPublicPolicy: true }));
  });

  it('a policy that is not JSON is MalformedPolicyDocumentException', () => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: '{not json' }), 'MalformedPolicyDocumentException');
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' }))).not.toHaveProperty('resourcePolicy');
  });

  it('Delete returns ARN and Name, removes the policy, and succeeds when there was none', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app');
    ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: ACCOUNT_POLICY }));
    expect(ok(sm(sim, 'DeleteResourcePolicy', { secretId: 'app' }))).toEqual({ arn, name: 'app' });
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' }))).not.toHaveProperty('resourcePolicy');
    expect(ok(sm(sim, 'DeleteResourcePolicy', { secretId: 'app' }))).toEqual({ arn, name: 'app' });
  });

  it('the policy survives deletion and restore', () => {
    const sim = newSim();
    create(sim, 'app');
    ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: ACCOUNT_POLICY }));
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
    ok(sm(sim, 'RestoreSecret', { secretId: 'app' }));
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' })).resourcePolicy).toBe(ACCOUNT_POLICY);
  });

  it('all three refuse a missing secret', () => {
    const sim = newSim();
    fails(sm(sim, 'GetResourcePolicy', { secretId: 'nope' }), 'ResourceNotFoundException', NOT_FOUND);
    fails(sm(sim, 'PutResourcePolicy', { secretId: 'nope', resourcePolicy: ACCOUNT_POLICY }), 'ResourceNotFoundException', NOT_FOUND);
    fails(sm(sim, 'DeleteResourcePolicy', { secretId: 'nope' }), 'ResourceNotFoundException', NOT_FOUND);
  });

  it('a policy over 20,480 characters fails model validation', () => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: ' '.repeat(20481) }), 'ValidationException');
  });
});

describe('ValidateResourcePolicy', () => {
  it('a passing policy returns {PolicyValidationPassed: true, ValidationErrors: []}', () => {
    const sim = newSim();
    expect(ok(sm(sim, 'ValidateResourcePolicy', { resourcePolicy: ACCOUNT_POLICY }))).toEqual({ policyValidationPassed: true, validationErrors: [] });
  });

  it('a wildcard principal fails the broad-access check', () => {
    const sim = newSim();
    const out = ok(sm(sim, 'ValidateResourcePolicy', { resourcePolicy: PUBLIC_POLICY }));
    expect(out.policyValidationPassed).toBe(false);
    expect(out.validationErrors.length).toBeGreaterThan(0);
    for (const e of out.validationErrors) {
      expect(typeof e.checkName).toBe('string');
      expect(typeof e.errorMessage).toBe('string');
    }
  });

  it('a syntax error is reported, either as a failed validation or as MalformedPolicyDocumentException', () => {
    const sim = newSim();
    const result = sm(sim, 'ValidateResourcePolicy', { resourcePolicy: '{not json' });
    if (result.ok) expect(result.output.policyValidationPassed).toBe(false);
    else expect(result.error.code).toBe('MalformedPolicyDocumentException');
  });

  it('with a SecretId: works for an existing secret, ResourceNotFoundException for an unknown one, ValidationException for a bad name', () => {
    const sim = newSim();
    create(sim, 'app');
    expect(ok(sm(sim, 'ValidateResourcePolicy', { secretId: 'app', resourcePolicy: ACCOUNT_POLICY })).policyValidationPassed).toBe(true);
    fails(sm(sim, 'ValidateResourcePolicy', { secretId: 'nope', resourcePolicy: ACCOUNT_POLICY }), 'ResourceNotFoundException', NOT_FOUND);
    fails(sm(sim, 'ValidateResourcePolicy', { secretId: 'bad name', resourcePolicy: ACCOUNT_POLICY }), 'ValidationException', INVALID_NAME);
  });

  it('does not attach anything', () => {
    const sim = newSim();
    create(sim, 'app');
    ok(sm(sim, 'ValidateResourcePolicy', { secretId: 'app', resourcePolicy: ACCOUNT_POLICY }));
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' }))).not.toHaveProperty('resourcePolicy');
  });
});
