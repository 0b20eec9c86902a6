import { describe, expect, it } from 'vitest';
import { BOTH_VALUES, MARKED_FOR_DELETION, NOT_FOUND, bytes, create, describe_, fails, getValue, newSim, ok, put, sm, stages, token } from './helpers.ts';

describe('PutSecretValue', () => {
  it('returns ARN, Name, VersionId and the labels now on the new version', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app', 'v1');
    expect(put(sim, 'app', 'v2', { clientRequestToken: token(2) })).toEqual({ arn, name: 'app', versionId: token(2), versionStages: ['AWSCURRENT'] });
  });

  it('stores a binary value', () => {
    const sim = newSim();
    create(sim, 'app', 'v1');
    ok(sm(sim, 'PutSecretValue', { secretId: 'app', secretBinary: bytes(0, 255), clientRequestToken: token(2) }));
    const value = getValue(sim, 'app');
    expect([...(value.secretBinary as Uint8Array)]).toEqual([0, 255]);
    expect(value).not.toHaveProperty('secretString');
  });

  it('refuses both values (InvalidParameterException, recorded text) and neither value (InvalidRequestException)', () => {
    const sim = newSim();
    create(sim, 'app', 'v1');
    fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'a', secretBinary: bytes(1) }), 'InvalidParameterException', BOTH_VALUES);
    fails(sm(sim, 'PutSecretValue', { secretId: 'app' }), 'InvalidRequestException');
    expect(Object.keys(stages(sim, 'app'))).toHaveLength(1);
  });

  it('refuses a missing secret and one scheduled for deletion', () => {
    const sim = newSim();
    fails(sm(sim, 'PutSecretValue', { secretId: 'missing', secretString: 'v' }), 'ResourceNotFoundException', NOT_FOUND);
    create(sim, 'app');
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
    fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v' }), 'InvalidRequestException', MARKED_FOR_DELETION);
  });

  it('refuses more than 20 labels in one request by model validation', () => {
    const sim = newSim();
    create(sim, 'app');
    const labels = Array.from({ length: 21 }, (_, i) => `L${i}`);
    fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v', versionStages: labels }), 'ValidationException');
  });

  it('updates LastChangedDate', () => {
    const sim = newSim();
    create(sim, 'app');
    const before = describe_(sim, 'app').lastChangedDate;
    sim.advance({ minutes: 30 });
    put(sim, 'app', 'v2');
    expect(describe_(sim, 'app').lastChangedDate).toBe(before + 30 * 60_000);
  });
});

describe('UpdateSecret', () => {
  it('a description-only update returns ARN and Name, no VersionId, and creates no version (§5 item 4)', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    const out = ok(sm(sim, 'UpdateSecret', { secretId: 'app', description: 'new text', clientRequestToken: token(2) }));
    expect(out).toEqual({ arn, name: 'app' });
    expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSCURRENT'] });
    expect(ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', includeDeprecated: true })).versions).toHaveLength(1);
    expect(describe_(sim, 'app').description).toBe('new text');
  });

  it('a call with nothing to change returns ARN and Name only', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app');
    expect(ok(sm(sim, 'UpdateSecret', { secretId: 'app' }))).toEqual({ arn, name: 'app' });
  });

  it('a value creates a version and returns its VersionId; description and tags not mentioned are kept', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { description: 'keep me', tags: [{ key: 'env', value: 'prod' }] });
    const out = ok(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v2', clientRequestToken: token(2) }));
    expect(out.versionId).toBe(token(2));
    const d = describe_(sim, 'app');
    expect(d.description).toBe('keep me');
    expect(d.tags).toEqual([{ key: 'env', value: 'prod' }]);
    expect(getValue(sim, 'app').secretString).toBe('v2');
  });

  it('an empty description removes it', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { description: 'old' });
    ok(sm(sim, 'UpdateSecret', { secretId: 'app', description: '' }));
    expect(describe_(sim, 'app')).not.toHaveProperty('description');
  });

  it('each update with a value makes LastChangedDate later (§2.9)', () => {
    const sim = newSim();
    create(sim, 'app');
    const first = describe_(sim, 'app').lastChangedDate;
    sim.advance({ seconds: 5 });
    ok(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v2' }));
    const second = describe_(sim, 'app').lastChangedDate;
    sim.advance({ seconds: 5 });
    ok(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v3' }));
    const third = describe_(sim, 'app').lastChangedDate;
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    expect(describe_(sim, 'app').createdDate).toBe(first);
  });

  it('refuses both values, a missing secret, and a secret scheduled for deletion ("because it was marked for deletion.")', () => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'a', secretBinary: bytes(1) }), 'InvalidParameterException', BOTH_VALUES);
    fails(sm(sim, 'UpdateSecret', { secretId: 'missing', secretString: 'a' }), 'ResourceNotFoundException', NOT_FOUND);
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
    fails(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'a' }), 'InvalidRequestException', /because it was marked for deletion\.$/);
    fails(sm(sim, 'UpdateSecret', { secretId: 'app', description: 'x' }), 'InvalidRequestException', /because it was marked for deletion\.$/);
  });
});
