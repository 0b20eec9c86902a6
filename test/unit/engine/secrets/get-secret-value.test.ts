import { describe, expect, it } from 'vitest';
import { DAY, DEFAULT_START_TIME } from '../../../../src/engine/index.ts';
import {
  MARKED_FOR_DELETION,
  NOT_FOUND,
  create,
  describe_,
  fails,
  getValue,
  newSim,
  ok,
  put,
  sm,
  stageNotFound,
  token,
  versionNotFound,
} from './helpers.ts';

describe('GetSecretValue', () => {
  it('returns ARN, Name, VersionId, the stored field only, all labels of the version and its CreatedDate', () => {
    const sim = newSim();
    const created = create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    sim.advance({ hours: 3 });
    const out = getValue(sim, 'app');
    expect(out).toEqual({
      arn: created.arn,
      name: 'app',
      versionId: token(1),
      secretString: 'v1',
      versionStages: ['AWSCURRENT'],
      createdDate: DEFAULT_START_TIME,
    });
  });

  it('reads by VersionStage and by VersionId; both given must agree', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    expect(getValue(sim, 'app', { versionStage: 'AWSPREVIOUS' }).secretString).toBe('v1');
    expect(getValue(sim, 'app', { versionId: token(1) }).versionStages).toEqual(['AWSPREVIOUS']);
    expect(getValue(sim, 'app', { versionId: token(2), versionStage: 'AWSCURRENT' }).secretString).toBe('v2');
    fails(
      sm(sim, 'GetSecretValue', { secretId: 'app', versionId: token(1), versionStage: 'AWSCURRENT' }),
      'InvalidRequestException',
      'You provided a VersionStage that is not associated to the provided VersionId.',
    );
  });

  it('an unknown label or version id: ResourceNotFoundException with the recorded texts (no trailing period)', () => {
    const sim = newSim();
    create(sim, 'app', 'v1');
    fails(sm(sim, 'GetSecretValue', { secretId: 'app', versionStage: 'AWSPREVIOUS' }), 'ResourceNotFoundException', stageNotFound('AWSPREVIOUS'));
    fails(sm(sim, 'GetSecretValue', { secretId: 'app', versionStage: 'AWSPENDING' }), 'ResourceNotFoundException', stageNotFound('AWSPENDING'));
    fails(sm(sim, 'GetSecretValue', { secretId: 'app', versionId: token(9) }), 'ResourceNotFoundException', versionNotFound(token(9)));
    fails(sm(sim, 'GetSecretValue', { secretId: 'missing' }), 'ResourceNotFoundException', NOT_FOUND);
  });

  it('a secret created without a value has no AWSCURRENT to read', () => {
    const sim = newSim();
    create(sim, 'empty', null);
    fails(sm(sim, 'GetSecretValue', { secretId: 'empty' }), 'ResourceNotFoundException', stageNotFound('AWSCURRENT'));
  });

  it('a secret scheduled for deletion cannot be read (InvalidRequestException)', () => {
    const sim = newSim();
    create(sim, 'app');
    ok(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: 7 }));
    fails(sm(sim, 'GetSecretValue', { secretId: 'app' }), 'InvalidRequestException', MARKED_FOR_DELETION);
  });

  it('sets LastAccessedDate on the secret and the version, at midnight UTC of the day of the read (§2.9)', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    expect(describe_(sim, 'app')).not.toHaveProperty('lastAccessedDate');
    sim.advance({ days: 2, hours: 13 });
    getValue(sim, 'app');
    const midnight = DEFAULT_START_TIME + 2 * DAY;
    expect(describe_(sim, 'app').lastAccessedDate).toBe(midnight);
    const [version] = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app' })).versions;
    expect(version.lastAccessedDate).toBe(midnight);
    // A second read the same day gives the same value.
    sim.advance({ hours: 5 });
    getValue(sim, 'app');
    expect(describe_(sim, 'app').lastAccessedDate).toBe(midnight);
    sim.advance({ hours: 7 }); // 01:00 the next day
    getValue(sim, 'app');
    expect(describe_(sim, 'app').lastAccessedDate).toBe(midnight + DAY);
  });

  it('DescribeSecret does not count as an access', () => {
    const sim = newSim();
    create(sim, 'app');
    describe_(sim, 'app');
    expect(describe_(sim, 'app')).not.toHaveProperty('lastAccessedDate');
  });
});
