import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { inPageRequestHandler, type CallerRef, type Simulator } from '../../engine/index.ts';

/**
 * The real AWS SDK for JavaScript v3, running in the page against the in-page simulator: it builds, signs and parses
 * real AWS JSON 1.1 messages, and the request handler hands them to the engine instead of the network. Loaded only
 * through import(), so the SDK costs nothing until a learner uses it.
 */
export function pageSecretsManagerClient(simulator: Simulator, caller?: () => CallerRef | undefined, region = 'us-east-1') {
  return new SecretsManagerClient({
    region,
    endpoint: 'https://secretsmanager.sim.invalid',
    // The page signs like any SDK; the simulator knows who is acting from the app, not from these keys.
    credentials: { accessKeyId: 'in-page', secretAccessKey: 'in-page' },
    maxAttempts: 1,
    requestHandler: inPageRequestHandler(simulator, caller ? { caller } : {}),
  });
}

export async function getSecretValueWithSdk(simulator: Simulator, secretId: string, region = 'us-east-1', actingAs?: string): Promise<string> {
  const client = pageSecretsManagerClient(simulator, () => (actingAs ? { principalArn: actingAs } : undefined), region);
  const response = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  return response.SecretString ?? `(${response.SecretBinary?.length ?? 0} bytes)`;
}
