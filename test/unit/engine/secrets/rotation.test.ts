import { describe, expect, it } from 'vitest';
import {
  MARKED_FOR_DELETION,
  NOT_FOUND,
  create,
  describe_,
  fails,
  newSim,
  ok,
  put,
  rotationSim,
  sm,
  stages,
  token,
} from './helpers.ts';

const FN = 'arn:aws:lambda:us-east-1:111122223333:function:rotate-app';
const ROTATION_FIELDS = ['rotationEnabled', 'rotationLambdaARN', 'rotationRules', 'lastRotatedDate', 'nextRotationDate'];
const NO_LAMBDA = 'No Lambda rotation function ARN is associated with this secret.';
const CANNOT_INVOKE =
  'Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.';

describe('RotateSecret: refusals', () => {
  it('no Lambda ARN given and none stored: InvalidRequestException, and the rotation config is not saved', () => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'RotateSecret', { secretId: 'app', rotationRules: { automaticallyAfterDays: 7 } }), 'InvalidRequestException', NO_LAMBDA);
    const d = describe_(sim, 'app');
    for (const key of ROTATION_FIELDS) expect(d).not.toHaveProperty(key);
  });

  it('a function Secrets Manager cannot invoke: AccessDeniedException, and the secret shows no rotation fields', () => {
    const sim = newSim();
    create(sim, 'app');
    const before = JSON.stringify(sim.snapshot().services);
    fails(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, rotationRules: { automaticallyAfterDays: 30 } }), 'AccessDeniedException', CANNOT_INVOKE);
    const d = describe_(sim, 'app');
    for (const key of ROTATION_FIELDS) expect(d).not.toHaveProperty(key);
    expect(JSON.stringify(sim.snapshot().services)).toBe(before);
    // Still no stored ARN: a bare retry is the no-Lambda error.
    fails(sm(sim, 'RotateSecret', { secretId: 'app' }), 'InvalidRequestException', NO_LAMBDA);
  });

  it('a missing secret is ResourceNotFoundException; a secret scheduled for deletion is InvalidRequestException', () => {
    const sim = newSim();
    fails(sm(sim, 'RotateSecret', { secretId: 'nope', rotationLambdaARN: FN }), 'ResourceNotFoundException', NOT_FOUND);
    create(sim, 'app');
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
    fails(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN }), 'InvalidRequestException');
  });

  it('AutomaticallyAfterDays outside 1..1000 is refused', () => {
    const sim = newSim();
    create(sim, 'app');
    for (const days of [0, 1001]) {
      fails(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, rotationRules: { automaticallyAfterDays: days } }), ['ValidationException', 'InvalidParameterException']);
    }
  });
});

describe('RotateSecret with an invokable function (stand-in rotation engine)', () => {
  it('AutomaticallyAfterDays and ScheduleExpression together are refused and nothing is saved', () => {
    const { sim, rotation } = rotationSim([FN]);
    create(sim, 'app');
    const rules = { automaticallyAfterDays: 7, scheduleExpression: 'rate(7 days)' };
    fails(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, rotationRules: rules }), ['InvalidParameterException', 'ValidationException', 'InvalidRequestException']);
    expect(rotation.started).toEqual([]);
    expect(describe_(sim, 'app')).not.toHaveProperty('rotationEnabled');
  });

  it('stores the configuration, starts a rotation with the token, and returns ARN, Name and VersionId', () => {
    const { sim, rotation } = rotationSim([FN]);
    const { arn } = create(sim, 'app');
    const out = ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, rotationRules: { automaticallyAfterDays: 30 }, clientRequestToken: token(5) }));
    expect(out).toEqual({ arn, name: 'app', versionId: token(5) });
    expect(rotation.started).toEqual([{ secretArn: arn, token: token(5), rotateImmediately: true }]);
    const d = describe_(sim, 'app');
    expect(d.rotationEnabled).toBe(true);
    expect(d.rotationLambdaARN).toBe(FN);
    expect(d.rotationRules).toEqual({ automaticallyAfterDays: 30 });
  });

  it('a later RotateSecret(SecretId) alone reuses the stored function and rules', () => {
    const { sim, rotation } = rotationSim([FN]);
    create(sim, 'app');
    ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, rotationRules: { automaticallyAfterDays: 10 } }));
    ok(sm(sim, 'RotateSecret', { secretId: 'app', clientRequestToken: token(2) }));
    expect(rotation.started.map((s) => s.token)).toContain(token(2));
    expect(describe_(sim, 'app').rotationRules).toEqual({ automaticallyAfterDays: 10 });
    expect(describe_(sim, 'app').rotationLambdaARN).toBe(FN);
  });

  it('RotateImmediately=false is passed on', () => {
    const { sim, rotation } = rotationSim([FN]);
    create(sim, 'app');
    ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, rotateImmediately: false }));
    expect(rotation.started[0]?.rotateImmediately).toBe(false);
  });

  it('AWSPENDING on a version other than AWSCURRENT: "A previous rotation isn\'t complete." until a manual put abandons it (§5 item 14)', () => {
    const { sim, rotation } = rotationSim([FN]);
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'half-done', { clientRequestToken: token(2), versionStages: ['AWSPENDING'] });
    fails(
      sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, clientRequestToken: token(3) }),
      'InvalidRequestException',
      "A previous rotation isn't complete. That rotation will be reattempted.",
    );
    expect(rotation.started).toEqual([]);
    expect(describe_(sim, 'app')).not.toHaveProperty('rotationEnabled');
    put(sim, 'app', 'manual', { clientRequestToken: token(4) });
    expect(Object.values(stages(sim, 'app')).flat()).not.toContain('AWSPENDING');
    ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, clientRequestToken: token(5) }));
    expect(rotation.started.map((s) => s.token)).toEqual([token(5)]);
  });

  it('AWSPENDING on the AWSCURRENT version does not block a rotation', () => {
    const { sim } = rotationSim([FN]);
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    ok(sm(sim, 'UpdateSecretVersionStage', { secretId: 'app', versionStage: 'AWSPENDING', moveToVersionId: token(1) }));
    ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN }));
  });
});

describe('the rotation function\'s calls during a run (§2.5, §2.6.6)', () => {
  it('PutSecretValue with the rotation token and AWSPENDING fills the empty pending version instead of failing', () => {
    const { sim } = rotationSim([FN], { createPendingVersion: true });
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, clientRequestToken: token(2) }));
    expect(stages(sim, 'app')[token(2)]).toEqual(['AWSPENDING']);
    // createSecret step
    const out = put(sim, 'app', 'v2', { clientRequestToken: token(2), versionStages: ['AWSPENDING'] });
    expect(out.versionId).toBe(token(2));
    expect(ok(sm(sim, 'GetSecretValue', { secretId: 'app', versionStage: 'AWSPENDING' })).secretString).toBe('v2');
    expect(ok(sm(sim, 'GetSecretValue', { secretId: 'app' })).secretString).toBe('v1');
    // finishSecret step: AWSCURRENT moves, AWSPREVIOUS follows.
    ok(sm(sim, 'UpdateSecretVersionStage', { secretId: 'app', versionStage: 'AWSCURRENT', moveToVersionId: token(2), removeFromVersionId: token(1) }));
    expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT', 'AWSPENDING'] });
    expect(ok(sm(sim, 'GetSecretValue', { secretId: 'app' })).secretString).toBe('v2');
  });
});

describe('CancelRotateSecret', () => {
  it('turns rotation off but keeps the function ARN and rules (DescribeSecret shows them with RotationEnabled=false)', () => {
    const { sim } = rotationSim([FN]);
    const { arn } = create(sim, 'app');
    ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN, rotationRules: { automaticallyAfterDays: 30 } }));
    const out = ok(sm(sim, 'CancelRotateSecret', { secretId: 'app' }));
    expect(out.arn).toBe(arn);
    expect(out.name).toBe('app');
    const d = describe_(sim, 'app');
    expect(d.rotationEnabled).toBe(false);
    expect(d.rotationLambdaARN).toBe(FN);
    expect(d.rotationRules).toEqual({ automaticallyAfterDays: 30 });
    expect(d).not.toHaveProperty('nextRotationDate');
  });

  it('returns the VersionId of an interrupted rotation\'s AWSPENDING version and leaves the label for manual clean-up', () => {
    const { sim } = rotationSim([FN]);
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    ok(sm(sim, 'RotateSecret', { secretId: 'app', rotationLambdaARN: FN }));
    put(sim, 'app', 'pending', { clientRequestToken: token(2), versionStages: ['AWSPENDING'] });
    expect(ok(sm(sim, 'CancelRotateSecret', { secretId: 'app' })).versionId).toBe(token(2));
    expect(stages(sim, 'app')[token(2)]).toEqual(['AWSPENDING']);
  });

  it('refuses a missing secret and one scheduled for deletion', () => {
    const sim = newSim();
    fails(sm(sim, 'CancelRotateSecret', { secretId: 'nope' }), 'ResourceNotFoundException', NOT_FOUND);
    create(sim, 'app');
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
    const result = sm(sim, 'CancelRotateSecret', { secretId: 'app' });
    fails(result, 'InvalidRequestException');
    if (!result.ok) expect([MARKED_FOR_DELETION, "You tried to perform the operation on a secret that's currently marked deleted."]).toContain(result.error.message);
  });
});
