import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator, deployRotationFunction, type Simulator, type World } from '../../../../src/engine/index.ts';
import { findSecret } from '../../../../src/engine/secrets/index.ts';
import { isDeprecated } from '../../../../src/engine/secrets/staging-labels.ts';
import type { Secret } from '../../../../src/engine/secrets/state.ts';

/**
 * DescribeSecret writes its output field by field (it runs four times in every rotation). These tests compare it,
 * key order included, with the response built the plain way: conditional spreads, as the metadata was first written.
 */

function plainDescribe(secret: Secret) {
  const stagesByVersion: Record<string, string[]> = {};
  for (const version of Object.values(secret.versions)) if (!isDeprecated(version)) stagesByVersion[version.versionId] = [...version.stages];
  const rotation = secret.rotation;
  return {
    arn: secret.arn,
    name: secret.name,
    ...(secret.type !== undefined ? { type: secret.type } : {}),
    ...(secret.description ? { description: secret.description } : {}),
    ...(secret.kmsKeyId !== undefined ? { kmsKeyId: secret.kmsKeyId } : {}),
    ...(rotation
      ? {
          rotationEnabled: rotation.enabled,
          ...(rotation.lambdaArn !== undefined ? { rotationLambdaARN: rotation.lambdaArn } : {}),
          ...(rotation.rules ? { rotationRules: { ...rotation.rules } } : {}),
          ...(rotation.lastRotatedDate !== undefined ? { lastRotatedDate: rotation.lastRotatedDate } : {}),
          ...(rotation.enabled && rotation.nextRotationDate !== undefined ? { nextRotationDate: rotation.nextRotationDate } : {}),
        }
      : {}),
    lastChangedDate: secret.lastChangedDate,
    ...(secret.lastAccessedDate !== undefined ? { lastAccessedDate: secret.lastAccessedDate } : {}),
    ...(secret.deletedDate !== undefined ? { deletedDate: secret.deletedDate } : {}),
    ...(secret.tags !== undefined ? { tags: secret.tags.map((t) => ({ key: t.key, value: t.value })) } : {}),
    ...(secret.owningService !== undefined ? { owningService: secret.owningService } : {}),
    createdDate: secret.createdDate,
    ...(secret.primaryRegion !== undefined ? { primaryRegion: secret.primaryRegion } : {}),
    ...(Object.keys(stagesByVersion).length > 0 ? { versionIdsToStages: stagesByVersion } : {}),
    ...(secret.replicas
      ? {
          replicationStatus: secret.replicas.map((r) => ({
            region: r.region,
            ...(r.kmsKeyId !== undefined ? { kmsKeyId: r.kmsKeyId } : {}),
            status: r.status,
            ...(r.statusMessage !== undefined ? { statusMessage: r.statusMessage } : {}),
            ...(r.lastAccessedDate !== undefined ? { lastAccessedDate: r.lastAccessedDate } : {}),
          })),
        }
      : {}),
  };
}

type Step =
  | { kind: 'tag' | 'untag' | 'describe-text' | 'put' | 'read' | 'delete' | 'restore' | 'replicate' | 'policy' | 'label' | 'rotate' | 'cancel' }
  | { kind: 'advance'; hours: number };

function apply(sim: Simulator, step: Step, functionArn: string): void {
  const sm = (operation: string, input: Record<string, unknown>) => sim.call({ service: 'secretsmanager', operation, input });
  switch (step.kind) {
    case 'tag':
      sm('TagResource', { secretId: 's', tags: [{ key: 'team', value: 'blue' }] });
      break;
    case 'untag':
      sm('UntagResource', { secretId: 's', tagKeys: ['team'] });
      break;
    case 'describe-text':
      sm('UpdateSecret', { secretId: 's', description: `at ${sim.now}` });
      break;
    case 'put':
      sm('PutSecretValue', { secretId: 's', secretString: `v${sim.now}` });
      break;
    case 'read':
      sm('GetSecretValue', { secretId: 's' });
      break;
    case 'delete':
      sm('DeleteSecret', { secretId: 's', recoveryWindowInDays: 7 });
      break;
    case 'restore':
      sm('RestoreSecret', { secretId: 's' });
      break;
    case 'replicate':
      sm('ReplicateSecretToRegions', { secretId: 's', addReplicaRegions: [{ region: 'eu-west-1' }] });
      break;
    case 'policy':
      sm('PutResourcePolicy', { secretId: 's', resourcePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) });
      break;
    case 'label':
      sm('UpdateSecretVersionStage', { secretId: 's', versionStage: 'BLUE', moveToVersionId: (sm('GetSecretValue', { secretId: 's' }) as { ok: boolean; output?: { versionId: string } }).output?.versionId });
      break;
    case 'rotate':
      sm('RotateSecret', { secretId: 's', rotationLambdaARN: functionArn, rotationRules: { automaticallyAfterDays: 30 }, rotateImmediately: false });
      break;
    case 'cancel':
      sm('CancelRotateSecret', { secretId: 's' });
      break;
    case 'advance':
      sim.advance({ hours: step.hours });
  }
}

describe('DescribeSecret output', () => {
  it('is the plain spread-built response, key order included, through any history of the secret (property)', () => {
    const kinds = ['tag', 'untag', 'describe-text', 'put', 'read', 'delete', 'restore', 'replicate', 'policy', 'label', 'rotate', 'cancel'] as const;
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.constantFrom(...kinds).map((kind) => ({ kind })),
      fc.constantFrom(1, 25, 24 * 8).map((hours) => ({ kind: 'advance' as const, hours })),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { maxLength: 12 }), (described, steps) => {
        const sim = createSimulator();
        const functionArn = deployRotationFunction(sim, { name: 'rotate', template: 'SecretsManagerRotationTemplate' });
        sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 's', secretString: 'v', ...(described ? { description: 'first' } : {}) } });
        for (const s of steps) {
          apply(sim, s, functionArn);
          const secret = findSecret(sim.state as World, 's', '111122223333', 'us-east-1');
          const result = sim.call({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: 's' } });
          if (!secret) {
            expect(result.ok).toBe(false);
            continue;
          }
          expect(result.ok).toBe(true);
          if (result.ok) expect(JSON.stringify(result.output)).toBe(JSON.stringify(plainDescribe(secret)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lists a tagged secret\'s fields in AWS order', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 's', secretString: 'v', tags: [{ key: 'a', value: 'b' }] } });
    const out = sim.call<Record<string, unknown>>({ service: 'secretsmanager', operation: 'DescribeSecret', input: { secretId: 's' } });
    expect(out.ok && Object.keys(out.output)).toEqual(['arn', 'name', 'lastChangedDate', 'tags', 'createdDate', 'versionIdsToStages']);
  });
});
