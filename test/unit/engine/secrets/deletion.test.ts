import { describe, expect, it } from 'vitest';
import { DAY, DEFAULT_START_TIME } from '../../../../src/engine/index.ts';
import {
  MARKED_FOR_DELETION,
  NOT_FOUND,
  create,
  describe_,
  fails,
  getValue,
  names,
  newSim,
  ok,
  sm,
  token,
} from './helpers.ts';

const WINDOW_RANGE = 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).';

describe('DeleteSecret and the deletion lifecycle (§2.7)', () => {
  it('without options schedules deletion 30 days out and returns ARN, Name, DeletionDate', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app');
    expect(ok(sm(sim, 'DeleteSecret', { secretId: 'app' }))).toEqual({ arn, name: 'app', deletionDate: DEFAULT_START_TIME + 30 * DAY });
  });

  it.each([7, 19, 30])('accepts a recovery window of %i days', (days) => {
    const sim = newSim();
    create(sim, 'app');
    expect(ok(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: days })).deletionDate).toBe(DEFAULT_START_TIME + days * DAY);
  });

  it.each([0, 1, 6, 31, 100])('refuses a window of %i days with the recorded InvalidParameterException text (§5 item 11)', (days) => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: days }), 'InvalidParameterException', WINDOW_RANGE);
    expect(describe_(sim, 'app')).not.toHaveProperty('deletedDate');
  });

  it('an out-of-range window fails even with ForceDeleteWithoutRecovery', () => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: 0, forceDeleteWithoutRecovery: true }), 'InvalidParameterException', WINDOW_RANGE);
    expect(getValue(sim, 'app').secretString).toBe('v1');
  });

  it('force together with a valid window fails (InvalidParameterException); force=false with a window is fine', () => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: 7, forceDeleteWithoutRecovery: true }), 'InvalidParameterException');
    ok(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: 7, forceDeleteWithoutRecovery: false }));
  });

  it('force delete removes the secret at once; the name can be reused and gets a new ARN', () => {
    const sim = newSim();
    const first = create(sim, 'app');
    const out = ok(sm(sim, 'DeleteSecret', { secretId: 'app', forceDeleteWithoutRecovery: true }));
    expect(out).toEqual({ arn: first.arn, name: 'app', deletionDate: DEFAULT_START_TIME });
    fails(sm(sim, 'DescribeSecret', { secretId: 'app' }), 'ResourceNotFoundException', NOT_FOUND);
    const second = create(sim, 'app');
    expect(second.arn).not.toBe(first.arn);
    fails(sm(sim, 'DescribeSecret', { secretId: first.arn }), 'ResourceNotFoundException', NOT_FOUND);
  });

  it('force delete of a secret that does not exist succeeds with Name, an ARN and a DeletionDate (§5 item 11)', () => {
    const sim = newSim();
    const out = ok(sm(sim, 'DeleteSecret', { secretId: 'never-existed', forceDeleteWithoutRecovery: true }));
    expect(out.name).toBe('never-existed');
    expect(out.arn).toMatch(/^arn:aws:secretsmanager:us-east-1:111122223333:secret:never-existed-/);
    expect(typeof out.deletionDate).toBe('number');
  });

  it('force delete of a missing secret named by its full ARN answers with that ARN, not one nested in another', () => {
    const sim = newSim();
    const arn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:gone-AbC123';
    const out = ok(sm(sim, 'DeleteSecret', { secretId: arn, forceDeleteWithoutRecovery: true }));
    expect(out.arn).toBe(arn);
    const partial = ok(sm(sim, 'DeleteSecret', { secretId: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:gone', forceDeleteWithoutRecovery: true }));
    expect(partial.arn).toMatch(/^arn:aws:secretsmanager:us-east-1:111122223333:secret:gone-[A-Za-z0-9]{6}$/);
  });

  it('without force, a missing secret is ResourceNotFoundException', () => {
    const sim = newSim();
    fails(sm(sim, 'DeleteSecret', { secretId: 'missing' }), 'ResourceNotFoundException', NOT_FOUND);
  });

  it('force delete of a secret already scheduled succeeds and returns DeletionDate', () => {
    const sim = newSim();
    create(sim, 'app');
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
    const out = ok(sm(sim, 'DeleteSecret', { secretId: 'app', forceDeleteWithoutRecovery: true }));
    expect(out.deletionDate).toBeTypeOf('number');
    fails(sm(sim, 'DescribeSecret', { secretId: 'app' }), 'ResourceNotFoundException');
  });

  describe('while scheduled for deletion', () => {
    function scheduled() {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1), tags: [{ key: 'env', value: 'prod' }] });
      ok(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: 7 }));
      return sim;
    }

    it('DescribeSecret works and shows DeletedDate', () => {
      const sim = scheduled();
      expect(describe_(sim, 'app').deletedDate).toBeTypeOf('number');
    });

    it.each([
      ['GetSecretValue', {}],
      ['PutSecretValue', { secretString: 'x' }],
      ['UpdateSecret', { secretString: 'x' }],
      ['RotateSecret', { rotationLambdaARN: 'arn:aws:lambda:us-east-1:111122223333:function:f' }],
      ['UpdateSecretVersionStage', { versionStage: 'X', moveToVersionId: token(1) }],
      ['CancelRotateSecret', {}],
      ['DeleteSecret', {}],
    ])('%s is refused with InvalidRequestException', (operation, extra) => {
      const sim = scheduled();
      fails(sm(sim, operation, { secretId: 'app', ...extra }), 'InvalidRequestException');
    });

    it.each([
      ['TagResource', { tags: [{ key: 'a', value: 'b' }] }],
      ['UntagResource', { tagKeys: ['env'] }],
    ])('%s is refused with the recorded text', (operation, extra) => {
      const sim = scheduled();
      fails(sm(sim, operation, { secretId: 'app', ...extra }), 'InvalidRequestException', MARKED_FOR_DELETION);
    });

    it('ListSecrets hides it unless IncludePlannedDeletion=true, which shows DeletedDate', () => {
      const sim = scheduled();
      create(sim, 'other');
      expect(names(ok(sm(sim, 'ListSecrets')).secretList)).toEqual(['other']);
      const all = ok(sm(sim, 'ListSecrets', { includePlannedDeletion: true })).secretList;
      expect(names(all).sort()).toEqual(['app', 'other']);
      expect(all.find((s: { name: string }) => s.name === 'app').deletedDate).toBeTypeOf('number');
      expect(all.find((s: { name: string }) => s.name === 'other')).not.toHaveProperty('deletedDate');
    });

    it('BatchGetSecretValue by id reports it in Errors', () => {
      const sim = scheduled();
      const out = ok(sm(sim, 'BatchGetSecretValue', { secretIdList: ['app'] }));
      expect(out.secretValues).toEqual([]);
      expect(out.errors).toEqual([{ secretId: 'app', errorCode: 'InvalidRequestException', message: MARKED_FOR_DELETION }]);
    });

    it('RestoreSecret makes it readable again with the same ARN, versions and tags, and removes DeletedDate', () => {
      const sim = scheduled();
      const before = describe_(sim, 'app');
      expect(ok(sm(sim, 'RestoreSecret', { secretId: 'app' }))).toEqual({ arn: before.arn, name: 'app' });
      const after = describe_(sim, 'app');
      expect(after).not.toHaveProperty('deletedDate');
      expect(after.arn).toBe(before.arn);
      expect(after.tags).toEqual([{ key: 'env', value: 'prod' }]);
      expect(after.versionIdsToStages).toEqual({ [token(1)]: ['AWSCURRENT'] });
      expect(getValue(sim, 'app').secretString).toBe('v1');
      // The scheduled purge was cancelled.
      sim.advance({ days: 8 });
      expect(getValue(sim, 'app').secretString).toBe('v1');
    });
  });

  it('the secret is deleted for good when the recovery window ends (virtual time)', () => {
    const sim = newSim();
    const first = create(sim, 'app');
    ok(sm(sim, 'DeleteSecret', { secretId: 'app', recoveryWindowInDays: 7 }));
    sim.advance({ days: 6, hours: 23 });
    // Still there an hour before the window ends. (Whether DeletedDate is the request time or the purge date is an
    // open question, reference §6, so only its presence is checked.)
    expect(describe_(sim, 'app').deletedDate).toBeTypeOf('number');
    sim.advance({ hours: 1 });
    fails(sm(sim, 'DescribeSecret', { secretId: 'app' }), 'ResourceNotFoundException', NOT_FOUND);
    fails(sm(sim, 'RestoreSecret', { secretId: 'app' }), 'ResourceNotFoundException', NOT_FOUND);
    expect(create(sim, 'app').arn).not.toBe(first.arn);
  });

  it('RestoreSecret of a missing secret is ResourceNotFoundException', () => {
    const sim = newSim();
    fails(sm(sim, 'RestoreSecret', { secretId: 'missing' }), 'ResourceNotFoundException', NOT_FOUND);
  });
});
