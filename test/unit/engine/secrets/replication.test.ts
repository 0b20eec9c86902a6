import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../../src/engine/index.ts';
import { NOT_FOUND, REPLICA_REGION, create, describe_, fails, getValue, newKey, newSim, ok, put, sm, token } from './helpers.ts';

const WEST = { region: REPLICA_REGION };
const EU = 'eu-west-1';

function replicated(sim: Simulator) {
  return create(sim, 'app', 'v1', { clientRequestToken: token(1), addReplicaRegions: [{ region: REPLICA_REGION }], description: 'd', tags: [{ key: 'env', value: 'prod' }] });
}

describe('replication (§3 ReplicateSecretToRegions and friends)', () => {
  it('CreateSecret with AddReplicaRegions returns ReplicationStatus; the replica keeps the name and the ARN suffix', () => {
    const sim = newSim();
    const out = replicated(sim);
    expect(out.replicationStatus).toEqual([expect.objectContaining({ region: REPLICA_REGION, status: 'InSync' })]);
    const replica = describe_(sim, 'app', WEST);
    expect(replica.name).toBe('app');
    expect(replica.arn).toBe(out.arn.replace(':us-east-1:', ':us-west-2:'));
    expect(replica.arn.slice(-6)).toBe(out.arn.slice(-6));
    expect(replica.primaryRegion).toBe('us-east-1');
    expect(replica.description).toBe('d');
    expect(replica.tags).toEqual([{ key: 'env', value: 'prod' }]);
    expect(replica.versionIdsToStages).toEqual({ [token(1)]: ['AWSCURRENT'] });
    expect(getValue(sim, 'app', {}, WEST).secretString).toBe('v1');
    expect(getValue(sim, replica.arn, {}, WEST).secretString).toBe('v1');
  });

  it('ReplicateSecretToRegions on an existing secret returns the primary ARN and the status of each replica', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app', 'v1');
    const out = ok(sm(sim, 'ReplicateSecretToRegions', { secretId: 'app', addReplicaRegions: [{ region: REPLICA_REGION }, { region: EU }] }));
    expect(out.arn).toBe(arn);
    expect(out.replicationStatus.map((r: { region: string; status: string }) => [r.region, r.status]).sort()).toEqual([
      [EU, 'InSync'],
      [REPLICA_REGION, 'InSync'],
    ]);
    expect(getValue(sim, 'app', {}, { region: EU }).secretString).toBe('v1');
  });

  it('changes on the primary propagate: values, labels, tags, description, resource policy', () => {
    const sim = newSim();
    replicated(sim);
    put(sim, 'app', 'v2', { clientRequestToken: token(2) });
    ok(sm(sim, 'TagResource', { secretId: 'app', tags: [{ key: 'team', value: 'pay' }] }));
    ok(sm(sim, 'UpdateSecret', { secretId: 'app', description: 'new' }));
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'secretsmanager:*', Resource: '*' }] });
    ok(sm(sim, 'PutResourcePolicy', { secretId: 'app', resourcePolicy: policy }));
    expect(getValue(sim, 'app', {}, WEST).secretString).toBe('v2');
    expect(getValue(sim, 'app', { versionStage: 'AWSPREVIOUS' }, WEST).secretString).toBe('v1');
    const replica = describe_(sim, 'app', WEST);
    expect(replica.description).toBe('new');
    expect(replica.tags).toEqual([{ key: 'env', value: 'prod' }, { key: 'team', value: 'pay' }]);
    expect(ok(sm(sim, 'GetResourcePolicy', { secretId: 'app' }, WEST)).resourcePolicy).toBe(policy);
  });

  it.each([
    ['PutSecretValue', { secretString: 'x' }],
    ['UpdateSecret', { secretString: 'x' }],
    ['UpdateSecret', { description: 'x' }],
    ['DeleteSecret', {}],
    ['TagResource', { tags: [{ key: 'a', value: 'b' }] }],
    ['UntagResource', { tagKeys: ['env'] }],
    ['PutResourcePolicy', { resourcePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"*"}]}' }],
    ['UpdateSecretVersionStage', { versionStage: 'X', moveToVersionId: token(1) }],
    ['RotateSecret', { rotationLambdaARN: 'arn:aws:lambda:us-west-2:111122223333:function:f' }],
    ['ReplicateSecretToRegions', { addReplicaRegions: [{ region: EU }] }],
  ])('a replica is read-only: %s in the replica region is refused and changes nothing', (operation, extra) => {
    const sim = newSim();
    replicated(sim);
    const before = JSON.stringify(sim.snapshot().services.secretsmanager);
    const result = sm(sim, operation, { secretId: 'app', ...extra }, WEST);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(['InvalidRequestException', 'InvalidParameterException']).toContain(result.error.code);
    expect(JSON.stringify(sim.snapshot().services.secretsmanager)).toBe(before);
  });

  it('a name already taken in the target region: that replica is Failed, unless ForceOverwriteReplicaSecret', () => {
    const sim = newSim();
    create(sim, 'app', 'west-own', {}, WEST);
    create(sim, 'app', 'primary');
    const out = ok(sm(sim, 'ReplicateSecretToRegions', { secretId: 'app', addReplicaRegions: [{ region: REPLICA_REGION }] }));
    expect(out.replicationStatus[0].status).toBe('Failed');
    expect(out.replicationStatus[0].statusMessage).toMatch(/already exists/);
    expect(getValue(sim, 'app', {}, WEST).secretString).toBe('west-own');
    const forced = ok(sm(sim, 'ReplicateSecretToRegions', { secretId: 'app', addReplicaRegions: [{ region: REPLICA_REGION }], forceOverwriteReplicaSecret: true }));
    expect(forced.replicationStatus[0].status).toBe('InSync');
    expect(getValue(sim, 'app', {}, WEST).secretString).toBe('primary');
    expect(describe_(sim, 'app', WEST).primaryRegion).toBe('us-east-1');
  });

  it('a replica can use a customer managed key of its region', () => {
    const sim = newSim();
    const key = newKey(sim, {}, WEST);
    create(sim, 'app', 'v1', { addReplicaRegions: [{ region: REPLICA_REGION, kmsKeyId: key.arn }] });
    expect(describe_(sim, 'app', WEST).kmsKeyId).toBe(key.arn);
    expect(getValue(sim, 'app', {}, WEST).secretString).toBe('v1');
    ok(sim.call({ service: 'kms', operation: 'DisableKey', input: { keyId: key.keyId }, region: REPLICA_REGION }));
    fails(sm(sim, 'GetSecretValue', { secretId: 'app' }, WEST), 'DecryptionFailure');
    expect(getValue(sim, 'app').secretString).toBe('v1');
  });

  it('the primary region itself is not a valid replica region', () => {
    const sim = newSim();
    create(sim, 'app');
    fails(sm(sim, 'ReplicateSecretToRegions', { secretId: 'app', addReplicaRegions: [{ region: 'us-east-1' }] }), ['InvalidParameterException', 'InvalidRequestException']);
    expect(describe_(sim, 'app')).not.toHaveProperty('replicationStatus');
  });

  it('a primary with replicas cannot be deleted until the replicas are removed', () => {
    const sim = newSim();
    replicated(sim);
    fails(sm(sim, 'DeleteSecret', { secretId: 'app' }), ['InvalidParameterException', 'InvalidRequestException']);
    expect(describe_(sim, 'app')).not.toHaveProperty('deletedDate');
    ok(sm(sim, 'RemoveRegionsFromReplication', { secretId: 'app', removeReplicaRegions: [REPLICA_REGION] }));
    ok(sm(sim, 'DeleteSecret', { secretId: 'app' }));
  });

  it('RemoveRegionsFromReplication deletes the replica at once and returns the primary ARN and what remains', () => {
    const sim = newSim();
    const { arn } = create(sim, 'app', 'v1', { addReplicaRegions: [{ region: REPLICA_REGION }, { region: EU }] });
    const out = ok(sm(sim, 'RemoveRegionsFromReplication', { secretId: 'app', removeReplicaRegions: [REPLICA_REGION] }));
    expect(out.arn).toBe(arn);
    expect(out.replicationStatus.map((r: { region: string }) => r.region)).toEqual([EU]);
    fails(sm(sim, 'DescribeSecret', { secretId: 'app' }, WEST), 'ResourceNotFoundException', NOT_FOUND);
    ok(sm(sim, 'RemoveRegionsFromReplication', { secretId: 'app', removeReplicaRegions: [EU] }));
    const primary = describe_(sim, 'app');
    expect(primary).not.toHaveProperty('replicationStatus');
    expect(primary).not.toHaveProperty('primaryRegion');
  });

  describe('StopReplicationToReplica (promotion)', () => {
    it('called in the replica region, promotes the replica to a standalone, writable secret', () => {
      const sim = newSim();
      const { arn } = replicated(sim);
      const replicaArn = arn.replace(':us-east-1:', ':us-west-2:');
      expect(ok(sm(sim, 'StopReplicationToReplica', { secretId: 'app' }, WEST))).toEqual({ arn: replicaArn });
      const promoted = describe_(sim, 'app', WEST);
      expect(promoted.arn).toBe(replicaArn);
      expect(promoted).not.toHaveProperty('primaryRegion');
      put(sim, 'app', 'west-only', {}, WEST);
      expect(getValue(sim, 'app', {}, WEST).secretString).toBe('west-only');
      // The old primary no longer lists the region, and its changes no longer reach the promoted secret.
      expect(describe_(sim, 'app')).not.toHaveProperty('replicationStatus');
      put(sim, 'app', 'east-only');
      expect(getValue(sim, 'app', {}, WEST).secretString).toBe('west-only');
      expect(getValue(sim, 'app').secretString).toBe('east-only');
    });

    it('by the replica ARN, and refused on a secret that is not a replica', () => {
      const sim = newSim();
      const { arn } = replicated(sim);
      fails(sm(sim, 'StopReplicationToReplica', { secretId: 'app' }), ['InvalidRequestException', 'InvalidParameterException']);
      ok(sm(sim, 'StopReplicationToReplica', { secretId: arn.replace(':us-east-1:', ':us-west-2:') }, WEST));
    });
  });
});
