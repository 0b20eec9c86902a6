import { describe, expect, it } from 'vitest';
import { DEFAULT_START_TIME } from '../../../../src/engine/index.ts';
import { NOT_FOUND, create, describe_, fails, newSim, ok, put, sm, token } from './helpers.ts';

describe('DescribeSecret and field presence (§2.9)', () => {
  it('a fresh secret shows exactly ARN, Name, LastChangedDate, CreatedDate and VersionIdsToStages (§5 item 1)', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    expect(describe_(sim, 'app')).toEqual({
      arn,
      name: 'app',
      lastChangedDate: DEFAULT_START_TIME,
      createdDate: DEFAULT_START_TIME,
      versionIdsToStages: { [token(1)]: ['AWSCURRENT'] },
    });
  });

  it('never returns the value', () => {
    const sim = newSim();
    create(sim, 'app', 'hunter2');
    expect(JSON.stringify(describe_(sim, 'app'))).not.toContain('hunter2');
  });

  it('Tags: absent until the secret has had tags, then [] once every tag is removed', () => {
    const sim = newSim();
    create(sim, 'app');
    expect(describe_(sim, 'app')).not.toHaveProperty('tags');
    ok(sm(sim, 'TagResource', { secretId: 'app', tags: [{ key: 'env', value: 'prod' }] }));
    expect(describe_(sim, 'app').tags).toEqual([{ key: 'env', value: 'prod' }]);
    ok(sm(sim, 'UntagResource', { secretId: 'app', tagKeys: ['env'] }));
    expect(describe_(sim, 'app').tags).toEqual([]);
  });

  it('rotation fields stay absent after a refused RotateSecret', () => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'RotateSecret', { secretId: 'app' }), 'InvalidRequestException');
    const d = describe_(sim, 'app');
    for (const key of ['rotationEnabled', 'rotationLambdaARN', 'rotationRules', 'lastRotatedDate', 'nextRotationDate']) {
      expect(d).not.toHaveProperty(key);
    }
  });

  it('DeletedDate appears only while deletion is scheduled', () => {
    const sim = newSim();
    create(sim, 'app');
    expect(describe_(sim, 'app')).not.toHaveProperty('deletedDate');
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
    expect(describe_(sim, 'app')).toHaveProperty('deletedDate');
    ok(sm(sim, 'RestoreSecret', { secretId: 'app' }));
    expect(describe_(sim, 'app')).not.toHaveProperty('deletedDate');
  });

  it('PrimaryRegion and ReplicationStatus appear only for replicated secrets', () => {
    const sim = newSim();
    create(sim, 'plain');
    create(sim, 'replicated', 'v', { addReplicaRegions: [{ region: 'us-west-2' }] });
    expect(describe_(sim, 'plain')).not.toHaveProperty('primaryRegion');
    expect(describe_(sim, 'plain')).not.toHaveProperty('replicationStatus');
    expect(describe_(sim, 'replicated').primaryRegion).toBe('us-east-1');
    expect(describe_(sim, 'replicated').replicationStatus).toEqual([expect.objectContaining({ region: 'us-west-2', status: 'InSync' })]);
  });

  it('CreatedDate is the creation time; LastChangedDate moves with changes', () => {
    const sim = newSim();
    create(sim, 'app');
    sim.advance({ hours: 2 });
    put(sim, 'app', 'v2');
    const d = describe_(sim, 'app');
    expect(d.createdDate).toBe(DEFAULT_START_TIME);
    expect(d.lastChangedDate).toBe(DEFAULT_START_TIME + 2 * 3_600_000);
  });

  it('a missing secret is ResourceNotFoundException', () => {
    fails(sm(newSim(), 'DescribeSecret', { secretId: 'nope' }), 'ResourceNotFoundException', NOT_FOUND);
  });
});

describe('ListSecretVersionIds', () => {
  it('lists versions with labels, CreatedDate and KmsKeyIds ["DefaultEncryptionKey"] under the default key', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    sim.advance({ minutes: 1 });
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    const out = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app' }));
    expect(out.arn).toBe(arn);
    expect(out.name).toBe('app');
    expect(out).not.toHaveProperty('nextToken');
    const byId = Object.fromEntries(out.versions.map((v: { versionId: string }) => [v.versionId, v]));
    expect(byId[token(1)]).toEqual({ versionId: token(1), versionStages: ['AWSPREVIOUS'], createdDate: DEFAULT_START_TIME, kmsKeyIds: ['DefaultEncryptionKey'] });
    expect(byId[token(2)]).toEqual({ versionId: token(2), versionStages: ['AWSCURRENT'], createdDate: DEFAULT_START_TIME + 60_000, kmsKeyIds: ['DefaultEncryptionKey'] });
  });

  it('hides deprecated versions by default; with IncludeDeprecated they appear without a VersionStages key (§5 item 3)', () => {
    const sim = newSim();
    create(sim, 'app', 'v1', { clientRequestToken: token(1) });
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    put(sim, 'app', 'v3', { clientRequestToken: token(3) });
    const ids = (input: Record<string, unknown>) => ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', ...input })).versions.map((v: { versionId: string }) => v.versionId).sort();
    expect(ids({})).toEqual([token(2), token(3)]);
    expect(ids({ includeDeprecated: true })).toEqual([token(1), token(2), token(3)]);
    const deprecated = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', includeDeprecated: true })).versions.find((v: { versionId: string }) => v.versionId === token(1));
    expect(deprecated).not.toHaveProperty('versionStages');
    expect(describe_(sim, 'app').versionIdsToStages).not.toHaveProperty(token(1));
  });

  it('pages with MaxResults and NextToken; a foreign token is InvalidNextTokenException', () => {
    const sim = newSim();
    create(sim, 'app', 'v0', { clientRequestToken: token(0) });
    for (let i = 1; i <= 4; i++) put(sim, 'app', `v${i}`, { clientRequestToken: token(i), versionStages: [`L${i}`] });
    const first = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', maxResults: 2 }));
    expect(first.versions).toHaveLength(2);
    const second = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', maxResults: 2, nextToken: first.nextToken }));
    const third = ok(sm(sim, 'ListSecretVersionIds', { secretId: 'app', maxResults: 2, nextToken: second.nextToken }));
    expect(third).not.toHaveProperty('nextToken');
    const all = [...first.versions, ...second.versions, ...third.versions].map((v: { versionId: string }) => v.versionId).sort();
    expect(all).toEqual([0, 1, 2, 3, 4].map(token));
    create(sim, 'other');
    fails(sm(sim, 'ListSecretVersionIds', { secretId: 'other', nextToken: first.nextToken }), 'InvalidNextTokenException');
  });

  it('a secret with no value gives an empty list', () => {
    const sim = newSim();
    create(sim, 'empty', null);
    expect(ok(sm(sim, 'ListSecretVersionIds', { secretId: 'empty' })).versions).toEqual([]);
  });
});
