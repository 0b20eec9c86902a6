import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../src/engine/index.ts';
import { create, fails, getValue, newSim, ok, put, sm, stages, token, versionNotFound } from './helpers.ts';

function listed(sim: Simulator, secretId: string, includeDeprecated = false) {
  return ok(sm(sim, 'ListSecretVersionIds', { secretId, includeDeprecated })).versions as { versionId: string; versionStages?: string[] }[];
}

function move(sim: Simulator, versionStage: string, moveToVersionId?: string, removeFromVersionId?: string) {
  return sm(sim, 'UpdateSecretVersionStage', {
    secretId: 'app',
    versionStage,
    ...(moveToVersionId ? { moveToVersionId } : {}),
    ...(removeFromVersionId ? { removeFromVersionId } : {}),
  });
}

describe('staging labels (§2.6)', () => {
  describe('rule 1: the first version always gets AWSCURRENT', () => {
    it('the first PutSecretValue on an empty secret gets AWSCURRENT even when other labels are asked for', () => {
      const sim = newSim();
      create(sim, 'app', null);
      const out = put(sim, 'app', 'v1', { clientRequestToken: token(1), versionStages: ['CUSTOM'] });
      expect([...out.versionStages].sort()).toEqual(['AWSCURRENT', 'CUSTOM']);
      expect(getValue(sim, 'app').secretString).toBe('v1');
    });

    it('the first UpdateSecret value on an empty secret gets AWSCURRENT', () => {
      const sim = newSim();
      create(sim, 'app', null);
      ok(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v1', clientRequestToken: token(1) }));
      expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSCURRENT'] });
    });
  });

  describe('rule 2: a default new version becomes AWSCURRENT, the old current AWSPREVIOUS', () => {
    it('PutSecretValue without VersionStages', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      expect(put(sim, 'app', 'v2', { clientRequestToken: token(2) }).versionStages).toEqual(['AWSCURRENT']);
      expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'] });
      put(sim, 'app', 'v3', { clientRequestToken: token(3) });
      // The old AWSPREVIOUS holder loses it and is deprecated (left out of the map).
      expect(stages(sim, 'app')).toEqual({ [token(2)]: ['AWSPREVIOUS'], [token(3)]: ['AWSCURRENT'] });
    });

    it('UpdateSecret with a value', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      ok(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v2', clientRequestToken: token(2) }));
      expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'] });
      expect(getValue(sim, 'app').secretString).toBe('v2');
    });
  });

  describe('rule 3: explicit VersionStages attach exactly those labels', () => {
    it('custom labels and AWSPENDING leave AWSCURRENT where it is (§5 item 6)', () => {
      const sim = newSim();
      create(sim, 'app', 'v0', { clientRequestToken: token(0) });
      expect(put(sim, 'app', 'v1', { clientRequestToken: token(1), versionStages: ['PUT1'] }).versionStages).toEqual(['PUT1']);
      expect(getValue(sim, 'app').secretString).toBe('v0');
      put(sim, 'app', 'v2', { clientRequestToken: token(2), versionStages: ['AWSPENDING'] });
      expect(getValue(sim, 'app').secretString).toBe('v0');
      expect(stages(sim, 'app')).toEqual({ [token(0)]: ['AWSCURRENT'], [token(1)]: ['PUT1'], [token(2)]: ['AWSPENDING'] });
    });

    it('["AWSCURRENT","PUT0"] moves AWSCURRENT and the old current becomes AWSPREVIOUS', () => {
      const sim = newSim();
      create(sim, 'app', 'v0', { clientRequestToken: token(0) });
      put(sim, 'app', 'v1', { clientRequestToken: token(1), versionStages: ['AWSCURRENT', 'PUT0'] });
      expect(stages(sim, 'app')).toEqual({ [token(0)]: ['AWSPREVIOUS'], [token(1)]: ['AWSCURRENT', 'PUT0'] });
    });

    it('recorded example: v2 [one,three,two], put [one,two,four] leaves v2 [three], v3 [four,one,two]', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      put(sim, 'app', 'v2', { clientRequestToken: token(2), versionStages: ['one', 'three', 'two'] });
      put(sim, 'app', 'v3', { clientRequestToken: token(3), versionStages: ['one', 'two', 'four'] });
      const map = stages(sim, 'app');
      expect(map[token(2)]).toEqual(['three']);
      expect(map[token(3)]).toEqual(['four', 'one', 'two']);
      expect(map[token(1)]).toEqual(['AWSCURRENT']);
    });

    it('recorded example: put [one,two,three,four] leaves v2 without labels, out of the listings', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      put(sim, 'app', 'v2', { clientRequestToken: token(2), versionStages: ['one', 'three', 'two'] });
      put(sim, 'app', 'v3', { clientRequestToken: token(3), versionStages: ['one', 'two', 'three', 'four'] });
      expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(3)]: ['four', 'one', 'three', 'two'] });
      expect(listed(sim, 'app').map((v) => v.versionId)).not.toContain(token(2));
      expect(listed(sim, 'app', true).find((v) => v.versionId === token(2))).toEqual(expect.not.objectContaining({ versionStages: expect.anything() }));
    });
  });

  it('rule 4: custom labels ride along when AWSCURRENT moves off a version', () => {
    const sim = newSim();
    create(sim, 'app', 'v0', { clientRequestToken: token(0) });
    put(sim, 'app', 'v1', { clientRequestToken: token(1), versionStages: ['AWSCURRENT', 'AWSSOMETHING', 'PUT1'] });
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    expect(stages(sim, 'app')[token(1)]).toEqual(['AWSPREVIOUS', 'AWSSOMETHING', 'PUT1']);
  });

  describe('rule 5: a manual new current version abandons an in-flight rotation (§5 item 14)', () => {
    it('recorded example: v1 [AWSCURRENT, AWSPENDING], plain put: v1 ends with [AWSPREVIOUS] and no AWSPENDING anywhere', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      ok(move(sim, 'AWSPENDING', token(1)));
      expect(stages(sim, 'app')[token(1)]).toEqual(['AWSCURRENT', 'AWSPENDING']);
      put(sim, 'app', 'v2', { clientRequestToken: token(2) });
      expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'] });
      const entries = sim.state.log.entries.filter((e) => e.kind === 'service-event' && 'eventName' in e && e.eventName === 'RotationAbandoned');
      expect(entries).toHaveLength(1);
    });

    it('AWSPENDING on a separate version is removed by UpdateSecret with a value', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      put(sim, 'app', 'pending', { clientRequestToken: token(2), versionStages: ['AWSPENDING'] });
      ok(sm(sim, 'UpdateSecret', { secretId: 'app', secretString: 'v3', clientRequestToken: token(3) }));
      const map = stages(sim, 'app');
      expect(Object.values(map).flat()).not.toContain('AWSPENDING');
      expect(map[token(3)]).toEqual(['AWSCURRENT']);
      expect(map[token(1)]).toEqual(['AWSPREVIOUS']);
    });

    it('a put that itself carries AWSPENDING does not abandon anything', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      put(sim, 'app', 'v2', { clientRequestToken: token(2), versionStages: ['AWSCURRENT', 'AWSPENDING'] });
      expect(stages(sim, 'app')[token(2)]).toEqual(['AWSCURRENT', 'AWSPENDING']);
    });
  });

  it('a label sits on at most one version (§5 item 7)', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2', { clientRequestToken: token(2), versionStages: ['X'] });
    put(sim, 'app', 'v3', { clientRequestToken: token(3), versionStages: ['X', 'Y'] });
    const holders = Object.entries(stages(sim, 'app')).filter(([, labels]) => labels.includes('X'));
    expect(holders.map(([id]) => id)).toEqual([token(3)]);
  });

  describe('quotas', () => {
    it('more than 20 labels across the versions of a secret: LimitExceededException, nothing changes', () => {
      const sim = newSim();
      create(sim, 'app', 'v1', { clientRequestToken: token(1) });
      const labels = Array.from({ length: 19 }, (_, i) => `L${i}`);
      put(sim, 'app', 'v2', { clientRequestToken: token(2), versionStages: labels });
      const before = stages(sim, 'app');
      fails(sm(sim, 'PutSecretValue', { secretId: 'app', secretString: 'v3', clientRequestToken: token(3), versionStages: ['M1', 'M2'] }), 'LimitExceededException');
      fails(move(sim, 'M1', token(1)), 'LimitExceededException');
      expect(stages(sim, 'app')).toEqual(before);
    });

    it('versions: unlabelled versions are pruned beyond the quota but never younger than 24 hours (§2.6.8)', () => {
      const sim = newSim();
      create(sim, 'app', 'v0', { clientRequestToken: token(0) });
      let refusedAt: number | undefined;
      for (let i = 1; i <= 200 && refusedAt === undefined; i++) {
        const result = sm(sim, 'PutSecretValue', { secretId: 'app', secretString: `v${i}`, clientRequestToken: token(i) });
        if (!result.ok) {
          expect(result.error.code).toBe('LimitExceededException');
          refusedAt = i;
        }
        sim.advance({ minutes: 1 });
      }
      // Updating faster than the pruning allows eventually hits the versions quota (~100).
      expect(refusedAt).toBeDefined();
      expect(refusedAt!).toBeGreaterThan(90);
      const all = listed(sim, 'app', true).length;
      sim.advance({ days: 2 });
      put(sim, 'app', 'after', { clientRequestToken: token(500) });
      expect(getValue(sim, 'app').secretString).toBe('after');
      // Old unlabelled versions were pruned to make room: the count did not grow.
      expect(listed(sim, 'app', true).length).toBeLessThanOrEqual(all);
    });
  });
});

describe('UpdateSecretVersionStage (§2.6.6, §3)', () => {
  function threeVersions(sim: Simulator) {
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    put(sim, 'app', 'v3', { clientRequestToken: token(3), versionStages: ['AWSPENDING'] });
  }

  it('returns ARN and Name only', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    expect(ok(move(sim, 'CUSTOM', token(1)))).toEqual({ arn, name: 'app' });
  });

  it('moving AWSCURRENT requires RemoveFromVersionId, with the verified text (§5 item 15)', () => {
    const sim = newSim();
    threeVersions(sim);
    fails(
      move(sim, 'AWSCURRENT', token(1)),
      'InvalidParameterException',
      `The parameter RemoveFromVersionId can't be empty. Staging label AWSCURRENT is currently attached to version ${token(2)}, so you must explicitly reference that version in RemoveFromVersionId.`,
    );
  });

  it('a label attached nowhere can be moved without RemoveFromVersionId (§5 item 15)', () => {
    const sim = newSim();
    threeVersions(sim);
    ok(move(sim, 'NEWLABEL', token(1)));
    expect(stages(sim, 'app')[token(1)]).toEqual(['AWSPREVIOUS', 'NEWLABEL']);
  });

  it('a custom label attached elsewhere also requires RemoveFromVersionId', () => {
    const sim = newSim();
    threeVersions(sim);
    ok(move(sim, 'X', token(1)));
    fails(move(sim, 'X', token(2)), 'InvalidParameterException');
    ok(move(sim, 'X', token(2), token(1)));
    expect(stages(sim, 'app')[token(2)]).toEqual(['AWSCURRENT', 'X']);
  });

  it('a RemoveFromVersionId that does not hold the label fails (InvalidParameterException)', () => {
    const sim = newSim();
    threeVersions(sim);
    fails(move(sim, 'AWSCURRENT', token(1), token(3)), 'InvalidParameterException');
  });

  it('promoting the pending version: it keeps AWSPENDING, the old current becomes AWSPREVIOUS, the old previous loses it', () => {
    const sim = newSim();
    threeVersions(sim);
    ok(move(sim, 'AWSCURRENT', token(3), token(2)));
    expect(stages(sim, 'app')).toEqual({ [token(2)]: ['AWSPREVIOUS'], [token(3)]: ['AWSCURRENT', 'AWSPENDING'] });
    expect(getValue(sim, 'app').secretString).toBe('v3');
  });

  it('a rollback strips AWSPREVIOUS from the target: v1 [AWSCURRENT], v2 [AWSPREVIOUS] (§5 item 7)', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    ok(move(sim, 'AWSCURRENT', token(1), token(2)));
    expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSCURRENT'], [token(2)]: ['AWSPREVIOUS'] });
    expect(getValue(sim, 'app').secretString).toBe('v1');
  });

  it('remove only: the label comes off that version and nothing else moves', () => {
    const sim = newSim();
    threeVersions(sim);
    ok(move(sim, 'AWSPENDING', undefined, token(3)));
    expect(stages(sim, 'app')).toEqual({ [token(1)]: ['AWSPREVIOUS'], [token(2)]: ['AWSCURRENT'] });
    // token(3) is now deprecated: hidden by default, present without VersionStages with IncludeDeprecated.
    expect(listed(sim, 'app', true).find((v) => v.versionId === token(3))).not.toHaveProperty('versionStages');
    ok(move(sim, 'AWSPREVIOUS', undefined, token(1)));
    expect(stages(sim, 'app')).toEqual({ [token(2)]: ['AWSCURRENT'] });
  });

  it('an unknown version id is refused and nothing changes', () => {
    const sim = newSim();
    threeVersions(sim);
    const before = stages(sim, 'app');
    const result = move(sim, 'AWSCURRENT', token(99), token(2));
    fails(result, ['InvalidParameterException', 'ResourceNotFoundException']);
    if (!result.ok && result.error.code === 'ResourceNotFoundException') expect(result.error.message).toBe(versionNotFound(token(99)));
    expect(stages(sim, 'app')).toEqual(before);
  });

  it('is refused while the secret is scheduled for deletion', () => {
    const sim = newSim();
    threeVersions(sim);
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
    fails(move(sim, 'AWSCURRENT', token(1), token(2)), 'InvalidRequestException');
  });
});
