import { describe, expect, it } from 'vitest';
import { MISSING_TOKEN, create, fails, newSim, ok, put, sm, stages, token, tokenInUse } from './helpers.ts';

const RAW = { fillIdempotencyToken: false } as const;

describe('ClientRequestToken idempotency (§2.5)', () => {
  describe('CreateSecret', () => {
    it('same name, token and value: succeeds with a response identical to the first', () => {
      const sim = newSim();
      const first = create(sim, 'app', 'v', { clientRequestToken: token(1) });
      const again = ok(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v', clientRequestToken: token(1) }));
      expect(again).toEqual(first);
      expect(first.versionId).toBe(token(1));
      expect(Object.keys(stages(sim, 'app'))).toEqual([token(1)]);
    });

    it('same name and token, different value: ResourceExistsException naming the token and the full ARN', () => {
      const sim = newSim();
      const first = create(sim, 'app', 'v', { clientRequestToken: token(1) });
      fails(
        sm(sim, 'CreateSecret', { name: 'app', secretString: 'other', clientRequestToken: token(1) }),
        'ResourceExistsException',
        tokenInUse(token(1), first.arn),
      );
    });

    it('same name with a new token: "already exists"', () => {
      const sim = newSim();
      create(sim, 'app', 'v', { clientRequestToken: token(1) });
      fails(
        sm(sim, 'CreateSecret', { name: 'app', secretString: 'v', clientRequestToken: token(2) }),
        'ResourceExistsException',
        'The operation failed because the secret app already exists.',
      );
    });
  });

  describe('PutSecretValue', () => {
    it('token reused with the same value: succeeds, no new version, VersionId = token, VersionStages [AWSCURRENT]', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      const first = put(sim, 'app', 'v2', { clientRequestToken: token(2) });
      const again = put(sim, 'app', 'v2', { clientRequestToken: token(2) });
      expect(again).toEqual({ arn: first.arn, name: 'app', versionId: token(2), versionStages: ['AWSCURRENT'] });
      expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'] });
    });

    it('token reused with a different value: ResourceExistsException with the recorded text', () => {
      const sim = newSim();
      const { arn } = create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      put(sim, 'app', 'v2', { clientRequestToken: token(2) });
      fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v3', clientRequestToken: token(2) }), 'ResourceExistsException', tokenInUse(token(2), arn));
      // The creation token is a version too.
      fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v3', clientRequestToken: token(1) }), 'ResourceExistsException', tokenInUse(token(1), arn));
      expect(Object.keys(stages(sim, 'app')).sort()).toEqual([token(1), token(2)]);
    });

    it('a string value and a binary value are different values', () => {
      const sim = newSim();
      const { arn } = create(sim, 'app', 'AB', { clientRequestToken: token(1) });
      fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretBinary: Uint8Array.from([65, 66]), clientRequestToken: token(1) }), 'ResourceExistsException', tokenInUse(token(1), arn));
    });
  });

  describe('UpdateSecret', () => {
    it('token reused with the same value: succeeds and returns VersionId = token', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      const first = ok(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v2', clientRequestToken: token(2) }));
      const again = ok(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v2', clientRequestToken: token(2) }));
      expect(first.versionId).toBe(token(2));
      expect(again).toEqual(first);
      expect(Object.keys(stages(sim, 'app')).sort()).toEqual([token(1), token(2)]);
    });

    it('token reused with a different value: ResourceExistsException with the recorded text', () => {
      const sim = newSim();
      const { arn } = create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      fails(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v2', clientRequestToken: token(1) }), 'ResourceExistsException', tokenInUse(token(1), arn));
    });
  });

  describe('a raw request without a token (fillIdempotencyToken: false)', () => {
    it.each(['CreateSecret', 'PutSecretValue', 'UpdateSecret'])('%s: InvalidRequestException, checked before the secret is looked up', (operation) => {
      const sim = newSim();
      const input = operation === 'CreateSecret' ? { name: 'nope', secretString: 'v' } : { secretId: 'does-not-exist', secretString: 'v' };
      fails(sim.call({ service: 'secretsmanager', operation, input, ...RAW }), 'InvalidRequestException', MISSING_TOKEN);
    });

    it('RotateSecret: InvalidParameterException (unlike the other three)', () => {
      const sim = newSim();
      fails(
        sim.call({ service: 'secretsmanager', operation: 'RotateSecret', input: { secretId: 'does-not-exist', rotationLambdaARN: 'arn:aws:lambda:us-east-1:111122223333:function:f' }, ...RAW }),
        'InvalidParameterException',
        MISSING_TOKEN,
      );
    });

    it('with a token given, a raw request works and the token is the VersionId', () => {
      const sim = newSim();
      const out = ok(sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'app', secretString: 'v', clientRequestToken: token(7) }, ...RAW }));
      expect(out.versionId).toBe(token(7));
    });
  });

  it('a token shorter than 32 characters is refused by model validation', () => {
    const sim = newSim();
    fails(sm(sim, 'CreateSecret', { name: 'app', secretString: 'v', clientRequestToken: 'short' }), 'ValidationException', /clientRequestToken/);
  });
});
