import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createSimulator, type CallerRef } from '../../src/engine/index.ts';
import { inPageRequestHandler } from '../../src/engine/protocol/index.ts';

/** The SDK as it runs in the page: same client, same codec, the in-page simulator instead of the network. */

function pageClient(sim: ReturnType<typeof createSimulator>, caller: () => CallerRef | undefined, region = 'us-east-1') {
  return new SecretsManagerClient({
    region,
    endpoint: 'https://secretsmanager.sim.invalid',
    credentials: { accessKeyId: 'page', secretAccessKey: 'page' },
    maxAttempts: 1,
    requestHandler: inPageRequestHandler(sim, { caller }),
  });
}

describe('in-page request handler', () => {
  it('round-trips through the SDK with no network', async () => {
    const sim = createSimulator({ seed: 'in-page' });
    const sm = pageClient(sim, () => undefined);
    const created = await sm.send(new CreateSecretCommand({ Name: 'page/secret', SecretString: 'hello' }));
    expect(created.ARN).toContain(':111122223333:secret:page/secret-');
    const value = await sm.send(new GetSecretValueCommand({ SecretId: 'page/secret' }));
    expect(value.SecretString).toBe('hello');
    expect(value.CreatedDate).toEqual(new Date(Date.UTC(2026, 0, 1)));
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'page/secret' }));
    expect(Object.values(described.VersionIdsToStages ?? {})).toEqual([['AWSCURRENT']]);
    // The call went through the one pipeline, so it is in the world's log.
    expect(sim.state.log.entries.some((e) => e.kind === 'call' && e.operation === 'GetSecretValue')).toBe(true);
  });

  it('acts as whoever the page says, and takes the region from the signature', async () => {
    const sim = createSimulator({ seed: 'in-page' });
    let caller: CallerRef | undefined;
    const sm = pageClient(sim, () => caller, 'eu-west-1');
    caller = { principalArn: 'arn:aws:iam::444455556666:user/admin' };
    const created = await sm.send(new CreateSecretCommand({ Name: 'page/other', SecretString: 'dev' }));
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:eu-west-1:444455556666:secret:page\/other-/);
    caller = undefined;
    await expect(sm.send(new GetSecretValueCommand({ SecretId: 'page/other' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses an unknown principal as AWS refuses an unknown key', async () => {
    const sim = createSimulator({ seed: 'in-page' });
    const sm = pageClient(sim, () => ({ principalArn: 'arn:aws:iam::111122223333:user/nobody' }));
    await expect(sm.send(new GetSecretValueCommand({ SecretId: 'x' }))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
  });

  it('serves STS over the Query protocol too (GetCallerIdentity for whoever the page acts as)', async () => {
    const sim = createSimulator({ seed: 'in-page' });
    const sts = new STSClient({
      region: 'us-east-1',
      endpoint: 'https://sts.sim.invalid',
      credentials: { accessKeyId: 'page', secretAccessKey: 'page' },
      maxAttempts: 1,
      requestHandler: inPageRequestHandler(sim, { caller: () => ({ principalArn: 'arn:aws:iam::444455556666:user/admin' }) }),
    });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: '444455556666', Arn: 'arn:aws:iam::444455556666:user/admin' });
  });
});
