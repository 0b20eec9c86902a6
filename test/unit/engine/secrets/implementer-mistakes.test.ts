import { describe, expect, it } from 'vitest';
import { DAY, DEFAULT_START_TIME, HOUR, handleAwsJson } from '../../../../src/engine/index.ts';
import {
  BOTH_VALUES,
  INVALID_NAME,
  NOT_FOUND,
  bytes,
  create,
  describe_,
  fails,
  getValue,
  names,
  newSim,
  ok,
  put,
  rotationSim,
  sm,
  stageNotFound,
  stages,
  token,
  tokenInUse,
  versionNotFound,
} from './helpers.ts';

// Reference §5, "Likely implementer mistakes": one test per item, each checking the right behaviour.
describe('§5 likely implementer mistakes', () => {
  it('1. a fresh secret has no RotationEnabled, Tags or KmsKeyId; Tags becomes [] only after tags are removed', () => {
    const sim = newSim();
    create(sim, 'app');
    const fresh = describe_(sim, 'app');
    expect(fresh).not.toHaveProperty('rotationEnabled');
    expect(fresh).not.toHaveProperty('tags');
    expect(fresh).not.toHaveProperty('kmsKeyId');
    const [entry] = ok(sm(sim, 'ListSecrets')).secretList;
    expect(entry).not.toHaveProperty('rotationEnabled');
    expect(entry).not.toHaveProperty('tags');
    expect(entry).not.toHaveProperty('kmsKeyId');
    ok(sm(sim, 'TagResource', { secretId: 'app', tags: [{ key: 'a', value: 'b' }] }));
    ok(sm(sim, 'UntagResource', { secretId: 'app', tagKeys: ['a'] }));
    expect(describe_(sim, 'app').tags).toEqual([]);
  });

  it('2. ListSecrets uses SecretVersionsToStages, DescribeSecret VersionIdsToStages', () => {
    const sim = newSim();
    create(sim, 'app', 'v', { clientRequestToken: token(1) });
    const [entry] = ok(sm(sim, 'ListSecrets')).secretList;
    expect(entry.secretVersionsToStages).toEqual({ [token(1)]: ['AWSCURRENT'] });
    expect(entry).not.toHaveProperty('versionIdsToStages');
    expect(describe_(sim, 'app').versionIdsToStages).toEqual({ [token(1)]: ['AWSCURRENT'] });
    expect(describe_(sim, 'app')).not.toHaveProperty('secretVersionsToStages');
  });

  it('3. deprecated versions are hidden by default and listed without a VersionStages key (not [])', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2');
    put(sim, 'app', 'v3');
    const ids = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app' })).versions.map((v: { versionId: string }) => v.versionId);
    expect(ids).not.toContain(token(1));
    const all = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', includeDeprecated: true })).versions;
    const deprecated = all.find((v: { versionId: string }) => v.versionId === token(1));
    expect(deprecated).toBeDefined();
    expect(Object.keys(deprecated)).not.toContain('versionStages');
  });

  it('4. a description-only UpdateSecret (the SDK still sends a token) creates no version and returns no VersionId', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    const out = ok(sm(sim, 'UpdateSecret', { secretId: 'app', description: 'd', clientRequestToken: token(2) }));
    expect(out).not.toHaveProperty('versionId');
    expect(ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', includeDeprecated: true })).versions).toHaveLength(1);
    // The token was not consumed: it can still create a version later.
    expect(put(sim, 'app', 'v2', { clientRequestToken: token(2) }).versionId).toBe(token(2));
  });

  it('5. a reused token with the same value succeeds; with a different value it is refused', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app', 'v1');
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    expect(put(sim, 'app', 'v2', { clientRequestToken: token(2) }).versionId).toBe(token(2));
    fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v3', clientRequestToken: token(2) }), 'ResourceExistsException', tokenInUse(token(2), arn));
  });

  it('6. PutSecretValue with explicit VersionStages does not move AWSCURRENT', () => {
    const sim = newSim();
    create(sim, 'app', 'v1');
    put(sim, 'app', 'v2', { versionStages: ['CANARY'] });
    expect(getValue(sim, 'app').secretString).toBe('v1');
    expect(getValue(sim, 'app', { versionStage: 'CANARY' }).secretString).toBe('v2');
    fails(sm(sim, 'GetSecretValue', { secretId: 'app', versionStage: 'AWSPREVIOUS' }), 'ResourceNotFoundException', stageNotFound('AWSPREVIOUS'));
  });

  it('7. a label never sits on two versions, and a rollback strips AWSPREVIOUS from its target', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    ok(sm(sim, 'UpdateSecretVersionStage', { secretId: 'app', versionStage: 'AWSCURRENT', moveToVersionId: token(1), removeFromVersionId: token(2) }));
    const map = stages(sim, 'app');
    expect(map).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPREVIOUS'] });
    for (const label of ['AWSCURRENT', 'AWSPREVIOUS']) expect(Object.values(map).filter((l) => l.includes(label))).toHaveLength(1);
  });

  it('8. ResourceNotFoundException is HTTP 400 with __type and Message on the wire, not a 404', () => {
    const sim = newSim();
    const response = handleAwsJson(sim, { target: 'secretsmanager.GetSecretValue', body: JSON.stringify({ SecretId: 'missing' }) });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ __type: 'ResourceNotFoundException', Message: NOT_FOUND });
    const result = sm(sim, 'DescribeSecret', { secretId: 'missing' });
    if (!result.ok) expect(result.error.httpStatus).toBe(400);
    expect(result.ok).toBe(false);
  });

  it('9. exact texts: no trailing period after "staging label: X" or "VersionId: X"', () => {
    const sim = newSim();
    create(sim, 'app');
    const byStage = sm(sim, 'GetSecretValue', { secretId: 'app', versionStage: 'AWSPENDING' });
    fails(byStage, 'ResourceNotFoundException', stageNotFound('AWSPENDING'));
    if (!byStage.ok) expect(byStage.error.message.endsWith('.')).toBe(false);
    const byId = sm(sim, 'GetSecretValue', { secretId: 'app', versionId: token(42) });
    fails(byId, 'ResourceNotFoundException', versionNotFound(token(42)));
    if (!byId.ok) expect(byId.error.message.endsWith('.')).toBe(false);
  });

  it('10. the description filter is word-prefix and case-insensitive; the name filter is a case-sensitive prefix', () => {
    const sim = newSim();
    create(sim, 'Alpha', 'v', { description: 'Primary Database password' });
    sim.advance({ seconds: 1 });
    create(sim, 'alpha', 'v', { description: 'xdatabase' });
    const list = (filters: unknown) => names(ok(sm(sim, 'ListSecrets', { filters, sortOrder: 'asc' })).secretList);
    expect(list([{ key: 'description', values: ['database'] }])).toEqual(['Alpha']);
    expect(list([{ key: 'description', values: ['PRIM pass'] }])).toEqual(['Alpha']);
    expect(list([{ key: 'description', values: ['Primary Database'] }])).toEqual(['Alpha']);
    expect(list([{ key: 'description', values: ['base'] }])).toEqual([]);
    expect(list([{ key: 'name', values: ['Al'] }])).toEqual(['Alpha']);
    expect(list([{ key: 'name', values: ['al'] }])).toEqual(['alpha']);
    expect(list([{ key: 'name', values: ['pha'] }])).toEqual([]);
  });

  it('11. recovery windows outside 7..30 are refused; a force delete of a missing secret succeeds', () => {
    const sim = newSim();
    create(sim, 'app');
    for (const days of [6, 31]) fails(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: days }), 'InvalidParameterException');
    expect(ok(sm(sim, 'DeleteSecret', { secretId: 'missing', forceDeleteWithoutRecovery: true })).name).toBe('missing');
  });

  it('12. a bad name is ValidationException; both values is InvalidParameterException', () => {
    const sim = newSim();
    fails(sm(sim, 'CreateSecret', { name: 'bad name', secretString: 'v' }), 'ValidationException', INVALID_NAME);
    fails(sm(sim, 'CreateSecret', { name: 'good', secretString: 'v', secretBinary: bytes(1) }), 'InvalidParameterException', BOTH_VALUES);
  });

  it('13. LastAccessedDate is midnight UTC of the read, not the time of day', () => {
    const sim = newSim();
    create(sim, 'app');
    sim.advance({ days: 3, hours: 17, minutes: 42 });
    getValue(sim, 'app');
    const date = describe_(sim, 'app').lastAccessedDate;
    expect(date).toBe(DEFAULT_START_TIME + 3 * DAY);
    expect(date % DAY).toBe(0);
    expect(sim.now - date).toBe(17 * HOUR + 42 * 60_000);
  });

  it('14. a manual PutSecretValue removes AWSPENDING (rotation abandoned), which unblocks RotateSecret', () => {
    const fn = 'arn:aws:lambda:us-east-1:111122223333:function:rotate';
    const { sim } = rotationSim([fn]);
    create(sim, 'app', 'v1');
    put(sim, 'app', 'pending', { versionStages: ['AWSPENDING'] });
    fails(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: fn }), 'InvalidRequestException');
    put(sim, 'app', 'manual');
    expect(Object.values(stages(sim, 'app')).flat()).not.toContain('AWSPENDING');
    ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: fn }));
  });

  it('15. RemoveFromVersionId is required exactly when the label is attached to another version', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2', { clientRequestToken: token(2), versionStages: ['STAGED'] });
    ok(sm(sim, 'UpdateSecretVersionStage', { secretId: 'app', versionStage: 'FREE', moveToVersionId: token(2) }));
    fails(sm(sim, 'UpdateSecretVersionStage', { secretId: 'app', versionStage: 'AWSCURRENT', moveToVersionId: token(2) }), 'InvalidParameterException');
    ok(sm(sim, 'UpdateSecretVersionStage', { secretId: 'app', versionStage: 'AWSCURRENT', moveToVersionId: token(2), removeFromVersionId: token(1) }));
    expect(stages(sim, 'app')[token(2)]).toEqual(['AWSCURRENT', 'FREE', 'STAGED']);
  });
});
