import { CreateSecretCommand, DescribeSecretCommand, GetSecretValueCommand, RotateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { createSimulator, deployRotationFunction, rotationState, type World } from '../../src/engine/index.ts';
import { secretsClient, startTestEndpoint } from './helpers.ts';

/** The generic case of a learner-written function: a new random value as AWSPENDING, then AWSCURRENT moves to it. */
const HANDLER = `const sm = require('@aws-sdk/client-secrets-manager');
const client = new sm.SecretsManagerClient({});
exports.handler = async ({ SecretId, ClientRequestToken, Step }) => {
  console.log('step', Step);
  const meta = await client.send(new sm.DescribeSecretCommand({ SecretId }));
  if (meta.VersionIdsToStages[ClientRequestToken].includes('AWSCURRENT')) return;
  if (Step === 'createSecret') {
    const { RandomPassword } = await client.send(new sm.GetRandomPasswordCommand({ PasswordLength: 32 }));
    await client.send(new sm.PutSecretValueCommand({ SecretId, ClientRequestToken, SecretString: RandomPassword, VersionStages: ['AWSPENDING'] }));
  }
  if (Step === 'finishSecret') {
    const current = Object.keys(meta.VersionIdsToStages).find((id) => meta.VersionIdsToStages[id].includes('AWSCURRENT'));
    await client.send(new sm.UpdateSecretVersionStageCommand({ SecretId, VersionStage: 'AWSCURRENT', MoveToVersionId: ClientRequestToken, RemoveFromVersionId: current }));
  }
};`;

describe('a learner-written rotation function behind the local endpoint', () => {
  it('runs in node:vm as the realtime clock passes, so an SDK client sees the rotation finish', async () => {
    const sim = createSimulator({ seed: 'endpoint-custom-rotation' });
    const functionArn = deployRotationFunction(sim, { name: 'rotate-token', template: 'SecretsManagerRotationTemplate', inVpc: false, source: HANDLER });
    let wall = 5_000_000;
    const endpoint = await startTestEndpoint({ sim, realtime: true, wallClock: () => wall });
    const sm = secretsClient(endpoint);
    try {
      await sm.send(new CreateSecretCommand({ Name: 'tokens/partner', SecretString: 'first-token' }));
      const rotated = await sm.send(new RotateSecretCommand({ SecretId: 'tokens/partner', RotationLambdaARN: functionArn, RotationRules: { AutomaticallyAfterDays: 30 } }));
      expect((await sm.send(new GetSecretValueCommand({ SecretId: 'tokens/partner' }))).SecretString).toBe('first-token');
      wall += 60_000;
      const after = await sm.send(new GetSecretValueCommand({ SecretId: 'tokens/partner' }));
      expect(after.VersionId).toBe(rotated.VersionId);
      expect(after.SecretString).toHaveLength(32);
      expect((await sm.send(new DescribeSecretCommand({ SecretId: 'tokens/partner' }))).LastRotatedDate).toBeInstanceOf(Date);
      const run = Object.values(rotationState(sim.state as World).runs)[0]!;
      expect(run.steps.map((step) => step.logs)).toEqual([['step createSecret'], ['step setSecret'], ['step testSecret'], ['step finishSecret']]);
    } finally {
      sm.destroy();
      await endpoint.close();
    }
  });
});
